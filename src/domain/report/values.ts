/**
 * One indicator's figures as an edition shows them: the values current at the edition's cutoff for
 * periods up to the edition year, the corrections made until then, and late data, with the
 * small-number rule applied for a public edition. Reading history as of the cutoff makes a draft
 * composed again later for the same cutoff come out the same.
 */
import type { Indicator, PeriodValue } from "../din.ts";
import { smallNumberLimit } from "../din.ts";
import { isSuppressed } from "../format.ts";
import { detectLateData } from "../lateData.ts";
import { parsePeriod } from "../period.ts";
import type { DataNote, ReportPoint } from "./model.ts";

/** A stored value with its history stamps (MeasurementStore.history). */
export interface ValueRecord {
  period: string;
  value: number;
  recordedAt: Date;
  supersededAt?: Date;
}

export interface IndicatorFigures {
  /** Every current value up to the edition year, raw (internal use: the status, the chart). */
  raw: PeriodValue[];
  /** The same for the document: values hidden by the small-number rule have no value. */
  values: ReportPoint[];
  lastUpdate?: Date;
  notes: DataNote[];
}

const yearOf = (key: string): number | undefined => {
  const parsed = parsePeriod(key);
  return parsed.ok ? parsed.period.year : undefined;
};

const byPeriod = (a: { period: string }, b: { period: string }) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0);

export function figuresOf(
  indicator: Indicator,
  history: readonly ValueRecord[],
  edition: { year: number; cutoff: Date; public: boolean },
): IndicatorFigures {
  const at = edition.cutoff.getTime();
  const known = history.filter((h) => h.recordedAt.getTime() <= at);
  const current = known.filter((h) => !h.supersededAt || h.supersededAt.getTime() > at);
  const inEdition = (period: string) => (yearOf(period) ?? Infinity) <= edition.year;
  const limit = edition.public ? smallNumberLimit(indicator) : undefined;
  const hidden = (v: number) => isSuppressed(v, edition.public ? "extern" : "intern", limit);
  const point = (period: string, value: number): ReportPoint => (hidden(value) ? { period } : { period, value });

  const raw = current.filter((h) => inEdition(h.period)).map((h) => ({ period: h.period, value: h.value })).sort(byPeriod);
  const notes: DataNote[] = [];
  // A correction: a value replaced by another one (a change of bron/opmerking alone is no correction of the figure).
  for (const old of known) {
    if (!old.supersededAt || old.supersededAt.getTime() > at || !inEdition(old.period)) continue;
    const next = known.find((h) => h.period === old.period && h.recordedAt.getTime() >= old.supersededAt!.getTime() && h !== old);
    if (next && next.value === old.value) continue;
    const previous = point(old.period, old.value).value;
    notes.push({ kind: "correction", period: old.period, at: old.supersededAt.toISOString(), ...(previous !== undefined ? { previous } : {}) });
  }
  notes.sort((a, b) => (a.kind === "correction" && b.kind === "correction" ? a.at.localeCompare(b.at) : 0));

  // Late data as known at the cutoff, only for periods the edition covers.
  const newest = current.map((h) => h.period).sort().at(-1);
  const late = detectLateData(indicator, newest, edition.cutoff);
  if (late && (yearOf(late.duePeriod) ?? Infinity) <= edition.year) {
    notes.push({
      kind: "late",
      duePeriod: late.duePeriod,
      dueSince: late.dueSince.toISOString(),
      daysOverdue: late.daysOverdue,
      periodsOverdue: late.periodsOverdue,
      ...(late.latestPeriod !== undefined ? { latestPeriod: late.latestPeriod } : {}),
    });
  }
  const stamps = current.filter((h) => inEdition(h.period)).map((h) => h.recordedAt.getTime());
  return {
    raw,
    values: raw.map((v) => point(v.period, v.value)),
    ...(stamps.length > 0 ? { lastUpdate: new Date(Math.max(...stamps)) } : {}),
    notes,
  };
}
