/**
 * The DIN's `sources`: what holds for every figure of a source (CBS, a GGD monitor, an own
 * registration) — its status (gestopt, eenmalig) and expected delay — given once instead of per
 * indicator. An indicator takes them from the source its `source:` names (the same text, case and
 * spacing aside); what the indicator says itself wins.
 */
import type { Indicator } from "./din.ts";
import type { DinFileData } from "./dinSchema.ts";
import type { ValidationIssue } from "./validation.ts";
import type { LineOf } from "./yamlLines.ts";

type SourceEntry = DinFileData["sources"][number];

const key = (name: string) => name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

/** The indicator with its source's status and expected delay where it gives none of its own. */
export function withSourceSettings(indicator: Indicator, sources: readonly SourceEntry[]): Indicator {
  if (indicator.source === undefined) return indicator;
  const source = sources.find((s) => key(s.name) === key(indicator.source!));
  if (!source) return indicator;
  const out = { ...indicator };
  if (out.status === undefined && source.status !== undefined) out.status = source.status;
  if (out.expectedDelay === undefined && source.expectedDelay !== undefined) out.expectedDelay = source.expectedDelay;
  return out;
}

/** A name twice is an error (which one holds?); a source no indicator names is a warning (a typo in one of the two). */
export function sourceIssues(data: DinFileData, file: string, lineOf: LineOf): { errors: ValidationIssue[]; warnings: ValidationIssue[] } {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const seen = new Map<string, number>();
  const used = new Set(data.indicators.flatMap((i) => (i.source === undefined ? [] : [key(i.source)])));
  data.sources.forEach((source, i) => {
    const at = { file, line: lineOf(["sources", i, "name"]), field: `sources[${i}].name` };
    const first = seen.get(key(source.name));
    if (first !== undefined) {
      errors.push({
        ...at,
        message: `bron "${source.name}" staat al in bronnen (regel ${lineOf(["sources", first, "name"])}); noem elke bron één keer`,
        messageEn: `source "${source.name}" is already listed in sources (line ${lineOf(["sources", first, "name"])}); list each source once`,
      });
      return;
    }
    seen.set(key(source.name), i);
    if (!used.has(key(source.name))) {
      warnings.push({
        ...at,
        message: `bron "${source.name}" wordt door geen indicator genoemd (source:); de naam moet gelijk zijn aan die bij de indicatoren`,
        messageEn: `source "${source.name}" is named by no indicator (source:); the name must be the same as the indicators'`,
      });
    }
  });
  return { errors, warnings };
}
