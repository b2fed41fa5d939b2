/**
 * One-line human text for an IndicatorChange, as posted to Slack/Teams and shown in the report:
 * "12,5% (2024) · ▲ +1,8 procentpunt t.o.v. 2023 · streefwaarde 10% (2026) gehaald".
 */
import { smallNumberLimit } from "./din.ts";
import type { Indicator } from "./din.ts";
import type { Comparison, IndicatorChange } from "./changes.ts";
import { formatDelta, formatDifference, formatRelative, formatValue, isSuppressed } from "./format.ts";
import type { Audience, Lang } from "./format.ts";
import { formatPeriodKey } from "./period.ts";
import type { PeriodValue } from "./din.ts";
import { describeTrend } from "./trend.ts";
import { comparisonText as areasText, divergenceTexts } from "./comparison.ts";
import type { AreaSeries } from "./comparison.ts";

const TEXT = {
  nl: {
    vs: (period: string) => `t.o.v. ${period}`,
    first: "eerste meting",
    corrected: (was: string) => `gecorrigeerd (was ${was})`,
    target: (value: string, period: string) => `streefwaarde ${value} (${period})`,
    reached: (target: string) => `${target} gehaald`,
    reachedNew: (target: string) => `${target} gehaald ✓ (nieuw)`,
    lost: (target: string) => `${target} niet meer gehaald`,
    toGo: (distance: string, target: string) => `nog ${distance} van ${target}`,
  },
  en: {
    vs: (period: string) => `vs ${period}`,
    first: "first value",
    corrected: (was: string) => `corrected (was ${was})`,
    target: (value: string, period: string) => `target ${value} (${period})`,
    reached: (target: string) => `${target} reached`,
    reachedNew: (target: string) => `${target} reached ✓ (new)`,
    lost: (target: string) => `${target} no longer reached`,
    toGo: (distance: string, target: string) => `${distance} from ${target}`,
  },
} as const;

const ARROW = { up: "▲", down: "▼", equal: "●" } as const;


/**
 * "▲ +1,8 procentpunt t.o.v. 2023". When either side is a small number for an external audience the
 * delta would give the hidden value away, so only the (suppressed) earlier value is shown: "2023: < 10".
 */
function comparisonText(c: Comparison, current: number, indicator: Indicator, lang: Lang, audience: Audience): string {
  const limit = smallNumberLimit(indicator);
  const period = formatPeriodKey(c.period, lang);
  if (isSuppressed(current, audience, limit) || isSuppressed(c.value, audience, limit)) {
    return `${period}: ${formatValue(c.value, indicator.unit, lang, { audience, smallNumbers: limit })}`;
  }
  const delta = formatDelta(c.absolute, indicator.unit, lang);
  const arrow = delta.startsWith("±") ? ARROW.equal : c.absolute < 0 ? ARROW.down : ARROW.up;
  // A relative change of a percentage is easily misread; procentpunten say it all.
  const showRelative = c.relative !== undefined && indicator.unit.trim() !== "%" && !delta.startsWith("±");
  const relative = showRelative && c.relative !== undefined ? ` (${formatRelative(c.relative, lang)})` : "";
  return `${arrow} ${delta}${relative} ${TEXT[lang].vs(period)}`;
}

/** `showCrossing` is false when the earlier value is hidden: "(nieuw)" would tell on which side of the target it was. */
function targetText(change: IndicatorChange, indicator: Indicator, lang: Lang, showCrossing: boolean): string | undefined {
  const target = change.target;
  if (!target) return undefined;
  const t = TEXT[lang];
  const crossing = showCrossing ? target.crossing : undefined;
  // The streefwaarde is a policy figure, not data about people: never suppressed.
  const label = t.target(formatValue(target.value, indicator.unit, lang, { audience: "intern" }), formatPeriodKey(target.period, lang));
  if (target.reached) return crossing === "reached" ? t.reachedNew(label) : t.reached(label);
  if (crossing === "lost") return t.lost(label);
  return t.toGo(formatDifference(Math.abs(target.distance), indicator.unit, lang), label);
}

/** The parts of a change's description, for renderers that lay them out (a chat card, a report row). */
export interface ChangeParts {
  /** "12,5% (2024)" or "< 10 (2024)". */
  value: string;
  /** "▲ +1,8 procentpunt t.o.v. 2023", a year earlier, "gecorrigeerd (was …)"; "eerste meting" for a first value. */
  changes: string[];
  /** "streefwaarde 10% (2026) gehaald"; absent when there is none or it would reveal a hidden value. */
  target?: string;
  /** With the series: "stijgt al 3 jaar", "schommelt" (trend.ts). */
  trend?: string;
  /** With the series: "2,1 procentpunt boven referentiewaarde 7% (2020)". */
  baseline?: string;
}

/**
 * Value, change against the previous period (and a year earlier for sub-annual data), correction and
 * target status. For audience "extern" the kleine-aantallen rule hides small values, the deltas they
 * would reveal and the target status (the distance to a target reveals the value), and a hidden earlier
 * value hides the target crossing.
 */
export function describeChangeParts(
  change: IndicatorChange,
  indicator: Indicator,
  lang: Lang,
  audience: Audience,
  /** The indicator's values (at least up to the change's period): adds the trend words (trend.ts). */
  series?: readonly PeriodValue[],
  /** The indicator's comparison areas (comparison.ts): shown beside the value, and a different movement is said. */
  areas: readonly AreaSeries[] = [],
): ChangeParts {
  const t = TEXT[lang];
  const limit = smallNumberLimit(indicator);
  const show = (v: number) => formatValue(v, indicator.unit, lang, { audience, smallNumbers: limit });
  const hidden = isSuppressed(change.value, audience, limit);

  const changes = [change.previous ? comparisonText(change.previous, change.value, indicator, lang, audience) : t.first];
  if (change.yearEarlier) changes.push(comparisonText(change.yearEarlier, change.value, indicator, lang, audience));
  if (change.correctedFrom !== undefined) changes.push(t.corrected(show(change.correctedFrom)));
  const before = change.correctedFrom ?? change.previous?.value;
  const beforeHidden = before !== undefined && isSuppressed(before, audience, limit);
  let target = hidden ? undefined : targetText(change, indicator, lang, !beforeHidden);
  changes.push(...divergenceTexts(change, indicator, areas, lang, audience));
  const beside = areasText(indicator, areas, change.period, lang, audience);
  const period = formatPeriodKey(change.period, lang);
  const parts: ChangeParts = { value: `${show(change.value)} (${beside ? `${period}; ${beside}` : period})`, changes };
  if (series) {
    // The series as it was at the change: a later value must not colour an older change's words.
    const trend = describeTrend(indicator, series, change.period, lang, audience);
    if (trend.movement) parts.trend = trend.movement;
    if (trend.baseline) parts.baseline = trend.baseline;
    if (target && trend.pace) target = `${target}, ${trend.pace}`;
  }
  if (target) parts.target = target;
  return parts;
}

/** The parts joined by " · ", as one line (CLI, logs, plain text). */
export function describeChange(
  change: IndicatorChange,
  indicator: Indicator,
  lang: Lang,
  audience: Audience,
  series?: readonly PeriodValue[],
  areas: readonly AreaSeries[] = [],
): string {
  const parts = describeChangeParts(change, indicator, lang, audience, series, areas);
  return [parts.value, ...parts.changes, parts.trend, parts.target, parts.baseline].filter((p) => p !== undefined).join(" · ");
}
