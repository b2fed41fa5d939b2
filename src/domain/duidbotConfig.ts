/**
 * duidbot.yaml: which channels the bot serves (audience, scope, session settings) and who holds
 * which role. Pure: the caller reads the file. Precedence against chat commands: see
 * src/app/sessions/applyConfig.ts. Example: examples/duidbot.yaml.
 */
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { fieldPath, sortIssues } from "./issues.ts";
import { CHANNEL_AUDIENCES, PERSPECTIVES, ROLES } from "./sessionRules.ts";
import type { ChannelAudience, ChannelScope, Perspective, Role } from "./sessionRules.ts";
import type { Validated, ValidationIssue } from "./validation.ts";
import { yamlLineFinder } from "./yamlLines.ts";
import { customIssue, dutchErrorMap, toBilingual } from "./zodMessages.ts";

export interface ChannelConfig {
  key: string;
  name: string;
  audience: ChannelAudience;
  scope: ChannelScope;
  autoStart: boolean;
  perspective?: Perspective;
  lang?: "nl" | "en";
  advanceAfterDays?: number;
}

export interface PersonConfig {
  key: string;
  name: string;
  roles: Role[];
  perspective?: Perspective;
}

export interface DuidbotConfig {
  defaults: { lang: "nl" | "en"; advanceAfterDays?: number };
  channels: ChannelConfig[];
  people: PersonConfig[];
}

export const EMPTY_CONFIG: DuidbotConfig = { defaults: { lang: "nl" }, channels: [], people: [] };

/** "slack:T123:C456", "teams:19:abc@thread.tacv2", "memory:leerkring": a platform prefix, then the platform's id. */
const KEY = /^[a-z]+:\S+$/;
/** Keys of changes duidbot makes itself ("system:guest-detection"); no channel or person may have one. */
export const SYSTEM_KEY_PREFIX = "system:";
function keyOf(exampleNl: string, exampleEn: string) {
  return z.string().superRefine((value, ctx) => {
    if (!KEY.test(value)) ctx.addIssue(customIssue(`"${value}" moet ${exampleNl} zijn`, `"${value}" must be ${exampleEn}`));
    else if (value.startsWith(SYSTEM_KEY_PREFIX)) {
      ctx.addIssue(customIssue(`"${value}": "${SYSTEM_KEY_PREFIX}" is voorbehouden aan duidbot zelf`, `"${value}": "${SYSTEM_KEY_PREFIX}" is reserved for duidbot itself`));
    }
  });
}
const channelKey = keyOf('"platform:id", bijv. "slack:T123:C456"', '"platform:id", e.g. "slack:T123:C456"');
const personKey = keyOf('"platform:gebruiker", bijv. "slack:U123"', '"platform:user", e.g. "slack:U123"');
const days = z.number().int().min(1).max(90);
const ids = z.array(z.string().min(1)).default([]);

const channelSchema = z.strictObject({
  key: channelKey,
  name: z.string().min(1),
  audience: z.enum(CHANNEL_AUDIENCES),
  scope: z.strictObject({ opgaven: ids, doelen: ids, indicators: ids }).default({ opgaven: [], doelen: [], indicators: [] }),
  autoStart: z.boolean().default(false),
  perspective: z.enum(PERSPECTIVES).optional(),
  lang: z.enum(["nl", "en"]).optional(),
  advanceAfterDays: days.optional(),
});

const personSchema = z.strictObject({
  key: personKey,
  name: z.string().min(1),
  roles: z.array(z.enum(ROLES)).default([]),
  perspective: z.enum(PERSPECTIVES).optional(),
});

/** Rights for a group of people at once (e.g. all trekkers of the leerkringen); expanded into `people`. */
const groupSchema = z.strictObject({
  name: z.string().min(1),
  roles: z.array(z.enum(ROLES)).default([]),
  perspective: z.enum(PERSPECTIVES).optional(),
  members: z.array(personKey).min(1),
});

const configSchema = z.strictObject({
  defaults: z
    .strictObject({ lang: z.enum(["nl", "en"]).default("nl"), advanceAfterDays: days.optional() })
    .default({ lang: "nl" }),
  channels: z.array(channelSchema).default([]),
  people: z.array(personSchema).default([]),
  groups: z.array(groupSchema).default([]),
});

type GroupConfig = z.infer<typeof groupSchema>;

/**
 * Folds groups into people: a member gets the union of their own roles and their groups' roles; their
 * own perspective wins, then the first group's. A member not listed under people is added (named by
 * key: chat platforms supply the display name with every message).
 */
export function expandGroups(people: readonly PersonConfig[], groups: readonly GroupConfig[]): PersonConfig[] {
  const byKey = new Map(people.map((p) => [p.key, { ...p, roles: [...p.roles] }]));
  for (const group of groups) {
    for (const key of group.members) {
      const person = byKey.get(key) ?? { key, name: key, roles: [] };
      for (const role of group.roles) if (!person.roles.includes(role)) person.roles.push(role);
      if (person.perspective === undefined && group.perspective !== undefined) person.perspective = group.perspective;
      byKey.set(key, person);
    }
  }
  return [...byKey.values()];
}

const LABELS = {
  key: "sleutel",
  name: "naam",
  audience: "publiek",
  scope: "bereik",
  autoStart: "autoStart",
  perspective: "perspectief",
  roles: "rollen",
  members: "leden",
  advanceAfterDays: "advanceAfterDays",
} as const;

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/** Parses and validates duidbot.yaml; every problem is reported with its line. */
export function parseDuidbotConfig(text: string, fileName: string): Validated<DuidbotConfig> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        file: fileName,
        line: e.linePos?.[0]?.line,
        field: "yaml",
        message: `YAML-fout: ${e.message.split("\n")[0] ?? ""}`,
        messageEn: `YAML error: ${e.message.split("\n")[0] ?? ""}`,
      })),
    };
  }
  if (doc.contents === null) return { ok: true, value: EMPTY_CONFIG };
  const lineOf = yamlLineFinder(doc, lineCounter);
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // toJS refuses alias bombs; expected failures are values, never throws.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ file: fileName, line: 1, field: "yaml", message: `YAML-fout: ${message}`, messageEn: `YAML error: ${message}` }] };
  }
  const result = configSchema.safeParse(data, { error: dutchErrorMap(LABELS), reportInput: true });
  if (!result.success) {
    const issues = result.error.issues.map((issue): ValidationIssue => {
      const t = toBilingual(issue, LABELS);
      return { file: fileName, line: lineOf(issue.path), field: fieldPath(issue.path), message: t.nl, messageEn: t.en };
    });
    return { ok: false, issues: sortIssues(issues) };
  }
  const value = result.data;
  const issues: ValidationIssue[] = [];
  for (const key of duplicates(value.channels.map((c) => c.key))) {
    issues.push({ file: fileName, field: "channels", message: `kanaal ${key} staat er twee keer in`, messageEn: `channel ${key} is listed twice` });
  }
  for (const key of duplicates(value.people.map((p) => p.key))) {
    issues.push({ file: fileName, field: "people", message: `persoon ${key} staat er twee keer in`, messageEn: `person ${key} is listed twice` });
  }
  if (issues.length > 0) return { ok: false, issues };
  const { groups, ...rest } = value;
  return { ok: true, value: stripUndefined({ ...rest, people: expandGroups(rest.people, groups) }) };
}

/** zod keeps optional keys as `undefined`; the stores and hashes want them absent. */
function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
