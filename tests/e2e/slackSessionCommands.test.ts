/**
 * Proves the session's Slack controls besides the thread itself, over real HTTP: the "Gastlink maken"
 * button (only the facilitator, answered to the clicker alone, the link only with DUIDBOT_PUBLIC_URL)
 * and /duiding help, start <indicator of doel> and unknown commands. On the in-memory store: how the
 * stores behave on PGlite and PostgreSQL is proven by tests/contract, and a whole session on both by
 * slackSession.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openGuestLink } from "../../src/app/sessions/index.ts";
import { memoryRuntime } from "../support/db.ts";
import { importFigures, seedDin } from "../support/sessionWorld.ts";
import { SLACK_CHANNELS, SLACK_USERS, startSlackWorld, type SlackWorld } from "../support/slackWorld.ts";

const LEER = SLACK_CHANNELS.leerkring;

for (const runtime of [memoryRuntime]) {
  describe(`Slack session controls on ${runtime.name}`, () => {
    let w: SlackWorld;
    beforeEach(async () => {
      w = await startSlackWorld(runtime, { start: "2025-03-03T09:00:00Z" });
      await seedDin(w.s);
    });
    afterEach(async () => {
      await w.close();
    });

    const click = (user: string, actionId: string, where: { value: string; message: { ts: string; thread_ts?: string } }) =>
      w.driver.blockAction({
        user_id: user,
        channel_id: LEER,
        message_ts: where.message.ts,
        ...(where.message.thread_ts ? { thread_ts: where.message.thread_ts } : {}),
        action_id: actionId,
        value: where.value,
      });

    it("Gastlink maken: only the facilitator, answered to the clicker alone, with the link on DUIDBOT_PUBLIC_URL (or how to get one)", async () => {
      const startIn = async (world: SlackWorld) => {
        await world.driver.command("/duiding", "koppel leerkring", { user_id: SLACK_USERS.admin.id, channel_id: LEER });
        await importFigures(world.s);
        await world.driver.command("/duiding", "start doel-gezond-opgroeien", { user_id: SLACK_USERS.colleague.id, channel_id: LEER });
        await world.dispatch();
        const root = world.posted(LEER, { thread: null }).find((m) => m.text.startsWith("Duiding"))!;
        return { root, button: world.button(LEER, "session.guestLink")! };
      };
      const lastEphemeral = () => w.fake.ok("chat.postEphemeral").at(-1)?.body as { user: string; text: string; thread_ts?: string } | undefined;
      const linksOf = (sessionId: number) => w.s.sessions.transaction((tx) => tx.guestLinks(sessionId));

      // Without DUIDBOT_PUBLIC_URL: a colleague is refused, the facilitator is told how to get a link; none is made.
      let { root, button } = await startIn(w);
      expect(JSON.stringify(w.fake.messages.find((m) => m.ts === root.ts)!.blocks)).toContain("Gastlink maken");
      const sessionId = Number(button.value);
      await click(SLACK_USERS.colleague.id, "session.guestLink", { value: button.value, message: root });
      expect(lastEphemeral()).toMatchObject({ user: SLACK_USERS.colleague.id, text: "Alleen de gespreksleider kan een gastlink maken." });
      await click(SLACK_USERS.facilitator.id, "session.guestLink", { value: button.value, message: root });
      expect(lastEphemeral()).toMatchObject({ user: SLACK_USERS.facilitator.id, text: expect.stringContaining(`Zet DUIDBOT_PUBLIC_URL of maak de gastlink op de webpagina van de sessie (/sessie/${sessionId})`) });
      expect(await linksOf(sessionId)).toEqual([]);

      // With it: the link, shown only to the facilitator (ephemeral), never posted in the channel.
      await w.close();
      w = await startSlackWorld(runtime, { start: "2025-03-03T09:00:00Z", publicUrl: "https://duidbot.example.test/" });
      await seedDin(w.s);
      ({ root, button } = await startIn(w));
      await click(SLACK_USERS.facilitator.id, "session.guestLink", { value: button.value, message: root });
      const answer = lastEphemeral()!;
      expect(answer).toMatchObject({ user: SLACK_USERS.facilitator.id, text: expect.stringContaining("geldig tot 17 maart 2025") });
      const [link] = await linksOf(Number(button.value));
      expect(link).toMatchObject({ createdBy: `slack:${SLACK_USERS.facilitator.id}` });
      const url = new RegExp(`https://duidbot\\.example\\.test/gast/${link!.publicId}/[A-Za-z0-9_-]{43}`).exec(answer.text)?.[0];
      expect(url).toBeDefined();
      // The address works: its secret opens the session's new guest thread.
      expect(await openGuestLink(w.s, { publicId: link!.publicId, secret: url!.split("/").at(-1)! })).toMatchObject({ status: "ok", session: { id: Number(button.value) } });
      expect(JSON.stringify(w.fake.messages)).not.toContain(link!.publicId);
    });

    it("answers /duiding help, start <indicator of doel> and unknown commands", async () => {
      const command = async (text: string, user: string = SLACK_USERS.colleague.id) =>
        JSON.parse((await w.driver.command("/duiding", text, { user_id: user, channel_id: LEER })).body) as { response_type: string; text: string };
      expect((await command("")).text).toContain("/duiding koppel");
      expect((await command("onzin")).text).toBe("Onbekend commando `onzin`. Typ `/duiding help`.");
      expect((await command("start doel-gezond-opgroeien")).text).toContain("nog niet gekoppeld");
      await command("koppel leerkring", SLACK_USERS.admin.id);
      await importFigures(w.s);
      expect((await command("start bestaat-niet")).text).toContain("kennen we niet");
      // The id names a doel: the command tries it as an indicator first, then as a doel.
      expect(await command("start doel-gezond-opgroeien")).toEqual({ response_type: "ephemeral", text: "De duidingssessie is gestart." });
      expect((await command("start doel-gezond-opgroeien")).text).toBe("Over deze cijfers loopt al een duidingssessie.");
      // Ids are lower-case slugs; a capitalised one finds the same doel (and its running session).
      expect((await command("start Doel-Gezond-Opgroeien")).text).toBe("Over deze cijfers loopt al een duidingssessie.");
      await w.dispatch();
      expect(w.posted(LEER, { thread: null }).filter((m) => m.text.startsWith("Duiding"))).toHaveLength(1);
    });
  });
}
