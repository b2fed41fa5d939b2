/**
 * Checks on the indicators of a DIN that need the validated values: referentie- and streefwaarden
 * inside the indicator's range, and warnings where count-ness had to be guessed from the unit.
 */
import { isPlainCountUnit, looksLikeCount } from "./din.ts";
import type { DinFileData } from "./dinSchema.ts";
import type { ValidationIssue } from "./validation.ts";
import { rangeProblem } from "./valueRules.ts";
import type { LineOf } from "./yamlLines.ts";

/** A baseline of 150 for a "%" indicator is a typo, like a measurement of 150 would be. */
export function valueIssues(data: DinFileData, file: string, lineOf: LineOf): ValidationIssue[] {
  return data.indicators.flatMap((indicator, i) =>
    (["baseline", "target"] as const).flatMap((key): ValidationIssue[] => {
      const given = indicator[key];
      const problem = given === undefined ? undefined : rangeProblem(given.value, indicator);
      if (problem === undefined) return [];
      const path = ["indicators", i, key, "value"];
      return [{ file, line: lineOf(path), field: `indicators[${i}].${key}.value`, message: problem.nl, messageEn: problem.en }];
    }),
  );
}

/**
 * A unit such as "aantal personen" without `count`: treated as a count (the safe side, see isCount),
 * but the DIN should say so. Plain "aantal" is unambiguous and needs no warning.
 */
export function countWarnings(data: DinFileData, file: string, lineOf: LineOf): ValidationIssue[] {
  return data.indicators.flatMap((indicator, i): ValidationIssue[] => {
    if (indicator.count !== undefined || !looksLikeCount(indicator.unit) || isPlainCountUnit(indicator.unit)) return [];
    return [
      {
        file,
        line: lineOf(["indicators", i, "unit"]),
        field: `indicators[${i}].unit`,
        message:
          `eenheid "${indicator.unit}" lijkt een aantal: indicator ${indicator.id} wordt als telling behandeld ` +
          "(kleine aantallen zijn voor gasten verborgen); zet count: true, of count: false als het geen aantal mensen of zaken is",
        messageEn:
          `unit "${indicator.unit}" looks like a count: indicator ${indicator.id} is treated as one ` +
          "(small numbers are hidden from guests); set count: true, or count: false when it does not count people or cases",
      },
    ];
  });
}
