/**
 * The digest's headline: the stelselindicatoren (`stelsel: true` in the DIN) with an arrow each — which
 * way the newest value moved and whether that is good — as on the report's voorblad, in words beside
 * the symbol (never colour or symbol alone). Only indicators the channel may see; a hidden small
 * number gets no arrow (stelselArrows).
 */
import type { DinDefinition, Indicator, PeriodValue } from "../din.ts";
import type { Audience, Lang } from "../format.ts";
import { ARROW_SYMBOL, arrowMovement, arrowPeriods, stelselArrows } from "../stelsel.ts";

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
    opgave.indicators.flatMap((i) => (i.arrow ? [`${ARROW_SYMBOL[i.arrow.direction]} ${i.name} — ${arrowMovement(i.arrow, lang)} (${arrowPeriods(i.arrow, lang)})`] : [])),
  );
}
