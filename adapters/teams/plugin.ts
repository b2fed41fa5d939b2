/**
 * Teams as a plug-in of the one server (src/main/chatAdapters.ts): its environment variables
 * (config.ts), its start-up log lines and how it is built.
 */
import { z } from "zod";
import type { ChatAdapterPlugin } from "../../src/app/chatAdapter.ts";
import { readTeamsEnv, type TeamsConfig } from "./config.ts";

/** The Teams SDK and the adapter, loaded only when Teams is on (load()): importing them takes over a second. */
let app: typeof import("./app.ts") | undefined;

/** Settings tests and benches pass through AdapterContext.tuning. */
const TeamsTuning = z.object({
  processBeforeResponse: z.boolean().optional(),
  quietMs: z.number().min(0).optional(),
  quiet: z.boolean().optional(),
});

export const teamsPlugin: ChatAdapterPlugin<TeamsConfig> = {
  name: "teams",
  label: "Microsoft Teams",
  readEnv: readTeamsEnv,
  describeOn: (config) =>
    `Teams: aan, activiteiten op POST /api/messages (app ${config.clientId})` +
    `${config.devToken || config.openIdMetadataUrl ? " — LOKALE TESTINSTELLINGEN (TEAMS_DEV_TOKEN / TEAMS_OPENID_METADATA_URL)" : ""}; ` +
    (config.publicUrl
      ? `grafieken in kaarten via ${new URL("charts/", config.publicUrl.endsWith("/") ? config.publicUrl : `${config.publicUrl}/`).href}….`
      : "kaarten zonder grafieken: zet DUIDBOT_PUBLIC_URL (het publieke https-adres van deze server) / cards without charts: set DUIDBOT_PUBLIC_URL."),
  describeOff: "Teams: uit; zet TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET en TEAMS_TENANT_ID om Teams aan te zetten (docs/teams.md).",
  async load() {
    app ??= await import("./app.ts");
  },
  create(config, context) {
    if (!app) throw new Error("teams: load() before create()");
    const tuning = TeamsTuning.parse(context.tuning ?? {});
    return app.createTeamsAdapter({
      ...config,
      sessions: context.sessions,
      inbox: context.inbox,
      state: context.state,
      charts: context.charts,
      lang: context.lang,
      workConcurrency: context.workConcurrency,
      kick: context.kick,
      processBeforeResponse: tuning.processBeforeResponse ?? false,
      ...(tuning.quietMs !== undefined ? { quietMs: tuning.quietMs } : {}),
      ...(tuning.quiet !== undefined ? { quiet: tuning.quiet } : {}),
    });
  },
};
