/**
 * Proves a whole duiding session in Slack over real HTTP: an admin links the channel with
 * /duiding koppel, new figures arrive as one change post per doel with a Start duiding button, a
 * click opens the session thread, replies count toward the four questions (with a ✅ reaction and
 * progress updates), only the facilitator moves on, the conclusion modal comes pre-filled and its
 * submission is saved, only an adopter adopts (others get an ephemeral explanation), and edits and
 * deletions follow the contribution. Asserts on what the fake Slack recorded and what the database
 * holds. The guest-link button and the /duiding commands are in slackSessionCommands.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postChanges } from "../../src/app/sessions/index.ts";
import { embeddedRuntime } from "../support/db.ts";
import { importFigures, seedDin } from "../support/sessionWorld.ts";
import { SLACK_CHANNELS, SLACK_USERS, slackKey, startSlackWorld, type SlackWorld } from "../support/slackWorld.ts";

const LEER = SLACK_CHANNELS.leerkring;

// PGlite, the embedded default, only: the database work here is the same SQL on PostgreSQL, where the
// contract suites and sessionsOnDatabase.test.ts run it (tests/support/db.ts embeddedRuntime).
const runtime = embeddedRuntime();

describe(`Slack session on ${runtime.name}`, () => {
  let w: SlackWorld;
  beforeEach(async () => {
    w = await startSlackWorld(runtime, { start: "2025-03-03T09:00:00Z" });
    await seedDin(w.s);
  });
  afterEach(async () => {
    await w.close();
  });

  const reply = (user: string, text: string, threadTs: string, ts: string) =>
    w.driver.event({ type: "message", channel: LEER, user, text, ts, thread_ts: threadTs, channel_type: "channel" });

  const click = (user: string, actionId: string, where: { value: string; message: { ts: string; thread_ts?: string } }) =>
    w.driver.blockAction({
      user_id: user,
      channel_id: LEER,
      message_ts: where.message.ts,
      ...(where.message.thread_ts ? { thread_ts: where.message.thread_ts } : {}),
      action_id: actionId,
      value: where.value,
    });

  async function contributions(sessionId: number) {
    return w.s.sessions.transaction((tx) => tx.contributions(sessionId));
  }

  it("runs from change post to adopted conclusion", async () => {
    // An admin links the channel; a colleague may not.
    const refused = await w.driver.command("/duiding", "koppel leerkring", { user_id: SLACK_USERS.colleague.id, channel_id: LEER });
    expect(JSON.parse(refused.body)).toMatchObject({ response_type: "ephemeral", text: expect.stringContaining("beheerder") });
    const linked = await w.driver.command("/duiding", "koppel leerkring", { user_id: SLACK_USERS.admin.id, channel_id: LEER });
    expect(JSON.parse(linked.body).text).toBe("Het kanaal is gekoppeld.");

    // New figures: one change post for the one doel, all three indicators in it, a Start duiding button.
    const imported = await importFigures(w.s);
    await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
    await w.dispatch();
    const [changePost, ...more] = w.posted(LEER);
    expect(more).toEqual([]);
    const changeJson = JSON.stringify(changePost!.blocks);
    expect(changePost!.blocks[0]).toMatchObject({ type: "header", text: { text: expect.stringContaining("Nieuwe cijfers") } });
    for (const name of ["Jongeren met jeugdhulp", "Meldingen Veilig Thuis", "Wachtlijst jeugdteam (intern)"]) expect(changeJson).toContain(name);
    expect(changeJson).toMatch(/:red_circle: \*Jongeren met jeugdhulp\*/); // 10 → 12%, lager-is-beter: worse
    const start = w.button(LEER, "session.start")!;
    expect(start).toBeDefined();

    // Start duiding: a session thread opens with its root (status + buttons) and the first question.
    expect((await click(SLACK_USERS.colleague.id, "session.start", start)).status).toBe(200);
    await w.dispatch();
    const root = w.posted(LEER, { thread: null }).find((m) => m.text.startsWith("Duiding"))!;
    expect(root).toBeDefined();
    const questionPost = w.posted(LEER, { thread: root.ts });
    expect(JSON.stringify(questionPost.map((m) => m.blocks))).toContain("Herkennen we het beeld");
    const next = w.button(LEER, "session.next")!;
    // "<sessionId>:<question>": the button carries the question the root showed.
    expect(next.value).toMatch(/^\d+:herkennen$/);
    const sessionId = Number(next.value.split(":")[0]);
    expect(w.button(LEER, "session.back")).toBeUndefined(); // nothing before the first question

    // Four questions: two replies each, then the facilitator moves on (a colleague's click is refused).
    const questions = ["herkennen", "verklaren", "waarderen", "verbeteren"];
    let n = 0;
    for (const [i, question] of questions.entries()) {
      for (const user of [SLACK_USERS.colleague.id, SLACK_USERS.facilitator.id]) {
        n++;
        const res = await reply(user, `Bijdrage ${n} over ${question}`, root.ts, `1741000000.${String(n).padStart(6, "0")}`);
        expect(res.status).toBe(200);
      }
      await w.dispatch();
      if (i === questions.length - 1) break;
      // The root as updated after the last move: its button names the current question.
      const nextNow = w.button(LEER, "session.next")!;
      expect(nextNow.value).toBe(`${sessionId}:${question}`);
      await click(SLACK_USERS.colleague.id, "session.next", { value: nextNow.value, message: root });
      expect(w.fake.ok("chat.postEphemeral").at(-1)?.body).toMatchObject({ user: SLACK_USERS.colleague.id, text: expect.stringContaining("gespreksleider") });
      await click(SLACK_USERS.facilitator.id, "session.next", { value: nextNow.value, message: root });
      await w.dispatch();
    }
    const counted = await contributions(sessionId);
    expect(counted.map((c) => c.question)).toEqual(questions.flatMap((q) => [q, q]));
    expect(counted.find((c) => c.author.key === `slack:${SLACK_USERS.colleague.id}`)?.author.name).toBe("Piet Collega");
    // Every counted reply got exactly one reaction; the root shows progress (updated, not reposted).
    expect(w.fake.reactions).toHaveLength(8);
    expect(new Set(w.fake.reactions.map((r) => r.timestamp)).size).toBe(8);
    const rootNow = w.fake.messages.find((m) => m.ts === root.ts)!;
    expect(rootNow.updates).toBeGreaterThan(0);
    expect(JSON.stringify(rootNow.blocks)).toContain(":arrow_forward: *Verbeteren* (2)");
    // Each question got its own post in the thread.
    expect(w.posted(LEER, { thread: root.ts }).filter((m) => /Vraag \d van 4/.test(JSON.stringify(m.blocks)))).toHaveLength(4);

    // Vorige vraag: at the last question the root offers back (no next); only the facilitator moves back,
    // a second click on the same (not yet updated) button moves nothing, and next goes forward again.
    expect(w.button(LEER, "session.next")).toBeUndefined();
    const back = w.button(LEER, "session.back")!;
    expect(back.value).toBe(`${sessionId}:verbeteren`);
    expect(JSON.stringify(w.fake.messages.find((m) => m.ts === root.ts)!.blocks)).toContain("Vorige vraag");
    await click(SLACK_USERS.colleague.id, "session.back", { value: back.value, message: root });
    expect(w.fake.ok("chat.postEphemeral").at(-1)?.body).toMatchObject({ user: SLACK_USERS.colleague.id, text: expect.stringContaining("gespreksleider") });
    await click(SLACK_USERS.facilitator.id, "session.back", { value: back.value, message: root });
    expect((await w.s.sessions.transaction((tx) => tx.session(sessionId)))?.current).toBe("waarderen");
    await click(SLACK_USERS.facilitator.id, "session.back", { value: back.value, message: root });
    expect(w.fake.ok("chat.postEphemeral").at(-1)?.body).toMatchObject({ user: SLACK_USERS.facilitator.id, text: "De sessie was al verplaatst en staat nu bij Waarderen." });
    await w.dispatch();
    expect(w.button(LEER, "session.back")!.value).toBe(`${sessionId}:waarderen`);
    await click(SLACK_USERS.facilitator.id, "session.next", { value: w.button(LEER, "session.next")!.value, message: root });
    await w.dispatch();
    expect((await w.s.sessions.transaction((tx) => tx.session(sessionId)))?.current).toBe("verbeteren");

    // An edit changes the contribution; a deletion withdraws it.
    await w.driver.event({
      type: "message",
      subtype: "message_changed",
      channel: LEER,
      message: { type: "message", user: SLACK_USERS.colleague.id, text: "Bijdrage 1, aangevuld", ts: "1741000000.000001", thread_ts: root.ts },
      event_ts: "1741000100.000001",
      ts: "1741000100.000001",
    });
    await w.driver.event({ type: "message", subtype: "message_deleted", channel: LEER, deleted_ts: "1741000000.000002", event_ts: "1741000101.000001", ts: "1741000101.000001" });
    const revised = await contributions(sessionId);
    expect(revised.find((c) => c.messageId === "1741000000.000001")?.text).toBe("Bijdrage 1, aangevuld");
    expect(revised.find((c) => c.messageId === "1741000000.000002")?.withdrawnAt).toBeInstanceOf(Date);

    // Status: by slash command (ephemeral ack) and by mention in the thread (ephemeral post).
    const status = await w.driver.command("/duiding", "status", { user_id: SLACK_USERS.colleague.id, channel_id: LEER });
    expect(JSON.stringify(JSON.parse(status.body).blocks)).toContain("gezond en veilig");
    await w.driver.event({ type: "app_mention", channel: LEER, user: SLACK_USERS.colleague.id, text: "<@UBOT> status", ts: "1741000200.000001", thread_ts: root.ts });
    expect(w.fake.ok("chat.postEphemeral").at(-1)?.body).toMatchObject({ thread_ts: root.ts, user: SLACK_USERS.colleague.id });
    // "@duidbot ik ben …" runs like the slash command (#20), answered to the person alone, and is no contribution.
    await w.driver.event({ type: "app_mention", channel: LEER, user: SLACK_USERS.colleague.id, text: "<@UBOT> ik ben uitvoering", ts: "1741000200.000002", thread_ts: root.ts });
    expect(w.fake.ok("chat.postEphemeral").at(-1)?.body).toMatchObject({ thread_ts: root.ts, user: SLACK_USERS.colleague.id, text: "Genoteerd: u draagt voortaan bij als uitvoering." });
    await reply(SLACK_USERS.colleague.id, "<@UBOT> ik ben uitvoering", root.ts, "1741000200.000002");
    // Conclusie opstellen: a modal with a field per question, pre-filled from the contributions.
    await click(SLACK_USERS.facilitator.id, "session.conclude", { value: w.button(LEER, "session.conclude")!.value, message: root });
    const opened = w.fake.ok("views.open").at(-1)!.body as { view: { callback_id: string; private_metadata: string; blocks: { block_id: string; element: { initial_value?: string } }[] } };
    expect(opened.view.callback_id).toBe("session.conclude");
    const field = (id: string) => opened.view.blocks.find((b) => b.block_id === id);
    expect(field("conclusion.herkennen")?.element.initial_value).toContain("Bijdrage 1, aangevuld");
    expect(field("conclusion.herkennen")?.element.initial_value).not.toContain("Bijdrage 2 ");
    expect(field("action.1.owner")).toBeDefined();

    const values = {
      "conclusion.herkennen": { c: { type: "plain_text_input", value: "We herkennen de stijging." } },
      "conclusion.verklaren": { c: { type: "plain_text_input", value: "Meer aanmeldingen na de campagne." } },
      "conclusion.waarderen": { c: { type: "plain_text_input", value: "Niet goed." } },
      "conclusion.verbeteren": { c: { type: "plain_text_input", value: "Eerder lichte hulp." } },
      "conclusion.overall": { c: { type: "plain_text_input", value: "De stijging komt door de campagne." } },
      "action.1.text": { c: { type: "plain_text_input", value: "Lichte opvoedhulp in elke wijk" } },
      "action.1.owner": { c: { type: "plain_text_input", value: "Team Jeugd" } },
      "action.1.due": { c: { type: "datepicker", selected_date: "2025-12-31" } },
    };
    const submitted = await w.driver.viewSubmission({ user_id: SLACK_USERS.facilitator.id, callback_id: "session.conclude", private_metadata: opened.view.private_metadata, values });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toBe(""); // empty ack: the modal closes
    await w.dispatch();

    // Vaststellen: a colleague gets an ephemeral explanation, the adopter adopts.
    const adopt = w.button(LEER, "session.adopt")!;
    await click(SLACK_USERS.colleague.id, "session.adopt", adopt);
    expect(w.fake.ok("chat.postEphemeral").at(-1)?.body).toMatchObject({ user: SLACK_USERS.colleague.id, text: expect.stringContaining("vaststeller") });
    await click(SLACK_USERS.adopter.id, "session.adopt", adopt);
    await w.dispatch();
    const conclusion = await w.s.sessions.transaction((tx) => tx.conclusion(sessionId));
    expect(conclusion).toMatchObject({ status: "adopted", current: { texts: { overall: "De stijging komt door de campagne." }, adoptedBy: { name: "Ahmed Vaststeller" } } });
    expect(conclusion?.current.actions).toEqual([{ text: "Lichte opvoedhulp in elke wijk", owner: "Team Jeugd", due: "2025-12-31", status: "open" }]);
    expect(JSON.stringify(w.posted(LEER, { thread: root.ts }).map((m) => m.blocks))).toContain("Conclusie vastgesteld");

    // The mention itself is not a contribution.
    expect(await contributions(sessionId)).toHaveLength(8);
    // Every Web API call went to the fake with the bot token.
    expect(w.fake.calls.every((c) => c.method === "upload" || c.headers.authorization === "Bearer xoxb-test")).toBe(true);
    expect(slackKey(LEER)).toBe("slack:T0FAKE:C0LEER");
  });
});
