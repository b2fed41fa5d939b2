// Proves duiding sessions end to end on the in-memory chat and a real database (PGlite; PostgreSQL
// when TEST_DATABASE_URL is set): a significant change opens one session in a leerkring and a guest
// channel; contributions land on the right questions; duplicated events are ignored; an outage of the
// chat API is caught up by the outbox without duplicates; concluding, adopting and revising keep
// history; conclusions appear per indicator; guests never act as facilitators nor see intern figures
// (nor charts of them or of small counts), but may contribute to another question; and a restart in
// the middle of a session loses nothing (tests/e2e/sessionsOnDatabase.test.ts).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAction } from "../../src/app/commands/runAction.ts";
import { plainText } from "../../src/app/messages/message.ts";
import { createDispatcher } from "../../src/app/outbox/dispatch.ts";
import {
  setActionStatus,
  adoptConclusion,
  advanceDueSessions,
  draftConclusion,
  editContribution,
  linkChannel,
  listIndicatorConclusions,
  moveQuestion,
  moveRefFromValue,
  postChanges,
  recordContribution,
  resultText,
  sessionStatus,
  startFromChangePost,
  startSession,
  submitConclusion,
  withdrawContribution,
} from "../../src/app/sessions/index.ts";
import { presentIndicator } from "../../src/cli/indicator.ts";
import { fixedClock, memoryRuntime } from "../support/db.ts";
import { contributionRevisions, outboxRows } from "../support/peek.ts";
import { buildChartData } from "../support/factories.ts";
import {
  actor,
  BELEID,
  DIGEST,
  FIGURES,
  GAST,
  GOAL,
  importFigures,
  LEERKRING,
  PEOPLE,
  type World,
  openFreshWorld,
  seedDin,
} from "../support/sessionWorld.ts";

const START = "2025-03-03T09:00:00Z";
const CONCLUSION = {
  "conclusion.herkennen": "We herkennen de stijging.",
  "conclusion.verklaren": "Meer aanmeldingen na de campagne.",
  "conclusion.waarderen": "Niet goed: we willen minder jeugdhulp.",
  "conclusion.verbeteren": "Eerder inzetten op lichte hulp.",
  "conclusion.overall": "De stijging komt door de campagne; we zetten eerder lichte hulp in.",
  "action.1.text": "Lichte opvoedhulp in elke wijk",
  "action.1.owner": "Team Jeugd",
  "action.1.due": "2025-12-31",
};

// On the memory store: these tests are about sessions, not the database (tests/contract proves the
// store; tests/e2e/sessionsOnDatabase.test.ts runs a session and a restart on PGlite and PostgreSQL).
for (const runtime of [memoryRuntime]) {
  describe(`sessions on ${runtime.name}`, () => {
    let w: World;
    let dispose: () => Promise<void>;
    const clock = fixedClock(START);

    beforeEach(async () => {
      eventCounter = 0; // tests name events Ev1, msg1 … from their own start
      ({ world: w, dispose } = await openFreshWorld(runtime, clock, START));
    });
    afterEach(() => dispose());
    const sessionOf = (id: number) => w.s.sessions.transaction((tx) => tx.session(id));

    /** Import + post the changes: opens the doel's session by itself (leerkring and guest channel have autoStart). */
    async function openBySignificantChange(): Promise<number> {
      const imported = await importFigures(w.s);
      const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
      if (posted.status !== "posted") throw new Error(posted.status);
      expect(posted.sessions).toHaveLength(1);
      await w.dispatch();
      return posted.sessions[0]!.sessionId;
    }

    /** The chart elements of a channel's top-level posts (session roots and change posts). */
    const charts = (channel: string) =>
      w.chat.postsIn(channel, null).flatMap((p) => p.current.elements.flatMap((e) => (e.type === "chart" ? [e] : [])));

    let eventCounter = 0;
    const say = (channel: string, user: { key: string; name: string }, text: string, threadId?: string) =>
      recordContribution(w.s, {
        eventId: `Ev${++eventCounter}`,
        channel,
        threadId: threadId ?? w.rootIn(channel),
        messageId: `msg${eventCounter}`,
        user: { ...user },
        text,
        at: clock.now(),
      });

    it("a leerkring that becomes a guest channel gets nothing rendered for staff any more", async () => {
      const sessionId = await openBySignificantChange();
      expect(w.chat.textIn(LEERKRING)).toContain("Wachtlijst jeugdteam (intern)");
      // A reply queues a status update of the root, rendered for staff; it has not been sent yet.
      await say(LEERKRING, PEOPLE.colleague, "Herkenbaar.");
      const pending = async () => (await outboxRows(w.s)).filter((r) => r.channel === LEERKRING && r.status === "pending").length;
      expect(await pending()).toBeGreaterThan(0);

      const linked = await linkChannel(w.s, { actor: actor(PEOPLE.admin, LEERKRING), settings: { audience: "gast" } });
      expect(linked.status).toBe("linked");
      expect(await pending()).toBe(0);
      const thread = (await sessionOf(sessionId))!.threads.find((t) => t.channel === LEERKRING);
      expect(thread?.audience).toBe("gast");

      // From now on the thread is rendered for guests: the root's next update has no intern indicator.
      const before = w.chat.postsIn(LEERKRING).find((p) => p.messageId === w.rootIn(LEERKRING))!.updates;
      await say(LEERKRING, PEOPLE.guest, "Als ervaringsdeskundige zie ik dit ook.");
      await w.dispatch();
      const root = w.chat.postsIn(LEERKRING).find((p) => p.messageId === w.rootIn(LEERKRING))!;
      expect(root.updates).toBeGreaterThan(before);
      expect(plainText(root.current)).not.toContain("Wachtlijst");
      expect(plainText(root.current)).toContain("Meldingen Veilig Thuis: < 10 (2024)");
    });

    it("opens one session for a significant change, in the leerkring and the guest channel, and guests never see intern figures", async () => {
      const sessionId = await openBySignificantChange();
      const opened = (await sessionOf(sessionId))!;
      expect(opened.threads.map((t) => t.channel).sort()).toEqual([GAST, LEERKRING]);
      expect(opened.indicators).toHaveLength(3);
      expect(opened.current).toBe("herkennen");

      const internal = w.chat.textIn(LEERKRING);
      expect(internal).toContain("Wachtlijst jeugdteam (intern)");
      expect(internal).toContain("Meldingen Veilig Thuis: 6 (2024)");
      expect(internal).toContain("Herkennen we het beeld dat uit de cijfers naar voren komt?");
      const guest = w.chat.textIn(GAST);
      expect(guest).not.toContain("Wachtlijst");
      expect(guest).not.toMatch(/\b80\b/);
      expect(guest).toContain("Meldingen Veilig Thuis: < 10 (2024)");
      expect(guest).toContain("Uw naam komt niet in de rapportage");
      expect(guest).toContain("Herkennen we het beeld dat uit de cijfers naar voren komt?");
      // No steering buttons for guests: only "Bijdrage bij andere vraag" (under the root and every question).
      const guestButtons = w.chat.postsIn(GAST).flatMap((p) => p.current.elements.flatMap((e) => (e.type === "actions" ? e.actions : [])));
      expect(guestButtons.length).toBeGreaterThan(0);
      expect(new Set(guestButtons.map((a) => `${a.id}=${a.value}`))).toEqual(new Set([`session.contributeOther=${sessionId}`]));
      // The question post offers it in the leerkring too; the root keeps its steering buttons beside it.
      const [question] = w.chat.postsIn(LEERKRING, w.rootIn(LEERKRING));
      expect(question!.message.elements.at(-1)).toEqual({
        type: "actions",
        actions: [{ id: "session.contributeOther", label: "Bijdrage bij andere vraag", value: String(sessionId) }],
      });
      const rootButtons = w.chat.postsIn(LEERKRING).find((p) => p.messageId === w.rootIn(LEERKRING))!.current.elements.find((e) => e.type === "actions");
      expect(rootButtons && rootButtons.type === "actions" && rootButtons.actions.map((a) => [a.id, a.value])).toEqual([
        ["session.next", `${sessionId}:herkennen`],
        ["session.contributeOther", String(sessionId)],
        ["session.conclude", String(sessionId)],
        ["session.guestLink", String(sessionId)],
      ]);
      // With two values per indicator, the guest's count (20 → 6) keeps one point: no chart of it.
      expect(charts(GAST).map((c) => c.chart.title)).toEqual(["Jongeren met jeugdhulp"]);
      // The leerkring without autoStart got a change post with a start button instead, and no session
      // thread; the digest channel got nothing (the weekly digest tells it).
      const beleid = w.chat.postsIn(BELEID);
      expect(beleid).toHaveLength(1);
      expect(beleid[0]!.message.elements.find((e) => e.type === "actions")).toMatchObject({ actions: [{ id: "session.start" }] });
      expect(w.chat.postsIn(DIGEST)).toEqual([]);
    });

    it("reads no series when no channel hears of new figures (nothing linked yet): the announcement is recorded, nothing posted", async () => {
      const bare = await runtime.open(clock);
      try {
        await seedDin(bare);
        const imported = await importFigures(bare, `${FIGURES}jeugdhulp;2021;9\n`);
        let reads = 0;
        const currentValues = bare.measurements.currentValues.bind(bare.measurements);
        bare.measurements.currentValues = (...args) => (reads++, currentValues(...args));
        const posted = await postChanges(bare, { key: `import:${imported.importId}`, changes: imported.news });
        expect(posted).toEqual({ status: "posted", posts: [], sessions: [] });
        expect(reads).toBe(0);
        // Recorded once: a second announcement of the same import is a duplicate.
        expect(await postChanges(bare, { key: `import:${imported.importId}`, changes: imported.news })).toEqual({ status: "duplicate" });
        // With a channel that hears of them, the same changes are read with their series (the test below).
        expect(imported.significantCount).toBeGreaterThan(0);
      } finally {
        await bare.dispose();
      }
    });

    it("draws the changed indicators' series with target and baseline; guests get no intern chart and no small counts", async () => {
      // Four years of figures. The count 8 (2022) and 6 (2024) are below the small-number limit of 10.
      const imported = await importFigures(w.s, `${FIGURES}jeugdhulp;2021;9\njeugdhulp;2022;11\nveilig-thuis;2021;12\nveilig-thuis;2022;8\nwachtlijst;2022;40\n`);
      const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
      if (posted.status !== "posted") throw new Error(posted.status);
      await w.dispatch();

      // The leerkring's session root and the other leerkring's change post: every point, target and baseline.
      for (const channel of [LEERKRING, BELEID]) {
        const [jeugdhulp, veiligThuis, wachtlijst, ...more] = charts(channel);
        expect(more).toEqual([]);
        expect(jeugdhulp).toEqual({
          type: "chart",
          chart: buildChartData({
            title: "Jongeren met jeugdhulp",
            unit: "%",
            lang: "nl",
            points: [
              { period: "2021", value: 9 },
              { period: "2022", value: 11 },
              { period: "2023", value: 10 },
              { period: "2024", value: 12 },
            ],
            baseline: { period: "2022", value: 11 },
            target: { period: "2026", value: 10 },
          }),
          alt: "Grafiek: Jongeren met jeugdhulp, 2021 t/m 2024; referentiewaarde 11% (2022); streefwaarde 10% (2026)",
        });
        expect(veiligThuis?.chart.points.map((p) => p.value)).toEqual([12, 8, 20, 6]);
        expect(wachtlijst?.chart).toMatchObject({ title: "Wachtlijst jeugdteam (intern)", points: [{ value: 40 }, { value: 50 }, { value: 80 }] });
      }

      // The guest thread: no chart of the intern indicator; the count without the values below 10.
      const guest = charts(GAST);
      expect(guest.map((c) => c.chart.title)).toEqual(["Jongeren met jeugdhulp", "Meldingen Veilig Thuis"]);
      expect(guest[1]!.chart.points).toEqual([
        { period: "2021", value: 12 },
        { period: "2023", value: 20 },
      ]);
      expect(guest[1]!.alt).toBe("Grafiek: Meldingen Veilig Thuis, 2021 t/m 2023; waarden onder 10 weggelaten");
      expect(JSON.stringify(w.chat.postsIn(GAST))).not.toMatch(/"value":(6|8|40|50|80)\b/);
      // Status updates keep the charts (they are part of the message); the platform uploads them once, with the post.
      const reply = { eventId: "Ev-chart", channel: LEERKRING, threadId: w.rootIn(LEERKRING), messageId: "chart-1", user: { ...PEOPLE.colleague }, text: "Herkenbaar.", at: clock.now() };
      expect(await recordContribution(w.s, reply)).toMatchObject({ status: "recorded" });
      await w.dispatch();
      expect(w.chat.postsIn(LEERKRING).find((p) => p.messageId === w.rootIn(LEERKRING))?.updates).toBe(1);
      expect(charts(LEERKRING)).toHaveLength(3);
    });

    it("records contributions from both threads on the right questions, ignores duplicates, and follows edits and deletions", async () => {
      const sessionId = await openBySignificantChange();
      const first = await say(LEERKRING, PEOPLE.facilitator, "Dit herken ik uit de praktijk.");
      expect(first).toMatchObject({ status: "recorded", sessionId, question: "herkennen", perspective: "beleid" });
      const guest = await say(GAST, PEOPLE.guest, "Wij horen dit ook van ouders.");
      // A guest without a person entry takes the guest channel's perspective.
      expect(guest).toMatchObject({ status: "recorded", question: "herkennen", perspective: "adviesraad" });
      const tagged = await say(GAST, PEOPLE.guest, "#verklaren Er is een nieuwe wachtlijst bij de huisarts.");
      expect(tagged).toMatchObject({ status: "recorded", question: "verklaren" });
      // No person entry and an internal channel without a default perspective: "overig".
      expect(await say(LEERKRING, PEOPLE.colleague, "Klopt.")).toMatchObject({ perspective: "overig" });

      // The same Slack event delivered again, and the same message under a new event id: both ignored.
      const again = { eventId: "Ev1", channel: LEERKRING, threadId: w.rootIn(LEERKRING), messageId: "msg1", user: { ...PEOPLE.facilitator }, text: "Dit herken ik uit de praktijk.", at: clock.now() };
      expect(await recordContribution(w.s, again)).toEqual({ status: "ignored", reason: "duplicate" });
      expect(await recordContribution(w.s, { ...again, eventId: "Ev-other" })).toEqual({ status: "ignored", reason: "duplicate" });
      // Not a session thread: nothing is recorded and nothing is remembered.
      expect(await say(LEERKRING, PEOPLE.colleague, "Los bericht", "some-other-thread")).toEqual({ status: "ignored", reason: "not-a-session-thread" });
      expect(await w.s.sessions.transaction((tx) => tx.contributions(sessionId))).toHaveLength(4);

      // Edit: the text follows and the old text is kept; a retried edit event is ignored.
      const edit = { eventId: "Ev-edit", channel: LEERKRING, messageId: "msg1", text: "Dit herken ik goed uit de praktijk.", at: clock.now() };
      expect(await editContribution(w.s, edit)).toMatchObject({ status: "updated", question: "herkennen" });
      expect(await editContribution(w.s, edit)).toEqual({ status: "ignored", reason: "duplicate" });
      const edited = await w.s.sessions.transaction((tx) => tx.contributionByMessage(LEERKRING, "msg1"));
      expect(edited?.text).toBe("Dit herken ik goed uit de praktijk.");
      expect(edited?.editedAt).toBeDefined();
      expect((await contributionRevisions(w.s)).get("msg1")).toEqual([["edit", "Dit herken ik uit de praktijk."]]);

      // Delete: withdrawn (kept, marked), left out of the draft.
      expect(await withdrawContribution(w.s, { eventId: "Ev-del", channel: GAST, messageId: "msg2", at: clock.now() })).toMatchObject({ status: "withdrawn" });
      const withdrawn = await w.s.sessions.transaction((tx) => tx.contributionByMessage(GAST, "msg2"));
      expect(withdrawn?.withdrawnAt).toBeDefined();
      expect(withdrawn?.text).toBe("Wij horen dit ook van ouders.");

      const draft = await draftConclusion(w.s, { actor: actor(PEOPLE.facilitator, LEERKRING), session: { sessionId } });
      if (draft.status !== "ok") throw new Error(draft.status);
      const field = (id: string) => draft.form.fields.find((f) => f.id === id);
      const herkennen = field("conclusion.herkennen");
      expect(herkennen && "initial" in herkennen ? herkennen.initial : "").toContain("Sanne Facilitator (beleid): Dit herken ik goed uit de praktijk.");
      expect(herkennen && "initial" in herkennen ? herkennen.initial : "").not.toContain("ouders");
      const verklaren = field("conclusion.verklaren");
      // Guests are named by perspective only, as the guest notice promises.
      expect(verklaren && "initial" in verklaren ? verklaren.initial : "").toContain("adviesraad (gast): Er is een nieuwe wachtlijst bij de huisarts.");
      expect(JSON.stringify(draft.form)).not.toContain("Joke");

      // Acknowledged on the platform once per contribution; the guest status counts guest contributions only.
      await w.dispatch();
      expect(w.chat.acknowledged.map((a) => a.messageId).sort()).toEqual(["msg1", "msg2", "msg3", "msg4"]);
      const guestRoot = w.chat.postsIn(GAST).find((p) => p.messageId === w.rootIn(GAST))!;
      expect(guestRoot.current.elements.find((e) => e.type === "progress")).toMatchObject({
        steps: [{ count: 0 }, { count: 1 }, { count: 0 }, { count: 0 }],
      });
      const internalRoot = w.chat.postsIn(LEERKRING).find((p) => p.messageId === w.rootIn(LEERKRING))!;
      expect(internalRoot.current.elements.find((e) => e.type === "progress")).toMatchObject({
        steps: [{ count: 2, current: true }, { count: 1 }, { count: 0 }, { count: 0 }],
      });
      // Guests never receive internal contributions.
      expect(w.chat.textIn(GAST)).not.toContain("herken ik");
    });

    it("moves forward and back; guests cannot; auto-advances after the channel's number of days", async () => {
      const sessionId = await openBySignificantChange();
      const session = { sessionId };
      expect(await moveQuestion(w.s, { actor: actor(PEOPLE.guest, GAST), session, direction: "next" })).toEqual({
        status: "forbidden",
        action: "move",
        reason: "guest-channel",
      });
      expect(await moveQuestion(w.s, { actor: actor(PEOPLE.colleague, LEERKRING), session, direction: "next" })).toMatchObject({ status: "forbidden", reason: "missing-role" });
      expect(await moveQuestion(w.s, { actor: actor(PEOPLE.facilitator, LEERKRING), session, direction: "back" })).toEqual({ status: "refused", code: "at-first-question" });
      const fac = actor(PEOPLE.facilitator, LEERKRING);
      expect(await moveQuestion(w.s, { eventId: "click-1", actor: fac, session, direction: "next" })).toMatchObject({ status: "moved", question: "verklaren" });
      expect(await moveQuestion(w.s, { eventId: "click-1", actor: fac, session, direction: "next" })).toEqual({ status: "duplicate" });
      expect(await say(GAST, PEOPLE.guest, "Het komt door de nieuwe regels.")).toMatchObject({ question: "verklaren" });
      // By thread reference, as a chat command in the thread would.
      await w.dispatch();
      const byThread = { channel: LEERKRING, threadId: w.rootIn(LEERKRING) };
      expect(await moveQuestion(w.s, { actor: fac, session: byThread, direction: "back" })).toMatchObject({ status: "moved", question: "herkennen" });
      await w.dispatch();
      const guestQuestions = w.chat.postsIn(GAST, w.rootIn(GAST)).map((p) => plainText(p.message));
      expect(guestQuestions.filter((t) => t.includes("Vraag 2 van 4 · Verklaren"))).toHaveLength(1);
      expect(guestQuestions.at(-1)).toContain("We gaan terug naar een eerdere vraag.");

      // Auto-advance: the leerkring's advanceAfterDays is 3, counted from the last move.
      clock.set("2025-03-05T09:00:00Z");
      expect(await advanceDueSessions(w.s)).toEqual({ moved: [] });
      clock.set("2025-03-06T09:00:01Z");
      expect(await advanceDueSessions(w.s)).toEqual({ moved: [{ sessionId, question: "verklaren" }] });
      expect(await advanceDueSessions(w.s)).toEqual({ moved: [] });
      await w.dispatch();
      expect(plainText(w.chat.postsIn(LEERKRING, w.rootIn(LEERKRING)).at(-1)!.message)).toContain("Deze vraag stond 3 dagen open.");
    });

    it("moves only from the question the button was shown at: a stale click moves nothing; a plain session id moves as before", async () => {
      const sessionId = await openBySignificantChange();
      await w.dispatch();
      const fac = actor(PEOPLE.facilitator, LEERKRING);
      const current = async () => (await w.s.sessions.transaction((tx) => tx.session(sessionId)))?.current;
      // The root's "Volgende vraag" names the question it was shown at.
      const rootButton = (id = "session.next") => {
        const root = w.chat.postsIn(LEERKRING).find((p) => p.messageId === w.rootIn(LEERKRING))!;
        const actions = root.current.elements.find((e) => e.type === "actions");
        return actions?.type === "actions" ? actions.actions.find((a) => a.id === id)?.value : undefined;
      };
      const shown = rootButton()!;
      expect(shown).toBe(`${sessionId}:herkennen`);
      expect(rootButton("session.back")).toBeUndefined(); // "Vorige vraag" not on the first question
      const click = moveRefFromValue(shown)!;
      expect(click).toEqual({ session: { sessionId }, from: "herkennen" });

      // Two clicks on the same root (two trigger ids) before it was updated: one moves, the other is told where the session is.
      expect(await moveQuestion(w.s, { eventId: "click-a", actor: fac, ...click, direction: "next" })).toEqual({ status: "moved", sessionId, question: "verklaren" });
      const stale = await moveQuestion(w.s, { eventId: "click-b", actor: fac, ...click, direction: "next" });
      expect(stale).toEqual({ status: "already-moved", sessionId, question: "verklaren" });
      expect(resultText(stale, "nl")).toBe("De sessie was al verplaatst en staat nu bij Verklaren.");
      expect(resultText(stale, "en")).toBe("The session was moved already and is now at Explain.");
      expect(await current()).toBe("verklaren");
      // The same for back: shown at herkennen, the session is at verklaren → nothing moves.
      expect(await moveQuestion(w.s, { actor: fac, ...click, direction: "back" })).toMatchObject({ status: "already-moved", question: "verklaren" });
      expect(await current()).toBe("verklaren");
      await w.dispatch();
      const questionPosts = w.chat.postsIn(LEERKRING, w.rootIn(LEERKRING)).map((p) => plainText(p.message));
      expect(questionPosts.filter((t) => t.includes("Vraag 2 van 4"))).toHaveLength(1);
      expect(questionPosts.filter((t) => t.includes("Vraag 3 van 4"))).toHaveLength(0);

      // The updated root's button (matching from) moves on.
      expect(rootButton()).toBe(`${sessionId}:verklaren`);
      // "Vorige vraag" through runAction, as every platform clicks it: the same role check and stale-click guard as next.
      const backValue = rootButton("session.back")!;
      expect(backValue).toBe(`${sessionId}:verklaren`);
      const clickBack = (who: typeof fac, eventId: string) => runAction(w.s, { eventId, actor: who, actionId: "session.back", value: backValue, lang: "nl" });
      expect(await clickBack(actor(PEOPLE.colleague, LEERKRING), "back-0")).toMatchObject({ kind: "result", result: { status: "forbidden" }, quiet: false });
      expect(await clickBack(fac, "back-a")).toEqual({ kind: "result", result: { status: "moved", sessionId, question: "herkennen" }, quiet: true });
      expect(await clickBack(fac, "back-b")).toEqual({ kind: "result", result: { status: "already-moved", sessionId, question: "herkennen" }, quiet: false });
      expect(await current()).toBe("herkennen");
      expect(await moveQuestion(w.s, { actor: fac, session: { sessionId }, from: "herkennen", direction: "next" })).toMatchObject({ status: "moved", question: "verklaren" });
      expect(await moveQuestion(w.s, { actor: fac, ...moveRefFromValue(rootButton()!)!, direction: "next" })).toMatchObject({ status: "moved", question: "waarderen" });
      // A guest's stale click is still forbidden first (no hint where the session is).
      expect(await moveQuestion(w.s, { actor: actor(PEOPLE.guest, GAST), ...click, direction: "next" })).toMatchObject({ status: "forbidden" });

      // Messages posted before the question was in the value ("12"): no `from`, the click moves as before.
      const old = moveRefFromValue(String(sessionId))!;
      expect(old).toEqual({ session: { sessionId } });
      expect(await moveQuestion(w.s, { actor: fac, ...old, direction: "next" })).toMatchObject({ status: "moved", question: "verbeteren" });
      expect(await current()).toBe("verbeteren");
    });

    it("concludes, adopts with who and when, keeps revisions, and shows the conclusion on every indicator", async () => {
      const sessionId = await openBySignificantChange();
      const session = { sessionId };
      await say(LEERKRING, PEOPLE.colleague, "Herkenbaar.");
      const fac = actor(PEOPLE.facilitator, LEERKRING);
      expect(await submitConclusion(w.s, { actor: fac, session, values: { ...CONCLUSION, "conclusion.overall": " " } })).toMatchObject({
        status: "invalid",
        issues: [{ field: "conclusion.overall" }],
      });
      expect(await submitConclusion(w.s, { actor: actor(PEOPLE.guest, GAST), session, values: CONCLUSION })).toMatchObject({ status: "forbidden", reason: "guest-channel" });
      expect(await submitConclusion(w.s, { actor: fac, session, values: CONCLUSION })).toEqual({ status: "saved", sessionId, version: 1 });

      // Guests cannot adopt, even someone holding the adopter role when acting in the guest channel; nor can a facilitator.
      expect(await adoptConclusion(w.s, { actor: actor(PEOPLE.guest, GAST), session })).toMatchObject({ status: "forbidden", action: "adopt", reason: "guest-channel" });
      expect(await adoptConclusion(w.s, { actor: actor(PEOPLE.adopter, GAST), session })).toMatchObject({ status: "forbidden", reason: "guest-channel" });
      expect(await adoptConclusion(w.s, { actor: fac, session })).toMatchObject({ status: "forbidden", reason: "missing-role" });
      clock.set("2025-03-10T14:00:00Z");
      const adopted = await adoptConclusion(w.s, { actor: actor(PEOPLE.adopter, LEERKRING), session });
      expect(adopted).toMatchObject({ status: "adopted", version: 1, adoptedAt: new Date("2025-03-10T14:00:00Z") });
      expect(await adoptConclusion(w.s, { actor: actor(PEOPLE.adopter, LEERKRING), session })).toEqual({ status: "refused", code: "already-adopted" });
      expect((await sessionOf(sessionId))?.status).toBe("closed");

      await w.dispatch();
      expect(w.chat.textIn(LEERKRING)).toContain("Ahmed Vaststeller heeft de conclusie op 10 maart 2025 vastgesteld.");
      expect(w.chat.textIn(LEERKRING)).toContain("Lichte opvoedhulp in elke wijk — Team Jeugd, uiterlijk 2025-12-31");
      expect(w.chat.textIn(GAST)).toContain("De duiding van deze cijfers is afgerond.");
      expect(w.chat.textIn(GAST)).not.toContain("campagne");

      // A revision: a new draft version; the adopted one stays in the history.
      clock.set("2025-04-01T09:00:00Z");
      // The action's status is set on its own (a status field in the form is ignored), with history.
      const [action] = await w.s.sessions.transaction((tx) => tx.actions(sessionId));
      expect(await setActionStatus(w.s, { actor: fac, actionId: action!.id!, status: "gereed" })).toMatchObject({ status: "action-set", from: "open" });
      const revised = { ...CONCLUSION, "conclusion.overall": "Herzien: de stijging zet niet door.", "action.1.status": "open" };
      expect(await submitConclusion(w.s, { actor: fac, session, values: revised })).toMatchObject({ status: "saved", version: 2 });
      expect((await w.s.sessions.transaction((tx) => tx.conclusion(sessionId)))?.current.actions).toMatchObject([{ status: "gereed" }]);
      let conclusions = await listIndicatorConclusions(w.s, { dinSlug: "hilversum", indicatorId: "jeugdhulp" });
      expect(conclusions).toHaveLength(1);
      expect(conclusions[0]!.conclusion?.status).toBe("draft");
      expect(conclusions[0]!.conclusion?.revisions.map((r) => [r.version, r.adoptedBy?.name, r.texts.overall.slice(0, 7)])).toEqual([
        [1, "Ahmed Vaststeller", "De stij"],
        [2, undefined, "Herzien"],
      ]);
      await adoptConclusion(w.s, { actor: actor(PEOPLE.adopter, LEERKRING), session });

      // Every indicator of the session carries the conclusion, for its period.
      for (const indicatorId of ["jeugdhulp", "veilig-thuis", "wachtlijst"]) {
        conclusions = await listIndicatorConclusions(w.s, { dinSlug: "hilversum", indicatorId });
        expect(conclusions).toMatchObject([{ sessionId, period: "2024", conclusion: { status: "adopted" }, actions: [{ text: "Lichte opvoedhulp in elke wijk", status: "gereed" }] }]);
      }
      const text = await presentIndicator({ ...w.s }, "veilig-thuis", "nl");
      expect(text).toContain("Conclusies");
      expect(text).toContain("Herzien: de stijging zet niet door.");
      expect(text).toContain("vastgesteld door Ahmed Vaststeller op 1 april 2025");
    });

    it("catches up after the chat API was down for an hour, once, in order, honouring Retry-After", async () => {
      w.chat.failUntil(new Date("2025-03-03T10:00:00Z"));
      const imported = await importFigures(w.s);
      await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
      // The whole hour the API is down: nothing is sent, nothing is lost, retries back off.
      let report = await w.dispatch();
      expect(report).toMatchObject({ sent: 0, retried: 3 });
      expect(w.chat.posts).toHaveLength(0);
      const attemptsAt: number[] = [];
      for (let minute = 1; minute <= 59; minute++) {
        clock.set(new Date(new Date(START).getTime() + minute * 60_000).toISOString());
        const before = w.chat.calls.length;
        await w.dispatch();
        if (w.chat.calls.length > before) attemptsAt.push(minute);
      }
      expect(w.chat.posts).toHaveLength(0);
      // Exponential backoff (5 s, 10 s, … capped at 10 min) with the platform paused: few calls in an hour.
      expect(w.chat.calls.length).toBeLessThan(30);
      expect(attemptsAt.at(-1)).toBeGreaterThan(40);
      const pending = await w.s.outbox.counts();
      expect(pending).toMatchObject({ sent: 0, failed: 0 });

      clock.set("2025-03-03T10:30:00Z");
      report = await w.dispatch();
      expect(await w.s.outbox.counts()).toMatchObject({ pending: 0, failed: 0 });
      // Exactly one post per outbox post row (no duplicates), every thread reply after its root.
      const postRows = (await outboxRows(w.s)).filter((r) => r.kind === "post");
      expect(w.chat.posts).toHaveLength(postRows.length);
      expect(new Set(postRows.map((r) => r.platformMessageId)).size).toBe(postRows.length);
      for (const p of w.chat.posts.filter((post) => post.message.target.thread)) {
        const root = w.chat.posts.findIndex((r) => r.messageId === p.message.target.thread);
        expect(root).toBeGreaterThanOrEqual(0);
        expect(root).toBeLessThan(w.chat.posts.indexOf(p));
      }
      // A second pass sends nothing again.
      expect(await w.dispatch()).toEqual({ sent: 0, retried: 0, failed: 0 });

      // Rate limited: the row waits exactly Retry-After, then goes.
      await say(LEERKRING, PEOPLE.colleague, "Nog een bijdrage.");
      w.chat.failNext(1, { code: "RateLimited", retryAfterMs: 30_000 });
      await w.dispatch();
      const waiting = (await outboxRows(w.s)).find((r) => r.status === "pending")!;
      expect(waiting.nextAttemptAt.toISOString()).toBe("2025-03-03T10:30:30.000Z");
      expect(waiting.lastError).toContain("RateLimited");
      clock.set("2025-03-03T10:30:29Z");
      expect((await w.dispatch()).sent).toBe(0);
      clock.set("2025-03-03T10:30:30Z");
      await w.dispatch();
      expect(await w.s.outbox.counts()).toMatchObject({ pending: 0 });
    });

    it("sends each row once when two dispatchers race", async () => {
      const imported = await importFigures(w.s);
      await postChanges(w.s, { key: "import:race", changes: imported.changes });
      const other = createDispatcher({ outbox: w.s.outbox, chats: w.s.chats, clock, random: () => 0.5 });
      const reports = await Promise.all([w.dispatch(), other.dispatchOnce()]);
      const rows = await outboxRows(w.s);
      expect(reports[0].sent + reports[1].sent).toBe(rows.length);
      expect(w.chat.posts).toHaveLength(rows.filter((r) => r.kind === "post").length);
    });

    it("starts on request and from a change post button, and refuses what it should", async () => {
      const imported = await importFigures(w.s);
      // Nobody autoStarts here: the leerkring only gets change posts.
      await w.s.sessions.transaction(async (tx) => {
        for (const channel of await tx.channels()) await tx.saveChannel({ ...channel, autoStart: false }, { source: "chat" });
      });
      const posted = await postChanges(w.s, { key: "import:x", changes: imported.changes });
      expect(await postChanges(w.s, { key: "import:x", changes: imported.changes })).toEqual({ status: "duplicate" });
      if (posted.status !== "posted") throw new Error(posted.status);
      expect(posted.sessions).toHaveLength(0);
      const guestPost = posted.posts.find((p) => p.channel === GAST)!;
      const internalPost = posted.posts.find((p) => p.channel === LEERKRING)!;
      await w.dispatch();
      expect(w.chat.textIn(GAST)).not.toContain("Wachtlijst");

      expect(await startFromChangePost(w.s, { actor: actor(PEOPLE.guest, GAST), value: String(guestPost.changePostId) })).toMatchObject({ status: "forbidden", reason: "guest-channel" });
      expect(await startFromChangePost(w.s, { actor: actor(PEOPLE.colleague, "memory:unknown"), value: String(internalPost.changePostId) })).toEqual({ status: "channel-not-linked" });
      const started = await startFromChangePost(w.s, { eventId: "b1", actor: actor(PEOPLE.colleague, LEERKRING), value: String(internalPost.changePostId) });
      expect(started).toMatchObject({ status: "started", channels: [LEERKRING] });
      // The guest channel joins only when it has autoStart; here it does not.
      const again = await startFromChangePost(w.s, { eventId: "b2", actor: actor(PEOPLE.colleague, BELEID), value: String(posted.posts.find((p) => p.channel === BELEID)!.changePostId) });
      expect(again).toMatchObject({ status: "started" });

      // On request: an unknown id, then an indicator; asking again for the same subject joins the open session.
      expect(await startSession(w.s, { actor: actor(PEOPLE.colleague, LEERKRING), subject: { kind: "indicator", id: "bestaat-niet" } })).toEqual({ status: "unknown-subject" });
      const one = await startSession(w.s, { actor: actor(PEOPLE.colleague, LEERKRING), subject: { kind: "indicator", id: "jeugdhulp" } });
      expect(one).toMatchObject({ status: "started", channels: [LEERKRING] });
      if (one.status !== "started") return;
      expect(await startSession(w.s, { actor: actor(PEOPLE.colleague, BELEID), subject: { kind: "indicator", id: "jeugdhulp" } })).toEqual({ status: "already-open", sessionId: one.sessionId, joined: true });
      const status = await sessionStatus(w.s, { channel: BELEID });
      expect(status.status === "ok" && plainText(status.message)).toContain("Lopende duidingssessies");
      expect(await sessionStatus(w.s, { channel: GAST, session: { sessionId: one.sessionId } })).toEqual({ status: "not-found" });
      expect(GOAL).toBe("doel-gezond-opgroeien");
    });

    it("never opens a guest thread for a session about an intern indicator only", async () => {
      await importFigures(w.s);
      const started = await startSession(w.s, { actor: actor(PEOPLE.colleague, LEERKRING), subject: { kind: "indicator", id: "wachtlijst" } });
      expect(started).toMatchObject({ status: "started", channels: [LEERKRING] });
      await w.dispatch();
      expect(w.chat.postsIn(GAST)).toHaveLength(0);
    });
  });
}
