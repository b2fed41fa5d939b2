/**
 * Proves guest detection beyond /duiding koppel, against the fake Slack Web API: a leerkring channel
 * from duidbot.yaml that Slack reports as Slack Connect (is_ext_shared) becomes gast when the adapter
 * starts — keeping its scope and settings — and then receives no intern indicator and no exact small
 * counts; a channel with a guest member is switched too; a channel shared later is noticed by the
 * periodic check; member_joined_channel (a guest) and channel_shared switch at once; a 429 pauses the
 * round without switching anything on a guess; channels without guests stay as they are. The switch is
 * made by the system actor "system:guest-detection", not by a person: no person row is written, an
 * admin row under a system key grants nothing; open threads turn gast, staff-rendered outbox rows are withdrawn, the log
 * says so, and switching again changes nothing.
 */
import type { DbServices } from "../../src/main/services.ts";
import { webApi } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { SlackDirectory } from "../../adapters/slack/directory.ts";
import { GuestWatch } from "../../src/app/channels/guestWatch.ts";
import { WorkQueue } from "../../src/app/workQueue.ts";
import { switchToGuestChannel } from "../../src/app/channels/guestChannels.ts";
import { applyConfig, linkChannel, postChanges } from "../../src/app/sessions/index.ts";
import type { DuidbotConfig } from "../../src/domain/duidbotConfig.ts";
import { embeddedRuntime } from "../support/db.ts";
import { importFigures, seedDin } from "../support/sessionWorld.ts";
import { SLACK_PEOPLE, SLACK_USERS, slackKey, startSlackWorld, type SlackWorld } from "../support/slackWorld.ts";

const LEER = "C0LEERKRING";
const OTHER = "C0WIJKTEAM";
const START = "2025-03-03T09:00:00Z";
/** An admin row under a system key, however it got into the table: it must grant nothing. */
const SYSTEM_ROW = { key: "system:duidbot", name: "Duidbot (automatische gastcontrole)", roles: ["admin"], source: "chat", updatedBy: "system:duidbot" };
const channel = (id: string, audience: "leerkring" | "digest", extra: Partial<DuidbotConfig["channels"][number]> = {}): DuidbotConfig["channels"][number] => ({
  key: slackKey(id),
  name: `#${id.toLowerCase()}`,
  audience,
  scope: { opgaven: [], doelen: [], indicators: [] },
  autoStart: true,
  ...extra,
});

// PGlite, the embedded default, only: the database work here is the same SQL on PostgreSQL, where the
// contract suites and sessionsOnDatabase.test.ts run it (tests/support/db.ts embeddedRuntime).
const runtime = embeddedRuntime();

describe(`Slack guest detection on ${runtime.name}`, () => {
  let w: SlackWorld<DbServices>;
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
    expect(await w.s.db.prisma.channel.findUnique({ where: { key: slackKey(LEER) } })).toMatchObject({ source: "chat", updatedBy: "system:guest-detection" });

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
    for (const steering of ["session.start", "session.next", "session.back", "session.conclude", "session.adopt", "session.guestLink"]) expect(guestText).not.toContain(`"${steering}`);
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
    expect(await w.s.inbox.counts()).toEqual({ stored: 0, unprocessed: 0 });
  });

  it("switches as the system, not as a person: no admin row written, a system-key row grants nothing; threads turn gast, staff rows withdrawn", async () => {
    w = await startSlackWorld(runtime, { start: START, channels: [channel(LEER, "leerkring"), channel(OTHER, "leerkring")] });
    const people = () => w.s.db.prisma.person.findMany({ select: { key: true, roles: true }, orderBy: { key: "asc" } });
    await w.s.db.prisma.person.create({ data: SYSTEM_ROW });
    const configured = await people();

    // The system row grants nothing, whoever claims its key; the admin check of linkChannel is as before.
    const claim = (key: string) => linkChannel(w.s, { actor: { user: { key, name: "Duidbot" }, channel: slackKey(OTHER) }, settings: { audience: "digest" } });
    expect(await claim(SYSTEM_ROW.key)).toEqual({ status: "forbidden", action: "configure", reason: "missing-role" });
    expect(await claim("system:guest-detection")).toEqual({ status: "forbidden", action: "configure", reason: "missing-role" });
    expect(await claim(`slack:${SLACK_USERS.facilitator.id}`)).toEqual({ status: "forbidden", action: "configure", reason: "missing-role" });
    expect(await audienceOf(OTHER)).toBe("leerkring");

    // A session in both channels, with status updates rendered for staff still waiting in the outbox.
    await seedDin(w.s);
    const imported = await importFigures(w.s);
    await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
    const pending = (id: string) => w.s.db.prisma.outboxMessage.count({ where: { channelKey: slackKey(id), status: "pending" } });
    const threadAudience = async (id: string) => (await w.s.db.prisma.sessionThread.findFirstOrThrow({ where: { channelKey: slackKey(id) } })).audience;
    expect(await pending(LEER)).toBeGreaterThan(0);
    const otherPending = await pending(OTHER);
    expect(otherPending).toBeGreaterThan(0);

    const logged: string[] = [];
    const watch = new GuestWatch({
      sessions: w.s,
      directory: new SlackDirectory(new webApi.WebClient("xoxb-test", { slackApiUrl: w.fake.apiUrl, retryConfig: { retries: 0 } })),
      queue: new WorkQueue({ concurrency: 1 }),
      log: (message) => logged.push(message),
    });
    w.fake.channels.set(LEER, { id: LEER, name: "leerkring-jeugd", is_ext_shared: true });
    w.fake.channels.set(OTHER, { id: OTHER, name: "wijkteam", members: [SLACK_USERS.colleague.id] });
    expect((await watch.checkAll()).switched).toEqual([{ channel: slackKey(LEER), reason: "shared" }]);

    // Nobody was made admin: the people are exactly as before the switch.
    expect(await people()).toEqual(configured);
    expect(await w.s.db.prisma.channel.findUnique({ where: { key: slackKey(LEER) } })).toMatchObject({ audience: "gast", source: "chat", updatedBy: "system:guest-detection" });
    // Guest safety as with /duiding koppel gast, and only in the switched channel.
    expect([await threadAudience(LEER), await threadAudience(OTHER)]).toEqual(["gast", "leerkring"]);
    expect(await pending(LEER)).toBe(0);
    expect(await w.s.db.prisma.outboxMessage.count({ where: { channelKey: slackKey(LEER), status: "failed", lastError: { contains: "gastkanaal" } } })).toBeGreaterThan(0);
    expect(await pending(OTHER)).toBe(otherPending);
    expect(logged).toEqual([expect.stringContaining(`kanaal #${LEER.toLowerCase()} (${slackKey(LEER)}) is gedeeld met een andere organisatie (Slack Connect): omgezet van leerkring naar gast`)]);

    // Again: nothing changes, nothing is written, nothing is logged; an unlinked channel is left alone.
    const row = await w.s.db.prisma.channel.findUniqueOrThrow({ where: { key: slackKey(LEER) } });
    expect(await switchToGuestChannel(w.s, { channel: slackKey(LEER) })).toEqual({ status: "already-gast" });
    expect(await switchToGuestChannel(w.s, { channel: slackKey("C0NIETGEKOPPELD") })).toEqual({ status: "not-linked" });
    expect(await w.slack.guests.channelShared(slackKey(LEER))).toBe(false);
    expect(await w.s.db.prisma.channel.findUniqueOrThrow({ where: { key: slackKey(LEER) } })).toEqual(row);
    expect(await w.s.db.prisma.channel.findUnique({ where: { key: slackKey("C0NIETGEKOPPELD") } })).toBeNull();
    expect(await people()).toEqual(configured);
    expect(logged).toHaveLength(1);
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
