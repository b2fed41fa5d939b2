/**
 * Teams' environment variables, read and checked. Teams is on when TEAMS_CLIENT_ID is set with either
 * the app's secret and tenant (production: tokens from Entra ID) or TEAMS_DEV_TOKEN (an emulator:
 * a static outbound token). TEAMS_OPENID_METADATA_URL and TEAMS_DEV_TOKEN exist only for local
 * testing: with them, inbound keys or outbound tokens would come from somewhere other than
 * Microsoft, so NODE_ENV=production refuses them.
 */
import { z } from "zod";

export interface TeamsConfig {
  clientId: string;
  clientSecret?: string;
  tenantId?: string;
  /** Where inbound JWT signing keys are found (default Microsoft's Bot Framework metadata). */
  openIdMetadataUrl?: string;
  /** A static JWT-shaped outbound token instead of Entra ID (emulators only). */
  devToken?: string;
  /** Bot Connector base for posts before any activity told us a tenant's serviceUrl. */
  serviceUrl: string;
  /** DUIDBOT_PUBLIC_URL: where Teams fetches chart images (charts.ts); without it cards carry no charts. */
  publicUrl?: string;
}

/** Microsoft's global Bot Connector endpoint for Teams; activities tell the regional one, which wins. */
export const DEFAULT_SERVICE_URL = "https://smba.trafficmanager.net/teams/";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const guid = (what: string) =>
  z.preprocess(blank, z.string().regex(GUID, { error: `moet een GUID zijn (${what} uit Entra ID) / must be a GUID (the ${what} from Entra ID)` }).optional());

const TeamsEnv = z.object({
  TEAMS_CLIENT_ID: guid("Application (client) ID"),
  TEAMS_CLIENT_SECRET: z.preprocess(blank, z.string().optional()),
  TEAMS_TENANT_ID: guid("Directory (tenant) ID"),
  TEAMS_OPENID_METADATA_URL: z.preprocess(blank, z.url({ error: "moet een URL zijn / must be a URL" }).optional()),
  TEAMS_DEV_TOKEN: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[\w-]+\.[\w-]+\.[\w-]*$/, { error: "moet de vorm van een JWT hebben (drie delen met punten) / must be JWT-shaped (three dot-separated parts)" })
      .optional(),
  ),
  TEAMS_SERVICE_URL: z.preprocess(blank, z.url({ error: "moet een URL zijn / must be a URL" }).optional()),
  // src/main/config.ts checks and reports it (it is the web sign-in's too); a bad one only means no charts here.
  DUIDBOT_PUBLIC_URL: z.preprocess(blank, z.url({ protocol: /^https?$/ }).optional()).catch(undefined),
  NODE_ENV: z.string().optional(),
});

export type TeamsSetting = { status: "off" } | { status: "on"; config: TeamsConfig } | { status: "invalid"; issues: string[] };

export function readTeamsEnv(env: NodeJS.ProcessEnv): TeamsSetting {
  const parsed = TeamsEnv.safeParse(env);
  if (!parsed.success) return { status: "invalid", issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  const e = parsed.data;
  const any = [e.TEAMS_CLIENT_ID, e.TEAMS_CLIENT_SECRET, e.TEAMS_TENANT_ID, e.TEAMS_OPENID_METADATA_URL, e.TEAMS_DEV_TOKEN].some((v) => v !== undefined);
  if (!any) return { status: "off" };
  const issues: string[] = [];
  if (e.NODE_ENV === "production") {
    for (const name of ["TEAMS_OPENID_METADATA_URL", "TEAMS_DEV_TOKEN"] as const) {
      if (e[name] !== undefined) issues.push(`${name}: alleen voor lokaal testen, niet met NODE_ENV=production / for local testing only, refused with NODE_ENV=production`);
    }
  }
  if (e.TEAMS_CLIENT_ID === undefined) issues.push("TEAMS_CLIENT_ID: ontbreekt; zet de Application (client) ID van de app-registratie / missing; set the app registration's Application (client) ID");
  if (e.TEAMS_DEV_TOKEN === undefined && (e.TEAMS_CLIENT_SECRET === undefined || e.TEAMS_TENANT_ID === undefined)) {
    issues.push("TEAMS_CLIENT_SECRET en TEAMS_TENANT_ID horen bij TEAMS_CLIENT_ID: zet ze alle drie / set all three (see docs/teams.md)");
  }
  if (issues.length > 0 || e.TEAMS_CLIENT_ID === undefined) return { status: "invalid", issues };
  return {
    status: "on",
    config: {
      clientId: e.TEAMS_CLIENT_ID,
      ...(e.TEAMS_CLIENT_SECRET !== undefined ? { clientSecret: e.TEAMS_CLIENT_SECRET } : {}),
      ...(e.TEAMS_TENANT_ID !== undefined ? { tenantId: e.TEAMS_TENANT_ID } : {}),
      ...(e.TEAMS_OPENID_METADATA_URL !== undefined ? { openIdMetadataUrl: e.TEAMS_OPENID_METADATA_URL } : {}),
      ...(e.TEAMS_DEV_TOKEN !== undefined ? { devToken: e.TEAMS_DEV_TOKEN } : {}),
      serviceUrl: e.TEAMS_SERVICE_URL ?? DEFAULT_SERVICE_URL,
      ...(e.DUIDBOT_PUBLIC_URL !== undefined ? { publicUrl: e.DUIDBOT_PUBLIC_URL } : {}),
    },
  };
}
