/**
 * Dutch (and English) wording for zod issues, so users never see zod's English defaults.
 * Used as zod's per-parse error map (Dutch) and afterwards for the English twin of each message.
 */
import type { z } from "zod";

export interface Bilingual {
  nl: string;
  en: string;
}

/** English key → Dutch term shown to the user ("direction" → "richting"). */
export type Labels = Readonly<Record<string, string>>;

type AnyIssue = z.core.$ZodIssue | z.core.$ZodRawIssue;

/** Builds the issue a refinement adds: Dutch message, English kept in `params` for `toBilingual`. */
export function customIssue(nl: string, en: string): { code: "custom"; message: string; params: { messageEn: string } } {
  return { code: "custom", message: nl, params: { messageEn: en } };
}

/** Zod error map that words every issue in Dutch with the field's Dutch term. */
export function dutchErrorMap(labels: Labels): (issue: z.core.$ZodRawIssue) => string {
  return (issue) => describeZodIssue(issue, labels).nl;
}

/** Both languages for a finished issue (parsed with the Dutch error map and `reportInput: true`). */
export function toBilingual(issue: z.core.$ZodIssue, labels: Labels): Bilingual {
  if (issue.code === "custom") {
    const en: unknown = issue.params?.["messageEn"];
    return { nl: issue.message, en: typeof en === "string" ? en : issue.message };
  }
  return { nl: issue.message, en: describeZodIssue(issue, labels).en };
}

function subject(path: readonly PropertyKey[], labels: Labels): Bilingual {
  const last = path.at(-1);
  if (last === undefined) return { nl: "het bestand", en: "the file" };
  if (typeof last === "number") {
    const parent = String(path.at(-2) ?? "");
    return { nl: `${labels[parent] ?? parent}[${last}]`, en: `${parent}[${last}]` };
  }
  const key = String(last);
  return { nl: labels[key] ?? key, en: key };
}

const TYPE_NL: Record<string, string> = {
  string: "tekst",
  number: "een getal",
  int: "een geheel getal",
  array: "een lijst",
  object: "een blok met velden (naam: waarde)",
  boolean: "ja of nee (true/false)",
};
const TYPE_EN: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  array: "a list",
  object: "a block of fields (name: value)",
  boolean: "true or false",
};

function shown(input: unknown, lang: "nl" | "en"): string {
  if (input === undefined || input === null) return lang === "nl" ? "leeg" : "empty";
  if (typeof input === "string") return `"${input}"`;
  if (Array.isArray(input)) return lang === "nl" ? "een lijst" : "a list";
  if (typeof input === "object") return lang === "nl" ? "een blok met velden" : "a block of fields";
  return String(input);
}

function orList(items: readonly string[], lang: "nl" | "en"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${lang === "nl" ? "of" : "or"} ${items.at(-1) ?? ""}`;
}

function expectedTypes(issue: Extract<AnyIssue, { code: "invalid_union" }>): string[] {
  const types: string[] = [];
  for (const branch of issue.errors) {
    const first = branch[0];
    if (first?.code !== "invalid_type") return [];
    types.push(first.expected);
  }
  return types;
}

/** Words one issue in both languages. */
export function describeZodIssue(issue: AnyIssue, labels: Labels): Bilingual {
  const s = subject(issue.path ?? [], labels);
  const input = issue.input;
  const both = (nl: string, en: string): Bilingual => ({ nl, en });
  if (input === undefined && issue.code !== "unrecognized_keys" && issue.code !== "custom") {
    return both(`${s.nl} ontbreekt; dit veld is verplicht`, `${s.en} is missing; this field is required`);
  }
  switch (issue.code) {
    case "invalid_type": {
      const nl = TYPE_NL[issue.expected] ?? issue.expected;
      const en = TYPE_EN[issue.expected] ?? issue.expected;
      return both(`${s.nl} moet ${nl} zijn, niet ${shown(input, "nl")}`, `${s.en} must be ${en}, not ${shown(input, "en")}`);
    }
    case "invalid_union": {
      const types = expectedTypes(issue);
      if (types.length === 0) return both(`${s.nl} is ongeldig`, `${s.en} is invalid`);
      const nl = orList(types.map((t) => TYPE_NL[t] ?? t), "nl");
      const en = orList(types.map((t) => TYPE_EN[t] ?? t), "en");
      return both(`${s.nl} moet ${nl} zijn, niet ${shown(input, "nl")}`, `${s.en} must be ${en}, not ${shown(input, "en")}`);
    }
    case "invalid_value": {
      const values = issue.values.map((v) => JSON.stringify(v));
      return both(
        `${s.nl} moet ${orList(values, "nl")} zijn, niet ${shown(input, "nl")}`,
        `${s.en} must be ${orList(values, "en")}, not ${shown(input, "en")}`,
      );
    }
    case "too_small": {
      const min = String(issue.minimum);
      if (issue.origin === "string") return both(`${s.nl} mag niet leeg zijn`, `${s.en} must not be empty`);
      if (issue.origin === "array") {
        return both(`${s.nl} moet minstens ${min} onderdelen hebben`, `${s.en} must have at least ${min} items`);
      }
      return issue.inclusive
        ? both(`${s.nl} moet minstens ${min} zijn, niet ${shown(input, "nl")}`, `${s.en} must be at least ${min}, not ${shown(input, "en")}`)
        : both(`${s.nl} moet groter dan ${min} zijn, niet ${shown(input, "nl")}`, `${s.en} must be greater than ${min}, not ${shown(input, "en")}`);
    }
    case "too_big": {
      const max = String(issue.maximum);
      if (issue.origin === "string") {
        return both(`${s.nl} mag hoogstens ${max} tekens lang zijn`, `${s.en} must be at most ${max} characters`);
      }
      return issue.inclusive
        ? both(`${s.nl} mag hoogstens ${max} zijn, niet ${shown(input, "nl")}`, `${s.en} must be at most ${max}, not ${shown(input, "en")}`)
        : both(`${s.nl} moet kleiner dan ${max} zijn, niet ${shown(input, "nl")}`, `${s.en} must be less than ${max}, not ${shown(input, "en")}`);
    }
    case "unrecognized_keys": {
      const keys = issue.keys.map((k) => `"${k}"`).join(", ");
      return both(`onbekend veld ${keys}`, `unknown field ${keys}`);
    }
    case "custom":
      return both(issue.message ?? `${s.nl} is ongeldig`, issue.message ?? `${s.en} is invalid`);
    default:
      return both(`${s.nl} is ongeldig`, `${s.en} is invalid`);
  }
}
