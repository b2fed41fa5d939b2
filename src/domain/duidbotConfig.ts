/**
 * duidbot.yaml: which channels the bot serves (audience, scope, session settings) and who holds
 * which role. Pure: the caller reads the file. Precedence against chat commands: see
 * src/app/sessions/applyConfig.ts. Example: examples/duidbot.yaml.
 */
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { fieldPath, sortIssues } from "./issues.ts";
import { CHANNEL_AUDIENCES, PERSPECTIVES, ROLES } from "./sessionRules.ts";
import { parseDigestSchedule } from "./digest/schedule.ts";
import type { ChannelAudience, ChannelScope, Perspective, Role } from "./sessionRules.ts";
import type { Validated, ValidationIssue } from "./validation.ts";
import { onlyDuplicateKeys, schemaIssues, yamlSyntaxIssues } from "./yamlIssues.ts";
import { yamlLineFinder, type LineOf } from "./yamlLines.ts";
import { plainData } from "./yamlReader.ts";
import { customIssue, dutchErrorMap } from "./zodMessages.ts";

export interface ChannelConfig {
  key: string;
  name: string;
  audience: ChannelAudience;
  scope: ChannelScope;
  autoStart: boolean;
  perspective?: Perspective;
  lang?: "nl" | "en";
  advanceAfterDays?: number;
  /** Weekly digest schedule, "ma 09:00" (src/domain/digest/schedule.ts); digest channels default to Monday 09:00. */
  digest?: string;
  /** Send its digest also when there is nothing new; absent: defaults.digestSendEmpty. */
  digestSendEmpty?: boolean;
}

export interface PersonConfig {
  key: string;
  name: string;
  roles: Role[];
  perspective?: Perspective;
}

export interface DuidbotConfig {
  /** digestSendEmpty: send a digest that says "nothing new" too (default: such a week is skipped quietly). */
  defaults: { lang: "nl" | "en"; advanceAfterDays?: number; digestSendEmpty?: boolean };
  channels: ChannelConfig[];
  people: PersonConfig[];
  /**
   * The file it was read from and the line of each scope id ("channels[0].scope.opgaven[1]" → 12),
   * so ids checked later against the DIN in force (applyConfig) are reported with file:line.
   */
  source?: { file: string; lines: Record<string, number> };
}

export const EMPTY_CONFIG: DuidbotConfig = { defaults: { lang: "nl" }, channels: [], people: [] };

/** "slack:T123:C456", "teams:19:abc@thread.tacv2", "memory:leerkring": a platform prefix, then the platform's id. */
const KEY = /^[a-z]+:\S+$/;
/** Keys of changes duidbot makes itself ("system:guest-detection"); no channel or person may have one. */
export const SYSTEM_KEY_PREFIX = "system:";

interface KeyShape {
  general: { nl: string; en: string };
  /** Slack's own shape: ids are upper case, a channel needs its workspace (channel ids are unique only within one). */
  slack: { re: RegExp; nl: string; en: string };
}

function keyOf(shape: KeyShape) {
  return z.string().superRefine((value, ctx) => {
    if (!KEY.test(value)) ctx.addIssue(customIssue(`"${value}" moet ${shape.general.nl} zijn`, `"${value}" must be ${shape.general.en}`));
    else if (value.startsWith(SYSTEM_KEY_PREFIX)) {
      ctx.addIssue(customIssue(`"${value}": "${SYSTEM_KEY_PREFIX}" is voorbehouden aan duidbot zelf`, `"${value}": "${SYSTEM_KEY_PREFIX}" is reserved for duidbot itself`));
    } else if (value.startsWith("slack:") && !shape.slack.re.test(value)) {
      ctx.addIssue(customIssue(`"${value}" moet ${shape.slack.nl} zijn`, `"${value}" must be ${shape.slack.en}`));
    }
  });
}
const channelKey = keyOf({
  general: { nl: '"platform:id", bijv. "slack:T123:C456"', en: '"platform:id", e.g. "slack:T123:C456"' },
  slack: {
    re: /^slack:[A-Z0-9]+:[A-Z0-9]+$/,
    nl: '"slack:<werkruimte-id>:<kanaal-id>" in hoofdletters, bijv. "slack:T0123:C0456"',
    en: '"slack:<workspace id>:<channel id>" in upper case, e.g. "slack:T0123:C0456"',
  },
});
/** A person key as duidbot.yaml accepts it (also the web form that gives roles). */
export const personKey = keyOf({
  general: { nl: '"platform:gebruiker", bijv. "slack:U123"', en: '"platform:user", e.g. "slack:U123"' },
  slack: { re: /^slack:[A-Z0-9]+$/, nl: '"slack:<gebruiker-id>" in hoofdletters, bijv. "slack:U0123"', en: '"slack:<user id>" in upper case, e.g. "slack:U0123"' },
});
const days = z.number().int().min(1).max(90);
const ids = z.array(z.string().min(1)).default([]);

const scopeSchema = z.strictObject({ opgaven: ids, doelen: ids, indicators: ids });
const SCOPE_KINDS = ["opgaven", "doelen", "indicators"] as const;

const digestSchedule = z.string().superRefine((value, ctx) => {
  const parsed = parseDigestSchedule(value);
  if (!parsed.ok) ctx.addIssue(customIssue(parsed.message, parsed.messageEn));
});

const channelSchema = z.strictObject({
  key: channelKey,
  name: z.string().min(1),
  audience: z.enum(CHANNEL_AUDIENCES),
  scope: scopeSchema.default({ opgaven: [], doelen: [], indicators: [] }),
  autoStart: z.boolean().default(false),
  perspective: z.enum(PERSPECTIVES).optional(),
  lang: z.enum(["nl", "en"]).optional(),
  advanceAfterDays: days.optional(),
  digest: digestSchedule.optional(),
  digestSendEmpty: z.boolean().optional(),
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
    .strictObject({ lang: z.enum(["nl", "en"]).default("nl"), advanceAfterDays: days.optional(), digestSendEmpty: z.boolean().optional() })
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
  digest: "digest",
  digestSendEmpty: "digestSendEmpty",
} as const;

/** The keys allowed at a path, for "bedoelt u" suggestions on unknown keys. */
function keysAt(path: readonly PropertyKey[]): readonly string[] {
  const shapes: Record<string, { shape: object }> = {
    "": configSchema,
    defaults: configSchema.shape.defaults.unwrap(),
    channels: channelSchema,
    "channels.scope": scopeSchema,
    people: personSchema,
    groups: groupSchema,
  };
  const shape = shapes[path.filter((seg) => typeof seg !== "number").join(".")]?.shape;
  return shape ? Object.keys(shape) : [];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A channel or person listed twice, on the line of the second `key` (checked on the raw data, next to the schema). */
function duplicateKeys(data: unknown, file: string, lineOf: LineOf): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const lists = [
    ["channels", "kanaal", "channel"],
    ["people", "persoon", "person"],
  ] as const;
  for (const [list, nl, en] of lists) {
    const items = isRecord(data) && Array.isArray(data[list]) ? (data[list] as unknown[]) : [];
    const first = new Map<string, number>();
    items.forEach((item, index) => {
      const key = isRecord(item) && typeof item["key"] === "string" ? item["key"] : undefined;
      if (key === undefined) return;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, index);
        return;
      }
      const path = [list, index, "key"];
      const line = lineOf([list, earlier, "key"]);
      issues.push({ file, line: lineOf(path), field: fieldPath(path), message: `${nl} ${key} staat er twee keer in (ook op regel ${line})`, messageEn: `${en} ${key} is listed twice (also on line ${line})` });
    });
  }
  return issues;
}

/** The line of every scope id, keyed by its field path (see DuidbotConfig.source). */
function scopeLines(channels: readonly ChannelConfig[], lineOf: LineOf): Record<string, number> {
  const lines: Record<string, number> = {};
  channels.forEach((channel, c) => {
    for (const kind of SCOPE_KINDS) {
      channel.scope[kind].forEach((_id, i) => {
        const path = ["channels", c, "scope", kind, i];
        lines[fieldPath(path)] = lineOf(path);
      });
    }
  });
  return lines;
}

/**
 * Parses and validates duidbot.yaml; every problem is reported at once with its line, like the DIN
 * import: YAML errors, the schema, and channels or people listed twice. Scope ids need the DIN: they
 * are checked when the file is applied (applyConfig), with the lines kept in `source`.
 */
export function parseDuidbotConfig(text: string, fileName: string): Validated<DuidbotConfig> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { lineCounter, prettyErrors: true, uniqueKeys: true });
  const syntax = yamlSyntaxIssues(doc.errors, fileName);
  // After a syntax error the tree is unreliable; a key given twice leaves it intact, so the checks below still run.
  if (!onlyDuplicateKeys(doc.errors)) return { ok: false, issues: sortIssues(syntax) };
  if (doc.contents === null) return syntax.length > 0 ? { ok: false, issues: syntax } : { ok: true, value: EMPTY_CONFIG };
  const lineOf = yamlLineFinder(doc, lineCounter);
  const plain = plainData(doc, lineCounter, lineOf, fileName);
  if (!plain.ok) return plain;
  const data = plain.value;
  const result = configSchema.safeParse(data, { error: dutchErrorMap(LABELS), reportInput: true });
  const issues = [
    ...syntax,
    ...(result.success ? [] : schemaIssues(result.error.issues, { file: fileName, lineOf, labels: LABELS, keysAt })),
    ...duplicateKeys(data, fileName, lineOf),
  ];
  if (issues.length > 0 || !result.success) return { ok: false, issues: sortIssues(issues) };
  const { groups, ...rest } = result.data;
  const value = stripUndefined({ ...rest, people: expandGroups(rest.people, groups) });
  return { ok: true, value: { ...value, source: { file: fileName, lines: scopeLines(value.channels, lineOf) } } };
}

/** zod keeps optional keys as `undefined`; the stores and hashes want them absent. */
function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
