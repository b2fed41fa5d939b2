/**
 * A whole duiding session in Microsoft Teams over real HTTP: the real Teams SDK on duidbot's one
 * server, activities signed with a key the test minted, a fake Bot Connector recording what the bot
 * sends. An admin links the channel by @mention, the change post is an Adaptive Card with Start
 * duiding (Action.Execute), the session opens a new conversation (its root card) with the question in
 * the thread, every thread reply counts and updates the root in place, only the facilitator moves on
 * and only the adopter adopts (others get a refusal in the invoke response, nothing posted), the
 * conclusion is a dialog (task/fetch → task/submit), and edits and deletions follow the contribution.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postChanges } from "../../src/app/sessions/index.ts";
import { cardProblems } from "../support/adaptiveCards.ts";
import { memoryRuntime } from "../support/db.ts";
import { importFigures, seedDin } from "../support/sessionWorld.ts";
import { TEAMS_CHANNELS, TEAMS_USERS, teamsKey, startTeamsWorld, type TeamsWorld } from "../support/teamsWorld.ts";

const LEER = TEAMS_CHANNELS.leerkring;
const U = TEAMS_USERS;

const json = (value: unknown) => JSON.stringify(value);

// On the memory store only (issue #14): this file proves the Teams face (SDK, cards, dialogs); the store
// calls it makes are the ones tests/contract proves on memory, PGlite and PostgreSQL, and a whole session
// on both databases stays in slackSession and sessionsOnDatabase.
for (const runtime of [memoryRuntime]) {
  describe(`Teams session on ${runtime.name}`, () => {
    let w: TeamsWorld;
    beforeEach(async () => {
      w = await startTeamsWorld(runtime, { start: "2025-03-03T09:00:00Z" });
      await seedDin(w.s);
    });
    afterEach(async () => {
      await w.close();
    });

    const contributions = (sessionId: number) => w.s.sessions.transaction((tx) => tx.contributions(sessionId));
    /** The text of the bot's latest answer in a thread. */
    const answerIn = (thread: string) => json(w.sentIn(LEER, { thread }).at(-1)?.activity);

    it("runs from change post to adopted conclusion", async () => {
      // @duidbot koppel: a colleague is refused, the admin links; the answer goes into the mention's thread.
      const refused = w.driver.message(U.colleague, LEER, "koppel leerkring", { mention: true });
      expect((await w.driver.send(refused)).status).toBe(200);
      expect(answerIn(refused.id as string)).toContain("beheerder");
      const linked = w.driver.message(U.admin, LEER, "koppel leerkring", { mention: true });
      await w.driver.send(linked);
      expect(answerIn(linked.id as string)).toContain("Het kanaal is gekoppeld.");

      // New figures: one card per doel, posted as a new conversation, with Start duiding (Action.Execute).
      const imported = await importFigures(w.s);
      await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
      await w.dispatch();
      expect(w.fake.calls.filter((c) => c.path === "/v3/conversations" && c.status === 201)).toHaveLength(1);
      const change = w.sentIn(LEER, { thread: null }).at(-1)!;
      const card = (change.activity.attachments as { contentType: string; content: { version: string } }[])[0]!;
      expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
      expect(card.content.version).toBe("1.5");
      expect(json(card)).toContain("🔴 **Jongeren met jeugdhulp**");
      const start = w.button(LEER, "session.start")!;
      expect(start.type).toBe("Action.Execute");

      // Start duiding: the clicker sees a line; the session root is a new conversation, the question in its thread.
      const started = await w.driver.send(w.driver.execute(U.colleague, LEER, start.data, { thread: change.id, verb: "session.start" }));
      expect(started).toMatchObject({ status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.activity.message" } });
      await w.dispatch();
      const root = w.sentIn(LEER, { thread: null }).find((m) => String(m.activity.summary).startsWith("Duiding"))!;
      expect(root).toBeDefined();
      expect(json(w.sentIn(LEER, { thread: root.id }))).toContain("Herkennen we het beeld");
      const sessionId = Number(w.button(LEER, "session.next")!.data.duidbot.value.split(":")[0]);
      expect(w.button(LEER, "session.back")).toBeUndefined(); // nothing before the first question

      const questions = ["herkennen", "verklaren", "waarderen", "verbeteren"];
      let n = 0;
      for (const [i, question] of questions.entries()) {
        for (const user of [U.colleague, U.facilitator]) {
          n++;
          const res = await w.driver.send(w.driver.message(user, LEER, `Bijdrage ${n} over ${question}`, { thread: root.id, id: `reply-${n}` }));
          expect(res.status).toBe(200);
        }
        await w.dispatch();
        if (i === questions.length - 1) break;
        const next = w.button(LEER, "session.next")!;
        expect(next.data.duidbot.value).toBe(`${sessionId}:${question}`);
        const callsBefore = w.fake.calls.length;
        const no = await w.driver.send(w.driver.execute(U.colleague, LEER, next.data, { thread: root.id, verb: "session.next" }));
        expect(json(no.body)).toContain("gespreksleider");
        expect(w.fake.calls.length).toBe(callsBefore); // a refusal only the clicker sees: nothing posted
        await w.driver.send(w.driver.execute(U.facilitator, LEER, next.data, { thread: root.id, verb: "session.next" }));
        await w.dispatch();
      }
      const counted = await contributions(sessionId);
      expect(counted.map((c) => c.question)).toEqual(questions.flatMap((q) => [q, q]));
      expect(counted.find((c) => c.author.key === `teams:${U.colleague.aad}`)?.author.name).toBe("Piet Collega");
      // The root card is the acknowledgement: updated in place (PUT), never reposted.
      const rootNow = w.fake.sent.find((m) => m.id === root.id)!;
      expect(rootNow.updates).toBeGreaterThan(0);
      expect(json(rootNow.activity)).toContain("▶ **Verbeteren** (2)");
      expect(w.fake.calls.some((c) => c.method === "PUT" && c.path.endsWith(`;messageid=${root.id}/activities/${root.id}`))).toBe(true);
      expect(w.sentIn(LEER, { thread: root.id }).filter((m) => /Vraag \d van 4/.test(json(m.activity)))).toHaveLength(4);

      // Vorige vraag (Action.Execute, like next): at the last question back only; a colleague is refused
      // in the invoke answer, the facilitator moves back, the same card clicked again moves nothing.
      expect(w.button(LEER, "session.next")).toBeUndefined();
      const back = w.button(LEER, "session.back")!;
      expect(back).toMatchObject({ type: "Action.Execute", data: { duidbot: { value: `${sessionId}:verbeteren` } } });
      expect(json(back.sent.activity)).toMatch(/"title":"Vorige vraag","verb":"session.back"/);
      const noBack = await w.driver.send(w.driver.execute(U.colleague, LEER, back.data, { thread: root.id, verb: "session.back" }));
      expect(json(noBack.body)).toContain("gespreksleider");
      await w.driver.send(w.driver.execute(U.facilitator, LEER, back.data, { thread: root.id, verb: "session.back" }));
      const stale = await w.driver.send(w.driver.execute(U.facilitator, LEER, back.data, { thread: root.id, verb: "session.back" }));
      expect(stale.body).toMatchObject({ value: "De sessie was al verplaatst en staat nu bij Waarderen." });
      await w.dispatch();
      const nextAgain = w.button(LEER, "session.next")!;
      expect(w.button(LEER, "session.back")!.data.duidbot.value).toBe(`${sessionId}:waarderen`);
      await w.driver.send(w.driver.execute(U.facilitator, LEER, nextAgain.data, { thread: root.id, verb: "session.next" }));
      await w.dispatch();
      expect((await w.s.sessions.transaction((tx) => tx.session(sessionId)))?.current).toBe("verbeteren");

      // An edit changes the contribution; a deletion withdraws it.
      await w.driver.send({ ...w.driver.message(U.colleague, LEER, "Bijdrage 1, aangevuld", { thread: root.id, id: "reply-1" }), type: "messageUpdate", channelData: { tenant: { id: "7a6b5c4d-0000-4000-8000-0000000000aa" }, eventType: "editMessage" } });
      await w.driver.send({ ...w.driver.message(U.facilitator, LEER, "", { thread: root.id, id: "reply-2" }), type: "messageDelete", channelData: { tenant: { id: "7a6b5c4d-0000-4000-8000-0000000000aa" }, eventType: "softDeleteMessage" } });
      const revised = await contributions(sessionId);
      expect(revised.find((c) => c.messageId === "reply-1")?.text).toBe("Bijdrage 1, aangevuld");
      expect(revised.find((c) => c.messageId === "reply-2")?.withdrawnAt).toBeInstanceOf(Date);

      // @duidbot status in the thread: that session's status, answered in the thread (not a contribution).
      await w.driver.send(w.driver.message(U.colleague, LEER, "status", { thread: root.id, mention: true }));
      expect(answerIn(root.id)).toContain("application/vnd.microsoft.card.adaptive");
      // "@duidbot ik ben uitvoering" sets one's own perspective (#20); "@duidbot ik herken …" stays a reply.
      const before = (await contributions(sessionId)).length;
      await w.driver.send(w.driver.message(U.colleague, LEER, "ik ben uitvoering", { thread: root.id, mention: true }));
      expect(answerIn(root.id)).toContain("Genoteerd: u draagt voortaan bij als uitvoering.");
      expect(await contributions(sessionId)).toHaveLength(before);
      await w.driver.send(w.driver.message(U.colleague, LEER, "acties", { thread: root.id, mention: true }));
      expect(answerIn(root.id)).toContain("Er staan geen verbeteracties open.");

      // Conclusie opstellen: a dialog (task/fetch) pre-filled per question; submitted with task/submit.
      const conclude = w.button(LEER, "session.conclude")!;
      expect(conclude.type).toBe("Action.Submit");
      const opened = (await w.driver.send(w.driver.taskFetch(U.facilitator, LEER, conclude.data, root.id))).body as { task: { type: string; value: { card: { content: { body: { id?: string; value?: string }[] } } } } };
      expect(opened.task.type).toBe("continue");
      const input = (id: string) => opened.task.value.card.content.body.find((b) => b.id === id);
      expect(input("conclusion.herkennen")?.value).toContain("Bijdrage 1, aangevuld");
      expect(input("action.1.owner")).toBeDefined();
      expect(cardProblems(opened.task.value.card.content)).toEqual([]);
      const duidbot = (opened.task.value.card.content.body.at(-1) as unknown as { actions: { data: unknown }[] }).actions[0]!.data as Record<string, unknown>;
      const submitted = await w.driver.send(
        w.driver.taskSubmit(U.facilitator, LEER, {
          ...duidbot,
          "conclusion.herkennen": "We herkennen de stijging.",
          "conclusion.verklaren": "Meer aanmeldingen na de campagne.",
          "conclusion.waarderen": "Niet goed.",
          "conclusion.verbeteren": "Eerder lichte hulp.",
          "conclusion.overall": "De stijging komt door de campagne.",
          "action.1.text": "Lichte opvoedhulp in elke wijk",
          "action.1.owner": "Team Jeugd",
          "action.1.due": "2025-12-31",
        }, root.id),
      );
      expect(submitted.status).toBe(200);
      await w.dispatch();

      // Vaststellen: a colleague is refused (only they see it), the adopter adopts.
      const adopt = w.button(LEER, "session.adopt")!;
      const notYou = await w.driver.send(w.driver.execute(U.colleague, LEER, adopt.data, { thread: root.id, verb: "session.adopt" }));
      expect(json(notYou.body)).toContain("vaststeller");
      await w.driver.send(w.driver.execute(U.adopter, LEER, adopt.data, { thread: root.id, verb: "session.adopt" }));
      await w.dispatch();
      const conclusion = await w.s.sessions.transaction((tx) => tx.conclusion(sessionId));
      expect(conclusion).toMatchObject({ status: "adopted", current: { texts: { overall: "De stijging komt door de campagne." }, adoptedBy: { name: "Ahmed Vaststeller" } } });
      expect(conclusion?.current.actions).toEqual([{ text: "Lichte opvoedhulp in elke wijk", owner: "Team Jeugd", due: "2025-12-31", status: "open" }]);
      expect(json(w.sentIn(LEER, { thread: root.id }).map((m) => m.activity))).toContain("Conclusie vastgesteld");
      expect(await contributions(sessionId)).toHaveLength(8);
      // Every card the product sent is valid for Microsoft's adaptivecards library (1.5).
      const cards = w.fake.sent.flatMap((m) => ((m.activity.attachments ?? []) as { content: unknown }[]).map((a) => a.content));
      expect(cards.length).toBeGreaterThanOrEqual(8); // change post, root, four questions, status, adopted
      expect(cards.flatMap(cardProblems)).toEqual([]);
      // Every connector call carried the outbound token.
      expect(w.fake.calls.every((c) => c.headers.authorization?.startsWith("Bearer ey"))).toBe(true);
      expect(teamsKey(LEER)).toBe(`teams:7a6b5c4d-0000-4000-8000-0000000000aa:${LEER}`);
    });

    it("Gastlink maken: only the facilitator, answered in the invoke response (only the clicker sees it), the link on DUIDBOT_PUBLIC_URL", async () => {
      const startIn = async (world: TeamsWorld) => {
        await world.driver.send(world.driver.message(U.admin, LEER, "koppel leerkring", { mention: true }));
        await importFigures(world.s);
        await world.driver.send(world.driver.message(U.colleague, LEER, "start doel-gezond-opgroeien", { mention: true }));
        await world.dispatch();
        const root = world.sentIn(LEER, { thread: null }).find((m) => String(m.activity.summary).startsWith("Duiding"))!;
        return { root, button: world.button(LEER, "session.guestLink")! };
      };
      let { root, button } = await startIn(w);
      // Action.Execute like Volgende vraag: its answer is the invoke response, private to the clicker.
      expect(button.type).toBe("Action.Execute");
      expect(json(button.sent.activity)).toMatch(/"title":"Gastlink maken","verb":"session.guestLink"/);
      const sessionId = Number(button.data.duidbot.value);
      const callsBefore = w.fake.calls.length;
      const no = await w.driver.send(w.driver.execute(U.colleague, LEER, button.data, { thread: root.id, verb: "session.guestLink" }));
      expect(no.body).toMatchObject({ value: "Alleen de gespreksleider kan een gastlink maken." });
      const made = await w.driver.send(w.driver.execute(U.facilitator, LEER, button.data, { thread: root.id, verb: "session.guestLink" }));
      expect(w.fake.calls.length).toBe(callsBefore); // nothing posted: the link is in the answer only
      const [link] = await w.s.sessions.transaction((tx) => tx.guestLinks(sessionId));
      expect(link).toMatchObject({ createdBy: `teams:${U.facilitator.aad}` });
      const text = (made.body as { value: string }).value;
      expect(text).toContain("geldig tot 17 maart 2025");
      expect(text).toMatch(new RegExp(`https://duidbot\\.example\\.test/gast/${link!.publicId}/[A-Za-z0-9_-]{43}$`));

      // Without DUIDBOT_PUBLIC_URL no link is made; the answer says how to get one.
      await w.close();
      w = await startTeamsWorld(runtime, { start: "2025-03-03T09:00:00Z", publicUrl: null });
      await seedDin(w.s);
      ({ root, button } = await startIn(w));
      const explained = await w.driver.send(w.driver.execute(U.facilitator, LEER, button.data, { thread: root.id, verb: "session.guestLink" }));
      expect((explained.body as { value: string }).value).toContain(`Zet DUIDBOT_PUBLIC_URL of maak de gastlink op de webpagina van de sessie (/sessie/${button.data.duidbot.value})`);
      expect(await w.s.sessions.transaction((tx) => tx.guestLinks(Number(button.data.duidbot.value)))).toEqual([]);
    });
  });
}
