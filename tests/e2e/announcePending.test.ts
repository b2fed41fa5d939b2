// Proves that an import a crash left unannounced (figures committed, announcement not yet written) is
// announced later, exactly once, by the background loop (its first pass runs when `duidbot serve` starts);
// a second pass, an already announced import, figures that bring nothing new and imports older than the
// window announce nothing; racing the importer's own announcement still posts once. PGlite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { announcePendingImports, ANNOUNCE_WINDOW_DAYS, type AnnounceDeps } from "../../src/app/measurements/announcePendingImports.ts";
import { importAndAnnounce } from "../../src/app/measurements/importAndAnnounce.ts";
import { postChanges } from "../../src/app/sessions/index.ts";
import type { DbServices } from "../../src/main/services.ts";
import { PrismaAnnouncementStore } from "../../src/store/announcementStore.ts";
import { fixedClock, testRuntimes } from "../support/db.ts";
import { buildDin } from "../support/factories.ts";
import { BELEID, buildWorld, DIN, FIGURES, GAST, importFigures, LEERKRING, openFreshWorld, openWith, persistentTarget, type World } from "../support/sessionWorld.ts";

const START = "2025-06-02T08:00:00Z";
const GOAL_A = "doel-gezond-opgroeien";
const GOAL_B = "doel-veilig-thuis";

/** The session world's DIN with veilig-thuis under a second doel: two doelen, so two announcements per channel. */
const TWO_GOALS = buildDin({
  goals: [
    { id: GOAL_A, name: "Kinderen groeien gezond op", opgaveId: "opgave-kansengelijkheid" },
    { id: GOAL_B, name: "Iedereen is veilig thuis", opgaveId: "opgave-kansengelijkheid" },
  ],
  indicators: DIN.indicators.map((i) => (i.id === "veilig-thuis" ? { ...i, goalId: GOAL_B } : i)),
});

const withStore = (s: DbServices): AnnounceDeps => ({ ...s, announcements: new PrismaAnnouncementStore(s.db.prisma) });

/** Change posts per "channel doel", as written by postChanges. */
async function changePosts(s: DbServices): Promise<string[]> {
  const rows = await s.db.prisma.changePost.findMany({ orderBy: { id: "asc" } });
  return rows.map((r) => `${r.channelKey} ${r.goalId}`).sort();
}

/** Every channel gets a change post per doel (no channel opens sessions by itself): easy to count. */
const EXPECTED = [`${BELEID} ${GOAL_A}`, `${BELEID} ${GOAL_B}`, `${GAST} ${GOAL_A}`, `${GAST} ${GOAL_B}`, `${LEERKRING} ${GOAL_A}`, `${LEERKRING} ${GOAL_B}`].sort();

async function seed(s: DbServices): Promise<void> {
  await s.dins.saveDinVersion(TWO_GOALS, { fileName: "din.yaml", contentHash: "two-goals" });
  await s.db.prisma.channel.updateMany({ data: { autoStart: false } });
}

for (const runtime of testRuntimes()) {
  describe(`announcing imports after a crash on ${runtime.name}`, () => {
    const clock = fixedClock(START);
    let w: World<DbServices>;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      ({ world: w, dispose } = await openFreshWorld(runtime, clock, START, seed));
    });
    afterEach(() => dispose());

    it("announces an import once after a restart, and a second pass announces nothing", async () => {
      const { target, cleanup } = await persistentTarget(runtime);
      try {
        let s = await openWith(target, clock);
        await seed(s);
        // The crash: figures committed, the process dies before postChanges.
        const imported = await importFigures(s);
        expect(imported.importId).toBeDefined();
        await s.close();
        clock.set("2025-06-02T08:05:00Z");
        s = await openWith(target, clock);
        try {
          await announcesOnce(await buildWorld(s, clock, w.chat), imported);
        } finally {
          await s.close();
        }
      } finally {
        await cleanup();
      }
    });

    async function announcesOnce(w: World<DbServices>, imported: Awaited<ReturnType<typeof importFigures>>): Promise<void> {
      expect(await changePosts(w.s)).toEqual([]);

      const first = await announcePendingImports(withStore(w.s));
      expect(first.failed).toEqual([]);
      expect(first.announced.map((a) => [a.importId, a.result.status])).toEqual([[imported.importId, "posted"]]);
      expect(await changePosts(w.s)).toEqual(EXPECTED);
      await w.dispatch();
      // One post per doel in each channel; the guest channel without the intern indicator.
      for (const channel of [LEERKRING, GAST, BELEID]) expect(w.chat.postsIn(channel, null)).toHaveLength(2);
      expect(w.chat.textIn(LEERKRING)).toContain("Wachtlijst");
      expect(w.chat.textIn(GAST)).not.toContain("Wachtlijst");

      const second = await announcePendingImports(withStore(w.s));
      expect(second).toEqual({ announced: [], failed: [] });
      // The importer's own announcement, had it survived, would find the key too.
      expect(await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes })).toEqual({ status: "duplicate" });
      await w.dispatch();
      expect(await changePosts(w.s)).toEqual(EXPECTED);
      expect(w.chat.posts).toHaveLength(6);
    }

    it("leaves announced imports, imports without changes and imports older than the window alone", async () => {
      const announced = await importAndAnnounce(w.s, { source: { kind: "file", text: FIGURES, fileName: "metingen.csv" }, via: "cli" });
      expect(announced.ok && announced.announced?.status).toBe("posted");
      // The same figures again: nothing new, so no import and nothing to announce.
      const again = await importAndAnnounce(w.s, { source: { kind: "file", text: FIGURES, fileName: "metingen.csv" }, via: "cli" });
      expect(again.ok && again.importId).toBeUndefined();
      expect(await announcePendingImports(withStore(w.s))).toEqual({ announced: [], failed: [] });
      expect(await changePosts(w.s)).toEqual(EXPECTED);

      // An unannounced import older than the window is not news any more.
      await importFigures(w.s, "indicator;periode;waarde\njeugdhulp;2025;20\n");
      clock.set(new Date(clock.now().getTime() + (ANNOUNCE_WINDOW_DAYS * 24 + 1) * 3_600_000).toISOString());
      expect(await announcePendingImports(withStore(w.s))).toEqual({ announced: [], failed: [] });
      expect(await changePosts(w.s)).toEqual(EXPECTED);
    });

    it("posts once when the pass races the importer's own announcement", async () => {
      const imported = await importFigures(w.s);
      const [pass, own] = await Promise.all([
        announcePendingImports(withStore(w.s)),
        postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes, dinSlug: imported.dinSlug }),
      ]);
      const statuses = [pass.announced[0]?.result.status ?? "none", own.status].sort();
      // Either the pass saw the key already (none) or one of the two lost the claim (duplicate).
      expect(statuses[0] === "duplicate" || statuses[0] === "none").toBe(true);
      expect(statuses[1]).toBe("posted");
      expect(await changePosts(w.s)).toEqual(EXPECTED);
    });

    it("the background loop announces and sends an import a crash left unannounced", async () => {
      await importFigures(w.s);
      const lines: string[] = [];
      const loop = w.s.startBackground({ intervalMs: 20, log: (line) => lines.push(line) });
      // The same loop sends the digest channel its weekly digest (the clock is on a Monday after 09:00): not counted here.
      const changePostsSent = () => w.chat.posts.filter((p) => !p.message.summary.startsWith("Weekoverzicht"));
      try {
        const deadline = Date.now() + 10_000;
        while (changePostsSent().length < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      } finally {
        await loop.stop();
      }
      expect(await changePosts(w.s)).toEqual(EXPECTED);
      expect(changePostsSent()).toHaveLength(6);
      expect(lines.filter((l) => l.includes("announced late"))).toHaveLength(1);
    });
  });
}
