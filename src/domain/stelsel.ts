/**
 * Stelselindicatoren (the VNG visitation report): a few headline indicators per opgave (`stelsel: true`
 * in the DIN), shown as an arrow — which way the newest value moved and whether that is good — on the
 * report's voorblad and in the weekly digest. Pure: callers pass the values they may show.
 */
import { assess } from "./changes.ts";
import { smallNumberLimit } from "./din.ts";
import type { DinDefinition, Indicator, PeriodValue } from "./din.ts";
import { isSuppressed } from "./format.ts";
import type { Audience, Lang } from "./format.ts";
import { comparePeriods, formatPeriodKey, parsePeriod, periodEnd } from "./period.ts";
import type { Period } from "./period.ts";
import { TREND_NOISE } from "./trend.ts";

export type ArrowDirection = "up" | "down" | "flat";
export type ArrowTone = "good" | "bad" | "neutral";

export interface Arrow {
  direction: ArrowDirection;
  tone: ArrowTone;
  /** The newest period and the one it is compared with. */
  period: string;
  from: string;
}

export interface StelselEntry {
  indicatorId: string;
  name: string;
  /** Absent without two values to compare (or when a small number would be given away). */
  arrow?: Arrow;
}

export interface StelselOpgave {
  opgaveId: string;
  opgaveName: string;
  indicators: StelselEntry[];
}

export const ARROW_SYMBOL: Readonly<Record<ArrowDirection, string>> = { up: "▲", down: "▼", flat: "●" };

const ARROW_WORDS = {
  nl: { up: "gestegen", down: "gedaald", flat: "gelijk gebleven", good: "beter", bad: "slechter", vs: (p: string, f: string) => `${p} t.o.v. ${f}` },
  en: { up: "up", down: "down", flat: "unchanged", good: "better", bad: "worse", vs: (p: string, f: string) => `${p} vs ${f}` },
} as const;

/** The arrow in words, beside its symbol on every face (never symbol or colour alone): "gestegen, slechter". */
export function arrowMovement(arrow: Arrow, lang: Lang): string {
  const w = ARROW_WORDS[lang];
  return [w[arrow.direction], ...(arrow.tone === "neutral" ? [] : [w[arrow.tone]])].join(", ");
}

/** What the arrow compares: "2024 t.o.v. 2023". */
export function arrowPeriods(arrow: Arrow, lang: Lang): string {
  return ARROW_WORDS[lang].vs(formatPeriodKey(arrow.period, lang), formatPeriodKey(arrow.from, lang));
}

/**
 * The newest value against the latest earlier one of the same period kind. A move under 1% of the
 * earlier value is flat (as for the trend words), so a headline arrow does not flip on rounding.
 */
export function arrowOf(
  indicator: Pick<Indicator, "direction" | "unit"> & Partial<Pick<Indicator, "count" | "smallNumbers">>,
  series: readonly PeriodValue[],
  audience: Audience = "intern",
): Arrow | undefined {
  const points = series.flatMap((p) => {
    const parsed = parsePeriod(p.period);
    return parsed.ok ? [{ period: parsed.period, value: p.value }] : [];
  });
  if (points.length < 2) return undefined;
  const newest = points.reduce((a, b) => (b.period.kind === a.period.kind ? (comparePeriods(b.period, a.period) > 0 ? b : a) : endsLater(b.period, a.period) ? b : a));
  const earlier = points
    .filter((p) => p.period.kind === newest.period.kind && comparePeriods(p.period, newest.period) < 0)
    .reduce<typeof newest | undefined>((a, b) => (!a || comparePeriods(b.period, a.period) > 0 ? b : a), undefined);
  if (!earlier) return undefined;
  const limit = smallNumberLimit(indicator);
  // A hidden value on either side: the arrow would tell how a number nobody may see moved.
  if (isSuppressed(newest.value, audience, limit) || isSuppressed(earlier.value, audience, limit)) return undefined;
  const delta = newest.value - earlier.value;
  const noise = earlier.value === 0 ? 1e-9 : Math.abs(earlier.value) * TREND_NOISE;
  const direction: ArrowDirection = Math.abs(delta) < noise ? "flat" : delta > 0 ? "up" : "down";
  const assessment = direction === "flat" ? "gelijk" : assess(indicator.direction, delta);
  const tone: ArrowTone = assessment === "beter" ? "good" : assessment === "slechter" ? "bad" : "neutral";
  return { direction, tone, period: newest.period.key, from: earlier.period.key };
}

/** Different kinds (a frequency changed): the one ending later is newer; on a tie the first stays. */
function endsLater(a: Period, b: Period): boolean {
  return periodEnd(a).getTime() > periodEnd(b).getTime();
}

/**
 * Per opgave (DIN order) its stelselindicatoren with their arrows; opgaven without any are left out.
 * `series`: current values per indicator id. The caller leaves out indicators the audience may not
 * see (mayShowIndicator: intern ones for guests); `audience` hides arrows of small numbers.
 */
export function stelselArrows(din: DinDefinition, series: ReadonlyMap<string, readonly PeriodValue[]>, audience: Audience = "intern"): StelselOpgave[] {
  const opgaveOfGoal = new Map(din.goals.map((g) => [g.id, g.opgaveId]));
  return din.opgaven
    .map((opgave) => ({
      opgaveId: opgave.id,
      opgaveName: opgave.name,
      indicators: din.indicators
        .filter((i) => i.stelsel === true && opgaveOfGoal.get(i.goalId) === opgave.id)
        .map((i): StelselEntry => {
          const arrow = arrowOf(i, series.get(i.id) ?? [], audience);
          return { indicatorId: i.id, name: i.name, ...(arrow ? { arrow } : {}) };
        }),
    }))
    .filter((o) => o.indicators.length > 0);
}
