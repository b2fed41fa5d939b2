/**
 * Configuration from environment variables, validated with zod. Every variable is listed in the
 * README's configuration table; keep the two in step.
 */
import { z } from "zod";
import type { EnabledAdapter } from "../app/chatAdapter.ts";
import { CHAT_ADAPTERS } from "./chatAdapters.ts";
import { dataDirFrom } from "./dataDir.ts";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const bool = (fallback: boolean) =>
  z.preprocess(
    emptyToUndefined,
    z
      .enum(["true", "false", "1", "0", "ja", "nee", "yes", "no"], { error: "moet true of false zijn / must be true or false" })
      .optional()
      .transform((v) => (v === undefined ? fallback : ["true", "1", "ja", "yes"].includes(v))),
  );

const EnvSchema = z.object({
  DUIDBOT_DATA_DIR: optionalString,
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: "moet een postgresql:// URL zijn / must be a postgresql:// URL" })
      .optional(),
  ),
  HOST: z.preprocess(emptyToUndefined, z.string().default("127.0.0.1")),
  // 0 lets the system pick a free port (tests). One message for every way it can be wrong, naming the value.
  PORT: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default("3000")
      .transform((value, ctx) => {
        const text = value.trim();
        if (/^\d{1,5}$/.test(text) && Number(text) <= 65535) return Number(text);
        ctx.addIssue({
          code: "custom",
          message: `moet een poortnummer van 1 t/m 65535 zijn, niet "${value}" (0: een vrije poort) / must be a port number from 1 to 65535 (0: any free port)`,
        });
        return z.NEVER;
      }),
  ),
  DUIDBOT_API_TOKEN: optionalString,
  DUIDBOT_LANG: z.preprocess(emptyToUndefined, z.enum(["nl", "en"], { error: "moet nl of en zijn / must be nl or en" }).default("nl")),
  DUIDBOT_LOAD_EXAMPLE: bool(true),
  DUIDBOT_WEB: z.preprocess(emptyToUndefined, z.enum(["on", "off"], { error: "moet on of off zijn / must be on or off" }).default("on")),
  DUIDBOT_OIDC_ISSUER: z.preprocess(emptyToUndefined, z.url({ error: "moet een URL zijn / must be a URL" }).optional()),
  DUIDBOT_OIDC_CLIENT_ID: optionalString,
  DUIDBOT_OIDC_CLIENT_SECRET: optionalString,
  DUIDBOT_PUBLIC_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/, error: "moet een http(s)-URL zijn / must be an http(s) URL" }).optional()),
  DUIDBOT_WEB_PASSWORD: z.preprocess(
    emptyToUndefined,
    z.string().min(12, { error: "moet minstens 12 tekens hebben / must be at least 12 characters" }).optional(),
  ),
});

/**
 * Who may use the web workspace: off; the person at the machine (a loopback HOST, no sign-in); or whoever
 * knows the shared password (any other HOST).
 */
export type WebSetting =
  | { mode: "off" }
  | { mode: "local" }
  | { mode: "password"; password: string }
  | { mode: "oidc"; issuer: string; clientId: string; clientSecret: string; publicUrl: string };

export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

export interface Config {
  dataDir: string;
  databaseUrl?: string;
  host: string;
  port: number;
  apiToken?: string;
  lang: "nl" | "en";
  loadExample: boolean;
  web: WebSetting;
  /** The chat adapters switched on by their environment variables (src/main/chatAdapters.ts). */
  adapters: EnabledAdapter[];
  /** One start-up line per known adapter: on (and where), or what to set to switch it on. */
  adapterLines: string[];
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  const lines = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  const adapters: EnabledAdapter[] = [];
  const adapterLines: string[] = [];
  for (const listed of CHAT_ADAPTERS) {
    const setting = listed.read(env);
    if (setting.status === "invalid") lines.push(...setting.issues);
    else if (setting.status === "on") {
      adapters.push(setting.adapter);
      adapterLines.push(setting.adapter.describe);
    } else adapterLines.push(listed.describeOff);
  }
  const web = parsed.success ? webSetting(parsed.data, lines) : undefined;
  if (!parsed.success || lines.length > 0 || !web) throw new ConfigError(`Ongeldige configuratie / invalid configuration:\n${lines.join("\n")}`);
  const e = parsed.data;
  return {
    dataDir: dataDirFrom(e.DUIDBOT_DATA_DIR, cwd),
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    host: e.HOST,
    port: e.PORT,
    ...(e.DUIDBOT_API_TOKEN ? { apiToken: e.DUIDBOT_API_TOKEN } : {}),
    lang: e.DUIDBOT_LANG,
    loadExample: e.DUIDBOT_LOAD_EXAMPLE,
    web,
    adapters,
    adapterLines,
  };
}

function webSetting(e: z.infer<typeof EnvSchema>, lines: string[]): WebSetting | undefined {
  if (e.DUIDBOT_WEB === "off") return { mode: "off" };
  const oidc = [e.DUIDBOT_OIDC_ISSUER, e.DUIDBOT_OIDC_CLIENT_ID, e.DUIDBOT_OIDC_CLIENT_SECRET];
  if (oidc.some((v) => v !== undefined)) {
    if (oidc.some((v) => v === undefined) || !e.DUIDBOT_PUBLIC_URL) {
      lines.push(
        "DUIDBOT_OIDC_ISSUER, DUIDBOT_OIDC_CLIENT_ID, DUIDBOT_OIDC_CLIENT_SECRET en DUIDBOT_PUBLIC_URL horen bij elkaar: zet ze alle vier / belong together: set all four",
      );
      return undefined;
    }
    return { mode: "oidc", issuer: e.DUIDBOT_OIDC_ISSUER!, clientId: e.DUIDBOT_OIDC_CLIENT_ID!, clientSecret: e.DUIDBOT_OIDC_CLIENT_SECRET!, publicUrl: e.DUIDBOT_PUBLIC_URL };
  }
  if (e.DUIDBOT_WEB_PASSWORD) return { mode: "password", password: e.DUIDBOT_WEB_PASSWORD };
  if (isLoopbackHost(e.HOST)) return { mode: "local" };
  // Without sign-in, anyone who can reach the address would see intern figures and could import.
  lines.push(
    `HOST: ${e.HOST} is geen loopback-adres: de webwerkplek vraagt dan om inloggen. Zet DUIDBOT_WEB_PASSWORD (een gedeeld wachtwoord), ` +
      `DUIDBOT_OIDC_ISSUER met _CLIENT_ID, _CLIENT_SECRET en DUIDBOT_PUBLIC_URL (inloggen met het organisatie-account), of DUIDBOT_WEB=off / ` +
      `${e.HOST} is not a loopback address: the web workspace then requires sign-in. Set DUIDBOT_WEB_PASSWORD (a shared password), ` +
      `DUIDBOT_OIDC_ISSUER with _CLIENT_ID, _CLIENT_SECRET and DUIDBOT_PUBLIC_URL (organisation accounts), or DUIDBOT_WEB=off`,
  );
  return undefined;
}
