/**
 * `duidbot report --preview`: what the (next) edition will hold — per indicator the conclusions it
 * attaches and for which period, the indicators without one, and the conclusions adopted since the
 * previous edition (revised ones marked).
 */
import type { Lang } from "../domain/format.ts";
import { formatDate } from "../domain/format.ts";
import type { ReportModel } from "../domain/report/model.ts";
import { formatPeriod, parsePeriod } from "../domain/period.ts";

const period = (key: string, lang: Lang) => {
  const p = parsePeriod(key);
  return p.ok ? formatPeriod(p.period, lang) : key;
};

export function presentPreview(model: ReportModel, lang: Lang, published: boolean): string {
  const en = lang === "en";
  const date = (iso: string) => formatDate(new Date(iso), lang);
  const lines: string[] = [];
  const kind = model.public ? (en ? "public" : "openbaar") : en ? "internal" : "intern";
  lines.push(
    en
      ? `Edition ${model.edition} (${kind}, DIN ${model.dinYear})${published ? `: published, conclusions up to ${date(model.cutoff)}` : ": draft"}`
      : `Editie ${model.edition} (${kind}, DIN ${model.dinYear})${published ? `: gepubliceerd, conclusies tot en met ${date(model.cutoff)}` : ": concept"}`,
  );
  if (model.previous) lines.push(en ? `Previous edition: ${model.previous.edition} (${date(model.previous.cutoff)})` : `Vorige editie: ${model.previous.edition} (${date(model.previous.cutoff)})`);
  lines.push(en ? `Conclusions attached (${model.conclusions.length}):` : `Bijgevoegde conclusies (${model.conclusions.length}):`);
  for (const c of model.conclusions) {
    const periods = [...new Set(c.periods.map((p) => period(p.period, lang)))].join(", ");
    const revised = c.revisedFrom ? (en ? `, revised (was version ${c.revisedFrom.version})` : `, herzien (was versie ${c.revisedFrom.version})`) : "";
    lines.push(`  ${c.title} — ${periods}; ${en ? "adopted" : "vastgesteld"} ${date(c.adoptedAt)}${revised}`);
  }
  const byId = new Map(model.conclusions.map((c) => [c.sessionId, c]));
  const withDuiding = model.indicators.filter((i) => i.conclusionIds.length + i.goalConclusionIds.length > 0);
  const without = model.indicators.filter((i) => i.conclusionIds.length + i.goalConclusionIds.length === 0);
  lines.push(en ? `Indicators with a conclusion (${withDuiding.length}):` : `Indicatoren met een conclusie (${withDuiding.length}):`);
  for (const i of withDuiding) {
    const periods = [...i.conclusionIds, ...i.goalConclusionIds]
      .flatMap((id) => byId.get(id)?.periods.filter((p) => p.indicatorId === i.id) ?? [])
      .map((p) => period(p.period, lang));
    lines.push(`  ${i.id}: ${[...new Set(periods)].join(", ")}`);
  }
  lines.push(en ? `Indicators without a conclusion (${without.length}):` : `Indicatoren zonder conclusie (${without.length}):`);
  for (const i of without) lines.push(`  ${i.id}${i.earlierConclusions > 0 ? (en ? " (in an earlier edition)" : " (in een eerdere editie)") : ""}`);
  return lines.join("\n");
}
