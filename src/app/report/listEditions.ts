/** Use case: the published editions of a DIN report, per year with their variants (the web's /rapporten). */
import type { EditionSummary, ReportStore } from "./ports.ts";

export interface EditionYear {
  edition: number;
  variants: EditionSummary[];
}

export async function listEditions(deps: { reports: ReportStore }, dinSlug: string): Promise<EditionYear[]> {
  const byYear = new Map<number, EditionSummary[]>();
  for (const e of await deps.reports.publishedEditions(dinSlug)) byYear.set(e.edition, [...(byYear.get(e.edition) ?? []), e]);
  return [...byYear].sort(([a], [b]) => b - a).map(([edition, variants]) => ({ edition, variants }));
}
