/**
 * The digest's headline: the stelselindicatoren (`stelsel: true` in the DIN) with an arrow each — which
 * way the newest value moved and whether that is good — as on the report's voorblad, in words beside
 * the symbol (never colour or symbol alone). Only indicators the channel may see; a hidden small
 * number gets no arrow (stelselArrows).
 */
import type { DinDefinition, Indicator, PeriodValue } from "../din.ts";
import type { Audience, Lang } from "../format.ts";
import { formatPeriod, parsePeriod } from "../period.ts";
import { ARROW_SYMBOL, stelselArrows, type Arrow } from "../stelsel.ts";

const WORDS = {
  nl: { up: "gestegen", down: "gedaald", flat: "gelijk gebleven", good: "beter", bad: "slechter", vs: (p: string, f: string) => `${p} t.o.v. ${f}` },
  en: { up: "up", down: "down", flat: "unchanged", good: "better", bad: "worse", vs: (p: string, f: string) => `${p} vs ${f}` },
} as const;

function periodText(key: string, lang: Lang): string {
  const parsed = parsePeriod(key);
  return parsed.ok ? formatPeriod(parsed.period, lang) : key;
}

export function arrowWords(arrow: Arrow, lang: Lang): string {
  const w = WORDS[lang];
  const words = [w[arrow.direction], ...(arrow.tone === "neutral" ? [] : [w[arrow.tone]])].join(", ");
  return `${words} (${w.vs(periodText(arrow.period, lang), periodText(arrow.from, lang))})`;
}

/** One line per stelselindicator with an arrow, in DIN order: "▲ Name — gestegen, slechter (2024 t.o.v. 2023)". */
export function stelselLines(
  din: DinDefinition,
  visible: ReadonlyMap<string, Indicator>,
  series: ReadonlyMap<string, readonly PeriodValue[]>,
  audience: Audience,
  lang: Lang,
): string[] {
  const seen = { ...din, indicators: din.indicators.filter((i) => visible.has(i.id)) };
  return stelselArrows(seen, series, audience).flatMap((opgave) =>
    opgave.indicators.flatMap((i) => (i.arrow ? [`${ARROW_SYMBOL[i.arrow.direction]} ${i.name} — ${arrowWords(i.arrow, lang)}`] : [])),
  );
}
