/**
 * The weekly digest in Microsoft Teams over real HTTP (the real Teams SDK, a fake Bot Connector): the
 * digest card has a Reageer button per item; a thread reply naming an item lands in that doel's session
 * (the channel joins it), any other reply gets the explanation in the digest's thread — the same
 * neutral use cases as Slack (tests/e2e/slackDigest.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sendDigest } from "../../src/app/digest/sendDigest.ts";
import { postChanges } from "../../src/app/sessions/index.ts";
import { memoryRuntime } from "../support/db.ts";
import { buildDin, buildIndicator } from "../support/factories.ts";
import { importFigures, seedDin } from "../support/sessionWorld.ts";
import { TEAMS_CHANNELS, TEAMS_USERS, teamsKey, startTeamsWorld, type TeamsWorld } from "../support/teamsWorld.ts";

const DIG = "19:weekoverzicht@thread.tacv2";
const scope = { opgaven: [], doelen: [], indicators: [] };

describe("weekly digest in Teams", () => {
  let w: TeamsWorld;
  beforeEach(async () => {
    w = await startTeamsWorld(memoryRuntime, {
      start: "2025-03-10T08:00:00Z",
      channels: [
        { key: teamsKey(TEAMS_CHANNELS.leerkring), name: "Leerkring", audience: "leerkring", scope, autoStart: true },
        { key: teamsKey(DIG), name: "Weekoverzicht", audience: "digest", scope, autoStart: false },
      ],
    });
    await seedDin(w.s);
  });
  afterEach(() => w.close());

  it("a reply naming an item becomes a contribution in its session; other replies get an explanation", async () => {
    const imported = await importFigures(w.s);
    await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
    expect(await sendDigest(w.s, { channel: teamsKey(DIG) })).toMatchObject({ status: "sent" });
    await w.dispatch();
    const digest = w.sentIn(DIG, { thread: null }).find((m) => String(m.activity.summary).startsWith("Weekoverzicht"))!;
    expect(JSON.stringify(digest.activity)).toContain("Nieuwe en gecorrigeerde cijfers");
    expect(w.button(DIG, "digest.react")).toBeDefined();

    await w.driver.send(w.driver.message(TEAMS_USERS.colleague, DIG, "1: dit zien we in de wijk ook", { thread: digest.id }));
    await w.dispatch();
    const root = w.sentIn(DIG, { thread: null }).find((m) => String(m.activity.summary).startsWith("Duiding"));
    expect(root).toBeDefined();
    const sessions = await w.s.sessions.transaction((tx) => tx.openSessions());
    const contributions = await w.s.sessions.transaction((tx) => tx.contributions(sessions[0]!.id));
    expect(contributions.map((c) => [c.channel, c.text])).toEqual([[teamsKey(DIG), "dit zien we in de wijk ook"]]);

    await w.driver.send(w.driver.message(TEAMS_USERS.colleague, DIG, "mooi overzicht", { thread: digest.id }));
    await w.dispatch();
    expect(JSON.stringify(w.sentIn(DIG, { thread: digest.id }).map((m) => m.activity))).toContain("Reageer in deze draad met het nummer van een onderwerp voorop");
  });

  it("more items than Teams shows buttons for: a menu with every item and one button; the chosen item's session starts", async () => {
    const goals = Array.from({ length: 8 }, (_, i) => ({ id: `doel-${i + 1}`, name: `Doel nummer ${i + 1}`, opgaveId: "opgave-kansengelijkheid" }));
    const indicators = goals.map((g, i) => buildIndicator({ id: `ind-${i + 1}`, name: `Indicator ${i + 1}`, goalId: g.id, unit: "aantal" }));
    await w.s.dins.saveDinVersion(buildDin({ goals, indicators }), { fileName: "din.yaml", contentHash: "acht" });
    await importFigures(w.s, `indicator;periode;waarde\n${indicators.map((i) => `${i.id};2023;100\n${i.id};2024;150`).join("\n")}\n`);
    expect(await sendDigest(w.s, { channel: teamsKey(DIG) })).toMatchObject({ status: "sent" });
    await w.dispatch();
    const digest = w.sentIn(DIG, { thread: null }).find((m) => String(m.activity.summary).startsWith("Weekoverzicht"))!;
    const body = (digest.activity as { attachments: { content: { body: { type: string; id?: string; choices?: { title: string; value: string }[] }[] } }[] }).attachments[0]!.content.body;
    const menu = body.find((e) => e.type === "Input.ChoiceSet")!;
    expect(menu.choices!.map((c) => c.title)).toEqual(goals.map((g, i) => `${i + 1} · ${g.name}`));
    const react = w.button(DIG, "digest.react")!;
    expect(react.data).toEqual({ duidbot: { action: "digest.react", value: "" } });

    // Teams merges the chosen value into the button's data under the menu's id.
    const chosen = { ...(react.data as object), [menu.id!]: menu.choices!.at(-1)!.value };
    await w.driver.send(w.driver.execute(TEAMS_USERS.colleague, DIG, chosen, { thread: digest.id, verb: "digest.react" }));
    await w.dispatch();
    const root = w.sentIn(DIG, { thread: null }).find((m) => String(m.activity.summary).startsWith("Duiding"));
    expect(JSON.stringify(root?.activity)).toContain("Doel nummer 8");
  });
});
