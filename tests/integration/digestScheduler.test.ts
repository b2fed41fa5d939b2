// Proves the one scheduler holds in production for the weekly digest, on PGlite and (with
// TEST_DATABASE_URL) PostgreSQL, with a fake clock: two instances produce one digest per channel per
// week — on PostgreSQL two real `serve`-like instances (own connections) ticking at the same moment —
// also when one restarts at 08:59; a week missed by a day or more (downtime) is skipped and logged,
// one less late is sent on start.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { digestJob } from "../../src/app/digest/digestJob.ts";
import { createScheduler, type Scheduler } from "../../src/app/scheduler/scheduler.ts";
import type { Services } from "../../src/main/services.ts";
import { fixedClock, testRuntimes } from "../support/db.ts";
import { outboxRows } from "../support/peek.ts";
import { DIGEST, importFigures, openWith, persistentTarget, seedDin } from "../support/sessionWorld.ts";

/** A scheduler as `serve` has one, with only the digest job (the others are not what this is about). */
function instance(s: Services, lines: string[], name: string): Scheduler {
  return createScheduler({ clock: s.clock }, [digestJob(s, (line) => lines.push(`${name}: ${line}`))]);
}

const digestRows = async (s: Services) =>
  (await outboxRows(s)).filter((r) => r.key.startsWith(`digest:${DIGEST}:`)).map((r) => r.key);

for (const runtime of testRuntimes()) {
  describe(`digest scheduler on ${runtime.name}`, () => {
    const clock = fixedClock("2025-03-09T12:00:00Z"); // a Sunday
    let target: Awaited<ReturnType<typeof persistentTarget>>;
    const open: Services[] = [];
    const start = async () => {
      const s = await openWith(target.target, clock);
      open.push(s);
      return s;
    };
    beforeEach(async () => {
      clock.set("2025-03-09T12:00:00Z");
      target = await persistentTarget(runtime);
    });
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
      await target.cleanup();
    });

    it("two instances and a restart at 08:59 send one digest a week; a missed week is skipped and logged", { timeout: 60_000 }, async () => {
      const a = await start();
      await seedDin(a);
      await importFigures(a);
      // PostgreSQL: a second instance with its own connections. PGlite: one process owns the folder, so
      // the second instance is a second scheduler in it.
      const b = runtime.name === "postgres" ? await start() : a;
      const lines: string[] = [];
      let schedulerA = instance(a, lines, "A");
      const schedulerB = instance(b, lines, "B");

      // First start, Sunday: last Monday's digest is six days late: skipped (once, by one instance), never sent.
      await Promise.all([schedulerA.tick(), schedulerB.tick()]);
      expect(lines.filter((l) => l.includes("2025-W10: gemist"))).toHaveLength(1);
      expect(lines.find((l) => l.includes("gemist"))).toMatch(/memory:digest 2025-W10: gemist \(148 uur te laat\), overgeslagen/);

      // Monday 08:59 Amsterdam (07:59 UTC): nothing due. Instance A restarts now.
      clock.set("2025-03-10T07:59:00Z");
      await Promise.all([schedulerA.tick(), schedulerB.tick()]);
      expect(await digestRows(a)).toEqual([]);
      if (a !== b) {
        await a.close();
        open.splice(open.indexOf(a), 1);
      }
      const restarted = a !== b ? await start() : a;
      schedulerA = instance(restarted, lines, "A'");

      // 09:00:10 Amsterdam: both tick at the same moment; exactly one digest.
      clock.set("2025-03-10T08:00:10Z");
      await Promise.all([schedulerA.tick(), schedulerB.tick()]);
      expect(await digestRows(restarted)).toEqual([`digest:${DIGEST}:2025-W11`]);
      expect(lines.filter((l) => l.includes("2025-W11: verstuurd"))).toHaveLength(1);
      // Later ticks that week, on either instance: nothing more.
      for (const at of ["2025-03-10T09:00:00Z", "2025-03-12T10:00:00Z", "2025-03-16T22:59:00Z"]) {
        clock.set(at);
        await Promise.all([schedulerA.tick(), schedulerB.tick()]);
      }
      expect(await digestRows(restarted)).toEqual([`digest:${DIGEST}:2025-W11`]);

      // A correction during the week (without one the next digest would have nothing new: claimed, not sent).
      clock.set("2025-03-14T10:00:00Z");
      await importFigures(restarted, "indicator;periode;waarde\njeugdhulp;2024;13\n");
      // Down from Sunday evening until Monday 09:30: sent on start, half an hour late.
      clock.set("2025-03-17T08:30:00Z");
      await schedulerB.tick();
      expect(await digestRows(restarted)).toEqual([`digest:${DIGEST}:2025-W11`, `digest:${DIGEST}:2025-W12`]);
      // Down for a week: Tuesday 10:00 is 25 hours after Monday 09:00: skipped and logged, not sent.
      clock.set("2025-03-25T09:00:00Z");
      await Promise.all([schedulerA.tick(), schedulerB.tick()]);
      expect(await digestRows(restarted)).toHaveLength(2);
      expect(lines.filter((l) => l.includes("2025-W13: gemist (25 uur te laat)"))).toHaveLength(1);
    });
  });
}
