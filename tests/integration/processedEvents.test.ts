// Proves the pruning of processed-event keys on PGlite and PostgreSQL: chat-event keys older than 30 days
// go, younger ones stay, and the keys of announced imports are never pruned, so pruning cannot make the
// announce pass announce an import again. A retried chat event within the retention is still a duplicate.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { announcePendingImports, ANNOUNCE_WINDOW_DAYS } from "../../src/app/measurements/announcePendingImports.ts";
import { importAndAnnounce } from "../../src/app/measurements/importAndAnnounce.ts";
import { PROCESSED_EVENT_RETENTION_DAYS, pruneProcessedEvents } from "../../src/app/measurements/pruneProcessedEvents.ts";
import { recordContribution } from "../../src/app/sessions/index.ts";
import type { DbServices } from "../../src/main/services.ts";
import { PrismaAnnouncementStore } from "../../src/store/announcementStore.ts";
import { fixedClock, testRuntimes } from "../support/db.ts";
import { FIGURES, LEERKRING, openFreshWorld, PEOPLE, type World } from "../support/sessionWorld.ts";

const START = "2025-06-02T08:00:00Z";
const DAY_MS = 24 * 60 * 60 * 1000;

it("the announce pass looks back less far than processed-event keys are kept", () => {
  expect(ANNOUNCE_WINDOW_DAYS).toBeLessThan(PROCESSED_EVENT_RETENTION_DAYS);
});

for (const runtime of testRuntimes()) {
  describe(`pruning processed-event keys on ${runtime.name}`, () => {
    const clock = fixedClock(START);
    let w: World<DbServices>;
    let dispose: () => Promise<void>;
    const deps = (s: DbServices) => ({ ...s, announcements: new PrismaAnnouncementStore(s.db.prisma) });
    const keys = async () => (await w.s.db.prisma.processedEvent.findMany({ orderBy: { key: "asc" } })).map((r) => r.key);

    beforeEach(async () => {
      ({ world: w, dispose } = await openFreshWorld(runtime, clock, START));
    });
    afterEach(() => dispose());

    it("prunes chat-event keys after 30 days and keeps the keys of announced imports", async () => {
      const imported = await importAndAnnounce(w.s, { source: { kind: "file", text: FIGURES, fileName: "metingen.csv" }, via: "cli" });
      if (!imported.ok || imported.announced?.status !== "posted") throw new Error("not announced");
      await w.dispatch();
      const root = w.rootIn(LEERKRING);
      const reply = (eventId: string, messageId: string) =>
        recordContribution(w.s, { channel: LEERKRING, threadId: root, user: { ...PEOPLE.colleague }, at: clock.now(), eventId, messageId, text: `Bijdrage ${messageId}.` });
      expect(await reply("E-old", "m1")).toMatchObject({ status: "recorded" });
      clock.set("2025-06-10T08:00:00Z");
      expect(await reply("E-young", "m2")).toMatchObject({ status: "recorded" });
      const announcement = `changes:${imported.dinSlug}:import:${imported.importId}`;
      expect(await keys()).toEqual([announcement, "memory:E-old", "memory:E-young"]);

      // 30 days after the first reply nothing is old enough yet.
      clock.set(new Date(new Date(START).getTime() + PROCESSED_EVENT_RETENTION_DAYS * DAY_MS).toISOString());
      expect(await pruneProcessedEvents(deps(w.s))).toEqual({ pruned: 0 });
      // A retry of the old event within the retention is still recognised.
      expect(await reply("E-old", "m1")).toEqual({ status: "ignored", reason: "duplicate" });

      clock.set("2025-07-03T08:00:00Z"); // 31 days after the first reply, 23 after the second
      expect(await pruneProcessedEvents(deps(w.s))).toEqual({ pruned: 1 });
      expect(await keys()).toEqual([announcement, "memory:E-young"]);

      clock.set("2025-09-01T08:00:00Z");
      expect(await pruneProcessedEvents(deps(w.s))).toEqual({ pruned: 1 });
      // The announcement key stays, so the import is never announced again — not even if the clock
      // stepped back into the window.
      expect(await keys()).toEqual([announcement]);
      clock.set(START);
      expect(await announcePendingImports(deps(w.s))).toEqual({ announced: [], failed: [] });
      expect(await w.s.db.prisma.changePost.count()).toBe(imported.announced.posts.length);
    });
  });
}
