/**
 * Proves the weekly digest in Slack over real HTTP against the Slack stand-in: the digest arrives in the
 * digest channel with a Reageer button per item; a thread reply that names an item ("1: …") lands as a
 * contribution in that doel's session (the digest channel joins it: its thread opens there, the reply
 * gets its ✅); a reply that names nothing gets the explanation in the digest's thread; Reageer on an
 * item whose session runs here already says so, to the clicker only.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sendDigest } from "../../src/app/digest/sendDigest.ts";
import { postChanges } from "../../src/app/sessions/index.ts";
import { memoryRuntime } from "../support/db.ts";
import { buildDin, buildIndicator } from "../support/factories.ts";
import { importFigures, seedDin } from "../support/sessionWorld.ts";
import { SLACK_CHANNELS, SLACK_USERS, slackKey, startSlackWorld, type SlackWorld } from "../support/slackWorld.ts";

const DIGEST = "C0DIGEST";
const scope = { opgaven: [], doelen: [], indicators: [] };

describe("weekly digest in Slack", () => {
  let w: SlackWorld;
  beforeEach(async () => {
    w = await startSlackWorld(memoryRuntime, {
      start: "2025-03-10T08:00:00Z",
      channels: [
        { key: slackKey(SLACK_CHANNELS.leerkring), name: "#leerkring", audience: "leerkring", scope, autoStart: true },
        { key: slackKey(DIGEST), name: "#weekoverzicht", audience: "digest", scope, autoStart: false },
      ],
    });
    await seedDin(w.s);
  });
  afterEach(() => w.close());

  it("a reply naming an item becomes a contribution in its session; other replies get an explanation", async () => {
    const imported = await importFigures(w.s);
    await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
    expect(await sendDigest(w.s, { channel: slackKey(DIGEST) })).toMatchObject({ status: "sent" });
    await w.dispatch();
    const digest = w.posted(DIGEST, { thread: null }).find((m) => m.text.startsWith("Weekoverzicht"))!;
    expect(JSON.stringify(digest.blocks)).toContain("Nieuwe en gecorrigeerde cijfers");
    const react = w.button(DIGEST, "digest.react")!;
    expect(react.value).toBe("doel:doel-gezond-opgroeien:hilversum");

    const reply = (user: string, text: string, ts: string) =>
      w.driver.event({ type: "message", channel: DIGEST, user, text, ts, thread_ts: digest.ts, channel_type: "channel" });
    expect((await reply(SLACK_USERS.colleague.id, "1: dit zien we in de wijk ook", "1741600000.000001")).status).toBe(200);
    await w.dispatch();
    // The doel's session (opened by the leerkring's autoStart) now also runs in the digest channel.
    const root = w.posted(DIGEST, { thread: null }).find((m) => m.text.startsWith("Duiding"));
    expect(root).toBeDefined();
    const sessionId = Number(w.button(DIGEST, "session.next")!.value.split(":")[0]);
    const contributions = await w.s.sessions.transaction((tx) => tx.contributions(sessionId));
    expect(contributions.map((c) => [c.channel, c.text, c.author.name])).toEqual([[slackKey(DIGEST), "dit zien we in de wijk ook", "Piet Collega"]]);
    expect(w.fake.reactions.map((r) => r.timestamp)).toEqual(["1741600000.000001"]);

    expect((await reply(SLACK_USERS.colleague.id, "mooi overzicht", "1741600000.000002")).status).toBe(200);
    await w.dispatch();
    const help = w.posted(DIGEST, { thread: digest.ts });
    expect(help).toHaveLength(1);
    expect(help[0]!.text).toContain("Reageer in deze draad met het nummer van een onderwerp voorop");
    expect(w.fake.reactions).toHaveLength(1);

    // Reageer 1: the session runs here already: said to the clicker alone.
    await w.driver.blockAction({ user_id: SLACK_USERS.facilitator.id, channel_id: DIGEST, message_ts: digest.ts, action_id: "digest.react", value: react.value });
    expect(w.fake.ok("chat.postEphemeral").at(-1)?.body).toMatchObject({ user: SLACK_USERS.facilitator.id, text: expect.stringContaining("loopt al een duidingssessie") });
  });

  it("a week with more items than buttons gets a menu with every item, and choosing the last one starts its session", async () => {
    // Twelve doelen with a significant change each: twelve numbered items, more than Slack gets buttons for.
    const goals = Array.from({ length: 12 }, (_, i) => ({ id: `doel-${i + 1}`, name: `Doel nummer ${i + 1}`, opgaveId: "opgave-kansengelijkheid" }));
    const indicators = goals.map((g, i) => buildIndicator({ id: `ind-${i + 1}`, name: `Indicator ${i + 1}`, goalId: g.id, unit: "aantal" }));
    await w.s.dins.saveDinVersion(buildDin({ goals, indicators }), { fileName: "din.yaml", contentHash: "twaalf" });
    await importFigures(w.s, `indicator;periode;waarde\n${indicators.map((i) => `${i.id};2023;100\n${i.id};2024;150`).join("\n")}\n`);
    expect(await sendDigest(w.s, { channel: slackKey(DIGEST) })).toMatchObject({ status: "sent" });
    await w.dispatch();
    const digest = w.posted(DIGEST, { thread: null }).find((m) => m.text.startsWith("Weekoverzicht"))!;
    const menus = (digest.blocks as { type: string; elements?: { type: string; action_id: string; options?: { text: { text: string }; value: string }[] }[] }[])
      .flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []))
      .filter((e) => e.action_id.startsWith("digest.react"));
    expect(menus.map((m) => m.type)).toEqual(["static_select"]);
    expect(menus[0]!.options!.map((o) => o.text.text)).toEqual(goals.map((g, i) => `${i + 1} · ${g.name}`));

    const last = menus[0]!.options!.at(-1)!;
    expect(last.value).toBe("doel:doel-12:hilversum");
    await w.driver.selectAction({ user_id: SLACK_USERS.colleague.id, channel_id: DIGEST, message_ts: digest.ts, action_id: "digest.react", selected: { value: last.value, text: last.text.text } });
    await w.dispatch();
    const root = w.posted(DIGEST, { thread: null }).find((m) => m.text.startsWith("Duiding"));
    expect(root?.text).toContain("Doel nummer 12");
  });
});
