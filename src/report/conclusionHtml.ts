/**
 * One adopted duiding as the council reads it: the text per question (all four) and the overall
 * conclusion, when and by which role it was adopted, which perspectives contributed (labels and
 * counts, never names), the verbeteracties, and "revised" with the date when it replaces a version
 * from an earlier edition.
 */
import { storedActionStatus } from "../domain/actionStatus.ts";
import { formatNumber, type Lang } from "../domain/format.ts";
import { anchorId, type ReportConclusion } from "../domain/report/model.ts";
import { QUESTIONS } from "../domain/session.ts";
import { dateText, esc, paragraphs, periodText } from "./format.ts";
import { TEXTS } from "./texts.ts";

/** `level`: the heading level of the conclusion's title (its parts are one below). */
export function conclusionHtml(c: ReportConclusion, lang: Lang, level: 3 | 4, limit = 10): string {
  const t = TEXTS[lang];
  const h = (n: number, text: string) => `<h${n}>${esc(text)}</h${n}>`;
  const periods = [...new Set(c.periods.map((p) => periodText(p.period, lang)))].join(", ");
  // Session titles usually name the period already ("… (2024)"): add it only when they do not.
  const parts: string[] = [h(level, periods && !c.title.includes(`(${periods})`) ? `${c.title} (${periods})` : c.title)];
  if (c.revisedFrom) parts.push(`<p class="revised">${esc(t.revised(c.revisedFrom.version, dateText(c.revisedFrom.adoptedAt, lang)))}</p>`);
  for (const q of QUESTIONS) {
    if (c.texts[q].trim() === "") continue;
    parts.push(h(level + 1, t.part[q]), paragraphs(c.texts[q]));
  }
  parts.push(h(level + 1, t.part.overall), paragraphs(c.texts.overall));
  const role = c.adopterPerspective ? t.perspective[c.adopterPerspective] : undefined;
  parts.push(`<p class="meta">${esc(t.adopted(dateText(c.adoptedAt, lang), role))}</p>`);
  if (c.perspectives.length > 0) {
    const counts = c.perspectives
      .map((p) => `${esc(t.perspective[p.perspective])}: ${esc(t.contributions(p.count === undefined ? `< ${limit}` : formatNumber(p.count, lang)))}`)
      .join("; ");
    parts.push(`<p class="meta">${esc(t.perspectives)}: ${counts}</p>`);
  }
  if (c.actions.length > 0) {
    const rows = c.actions
      .map((a) => `<tr><td>${esc(a.text)}</td><td>${esc(a.owner)}</td><td>${esc(a.due ?? "—")}</td><td>${esc(t.actionStatus[storedActionStatus(a.status)])}</td></tr>`)
      .join("");
    parts.push(
      `<table><caption>${esc(t.actions)}</caption><thead><tr><th scope="col">${esc(t.action)}</th><th scope="col">${esc(t.owner)}</th>` +
        `<th scope="col">${esc(t.due)}</th><th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
  }
  return `<article class="conclusion" id="${anchorId("conclusion", c.sessionId)}">${parts.join("")}</article>`;
}
