// Proves the one scheduler: jobs run in order of registration, each at most once per its interval by
// the Clock (the first tick runs all), a failing job is logged and the others still run, a job
// registered later joins from the next tick, and a name can be registered once.
import { describe, expect, it } from "vitest";
import { createScheduler } from "../../src/app/scheduler/scheduler.ts";
import { fixedClock } from "../support/db.ts";

describe("scheduler", () => {
  it("runs due jobs in order, by their intervals, and isolates failures", async () => {
    const clock = fixedClock("2026-12-07T08:00:00Z");
    const ran: string[] = [];
    const lines: string[] = [];
    const scheduler = createScheduler({ clock, log: (l) => lines.push(l) }, [
      { name: "every-tick", run: async () => void ran.push("tick") },
      { name: "minute", everyMs: 60_000, run: async (now) => void ran.push(`minute@${now.toISOString().slice(11, 19)}`) },
      {
        name: "broken",
        everyMs: 60_000,
        run: async () => {
          throw new Error("database away");
        },
      },
    ]);
    await scheduler.tick();
    clock.set("2026-12-07T08:00:59Z");
    await scheduler.tick();
    scheduler.register({ name: "reminders", everyMs: 3_600_000, run: async () => void ran.push("reminders") });
    clock.set("2026-12-07T08:01:00Z");
    await scheduler.tick();
    expect(ran).toEqual(["tick", "minute@08:00:00", "tick", "tick", "minute@08:01:00", "reminders"]);
    expect(lines).toEqual(["taak broken mislukt / job broken failed: database away", "taak broken mislukt / job broken failed: database away"]);
    expect(scheduler.names()).toEqual(["every-tick", "minute", "broken", "reminders"]);
    expect(() => scheduler.register({ name: "minute", run: async () => {} })).toThrow('job "minute" registered twice');
  });
});
