/**
 * Where an indicator stands now, for overviews (the web workspace, the report's voorblad): its newest
 * value compared as a change post would compare it, and whether its figures are late. Pure.
 */
import { detectChange } from "./changes.ts";
import type { IndicatorChange, SeriesPoint } from "./changes.ts";
import type { Indicator } from "./din.ts";
import { detectLateData } from "./lateData.ts";
import type { LateData } from "./lateData.ts";
import { frequencyKind, parsePeriod, periodEnd } from "./period.ts";
import type { TargetStatus } from "./report/model.ts";
import { targetStatus } from "./report/targetStatus.ts";

/** The report's target rule (report/targetStatus.ts), named as the web's marks and classes name it. */
export type TargetMark = "op-koers" | "niet-op-koers" | "geen-gegevens" | "geen-streefwaarde";

const MARK: Record<TargetStatus, TargetMark> = {
  "on-track": "op-koers",
  "off-track": "niet-op-koers",
  "no-data": "geen-gegevens",
  "no-target": "geen-streefwaarde",
};

function endOf(key: string): number {
  const parsed = parsePeriod(key);
  return parsed.ok ? periodEnd(parsed.period).getTime() : 0;
}

export interface IndicatorStatus {
  /** The newest value against the period before it, the target and the baseline; absent without values. */
  latest?: IndicatorChange;
  target: TargetMark;
  late?: LateData;
}

/**
 * The period that ends last; on a tie the indicator's own frequency wins (a quarterly indicator's Q4
 * over a yearly figure for the same year), because that is the series its change is about.
 */
function newestPoint(indicator: Indicator, series: readonly SeriesPoint[]): SeriesPoint | undefined {
  const own = frequencyKind(indicator.frequency);
  let best: { point: SeriesPoint; end: number; own: boolean } | undefined;
  for (const point of series) {
    const parsed = parsePeriod(point.period);
    if (!parsed.ok) continue;
    const end = periodEnd(parsed.period).getTime();
    const isOwn = parsed.period.kind === own;
    if (!best || end > best.end || (end === best.end && isOwn && !best.own)) best = { point, end, own: isOwn };
  }
  return best?.point;
}

export function indicatorStatus(indicator: Indicator, series: readonly SeriesPoint[], now: Date): IndicatorStatus {
  const newest = newestPoint(indicator, series);
  const latest = newest ? detectChange(indicator, series, newest.period) : undefined;
  const late = detectLateData(indicator, newest?.period, now);
  // One rule for "op koers" on every face: the report's voorblad and the web say the same of an indicator.
  const target = MARK[targetStatus(indicator, [...series].sort((a, b) => endOf(a.period) - endOf(b.period)))];
  return { ...(latest ? { latest } : {}), target, ...(late ? { late } : {}) };
}
