/**
 * Proves the Slack adapter against what Slack really sends and expects, found by an outside-in review:
 * Slack Connect and Enterprise Grid team ids, double clicks, koppel in a channel without the bot or in a
 * DM, long conclusions, replies addressed to @duidbot, Slack's escaped text. Each test was written first,
 * failing, and the gap was then fixed; the comment above each test says what Slack does, what duidbot did
 * before the fix ("FINDING n"), and links the Slack documentation (or Bolt's own handling) it is based on.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postChanges } from "../../src/app/sessions/index.ts";
import { memoryRuntime } from "../support/db.ts";
import { BOT_USER, FAKE_TEAM, type FakeChannel } from "../support/fakeSlack.ts";
import { importFigures, seedDin } from "../support/sessionWorld.ts";
import { SLACK_CHANNELS, SLACK_USERS, startSlackWorld, type SlackWorld } from "../support/slackWorld.ts";

const { leerkring: LEER, gast: GAST } = SLACK_CHANNELS;
/** The other organisation in a Slack Connect channel (e.g. the adviesraad's own workspace). */
const EXTERNAL_TEAM = "T0EXTERN";
const EXTERNAL_USER = "U0EXTERN1";

// On the memory store: this is about the adapter, not the database (tests/contract proves the store).
for (const runtime of [memoryRuntime]) {
  describe(`Slack adapter review on ${runtime.name}`, () => {
    let w: SlackWorld;
    beforeEach(async () => {
      w = await startSlackWorld(runtime, { start: "2025-03-03T09:00:00Z" });
      await seedDin(w.s);
    });
    afterEach(async () => {
      await w.close();
    });

    const command = async (text: string, user: string, channel: string = LEER) =>
      JSON.parse((await w.driver.command("/duiding", text, { user_id: user, channel_id: channel })).body) as { response_type: string; text: string };

    /** Links the leerkring (auto) and optionally a Slack Connect guest channel, imports figures, posts the changes: one session. */
    async function openSession(options: { guest?: boolean } = {}): Promise<{ leerRoot: string; guestRoot?: string; sessionId: number }> {
      await command("koppel leerkring auto", SLACK_USERS.admin.id, LEER);
      if (options.guest) {
        w.fake.channels.set(GAST, { id: GAST, name: "adviesraad-sociaal-domein", is_ext_shared: true });
        await command("koppel gast auto perspectief=adviesraad", SLACK_USERS.admin.id, GAST);
      }
      const imported = await importFigures(w.s);
      const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
      if (posted.status !== "posted") throw new Error(posted.status);
      await w.dispatch();
      const root = (channel: string) => w.posted(channel, { thread: null }).find((m) => m.text.startsWith("Duiding"))?.ts;
      const leerRoot = root(LEER);
      if (!leerRoot) throw new Error("no session root in the leerkring");
      const guestRoot = options.guest ? root(GAST) : undefined;
      return { leerRoot, ...(guestRoot ? { guestRoot } : {}), sessionId: posted.sessions[0]!.sessionId };
    }

    const contributions = (sessionId: number) => w.s.sessions.transaction((tx) => tx.contributions(sessionId));
    const session = (sessionId: number) => w.s.sessions.transaction((tx) => tx.session(sessionId));

    /** A signed Events API request with a body we shape ourselves (the driver always uses its own team). */
    const rawEvent = (envelope: Record<string, unknown>) =>
      w.driver.send(
        JSON.stringify({
          token: "legacy",
          api_app_id: "A0DUIDBOT",
          type: "event_callback",
          event_id: `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
          event_time: Math.floor(Date.now() / 1000),
          ...envelope,
        }),
        { "content-type": "application/json" },
      );

    /*
     * FINDING 1 (high) — Slack Connect: the envelope's team_id is the channel's HOST workspace.
     * In a Slack Connect channel created by the other organisation (the usual case for an adviesraad
     * or a partner organisation that invites the gemeente), Slack sends the Events API envelope with
     * `team_id` of the workspace that owns the channel, not of the workspace where duidbot is
     * installed; the installation is in `authorizations[0].team_id`. Bolt itself therefore takes the
     * team from `authorizations[0].team_id` (App.ts buildSource). Duidbot builds the channel key from
     * `body.team_id`, so the key ("slack:T0EXTERN:C0GAST") matches no linked channel and every reply,
     * edit and deletion in the guest thread is silently ignored: no ✅, no contribution.
     * @see https://github.com/slackapi/bolt-js/issues/687 (team_id in shared channels is the source workspace)
     * @see https://docs.slack.dev/apis/events-api#callback-field (authorizations: the installation the event is for)
     * @see https://docs.slack.dev/apis/slack-connect
     */
    it("counts a guest's reply in a Slack Connect thread when the envelope's team_id is the host organisation's", async () => {
      const { guestRoot, sessionId } = await openSession({ guest: true });
      const res = await rawEvent({
        team_id: EXTERNAL_TEAM,
        authorizations: [{ enterprise_id: null, team_id: FAKE_TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
        is_ext_shared_channel: true,
        context_team_id: EXTERNAL_TEAM,
        event: {
          type: "message",
          channel: GAST,
          user: EXTERNAL_USER,
          user_team: EXTERNAL_TEAM,
          source_team: EXTERNAL_TEAM,
          team: EXTERNAL_TEAM,
          text: "Vanuit de adviesraad: wij herkennen dit beeld.",
          ts: "1741000000.000100",
          thread_ts: guestRoot,
          channel_type: "channel",
        },
      });
      expect(res.status).toBe(200);
      await w.dispatch();
      expect(await contributions(sessionId)).toMatchObject([{ audience: "gast", perspective: "adviesraad", text: "Vanuit de adviesraad: wij herkennen dit beeld." }]);
      expect(w.fake.reactions).toEqual([{ channel: GAST, timestamp: "1741000000.000100", name: "white_check_mark" }]);
    });

    /*
     * FINDING 2 (high) — Slack Connect: a button click by a user of the other organisation carries
     * THEIR team. In block_actions, `team` is the workspace the interaction came from and
     * `user.team_id` the clicker's own team; for an external member of a Slack Connect channel that
     * is their organisation, not the gemeente's. Duidbot keys the channel by that team, so
     * "Bijdrage bij andere vraag" opens the modal, the submission is echoed into the guest thread
     * ("… — bijdrage bij Verklaren"), the modal closes as if all went well — and the contribution is
     * never recorded (recordContribution: not-a-session-thread). The channel id (C…, the same in both
     * organisations) plus the installation's own team must identify the channel.
     * @see https://docs.slack.dev/reference/interaction-payloads/block_actions-payload (team / user.team_id)
     * @see https://github.com/slackapi/bolt-js/pull/1615 (view interactions in Slack Connect: view.app_installed_team_id)
     */
    it("records 'Bijdrage bij andere vraag' from a guest of the other organisation in a Slack Connect channel", async () => {
      const { guestRoot, sessionId } = await openSession({ guest: true });
      const clicked = await w.driver.interactive({
        type: "block_actions",
        team: { id: EXTERNAL_TEAM, domain: "adviesraad" },
        user: { id: EXTERNAL_USER, team_id: EXTERNAL_TEAM },
        api_app_id: "A0DUIDBOT",
        token: "legacy",
        trigger_id: "trigger.ext.1",
        is_enterprise_install: false,
        channel: { id: GAST, name: "adviesraad-sociaal-domein" },
        container: { type: "message", message_ts: guestRoot, channel_id: GAST, is_ephemeral: false },
        message: { type: "message", ts: guestRoot, text: "" },
        actions: [{ type: "button", action_id: "session.contributeOther", block_id: "b", value: String(sessionId), action_ts: "1741000001.000000" }],
      });
      expect(clicked.status).toBe(200);
      const view = (w.fake.ok("views.open").at(-1)!.body as { view: { callback_id: string; private_metadata: string } }).view;
      const submitted = await w.driver.interactive({
        type: "view_submission",
        team: { id: EXTERNAL_TEAM, domain: "adviesraad" },
        user: { id: EXTERNAL_USER, team_id: EXTERNAL_TEAM },
        api_app_id: "A0DUIDBOT",
        token: "legacy",
        trigger_id: "trigger.ext.2",
        view: {
          id: "V1",
          type: "modal",
          app_installed_team_id: FAKE_TEAM,
          callback_id: view.callback_id,
          private_metadata: view.private_metadata,
          state: {
            values: {
              question: { question: { type: "static_select", selected_option: { value: "verklaren" } } },
              text: { text: { type: "plain_text_input", value: "Veel ouders weten de weg naar het jeugdteam niet." } },
            },
          },
        },
        response_urls: [],
      });
      expect(submitted).toMatchObject({ status: 200, body: "" });
      await w.dispatch();
      // The echo is in the thread either way; the contribution must be too.
      expect(w.posted(GAST, { thread: guestRoot! }).some((m) => m.text.includes("bijdrage bij _Verklaren_"))).toBe(true);
      expect(await contributions(sessionId)).toMatchObject([{ question: "verklaren", audience: "gast", text: "Veel ouders weten de weg naar het jeugdteam niet." }]);
    });

    /*
     * FINDING 3 (medium) — "Volgende vraag" is not tied to the question the message showed.
     * Slack sends one block_actions per click; a double click, or two facilitators clicking the same
     * root before its chat.update arrives (the update waits in the outbox: always a moment, an hour
     * when Slack answers 429/5xx), sends two clicks with different trigger_ids for the same
     * message state. The button value is only the session id, so each click moves one further: the
     * session jumps from Herkennen over Verklaren to Waarderen and both question posts appear at once.
     * The click should carry (or be checked against) the question the message showed; a stale click
     * should be a no-op or an ephemeral "de sessie staat al bij …".
     * @see https://docs.slack.dev/reference/interaction-payloads/block_actions-payload (message: the message as it was clicked)
     * @see https://docs.slack.dev/interactivity/handling-user-interaction#payloads
     */
    it("a double click on Volgende vraag (same root, before it was updated) moves one question, not two", async () => {
      const { leerRoot, sessionId } = await openSession();
      // Both clicks carry the button's value as the root showed it (at Herkennen): the second moves nothing.
      const next = w.button(LEER, "session.next")!;
      expect(next.value).toBe(`${sessionId}:herkennen`);
      for (const _ of [1, 2]) {
        const res = await w.driver.blockAction({ user_id: SLACK_USERS.facilitator.id, channel_id: LEER, message_ts: leerRoot, action_id: "session.next", value: next.value });
        expect(res.status).toBe(200);
      }
      expect((await session(sessionId))?.current).toBe("verklaren");
      expect(w.fake.ok("chat.postEphemeral").at(-1)?.body).toMatchObject({ user: SLACK_USERS.facilitator.id, text: "De sessie was al verplaatst en staat nu bij Verklaren." });
      await w.dispatch();
      expect(w.posted(LEER, { thread: leerRoot }).filter((m) => JSON.stringify(m.blocks).includes("We gaan door naar de volgende vraag"))).toHaveLength(1);
    });

    /*
     * FINDING 4 (medium) — /duiding koppel in a channel the bot is not a member of.
     * Slash commands work in every channel, also before @duidbot was invited; conversations.info
     * answers `is_member: false` for the bot there. With only chat:write (no chat:write.public /
     * channels:join) every post to that channel fails with `not_in_channel`, which the outbox treats
     * as final (Forbidden): the change posts and sessions for the channel are silently lost. The
     * command answers "Het kanaal is gekoppeld." — it should tell the admin to invite the bot first
     * (`/invite @duidbot`), or refuse to link.
     * @see https://docs.slack.dev/reference/methods/conversations.info (is_member)
     * @see https://docs.slack.dev/reference/methods/chat.postMessage#errors (not_in_channel)
     */
    it("/duiding koppel tells the admin to invite the bot when it is not in the channel", async () => {
      w.fake.channels.set(LEER, { id: LEER, name: "leerkring", is_member: false } as FakeChannel);
      const answer = await command("koppel leerkring", SLACK_USERS.admin.id, LEER);
      expect(answer.text).toMatch(/\/invite|uitnodig|voeg .*toe/i);
    });

    /*
     * FINDING 5 (low/medium) — an adopted conclusion is cut at 2,000 characters per question.
     * The conclusion modal allows 3,000 characters per field (plain_text_input max_length), but the
     * "Conclusie vastgesteld" post shows the per-question texts as section *fields*, which Slack
     * limits to 2,000 characters each; the renderer truncates them with "…". So the adopted text as
     * the thread shows it is silently shorter than what was adopted. Long texts need to go into
     * section text blocks (3,000, split like other long text) instead of fields.
     * @see https://docs.slack.dev/reference/block-kit/blocks/section-block (fields: max 2000 characters each)
     * @see https://docs.slack.dev/reference/block-kit/block-elements/plain-text-input-element (max_length up to 3000)
     */
    it("shows an adopted conclusion of 2,500 characters per question in full", async () => {
      const { leerRoot, sessionId } = await openSession();
      const long = `Wij herkennen het beeld in Hilversum-Zuid en ’t Gooi; de cijfers van de jeugdhulp zijn gestegen. ${"Ouders geven aan dat de wachttijd te lang is. ".repeat(50)}Einde.`;
      expect(long.length).toBeGreaterThan(2000);
      expect(long.length).toBeLessThanOrEqual(3000);
      await w.driver.blockAction({ user_id: SLACK_USERS.facilitator.id, channel_id: LEER, message_ts: leerRoot, action_id: "session.conclude", value: String(sessionId) });
      const opened = w.fake.ok("views.open").at(-1)!.body as { view: { private_metadata: string } };
      const input = (value: string) => ({ c: { type: "plain_text_input", value } });
      const submitted = await w.driver.viewSubmission({
        user_id: SLACK_USERS.facilitator.id,
        callback_id: "session.conclude",
        private_metadata: opened.view.private_metadata,
        values: {
          "conclusion.herkennen": input(long),
          "conclusion.verklaren": input("Meer aanmeldingen."),
          "conclusion.waarderen": input("Zorgelijk."),
          "conclusion.verbeteren": input("Eerder lichte hulp."),
          "conclusion.overall": input("De stijging is reëel."),
        },
      });
      expect(submitted.body).toBe("");
      await w.dispatch();
      await w.driver.blockAction({ user_id: SLACK_USERS.adopter.id, channel_id: LEER, message_ts: leerRoot, action_id: "session.adopt", value: String(sessionId) });
      await w.dispatch();
      const adopted = w.posted(LEER, { thread: leerRoot }).find((m) => JSON.stringify(m.blocks).includes("Conclusie vastgesteld"));
      expect(adopted).toBeDefined();
      const shown = JSON.stringify(adopted!.blocks);
      expect(shown).toContain("Einde.");
      expect(shown).not.toContain("…");
    });

    /*
     * FINDING 6 (low/medium) — a reply that starts by addressing the bot is dropped.
     * In Slack people often answer a bot by @-mentioning it: "@duidbot wij herkennen dit niet, …".
     * Slack then sends the thread reply as a `message` event (and an `app_mention`). Duidbot skips
     * every thread reply that starts with "<@UBOT>" as if it were a command, and the app_mention
     * answers with the help text, so a real contribution is silently not counted (no ✅). Only the
     * commands it knows ("status", "help") should be taken out of the thread.
     * @see https://docs.slack.dev/reference/events/app_mention ("…you'll also receive the message event")
     * @see https://docs.slack.dev/reference/events/message
     */
    it("counts a thread reply that starts with @duidbot but is not a command", async () => {
      const { leerRoot, sessionId } = await openSession();
      const text = `<@${BOT_USER}> wij herkennen dit beeld niet: in onze wijk daalt het aantal aanmeldingen juist.`;
      await w.driver.event({ type: "message", channel: LEER, user: SLACK_USERS.colleague.id, text, ts: "1741000000.000200", thread_ts: leerRoot, channel_type: "channel" });
      await w.driver.event({ type: "app_mention", channel: LEER, user: SLACK_USERS.colleague.id, text, ts: "1741000000.000200", thread_ts: leerRoot });
      await w.dispatch();
      expect(await contributions(sessionId)).toHaveLength(1);
    });

    /*
     * FINDING 7 (low) — Enterprise Grid org-wide install: buttons carry `team: null` and an E… id.
     * For an app installed org-wide, block_actions payloads have `team: null`, `is_enterprise_install:
     * true` and `user.team_id` set to the organisation id (E…), while slash commands and events name
     * the workspace (T…). Duidbot falls back to user.team_id, so the button's channel key
     * ("slack:E0ORG:C0LEER") is not the key /duiding koppel linked ("slack:T0FAKE:C0LEER"): the
     * facilitator's "Volgende vraag" is answered with "not linked" and nothing moves.
     * @see https://docs.slack.dev/reference/interaction-payloads/block_actions-payload ("user.team_id will report an enterprise organization ID … E")
     * @see https://github.com/slackapi/bolt-js/blob/main/src/App.ts ("When the app is installed using org-wide deployment, team property will be null")
     */
    it("moves the question from a button click of an org-wide (Enterprise Grid) install", async () => {
      const { leerRoot, sessionId } = await openSession();
      const res = await w.driver.interactive({
        type: "block_actions",
        team: null,
        enterprise: { id: "E0ORG", name: "Gemeente" },
        is_enterprise_install: true,
        user: { id: SLACK_USERS.facilitator.id, team_id: "E0ORG" },
        api_app_id: "A0DUIDBOT",
        token: "legacy",
        trigger_id: "trigger.org.1",
        channel: { id: LEER, name: "leerkring" },
        container: { type: "message", message_ts: leerRoot, channel_id: LEER, is_ephemeral: false },
        message: { type: "message", ts: leerRoot, text: "" },
        actions: [{ type: "button", action_id: "session.next", block_id: "b", value: String(sessionId), action_ts: "1741000001.000000" }],
      });
      expect(res.status).toBe(200);
      expect((await session(sessionId))?.current).toBe("verklaren");
    });

    /*
     * FINDING 8 (medium) — message text is stored as Slack's escaped mrkdwn, not as what people wrote.
     * Slack sends `&`, `<` and `>` in a message event's `text` as `&amp;`, `&lt;` and `&gt;` (they are
     * its control characters), and mentions, channels and links as `<@U…>`, `<#C…|naam>` and
     * `<https://…|label>`. Duidbot stores the event text as is, so a reply "Kosten < 5% & wachttijd
     * > 6 weken" becomes the contribution "Kosten &lt; 5% &amp; wachttijd &gt; 6 weken": that is what
     * the facilitator finds in the pre-filled conclusion modal (a plain_text_input shows entities
     * literally), what `duidbot indicator` reports, and what rendering escapes a second time
     * ("&amp;amp;"). The same words sent through "Bijdrage bij andere vraag" are stored unescaped, so
     * one session holds both forms. Incoming text should be unescaped (and mentions/links resolved)
     * at the adapter boundary.
     * @see https://docs.slack.dev/messaging/formatting-message-text#escaping
     * @see https://docs.slack.dev/reference/events/message
     */
    it("stores a reply with < > & as written, not as Slack's escaped entities", async () => {
      const { leerRoot, sessionId } = await openSession();
      // What Slack sends for the typed text "Kosten < 5% & wachttijd > 6 weken".
      await w.driver.event({ type: "message", channel: LEER, user: SLACK_USERS.colleague.id, text: "Kosten &lt; 5% &amp; wachttijd &gt; 6 weken", ts: "1741000000.000300", thread_ts: leerRoot, channel_type: "channel" });
      await w.dispatch();
      expect((await contributions(sessionId)).map((c) => c.text)).toEqual(["Kosten < 5% & wachttijd > 6 weken"]);
      await w.driver.blockAction({ user_id: SLACK_USERS.facilitator.id, channel_id: LEER, message_ts: leerRoot, action_id: "session.conclude", value: String(sessionId) });
      const opened = w.fake.ok("views.open").at(-1)!.body as { view: { blocks: { block_id: string; element: { initial_value?: string } }[] } };
      const draft = opened.view.blocks.find((b) => b.block_id === "conclusion.herkennen")?.element.initial_value;
      expect(draft).toContain("Kosten < 5% & wachttijd > 6 weken");
    });

    /*
     * FINDING 9 (low) — /duiding koppel in a direct message links the DM as a leerkring.
     * Slash commands can be typed in a DM (channel_id D…, channel_name "directmessage"), e.g. in the
     * bot's own Messages tab. conversations.info answers `is_im: true`; duidbot links it like a
     * channel ("Het kanaal is gekoppeld."), after which change posts with intern figures and sessions
     * go to one person's DM, and guest checks run on it. (In a DM between two people the bot cannot
     * read the conversation at all: conversations.info fails with channel_not_found and the admin is
     * told "Slack is even druk; probeer het zo opnieuw", which never becomes true.) koppel should
     * refuse anything that is not a channel the bot is in.
     * @see https://docs.slack.dev/interactivity/implementing-slash-commands (channel_id / channel_name in DMs)
     * @see https://docs.slack.dev/reference/methods/conversations.info (is_im)
     */
    it("/duiding koppel refuses to link a direct message", async () => {
      w.fake.channels.set("D0BOTDM", { id: "D0BOTDM", name: "", is_im: true, user: SLACK_USERS.admin.id } as FakeChannel);
      const answer = await command("koppel leerkring auto", SLACK_USERS.admin.id, "D0BOTDM");
      expect(answer.text).not.toBe("Het kanaal is gekoppeld.");
      expect(await w.s.sessions.transaction((tx) => tx.channel(`slack:${FAKE_TEAM}:D0BOTDM`))).toBeUndefined();
    });
  });
}
