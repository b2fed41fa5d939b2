// Proves duiding sessions on the real databases (PGlite; PostgreSQL when TEST_DATABASE_URL is set),
// where the rest of tests/e2e/sessions.test.ts runs on the memory store: one whole session (a
// significant change opens it in the leerkring and the guest channel, contributions, a duplicate, an
// edit and a withdrawal, a move, a conclusion adopted, everything sent once), with the rows it leaves
// checked in the database itself; and a restart in the middle of a session loses nothing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { plainText } from "../../src/app/messages/message.ts";
import {
  adoptConclusion,
  editContribution,
  listIndicatorConclusions,
  moveQuestion,
  postChanges,
  recordContribution,
  submitConclusion,
  withdrawContribution,
} from "../../src/app/sessions/index.ts";
import type { DbServices } from "../../src/main/services.ts";
import { fixedClock, testRuntimes } from "../support/db.ts";
import { actor, buildWorld, GAST, importFigures, LEERKRING, openFreshWorld, openWith, PEOPLE, persistentTarget, seedDin, type World } from "../support/sessionWorld.ts";

const START = "2025-03-03T09:00:00Z";
const CONCLUSION = {
  "conclusion.herkennen": "We herkennen de stijging.",
  "conclusion.verklaren": "Meer aanmeldingen na de campagne.",
  "conclusion.waarderen": "Niet goed: we willen minder jeugdhulp.",
  "conclusion.verbeteren": "Eerder inzetten op lichte hulp.",
  "conclusion.overall": "De stijging komt door de campagne; we zetten eerder lichte hulp in.",
  "action.1.text": "Lichte opvoedhulp in elke wijk",
  "action.1.owner": "Team Jeugd",
};

for (const runtime of testRuntimes()) {
  describe(`sessions on ${runtime.name}`, () => {
    let w: World<DbServices>;
    let dispose: () => Promise<void>;
    const clock = fixedClock(START);

    beforeEach(async () => {
      ({ world: w, dispose } = await openFreshWorld(runtime, clock, START));
    });
    afterEach(() => dispose());

    it("runs a whole session: opened by a significant change, contributions, a move, a conclusion adopted, all sent once", async () => {
      const imported = await importFigures(w.s);
      const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
      if (posted.status !== "posted") throw new Error(posted.status);
      const sessionId = posted.sessions[0]!.sessionId;
      await w.dispatch();
      const reply = (eventId: string, channel: string, user: { key: string; name: string }, text: string) =>
        recordContribution(w.s, { eventId, channel, threadId: w.rootIn(channel), messageId: eventId, user: { ...user }, text, at: clock.now() });
      expect(await reply("m1", LEERKRING, PEOPLE.facilitator, "Dit herken ik.")).toMatchObject({ status: "recorded", question: "herkennen" });
      expect(await reply("m2", GAST, PEOPLE.guest, "#verklaren Door de nieuwe regels.")).toMatchObject({ status: "recorded", question: "verklaren" });
      expect(await reply("m1", LEERKRING, PEOPLE.facilitator, "Dit herken ik.")).toEqual({ status: "ignored", reason: "duplicate" });
      expect(await editContribution(w.s, { eventId: "e1", channel: LEERKRING, messageId: "m1", text: "Dit herken ik goed.", at: clock.now() })).toMatchObject({ status: "updated" });
      expect(await withdrawContribution(w.s, { eventId: "d1", channel: GAST, messageId: "m2", at: clock.now() })).toMatchObject({ status: "withdrawn" });
      const fac = actor(PEOPLE.facilitator, LEERKRING);
      expect(await moveQuestion(w.s, { eventId: "c1", actor: fac, session: { sessionId }, direction: "next" })).toMatchObject({ status: "moved", question: "verklaren" });
      expect(await submitConclusion(w.s, { actor: fac, session: { sessionId }, values: CONCLUSION })).toEqual({ status: "saved", sessionId, version: 1 });
      clock.set("2025-03-10T14:00:00Z");
      expect(await adoptConclusion(w.s, { actor: actor(PEOPLE.adopter, LEERKRING), session: { sessionId } })).toMatchObject({ status: "adopted", version: 1 });
      await w.dispatch();

      // The rows as the database holds them.
      const session = await w.s.db.prisma.duidingSession.findUniqueOrThrow({ where: { id: sessionId }, include: { threads: true, indicators: true } });
      expect(session).toMatchObject({ status: "closed", currentQuestion: "verklaren", closedAt: new Date("2025-03-10T14:00:00Z") });
      expect(session.threads.map((t) => t.channelKey).sort()).toEqual([GAST, LEERKRING]);
      const contributions = await w.s.db.prisma.contribution.findMany({ orderBy: { id: "asc" }, include: { revisions: true } });
      expect(contributions.map((c) => [c.messageId, c.text, c.question, c.withdrawnAt !== null, c.revisions.map((r) => r.kind)])).toEqual([
        ["m1", "Dit herken ik goed.", "herkennen", false, ["edit"]],
        ["m2", "Door de nieuwe regels.", "verklaren", true, ["withdraw"]],
      ]);
      const outbox = await w.s.db.prisma.outboxMessage.findMany({ where: { kind: "post" } });
      expect(outbox.every((r) => r.status === "sent")).toBe(true);
      expect(w.chat.posts).toHaveLength(outbox.length);
      expect(w.chat.acknowledged.map((a) => a.messageId).sort()).toEqual(["m1", "m2"]);
      expect(w.chat.textIn(LEERKRING)).toContain("Ahmed Vaststeller heeft de conclusie op 10 maart 2025 vastgesteld.");
      expect(w.chat.textIn(GAST)).not.toContain("Wachtlijst");
      expect(plainText(w.chat.postsIn(GAST, w.rootIn(GAST)).at(-1)!.message)).toContain("De duiding van deze cijfers is afgerond.");
      expect(await listIndicatorConclusions(w.s, { dinSlug: "hilversum", indicatorId: "wachtlijst" })).toMatchObject([{ sessionId, conclusion: { status: "adopted" } }]);
    });

    it("loses nothing when the process restarts in the middle of a session", async () => {
      const { target, cleanup } = await persistentTarget(runtime);
      try {
        let s = await openWith(target, clock);
        await seedDin(s);
        let world = await buildWorld(s, clock, w.chat);
        const imported = await importFigures(s);
        const posted = await postChanges(s, { key: "import:restart", changes: imported.changes });
        if (posted.status !== "posted") throw new Error(posted.status);
        const sessionId = posted.sessions[0]!.sessionId;
        await world.dispatch();
        const root = world.rootIn(LEERKRING);
        const message = { channel: LEERKRING, threadId: root, user: { ...PEOPLE.colleague }, at: clock.now() };
        expect(await recordContribution(s, { ...message, eventId: "E1", messageId: "r1", text: "Voor de herstart." })).toMatchObject({ status: "recorded" });
        await moveQuestion(s, { actor: actor(PEOPLE.facilitator, LEERKRING), session: { sessionId }, direction: "next" });
        // A dispatcher claimed rows and crashed before sending them: the claim is a lease that runs out.
        const claimed = await s.outbox.claimDue(clock.now(), { limit: 50, leaseMs: 120_000, skipPlatforms: [] });
        expect(claimed.length).toBeGreaterThan(0);
        await s.close();

        clock.set("2025-03-03T09:05:00Z");
        s = await openWith(target, clock);
        world = await buildWorld(s, clock, w.chat);
        // The retried event from before the restart is still known; the thread is still a session thread.
        expect(await recordContribution(s, { ...message, eventId: "E1", messageId: "r1", text: "Voor de herstart." })).toEqual({ status: "ignored", reason: "duplicate" });
        expect(await recordContribution(s, { ...message, eventId: "E2", messageId: "r2", text: "Na de herstart." })).toMatchObject({ status: "recorded", question: "verklaren" });
        await world.dispatch();
        expect(await s.outbox.counts()).toMatchObject({ pending: 0, failed: 0 });
        expect(w.chat.acknowledged.map((a) => a.messageId)).toEqual(["r1", "r2"]);
        expect(w.chat.postsIn(LEERKRING, root).filter((p) => plainText(p.message).includes("Vraag 2 van 4"))).toHaveLength(1);
        const contributions = await s.db.prisma.contribution.findMany({ orderBy: { id: "asc" } });
        expect(contributions.map((c) => [c.text, c.question])).toEqual([
          ["Voor de herstart.", "herkennen"],
          ["Na de herstart.", "verklaren"],
        ]);
        await s.close();
      } finally {
        await cleanup();
      }
    });
  });
}
