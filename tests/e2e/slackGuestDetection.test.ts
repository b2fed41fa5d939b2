/**
 * Proves guest detection beyond /duiding koppel, against the fake Slack Web API: a leerkring channel
 * from duidbot.yaml that Slack reports as Slack Connect (is_ext_shared) becomes gast when the adapter
 * starts — keeping its scope and settings — and then receives no intern indicator and no exact small
 * counts; a channel with a guest member is switched too; a channel shared later is noticed by the
 * periodic check; member_joined_channel (a guest) and channel_shared switch at once; a 429 pauses the
 * round without switching anything on a guess; channels without guests stay as they are.
 */
import { afterEach, describe, expect, it } from "vitest";
import { applyConfig, postChanges } from "../../src/app/sessions/index.ts";
import { SYSTEM_ACTOR } from "../../src/app/channels/guestChannels.ts";
import type { DuidbotConfig } from "../../src/domain/duidbotConfig.ts";
import { testRuntimes } from "../support/db.ts";
import { importFigures, seedDin } from "../support/sessionWorld.ts";
import { SLACK_PEOPLE, SLACK_USERS, slackKey, startSlackWorld, type SlackWorld } from "../support/slackWorld.ts";

const LEER = "C0LEERKRING";
const OTHER = "C0WIJKTEAM";
const START = "2025-03-03T09:00:00Z";
const channel = (id: string, audience: "leerkring" | "digest", extra: Partial<DuidbotConfig["channels"][number]> = {}): DuidbotConfig["channels"][number] => ({
  key: slackKey(id),
  name: `#${id.toLowerCase()}`,
  audience,
  scope: { opgaven: [], doelen: [], indicators: [] },
  autoStart: true,
  ...extra,
});

for (const runtime of testRuntimes()) {
  describe(`Slack guest detection on ${runtime.name}`, () => {
    let w: SlackWorld;
    afterEach(async () => {
      await w.close();
    });

    const audienceOf = async (id: string) => (await w.s.sessions.transaction((tx) => tx.channel(slackKey(id))))?.audience;

    it("switches a Slack Connect leerkring from duidbot.yaml to gast at start; it then gets no intern indicator", async () => {
      w = await startSlackWorld(runtime, {
        start: START,
        channels: [channel(LEER, "leerkring", { perspective: "beleid", advanceAfterDays: 5 }), channel(OTHER, "leerkring")],
      });
      w.fake.channels.set(LEER, { id: LEER, name: "leerkring-jeugd", is_ext_shared: true });
      w.fake.channels.set(OTHER, { id: OTHER, name: "wijkteam", members: [SLACK_USERS.colleague.id, SLACK_USERS.facilitator.id] });
      const started = await w.slack.start();
      expect(started.guests).toEqual({ checked: 2, switched: [{ channel: slackKey(LEER), reason: "shared" }], failed: [], rateLimited: false });
      const switched = await w.s.sessions.transaction((tx) => tx.channel(slackKey(LEER)));
      // Only the audience changed: scope, autoStart, perspective and auto-advance stay.
      expect(switched).toMatchObject({ audience: "gast", autoStart: true, perspective: "beleid", advanceAfterDays: 5, scope: { opgaven: [], doelen: [], indicators: [] } });
      expect(await audienceOf(OTHER)).toBe("leerkring");
      expect(await w.s.db.prisma.channel.findUnique({ where: { key: slackKey(LEER) } })).toMatchObject({ source: "chat", updatedBy: SYSTEM_ACTOR.key });

      // New figures: the former leerkring gets only public indicators, small counts hidden, no steering buttons.
      await seedDin(w.s);
      const imported = await importFigures(w.s);
      await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
      await w.dispatch();
      const guestText = JSON.stringify(w.posted(LEER).map((m) => [m.text, m.blocks]));
      expect(guestText).toContain("Jongeren met jeugdhulp");
      expect(guestText).not.toContain("Wachtlijst");
      expect(guestText).not.toMatch(/\b80\b/);
      expect(guestText).toContain("&lt; 10");
      for (const steering of ["session.start", "session.next", "session.conclude", "session.adopt"]) expect(guestText).not.toContain(`"${steering}`);
      expect(JSON.stringify(w.posted(OTHER).map((m) => m.blocks))).toContain("Wachtlijst jeugdteam (intern)");

      // A restart applies the unchanged duidbot.yaml again: the channel stays gast; the next check finds nothing new.
      await applyConfig(w.s, { config: { ...SLACK_PEOPLE, channels: [channel(LEER, "leerkring", { perspective: "beleid", advanceAfterDays: 5 }), channel(OTHER, "leerkring")] } });
      expect(await audienceOf(LEER)).toBe("gast");
      expect((await w.slack.guests.checkAll()).switched).toEqual([]);
    });

    it("switches a channel with a guest member, and leaves channels without guests alone", async () => {
      w = await startSlackWorld(runtime, { start: START, channels: [channel(LEER, "leerkring"), channel(OTHER, "digest")] });
      w.fake.channels.set(LEER, { id: LEER, name: "leerkring", members: [SLACK_USERS.colleague.id, SLACK_USERS.guest.id] });
      w.fake.channels.set(OTHER, { id: OTHER, name: "weekoverzicht", members: [SLACK_USERS.colleague.id] });
      const result = await w.slack.start();
      expect(result.guests.switched).toEqual([{ channel: slackKey(LEER), reason: "guests" }]);
      expect([await audienceOf(LEER), await audienceOf(OTHER)]).toEqual(["gast", "digest"]);
    });

    it("notices a channel that becomes shared later in the periodic check", async () => {
      w = await startSlackWorld(runtime, { start: START, channels: [channel(LEER, "leerkring")], startAdapter: { guestCheckIntervalMs: 50 } });
      expect(await audienceOf(LEER)).toBe("leerkring");
      w.fake.channels.set(LEER, { id: LEER, name: "leerkring", is_ext_shared: true });
      await expect.poll(() => audienceOf(LEER), { timeout: 5_000, interval: 25 }).toBe("gast");
    });

    it("switches at once on member_joined_channel of a guest and on channel_shared", async () => {
      w = await startSlackWorld(runtime, { start: START, channels: [channel(LEER, "leerkring"), channel(OTHER, "digest")], startAdapter: true });
      // A colleague joining changes nothing; a guest joining does (users.info asked fresh).
      await w.driver.event({ type: "member_joined_channel", user: SLACK_USERS.colleague.id, channel: LEER, channel_type: "C", team: "T0FAKE" });
      expect(await audienceOf(LEER)).toBe("leerkring");
      const usersInfo = w.fake.ok("users.info").length;
      await w.driver.event({ type: "member_joined_channel", user: SLACK_USERS.guest.id, channel: LEER, channel_type: "C", team: "T0FAKE" });
      expect(await audienceOf(LEER)).toBe("gast");
      expect(w.fake.ok("users.info").length).toBe(usersInfo + 1);
      await w.driver.event({ type: "channel_shared", connected_team_id: "T0PARTNER", channel: OTHER, event_ts: "1741000000.000100" });
      expect(await audienceOf(OTHER)).toBe("gast");
      // Neither event is kept in the inbox (the periodic check covers a lost one).
      expect(await w.s.db.prisma.inboundEvent.count()).toBe(0);
    });

    it("pauses a round on a 429 without switching on a guess, and finishes it next round", async () => {
      w = await startSlackWorld(runtime, { start: START, channels: [channel(LEER, "leerkring"), channel(OTHER, "leerkring")] });
      w.fake.channels.set(LEER, { id: LEER, name: "leerkring", members: [SLACK_USERS.colleague.id] });
      w.fake.channels.set(OTHER, { id: OTHER, name: "wijkteam", members: [SLACK_USERS.guest.id] });
      w.fake.fail("conversations.members", 1, { status: 429, retryAfterSec: 30 });
      const first = await w.slack.guests.checkAll();
      expect(first).toMatchObject({ rateLimited: true, switched: [], failed: [slackKey(LEER)] });
      expect([await audienceOf(LEER), await audienceOf(OTHER)]).toEqual(["leerkring", "leerkring"]);
      const second = await w.slack.guests.checkAll();
      expect(second).toMatchObject({ rateLimited: false, checked: 2, switched: [{ channel: slackKey(OTHER), reason: "guests" }] });
    });
  });
}
