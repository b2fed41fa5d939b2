/**
 * Zod schema of the DIN YAML file (keys English, values Dutch) with Dutch field labels.
 * Shape and value checks only; references between ids are checked in `dinChecks.ts`.
 */
import { z } from "zod";
import { parseDelay } from "./delay.ts";
import { parseNumberText } from "./numberText.ts";
import { parsePeriod } from "./period.ts";
import { customIssue } from "./zodMessages.ts";
import type { Labels } from "./zodMessages.ts";

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Dutch terms used in messages for each English key. */
export const DIN_LABELS: Labels = {
  municipality: "gemeente",
  year: "jaar",
  mission: "missie",
  opgaven: "opgaven",
  goals: "doelen",
  speerpunten: "speerpunten",
  indicators: "indicatoren",
  id: "id",
  name: "naam",
  goal: "doel",
  beleidskader: "beleidskader",
  kind: "soort",
  unit: "eenheid",
  count: "telling (aantal)",
  range: "bereik",
  direction: "richting",
  baseline: "referentiewaarde",
  target: "streefwaarde",
  period: "periode",
  value: "waarde",
  source: "bron",
  frequency: "frequentie",
  visibility: "zichtbaarheid",
  threshold: "drempel",
  absolute: "absolute drempel",
  relative: "relatieve drempel",
  smallNumbers: "kleine-aantallen-grens",
  description: "omschrijving",
  sources: "bronnen",
  status: "status",
  expectedDelay: "verwachte vertraging",
  stelsel: "stelselindicator",
  compare: "vergelijken met",
};

const text = z.string().trim().min(1);

const slug = z.string().superRefine((value, ctx) => {
  if (!SLUG.test(value)) {
    ctx.addIssue(
      customIssue(
        `id "${value}" is ongeldig: gebruik alleen kleine letters a-z, cijfers en streepjes (bijv. "financieel-gezond")`,
        `id "${value}" is invalid: use only lowercase letters a-z, digits and hyphens (e.g. "financieel-gezond")`,
      ),
    );
  }
});

/** A finite number, or text holding one ("8,1", "8.1"). */
const numberLike = z.union([z.number(), z.string()]).transform((raw, ctx) => {
  const value = typeof raw === "number" ? raw : parseNumberText(raw, { pointsAsThousands: false });
  if (value === undefined || !Number.isFinite(value)) {
    ctx.addIssue(customIssue(`"${String(raw)}" is geen getal; schrijf bijv. 8,1 of 8.1`, `"${String(raw)}" is not a number; write e.g. 8.1`));
    return z.NEVER;
  }
  return value;
});

const period = z.union([z.string(), z.number()]).transform((raw, ctx) => {
  const parsed = parsePeriod(raw);
  if (!parsed.ok) {
    ctx.addIssue(customIssue(parsed.message, parsed.messageEn));
    return z.NEVER;
  }
  return parsed.period.key;
});

const periodValue = z.strictObject({ period, value: numberLike });

/** A relative threshold is a fraction (0.1) or a percentage string ("10%"). */
const relative = z.union([z.number(), z.string()]).transform((raw, ctx) => {
  const isPercent = typeof raw === "string" && raw.trim().endsWith("%");
  const parsed = typeof raw === "number" ? raw : parseNumberText(raw, { pointsAsThousands: false });
  const value = parsed === undefined ? undefined : isPercent ? parsed / 100 : parsed;
  // Above 1 (100%) almost always means "10" was written for 10%: refuse rather than guess.
  if (value === undefined || !(value > 0) || value > 1) {
    ctx.addIssue(
      customIssue(
        `relatieve drempel moet een fractie groter dan 0 en hoogstens 1 zijn (0.1 of "10%"), niet ${JSON.stringify(raw)}`,
        `relative threshold must be a fraction above 0 and at most 1 (0.1 or "10%"), not ${JSON.stringify(raw)}`,
      ),
    );
    return z.NEVER;
  }
  return value;
});

const absolute = numberLike.pipe(z.number().positive());

const threshold = z
  .strictObject({ absolute: absolute.optional(), relative: relative.optional() })
  .superRefine((t, ctx) => {
    if ((t.absolute === undefined) === (t.relative === undefined)) {
      ctx.addIssue(
        customIssue(
          "drempel heeft precies één van absolute of relative nodig, bijv. { relative: 0.05 }",
          "threshold needs exactly one of absolute or relative, e.g. { relative: 0.05 }",
        ),
      );
    }
  })
  .transform((t) => (t.absolute !== undefined ? { absolute: t.absolute } : { relative: t.relative ?? 0 }));

/** [min, max] of plausible values, e.g. [-100, 100] for a percentage change. */
const range = z.tuple([numberLike, numberLike]).transform((r, ctx) => {
  if (!(r[0] < r[1])) {
    ctx.addIssue(
      customIssue(
        `bereik [${r[0]}, ${r[1]}] moet als [minimum, maximum] geschreven worden, met het minimum kleiner dan het maximum`,
        `range [${r[0]}, ${r[1]}] must be written as [minimum, maximum], with the minimum below the maximum`,
      ),
    );
    return z.NEVER;
  }
  return r;
});

/** "6 maanden", "90 dagen", "6 months": see delay.ts. */
const delay = z.string().transform((raw, ctx) => {
  const parsed = parseDelay(raw);
  if (!parsed) {
    ctx.addIssue(
      customIssue(
        `verwachte vertraging "${raw}" niet begrepen: schrijf een aantal en dagen, weken, maanden of jaar (bijv. "6 maanden")`,
        `expected delay "${raw}" not understood: write a number and days, weeks, months or years (e.g. "6 months")`,
      ),
    );
    return z.NEVER;
  }
  return parsed;
});

const status = z.enum(["actief", "gestopt", "eenmalig"]);

/** A source as the indicators name it (`source:`), with what holds for all its figures. */
const sourceSchema = z.strictObject({ name: text, status: status.optional(), expectedDelay: delay.optional() });

const goalSchema = z.strictObject({ id: slug, name: text });
const opgaveSchema = z.strictObject({ id: slug, name: text, goals: z.array(goalSchema) });

const speerpuntSchema = z.strictObject({
  id: slug,
  name: text,
  goal: slug,
  beleidskader: text,
  indicators: z.array(slug).default([]),
});

const indicatorSchema = z.strictObject({
  id: slug,
  name: text,
  kind: z.enum(["effect", "prestatie"]),
  goal: slug.optional(),
  unit: text,
  // Explicit: whether the kleine-aantallen rule applies (see isCount in din.ts for DINs without it).
  count: z.boolean().optional(),
  range: range.optional(),
  direction: z.enum(["hoger-is-beter", "lager-is-beter", "neutraal"]),
  baseline: periodValue.optional(),
  target: periodValue.optional(),
  source: text.optional(),
  frequency: z.enum(["jaarlijks", "kwartaal", "maand", "week"]),
  // Required on purpose: publishing an internal figure by a forgotten default is worse than a clear error.
  visibility: z.enum(["openbaar", "intern"]),
  threshold: threshold.optional(),
  smallNumbers: z.number().int().positive().optional(),
  description: text.optional(),
  // Overrides what the indicator's source in `sources` says (dinSources.ts).
  status: status.optional(),
  expectedDelay: delay.optional(),
  stelsel: z.boolean().optional(),
  // Comparison areas to show beside the municipality ("gebied" in the figures): [nederland, noord-holland].
  compare: z.array(text).max(5).optional(),
});

export const dinFileSchema = z.strictObject({
  municipality: text,
  year: z.number().int().min(1900).max(2200),
  mission: text,
  opgaven: z.array(opgaveSchema),
  speerpunten: z.array(speerpuntSchema).default([]),
  sources: z.array(sourceSchema).default([]),
  indicators: z.array(indicatorSchema),
});

export type DinFileData = z.output<typeof dinFileSchema>;

/** The keys allowed at a path, for "bedoelt u …?" on unknown keys (indices in the path are ignored). */
export function dinKeysAt(path: readonly PropertyKey[]): readonly string[] {
  const pattern = path.filter((seg) => typeof seg !== "number").join(".");
  switch (pattern) {
    case "":
      return Object.keys(dinFileSchema.shape);
    case "opgaven":
      return Object.keys(opgaveSchema.shape);
    case "opgaven.goals":
      return Object.keys(goalSchema.shape);
    case "speerpunten":
      return Object.keys(speerpuntSchema.shape);
    case "indicators":
      return Object.keys(indicatorSchema.shape);
    case "indicators.baseline":
    case "indicators.target":
      return Object.keys(periodValue.shape);
    case "indicators.threshold":
      return ["absolute", "relative"];
    case "sources":
      return Object.keys(sourceSchema.shape);
    default:
      return [];
  }
}
