// Proves the timing of the background chores as scheduler jobs (src/app/scheduler): after the job
// registered before them the announce pass runs at most once a minute and the pruning of processed-event
// keys at most once an hour (by the Clock), the first tick runs both, and a failing job is logged without
// stopping the others (the outbox is still dispatched).
import { describe, expect, it } from "vitest";
import type { AnnounceDeps } from "../../src/app/measurements/announcePendingImports.ts";
import { importChoreJobs } from "../../src/app/measurements/importChores.ts";
import { createScheduler } from "../../src/app/scheduler/scheduler.ts";
import type { Clock } from "../../src/app/ports.ts";
import type { AnnouncementStore } from "../../src/app/measurements/ports.ts";
import { fixedClock } from "../support/db.ts";

function fakeStore(options: { failRecent?: boolean } = {}) {
  const calls = { recent: 0, prune: [] as Date[] };
  const store: AnnouncementStore = {
    recentImports: async () => {
      calls.recent++;
      if (options.failRecent) throw new Error("database away");
      return [];
    },
    changesOfImport: async () => [],
    processedKeys: async () => new Set(),
    pruneProcessedKeys: async (before, keep) => {
      calls.prune.push(before);
      expect(keep).toEqual(["changes:"]);
      return 2;
    },
  };
  return { store, calls };
}

/** A scheduler with a job before the chores, as services.ts registers auto-advance before them. */
function ticker(clock: Clock, store: AnnouncementStore, log: (line: string) => void, before: () => Promise<void>) {
  const scheduler = createScheduler({ clock, log }, [{ name: "advance", run: before }, ...importChoreJobs({ announcements: store, clock } as unknown as AnnounceDeps, log)]);
  return () => scheduler.tick();
}

describe("background chores", () => {
  it("announce at most once a minute and prune at most once an hour, after the tick", async () => {
    const clock = fixedClock("2025-06-02T08:00:00Z");
    const { store, calls } = fakeStore();
    const order: string[] = [];
    const lines: string[] = [];
    const tick = ticker(clock, store, (l) => lines.push(l), async () => {
      order.push(`tick@${calls.recent}`);
    });

    await tick();
    expect(order).toEqual(["tick@0"]);
    expect(calls.recent).toBe(1);
    expect(calls.prune.map((d) => d.toISOString())).toEqual(["2025-05-03T08:00:00.000Z"]); // 30 days back
    expect(lines).toEqual(["2 verwerkte gebeurtenis(sen) opgeruimd / processed event key(s) pruned"]);

    clock.set("2025-06-02T08:00:59Z");
    await tick();
    expect([calls.recent, calls.prune.length]).toEqual([1, 1]);
    clock.set("2025-06-02T08:01:00Z");
    await tick();
    expect([calls.recent, calls.prune.length]).toEqual([2, 1]);
    clock.set("2025-06-02T08:59:59Z");
    await tick();
    expect([calls.recent, calls.prune.length]).toEqual([3, 1]);
    clock.set("2025-06-02T09:00:00Z"); // the last announce pass was 1 s ago
    await tick();
    expect([calls.recent, calls.prune.length]).toEqual([3, 2]);
    expect(order).toHaveLength(5);
  });

  it("logs a failing chore and still runs the tick; a failing tick still runs the chores", async () => {
    const clock = fixedClock("2025-06-02T08:00:00Z");
    const { store, calls } = fakeStore({ failRecent: true });
    const lines: string[] = [];
    let fail = false;
    const tick = ticker(clock, store, (l) => lines.push(l), async () => {
      if (fail) throw new Error("tick broke");
    });
    await expect(tick()).resolves.toBeUndefined();
    expect(lines[0]).toBe("aankondigen van imports mislukt / announcing imports failed: database away");
    expect(calls.prune).toHaveLength(1);

    fail = true;
    clock.set("2025-06-02T08:01:00Z");
    await expect(tick()).resolves.toBeUndefined();
    expect(lines).toContain("taak advance mislukt / job advance failed: tick broke");
    expect(calls.recent).toBe(2);
  });
});
