/**
 * An indicator's comparison areas and newest breakdowns for a report edition (issue #21): values up to the
 * edition year, the public edition without small counts (absent, not just unshown: the model is stored),
 * breakdown cells through the one rule of every face (breakdown.ts, with secondary suppression), the
 * newest period's and, for small multiples, every period's of the same dimensions.
 */
import { breakdownHistory, breakdownsAt, latestBreakdownPeriod, shownBreakdown, type ShownBreakdown } from "../breakdown.ts";
import { comparisonSeries, type SeriesValue } from "../comparison.ts";
import type { Indicator } from "../din.ts";
import { smallNumberLimit } from "../din.ts";
import { isSuppressed } from "../format.ts";
import type { ReportPoint } from "./model.ts";

export interface ReportContext {
  comparisons?: { area: string; values: ReportPoint[] }[];
  breakdowns?: ShownBreakdown[];
  breakdownHistory?: ShownBreakdown[];
}

export function reportContext(indicator: Indicator, values: readonly SeriesValue[], edition: number, isPublic: boolean): ReportContext {
  if (values.length === 0) return {};
  const audience = isPublic ? "extern" : "intern";
  const limit = smallNumberLimit(indicator);
  const inEdition = values.filter((v) => Number(v.period.slice(0, 4)) <= edition);
  const comparisons = comparisonSeries(indicator, inEdition).map((a) => ({
    area: a.area,
    values: a.points.map((p): ReportPoint => (isSuppressed(p.value, audience, limit) ? { period: p.period } : { ...p })),
  }));
  const period = latestBreakdownPeriod(indicator.id, inEdition);
  const breakdowns = period ? breakdownsAt(indicator.id, inEdition, period).map((b) => shownBreakdown(b, indicator, audience)) : [];
  // Over time (small multiples): each period through the rule on its own; only where there is more than one period.
  const history = breakdowns.flatMap((b) => {
    const periods = breakdownHistory(indicator.id, inEdition, b.dimension);
    return periods.length > 1 ? periods.map((h) => shownBreakdown(h, indicator, audience)) : [];
  });
  return {
    ...(comparisons.length > 0 ? { comparisons } : {}),
    ...(breakdowns.length > 0 ? { breakdowns } : {}),
    ...(history.length > 0 ? { breakdownHistory: history } : {}),
  };
}
