/** Escaping and the value/period/date formats the report writes (nl-NL or English), small counts as "< n". */
import { formatDate, formatValue, type Lang } from "../domain/format.ts";
import type { ReportIndicator, ReportPoint } from "../domain/report/model.ts";
import { TEXTS } from "./texts.ts";

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Escaped text with line breaks kept (conclusion texts are written in a form with several lines). */
export function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p.trim()).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

export { formatPeriodKey as periodText } from "../domain/period.ts";

export function dateText(iso: string, lang: Lang): string {
  return formatDate(new Date(iso), lang);
}

/** A point's value; a value hidden by the small-number rule reads "< 10". */
export function pointText(point: ReportPoint | undefined, indicator: ReportIndicator, lang: Lang): string {
  if (!point) return TEXTS[lang].noValue;
  if (point.value === undefined) return `< ${formatValue(indicator.smallNumbers ?? 0, indicator.unit, lang, { audience: "intern" })}`;
  return formatValue(point.value, indicator.unit, lang, { audience: "intern" });
}

export function statusMark(indicator: ReportIndicator, lang: Lang): string {
  const s = TEXTS[lang].status[indicator.status];
  return `<span class="mark status-${indicator.status}"><span aria-hidden="true">${s.symbol}</span> ${esc(s.text)}</span>`;
}
