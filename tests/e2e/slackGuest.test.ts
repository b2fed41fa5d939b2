/**
 * Proves guest channels in Slack over real HTTP: a Slack Connect channel is linked as gast even when
 * the admin asks for leerkring; it receives only openbaar indicators with small counts hidden
 * ("< 10"), no steering buttons; a guest's reply joins the session with the channel's perspective;
 * a (forged) steering click from the guest channel is refused with an ephemeral explanation.
 * Also: "Bijdrage bij andere vraag" opens a modal whose submission is echoed into the thread and
 * counted under the chosen question.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sendDigest } from "../../src/app/digest/sendDigest.ts";
import { createGuestLink, postChanges } from "../../src/app/sessions/index.ts";
import { memoryRuntime } from "../support/db.ts";
import { importFigures, seedDin } from "../support/sessionWorld.ts";
import { SLACK_CHANNELS, SLACK_USERS, startSlackWorld, type SlackWorld } from "../support/slackWorld.ts";

const { leerkring: LEER, gast: GAST } = SLACK_CHANNELS;

// On the memory store: this is about the adapter, not the database (tests/contract proves the store).
for (const runtime of [memoryRuntime]) {
  describe(`Slack guest channel on ${runtime.name}`, () => {
    let w: SlackWorld;
    beforeEach(async () => {
      w = await startSlackWorld(runtime, { start: "2025-03-03T09:00:00Z" });
      w.fake.channels.set(GAST, { id: GAST, name: "adviesraad-sociaal-domein", is_ext_shared: true });
      await seedDin(w.s);
    });
    afterEach(async () => {
      await w.close();
    });

    async function openSessionInBoth(): Promise<{ guestRoot: string; leerRoot: string; sessionId: number }> {
      expect((await w.driver.command("/duiding", "koppel leerkring auto", { user_id: SLACK_USERS.admin.id, channel_id: LEER })).status).toBe(200);
      const guest = await w.driver.command("/duiding", "koppel leerkring auto perspectief=adviesraad", { user_id: SLACK_USERS.admin.id, channel_id: GAST });
      expect(JSON.parse(guest.body).text).toContain("gekoppeld als *gast*-kanaal");
      const channel = await w.s.sessions.transaction((tx) => tx.channel(`slack:T0FAKE:${GAST}`));
      expect(channel).toMatchObject({ audience: "gast", perspective: "adviesraad", autoStart: true });

      const imported = await importFigures(w.s);
      const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
      if (posted.status !== "posted") throw new Error(posted.status);
      await w.dispatch();
      const root = (channel: string) => w.posted(channel, { thread: null }).find((m) => m.text.startsWith("Duiding"))!.ts;
      return { guestRoot: root(GAST), leerRoot: root(LEER), sessionId: posted.sessions[0]!.sessionId };
    }

    it("shows guests only public figures without small counts, and labels their replies", async () => {
      const { guestRoot, sessionId } = await openSessionInBoth();
      const guestText = JSON.stringify(w.posted(GAST).map((m) => [m.text, m.blocks]));
      expect(guestText).toContain("Jongeren met jeugdhulp");
      expect(guestText).toContain("*&lt; 10 (2024)*");
      expect(guestText).not.toContain("Wachtlijst");
      expect(guestText).not.toMatch(/\b80\b/);
      // No steering buttons: the only button guests get is "Bijdrage bij andere vraag".
      const guestButtons = w.posted(GAST).flatMap((m) => (m.blocks as { type: string; elements?: { action_id?: string }[] }[]).filter((b) => b.type === "actions"));
      expect(new Set(guestButtons.flatMap((b) => b.elements ?? []).map((e) => e.action_id))).toEqual(new Set(["session.contributeOther"]));
      const internalText = JSON.stringify(w.posted(LEER).map((m) => m.blocks));
      expect(internalText).toContain("Wachtlijst jeugdteam (intern)");
      expect(internalText).toContain("*6 (2024)*");

      const res = await w.driver.event({ type: "message", channel: GAST, user: SLACK_USERS.guest.id, text: "Dit herken ik: de wachttijd is lang.", ts: "1741000000.000100", thread_ts: guestRoot });
      expect(res.status).toBe(200);
      await w.dispatch();
      const [contribution] = await w.s.sessions.transaction((tx) => tx.contributions(sessionId));
      expect(contribution).toMatchObject({ perspective: "adviesraad", audience: "gast", question: "herkennen", author: { name: "Joke Ervaringsdeskundige" } });
      expect(w.fake.reactions).toEqual([{ channel: GAST, timestamp: "1741000000.000100", name: "white_check_mark" }]);
    });

    it("a guest joins from the guest digest by replying in its thread: how-to in plain words, no link, the reply counts as theirs", async () => {
      const { sessionId } = await openSessionInBoth();
      // The session has a guest link (for the web): the channel's digest still carries none, links are personal.
      const link = await createGuestLink(w.s, { actor: { user: { key: `slack:${SLACK_USERS.facilitator.id}`, name: "F" }, channel: `slack:T0FAKE:${LEER}` }, session: { sessionId } });
      expect(link).toMatchObject({ status: "created" });
      expect(await sendDigest(w.s, { channel: `slack:T0FAKE:${GAST}` })).toMatchObject({ status: "sent" });
      await w.dispatch();
      const digest = w.posted(GAST, { thread: null }).find((m) => m.text.startsWith("Weekoverzicht"))!;
      const shown = JSON.stringify(digest.blocks);
      expect(shown).toContain("Wilt u meedoen? Dat kan hier. Schrijf een bericht in deze draad.");
      expect(shown).not.toMatch(/https?:|digest\.react/);

      await w.driver.event({ type: "message", channel: GAST, user: SLACK_USERS.guest.id, text: "1: Dit herken ik uit de buurt.", ts: "1741000000.000200", thread_ts: digest.ts });
      await w.dispatch();
      const contributions = await w.s.sessions.transaction((tx) => tx.contributions(sessionId));
      expect(contributions.at(-1)).toMatchObject({ channel: `slack:T0FAKE:${GAST}`, text: "Dit herken ik uit de buurt.", audience: "gast", perspective: "adviesraad", author: { name: "Joke Ervaringsdeskundige" } });
      expect(w.fake.reactions.at(-1)).toEqual({ channel: GAST, timestamp: "1741000000.000200", name: "white_check_mark" });

      // A reply without a number gets the same plain how-to and the list, in the digest's thread.
      await w.driver.event({ type: "message", channel: GAST, user: SLACK_USERS.guest.id, text: "Hoe doe ik mee?", ts: "1741000000.000300", thread_ts: digest.ts });
      await w.dispatch();
      const help = JSON.stringify(w.posted(GAST, { thread: digest.ts }).map((m) => [m.text, m.blocks]));
      expect(help).toContain("Zet het nummer van de duiding ervoor");
      expect(help).toContain("1. Hilversumse kinderen en jongeren groeien gezond en veilig op");
    });

    it("refuses steering from the guest channel with an ephemeral explanation", async () => {
      const { guestRoot, sessionId } = await openSessionInBoth();
      for (const action_id of ["session.next", "session.back", "session.adopt", "session.guestLink", "session.share"]) {
        await w.driver.blockAction({ user_id: SLACK_USERS.guest.id, channel_id: GAST, message_ts: guestRoot, action_id, value: String(sessionId) });
        expect(w.fake.ok("chat.postEphemeral").at(-1)?.body).toMatchObject({ channel: GAST, user: SLACK_USERS.guest.id, text: expect.stringContaining("gastkanaal") });
      }
      const session = await w.s.sessions.transaction((tx) => tx.session(sessionId));
      expect(session?.current).toBe("herkennen");
    });

    it("takes a contribution to another question from the modal", async () => {
      const { leerRoot, sessionId } = await openSessionInBoth();
      await w.driver.blockAction({ user_id: SLACK_USERS.colleague.id, channel_id: LEER, message_ts: leerRoot, action_id: "session.contributeOther", value: String(sessionId) });
      const view = (w.fake.ok("views.open").at(-1)!.body as { view: { callback_id: string; private_metadata: string; blocks: { block_id: string }[] } }).view;
      expect(view.blocks.map((b) => b.block_id)).toEqual(["question", "text"]);
      const submitted = await w.driver.viewSubmission({
        user_id: SLACK_USERS.colleague.id,
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        values: {
          question: { question: { type: "static_select", selected_option: { value: "verklaren" } } },
          text: { text: { type: "plain_text_input", value: "Het komt door de <campagne> & de wachtlijst." } },
        },
      });
      expect(submitted).toMatchObject({ status: 200, body: "" });
      await w.dispatch();
      const echo = w.posted(LEER, { thread: leerRoot }).find((m) => m.text.includes("bijdrage bij _Verklaren_"))!;
      expect(echo.text).toContain("> Het komt door de &lt;campagne&gt; &amp; de wachtlijst.");
      const [contribution] = await w.s.sessions.transaction((tx) => tx.contributions(sessionId));
      expect(contribution).toMatchObject({ question: "verklaren", messageId: echo.ts, text: "Het komt door de <campagne> & de wachtlijst.", author: { name: "Piet Collega" } });
    });

    it("closes the loop: the facilitator shares a summary from a modal, guests get it with their roles acknowledged; a guest sets their own perspective", async () => {
      const { guestRoot, leerRoot, sessionId } = await openSessionInBoth();
      // An ervaringsdeskundige in the adviesraad's channel says so once; their reply is recorded as such.
      const said = await w.driver.command("/duiding", "ik ben ervaringsdeskundige", { user_id: SLACK_USERS.guest.id, channel_id: GAST });
      expect(JSON.parse(said.body).text).toBe("Genoteerd: u draagt voortaan bij als ervaringsdeskundige.");
      await w.driver.event({ type: "message", channel: GAST, user: SLACK_USERS.guest.id, text: "De wachttijd is lang.", ts: "1741000000.000100", thread_ts: guestRoot });
      const [contribution] = await w.s.sessions.transaction((tx) => tx.contributions(sessionId));
      expect(contribution).toMatchObject({ perspective: "ervaringsdeskundige", audience: "gast" });
      await w.dispatch();

      // Only the internal root offers "Samenvatting delen", and only a facilitator gets the modal.
      const share = w.button(LEER, "session.share")!;
      expect(share.value).toBe(String(sessionId));
      await w.driver.blockAction({ user_id: SLACK_USERS.colleague.id, channel_id: LEER, message_ts: leerRoot, action_id: "session.share", value: share.value });
      expect(w.fake.ok("chat.postEphemeral").at(-1)?.body).toMatchObject({ user: SLACK_USERS.colleague.id, text: "Alleen de gespreksleider kan een samenvatting delen." });
      await w.driver.blockAction({ user_id: SLACK_USERS.facilitator.id, channel_id: LEER, message_ts: leerRoot, action_id: "session.share", value: share.value });
      const view = (w.fake.ok("views.open").at(-1)!.body as { view: { callback_id: string; private_metadata: string; blocks: { block_id: string }[] } }).view;
      expect(view.callback_id).toBe("session.share");
      expect(view.blocks.map((b) => b.block_id)).toContain("summary.text");
      const submit = (value: string) =>
        w.driver.viewSubmission({ user_id: SLACK_USERS.facilitator.id, callback_id: view.callback_id, private_metadata: view.private_metadata, values: { "summary.text": { c: { type: "plain_text_input", value } } } });
      const empty = await submit("  ");
      expect(JSON.parse(empty.body)).toMatchObject({ response_action: "errors", errors: { "summary.text": "Schrijf een korte samenvatting." } });
      expect(await submit("We gaan eerder lichte hulp inzetten.")).toMatchObject({ status: 200, body: "" });
      expect(w.fake.ok("chat.postEphemeral").at(-1)?.body).toMatchObject({ text: "De samenvatting is gedeeld met de gastkanalen." });
      await w.dispatch();
      const guestThread = JSON.stringify(w.posted(GAST, { thread: guestRoot }).map((m) => m.blocks));
      expect(guestThread).toContain("We gaan eerder lichte hulp inzetten.");
      expect(guestThread).toContain("Met dank aan de bijdragen vanuit: ervaringsdeskundige.");
      expect(guestThread).not.toContain("Joke");
      // Guests never get the button.
      expect(w.posted(GAST).some((m) => JSON.stringify(m.blocks).includes("session.share"))).toBe(false);
      // The actions list is internal: the leerkring gets it, the guest channel a refusal.
      const list = await w.driver.command("/duiding", "acties", { user_id: SLACK_USERS.colleague.id, channel_id: LEER });
      expect(JSON.stringify(JSON.parse(list.body))).toContain("Er staan geen verbeteracties open.");
      const refused = await w.driver.command("/duiding", "acties", { user_id: SLACK_USERS.guest.id, channel_id: GAST });
      expect(JSON.parse(refused.body).text).toContain("In een gastkanaal kunt u alleen reageren");
    });
  });
}
