/**
 * Is an indicator on track toward its streefwaarde? A mark on the voorblad, so the rule is simple
 * enough to explain to the council in one sentence (docs/report.md):
 * - reached: the latest value meets the target (in the indicator's direction) → on track;
 * - with a referentiewaarde: on track when the way travelled from baseline to target is at least
 *   the share of the time passed (a straight line from baseline period to target period);
 * - without one: on track when the latest value moved the right way since the value before it.
 */
import { targetReached } from "../changes.ts";
import type { Direction, PeriodValue } from "../din.ts";
import { parsePeriod, periodEnd } from "../period.ts";
import type { TargetStatus } from "./model.ts";

function endTime(periodKey: string): number | undefined {
  const parsed = parsePeriod(periodKey);
  return parsed.ok ? periodEnd(parsed.period).getTime() : undefined;
}

export function targetStatus(
  indicator: { direction: Direction; baseline?: PeriodValue; target?: PeriodValue },
  values: readonly PeriodValue[],
): TargetStatus {
  const latest = values.at(-1);
  if (!latest) return "no-data";
  const { direction, baseline, target } = indicator;
  if (!target || direction === "neutraal") return "no-target";
  if (targetReached(direction, latest.value, target.value)) return "on-track";
  const better = (from: number, to: number) => (direction === "hoger-is-beter" ? to > from : to < from);
  if (baseline && baseline.value !== target.value) {
    const [b, t, l] = [endTime(baseline.period), endTime(target.period), endTime(latest.period)];
    if (b !== undefined && t !== undefined && l !== undefined && t > b) {
      const timeShare = Math.min(1, Math.max(0, (l - b) / (t - b)));
      const wayShare = (latest.value - baseline.value) / (target.value - baseline.value);
      return wayShare >= timeShare ? "on-track" : "off-track";
    }
  }
  const before = values.at(-2);
  return before && better(before.value, latest.value) ? "on-track" : "off-track";
}
