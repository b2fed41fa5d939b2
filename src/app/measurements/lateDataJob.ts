/**
 * The scheduler's late-data check: once an hour, which indicators' figures are overdue
 * (src/domain/lateData.ts), logged when that set changes, so that a source that stops shows up in
 * the log as well as in `duidbot changes`, the web and the weekly digest.
 */
import { detectLateData } from "../../domain/lateData.ts";
import type { Job } from "../scheduler/scheduler.ts";
import type { Clock, DinStore, MeasurementStore } from "../ports.ts";

export const LATE_DATA_EVERY_MS = 60 * 60_000;

export function lateDataJob(deps: { dins: DinStore; measurements: MeasurementStore; clock: Clock }, log: (line: string) => void): Job {
  const known = new Map<string, Set<string>>();
  return {
    name: "late-data",
    everyMs: LATE_DATA_EVERY_MS,
    async run(now) {
      for (const slug of await deps.dins.listDinSlugs()) {
        const din = await deps.dins.loadDin(slug);
        if (!din) continue;
        const latest = await deps.measurements.latestPeriods(slug);
        const late = new Set(din.indicators.filter((i) => !i.retired && detectLateData(i.indicator, latest.get(i.indicator.id), now)).map((i) => i.indicator.id));
        const before = known.get(slug);
        known.set(slug, late);
        const added = [...late].filter((id) => !before?.has(id));
        // Silent when nothing changed, and at start when nothing is late.
        if (before ? added.length === 0 && before.size === late.size : late.size === 0) continue;
        log(`${slug}: ${late.size} indicator(en) met te late cijfers / with late figures${added.length > 0 && before ? ` (nieuw / new: ${added.join(", ")})` : ""}`);
      }
    },
  };
}
