/**
 * Slack as a plug-in of the one server (src/main/chatAdapters.ts): its environment variables,
 * its start-up log lines and how it is built. Slack is on when both the bot token and the signing
 * secret are set; one without the other is a mistake worth stopping the start for.
 */
import type { LogLevel } from "@slack/bolt";
import { z } from "zod";
import type { ChatAdapterPlugin } from "../../src/app/chatAdapter.ts";

/** Bolt and the adapter, loaded only when Slack is on (load()): importing them takes a second. */
let app: typeof import("./app.ts") | undefined;

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  /** Base URL of the Web API (SLACK_API_URL); default Slack's own. */
  apiUrl?: string;
  /** DUIDBOT_PUBLIC_URL: the base of guest links shown by "Gastlink maken" (src/main/config.ts validates it). */
  publicUrl?: string;
}

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const SlackEnv = z.object({
  SLACK_BOT_TOKEN: z.preprocess(blank, z.string().optional()),
  SLACK_SIGNING_SECRET: z.preprocess(blank, z.string().optional()),
  SLACK_API_URL: z.preprocess(blank, z.url({ error: "moet een URL zijn / must be a URL" }).optional()),
  // Checked (with its message) by src/main/config.ts; a bad value here only means no guest links in Slack.
  DUIDBOT_PUBLIC_URL: z.preprocess(blank, z.url({ protocol: /^https?$/ }).optional()).catch(undefined),
});

/** Settings tests and benches pass through AdapterContext.tuning. */
const SlackTuning = z.object({
  processBeforeResponse: z.boolean().optional(),
  quietMs: z.number().min(0).optional(),
  // Bolt's LogLevel values, spelled out so that this file does not load Bolt.
  logLevel: z.enum(["debug", "info", "warn", "error"]).optional(),
});

export const slackPlugin: ChatAdapterPlugin<SlackConfig> = {
  name: "slack",
  label: "Slack",
  readEnv(env) {
    const parsed = SlackEnv.safeParse(env);
    if (!parsed.success) return { status: "invalid", issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
    const e = parsed.data;
    if (e.SLACK_BOT_TOKEN === undefined && e.SLACK_SIGNING_SECRET === undefined) return { status: "off" };
    if (e.SLACK_BOT_TOKEN === undefined || e.SLACK_SIGNING_SECRET === undefined) {
      return { status: "invalid", issues: ["SLACK_BOT_TOKEN en SLACK_SIGNING_SECRET horen bij elkaar: zet ze allebei of geen van beide / set both or neither"] };
    }
    return { status: "on", config: { botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}), ...(e.DUIDBOT_PUBLIC_URL ? { publicUrl: e.DUIDBOT_PUBLIC_URL } : {}) } };
  },
  describeOn: (config) => `Slack: aan, events op POST /slack/events${config.apiUrl ? ` (Web API: ${config.apiUrl})` : ""}.`,
  describeOff: "Slack: uit; zet SLACK_BOT_TOKEN en SLACK_SIGNING_SECRET om Slack aan te zetten.",
  async load() {
    app ??= await import("./app.ts");
  },
  create(config, context) {
    if (!app) throw new Error("slack: load() before create()");
    const tuning = SlackTuning.parse(context.tuning ?? {});
    return app.createSlackAdapter({
      ...config,
      sessions: context.sessions,
      inbox: context.inbox,
      lang: context.lang,
      charts: context.charts,
      processBeforeResponse: tuning.processBeforeResponse ?? false,
      workConcurrency: context.workConcurrency,
      kick: context.kick,
      ...(tuning.logLevel ? { logLevel: tuning.logLevel as LogLevel } : {}),
      ...(tuning.quietMs !== undefined ? { quietMs: tuning.quietMs } : {}),
    });
  },
};
