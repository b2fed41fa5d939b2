// Proves the scheduler's late-data check logs the DIN's late indicators when that set changes (a source
// that stops shows up once, not every hour), and says nothing at start when none is late.
import { describe, expect, it } from "vitest";
import { lateDataJob } from "../../src/app/measurements/lateDataJob.ts";
import type { DinState, DinStore, MeasurementStore } from "../../src/app/ports.ts";
import { buildDin, buildIndicator } from "../support/factories.ts";
import { fixedClock } from "../support/db.ts";

describe("late-data job", () => {
  it("logs the late indicators first, then only changes", async () => {
    const din = buildDin({ indicators: [buildIndicator({ id: "a" }), buildIndicator({ id: "b" })] });
    const state: DinState = { slug: "hilversum", latest: din, versions: [], indicators: din.indicators.map((indicator) => ({ indicator, firstYear: 2025, lastYear: 2025, retired: false })) };
    const latest = new Map([["a", "2024"], ["b", "2024"]]);
    const dins = { listDinSlugs: async () => ["hilversum"], loadDin: async () => state } as unknown as DinStore;
    const measurements = { latestPeriods: async () => new Map(latest) } as unknown as MeasurementStore;
    const clock = fixedClock("2025-08-01T00:00:00Z");
    const lines: string[] = [];
    const job = lateDataJob({ dins, measurements, clock }, (l) => lines.push(l));

    await job.run(clock.now()); // 2024 is in, 2025 not due yet: nothing late, nothing said
    await job.run(new Date("2026-07-04T00:00:00Z")); // 2025 overdue for both
    await job.run(new Date("2026-07-05T00:00:00Z")); // unchanged: silent
    latest.set("a", "2025");
    await job.run(new Date("2026-07-06T00:00:00Z")); // a delivered
    expect(lines).toEqual([
      "hilversum: 2 indicator(en) met te late cijfers / with late figures (nieuw / new: a, b)",
      "hilversum: 1 indicator(en) met te late cijfers / with late figures",
    ]);
  });
});
