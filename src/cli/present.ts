/** Plain-text presentation of CLI results (the terminal is a face like Slack, only simpler). */
import type { ChangeOverview } from "../app/measurements/listChanges.ts";
import type { ImportSummary } from "../app/measurements/importMeasurements.ts";
import type { Indicator } from "../domain/din.ts";
import { describeChange } from "../domain/describeChange.ts";
import { comparisonSeries } from "../domain/comparison.ts";
import type { Lang } from "../domain/format.ts";
import { describeLateData } from "../domain/lateData.ts";
import { formatIssue, type ValidationIssue } from "../domain/validation.ts";
import { MAX_SHOWN_ISSUES } from "../domain/issues.ts";

const TEXT = {
  nl: {
    noChanges: "Geen veranderingen in deze periode.",
    late: "Cijfers te laat",
    significant: "opvallend",
    imported: (s: ImportSummary) =>
      `${s.newCount} nieuwe waarde(n), ${s.correctionCount} correctie(s), ${s.unchangedCount} ongewijzigd; ` +
      (s.contextCount > 0 ? `${s.contextCount} vergelijkings- of uitsplitsingswaarde(n); ` : "") +
      `${s.significantCount} opvallende verandering(en).`,
    invalid: (n: number) => `${n} fout(en) gevonden; er is niets opgeslagen.`,
    more: (n: number) => `… en nog ${n} fout(en), niet getoond.`,
    warning: "waarschuwing",
    retired: "vervallen",
  },
  en: {
    noChanges: "No changes in this period.",
    late: "Figures overdue",
    significant: "significant",
    imported: (s: ImportSummary) =>
      `${s.newCount} new value(s), ${s.correctionCount} correction(s), ${s.unchangedCount} unchanged; ` +
      (s.contextCount > 0 ? `${s.contextCount} comparison or breakdown value(s); ` : "") +
      `${s.significantCount} significant change(s).`,
    invalid: (n: number) => `${n} problem(s) found; nothing was saved.`,
    more: (n: number) => `… and ${n} more problem(s), not shown.`,
    warning: "warning",
    retired: "retired",
  },
} as const;

/** Issues printed per run: the first ones say what to fix; a million lines would only bury them. */
export const MAX_PRINTED_ISSUES = MAX_SHOWN_ISSUES;

export function presentIssues(issues: readonly ValidationIssue[], lang: Lang): string {
  const shown = issues.slice(0, MAX_PRINTED_ISSUES).map((i) => formatIssue(i, lang));
  if (issues.length > MAX_PRINTED_ISSUES) shown.push(TEXT[lang].more(issues.length - MAX_PRINTED_ISSUES));
  return [...shown, TEXT[lang].invalid(issues.length)].join("\n");
}

/** Warnings do not stop an import; each is prefixed so it is not mistaken for an error. */
export function presentWarnings(warnings: readonly ValidationIssue[], lang: Lang): string {
  const shown = warnings.slice(0, MAX_PRINTED_ISSUES).map((w) => `${TEXT[lang].warning}: ${formatIssue(w, lang)}`);
  if (warnings.length > MAX_PRINTED_ISSUES) shown.push(`${TEXT[lang].warning}: ${TEXT[lang].more(warnings.length - MAX_PRINTED_ISSUES)}`);
  return shown.join("\n");
}

export function presentImport(summary: ImportSummary, lang: Lang): string {
  return TEXT[lang].imported(summary);
}

/** Changes grouped per opgave › doel; the terminal is internal use, so exact small numbers are shown. */
export function presentOverview(overview: ChangeOverview, lang: Lang): string {
  const t = TEXT[lang];
  const byId = new Map<string, { indicator: Indicator; retired: boolean }>(
    overview.din.indicators.map((i) => [i.indicator.id, i]),
  );
  const out: string[] = [];
  for (const group of overview.groups) {
    out.push(`\n${group.opgave.name || "—"} › ${group.goal.name}`);
    for (const change of group.changes) {
      const known = byId.get(change.indicatorId);
      if (!known) continue;
      const flag = change.significant ? ` [${t.significant}]` : "";
      const retired = known.retired ? ` (${t.retired})` : "";
      const areas = comparisonSeries(known.indicator, overview.context);
      out.push(`  • ${known.indicator.name}${retired}: ${describeChange(change, known.indicator, lang, "intern", undefined, areas)}${flag}`);
    }
  }
  if (overview.groups.length === 0) out.push(t.noChanges);
  if (overview.late.length > 0) {
    out.push(`\n${t.late}`);
    for (const group of overview.late) {
      for (const late of group.lateData) {
        const name = byId.get(late.indicatorId)?.indicator.name ?? late.indicatorId;
        out.push(`  • ${name}: ${describeLateData(late, lang)}`);
      }
    }
  }
  return out.join("\n").trimStart();
}
