/**
 * How one indicator's state reads in a table row (overview, doel page): value, change with its tone,
 * target mark and duiding, each with a symbol and words, never by colour alone.
 */
import { describeChangeParts } from "../../../src/domain/describeChange.ts";
import type { Lang } from "../../../src/domain/format.ts";
import { formatPeriodKey } from "../../../src/app/sessions/periods.ts";
import type { IndicatorSummary } from "../../../src/app/workspace/dinOverview.ts";
import { html, type Html } from "./html.ts";
import { TEXTS } from "./texts.ts";
import { hrefFor, type Place } from "./links.ts";

const TARGET_SYMBOL = { "op-koers": "✓", "niet-op-koers": "✗", "geen-gegevens": "–", "geen-streefwaarde": "" } as const;

export function toneBadge(summary: IndicatorSummary, lang: Lang): Html {
  const tone = summary.latest?.assessment;
  if (!tone || tone === "neutraal") return html``;
  // Words, not a second arrow: the change text's ▲/▼ already shows which way the value moved.
  return html` <span class="tone tone-${tone}">(${TEXTS[lang].tone[tone]})</span>`;
}

export function targetBadge(summary: IndicatorSummary, lang: Lang): Html {
  if (summary.target === "geen-streefwaarde") return html`<span class="muted">${TEXTS[lang].targetMark[summary.target]}</span>`;
  return html`<span class="mark mark-${summary.target}"><span aria-hidden="true">${TARGET_SYMBOL[summary.target]}</span> ${TEXTS[lang].targetMark[summary.target]}</span>`;
}

export function duidingBadge(summary: IndicatorSummary, lang: Lang, place: Place): Html {
  const t = TEXTS[lang];
  const d = summary.duiding;
  const parts: Html[] = [];
  if (d.openSessions.length > 0) parts.push(html`<span class="duiding duiding-open">${t.openDuiding(d.openSessions.length)}</span>`);
  if (d.adopted) {
    parts.push(html`<a class="duiding duiding-adopted" href="${hrefFor(place, `/indicator/${summary.indicator.id}`)}#conclusies">${t.adopted(formatPeriodKey(d.adopted.period, lang))}</a>`);
  }
  if (parts.length === 0) return html`<span class="muted">${t.noDuiding}</span>`;
  return html`${parts.map((p, i) => html`${i > 0 ? html`<br>` : ""}${p}`)}`;
}

/** One <tr> of an indicator table. */
export function indicatorRow(summary: IndicatorSummary, lang: Lang, place: Place): Html {
  const t = TEXTS[lang];
  const ind = summary.indicator;
  const parts = summary.latest ? describeChangeParts(summary.latest, ind, lang, "intern") : undefined;
  const late = summary.late ? html`<br><span class="late"><span aria-hidden="true">⚠</span> ${t.late(formatPeriodKey(summary.late.duePeriod, lang))}</span>` : "";
  return html`<tr>
<th scope="row"><a href="${hrefFor(place, `/indicator/${ind.id}`)}">${ind.name}</a>${ind.visibility === "intern" ? html` <span class="tag">intern</span>` : ""}</th>
<td>${parts ? parts.value : html`<span class="muted">${t.noValues}</span>`}${late}</td>
<td>${parts ? html`${parts.changes[0]}${toneBadge(summary, lang)}` : ""}</td>
<td>${targetBadge(summary, lang)}${parts?.target ? html`<br><span class="detail">${parts.target}</span>` : ""}</td>
<td>${duidingBadge(summary, lang, place)}</td>
</tr>`;
}

export function indicatorTable(caption: string, summaries: readonly IndicatorSummary[], lang: Lang, place: Place): Html {
  const t = TEXTS[lang];
  if (summaries.length === 0) return html``;
  return html`<table class="indicators">
<caption>${caption}</caption>
<thead><tr><th scope="col">${t.indicator}</th><th scope="col">${t.latest}</th><th scope="col">${t.change}</th><th scope="col">${t.target}</th><th scope="col">${t.duiding}</th></tr></thead>
<tbody>${summaries.map((s) => indicatorRow(s, lang, place))}</tbody>
</table>`;
}
