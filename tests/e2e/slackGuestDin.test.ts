/**
 * Proves, over Slack's HTTP and across a restart, that guests always see an indicator under the DIN
 * version in force now: a session opens with a guest thread, then a new DIN version makes one of its
 * indicators intern and raises another's small-number limit from 10 to 20. After a restart on the
 * same database, a guest's reply updates the thread root (chat.update) and a guest's
 * "@duidbot status" answers: neither shows the now-intern indicator nor the exact count 12.
 */
import { afterEach, describe, expect, it } from "vitest";
import { postChanges } from "../../src/app/sessions/index.ts";
import { embeddedRuntime } from "../support/db.ts";
import { BOT_USER, startFakeSlack, type FakeSlack } from "../support/fakeSlack.ts";
import { DIN, importFigures, persistentTarget, seedDin } from "../support/sessionWorld.ts";
import { SLACK_CHANNELS, SLACK_USERS, startSlackWorld, type SlackWorld } from "../support/slackWorld.ts";
import type { DatabaseTarget } from "../../src/store/database.ts";

const { leerkring: LEER, gast: GAST } = SLACK_CHANNELS;
const START = "2025-03-03T09:00:00Z";

/** The public count "Meldingen Veilig Thuis" drops from 30 to 12: significant, and 12 is shown exactly under the limit of 10. */
const FIGURES = "indicator;periode;waarde\njeugdhulp;2023;10\njeugdhulp;2024;12\nveilig-thuis;2023;30\nveilig-thuis;2024;12\nwachtlijst;2023;50\nwachtlijst;2024;80\n";

/** The next DIN version: "Jongeren met jeugdhulp" turns intern, the count's limit rises to 20. */
const STRICTER_DIN = {
  ...DIN,
  indicators: DIN.indicators.map((i) =>
    i.id === "jeugdhulp" ? { ...i, visibility: "intern" as const } : i.id === "veilig-thuis" ? { ...i, smallNumbers: 20 } : i,
  ),
};

// PGlite, the embedded default, only: the database work here is the same SQL on PostgreSQL, where the
// contract suites and sessionsOnDatabase.test.ts run it (tests/support/db.ts embeddedRuntime).
const runtime = embeddedRuntime();

describe(`Slack guest thread after a stricter DIN version on ${runtime.name}`, () => {
  let fake: FakeSlack | undefined;
  let worlds: SlackWorld[] = [];
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    for (const w of worlds) await w.close().catch(() => {});
    worlds = [];
    await fake?.close();
    await cleanup?.();
    fake = undefined;
    cleanup = undefined;
  });

  async function world(target: DatabaseTarget): Promise<SlackWorld> {
    fake ??= await startFakeSlack();
    const w = await startSlackWorld(runtime, { start: START, target, fake });
    w.fake.channels.set(GAST, { id: GAST, name: "adviesraad-sociaal-domein", is_ext_shared: true });
    worlds.push(w);
    return w;
  }

  const guestRoot = (w: SlackWorld) => w.posted(GAST, { thread: null }).find((m) => m.text.startsWith("Duiding"))!;
  const leerRoot = (w: SlackWorld) => w.posted(LEER, { thread: null }).find((m) => m.text.startsWith("Duiding"))!;

  it("renders the guest's status update and @duidbot status with the DIN in force now", async () => {
    const persistent = await persistentTarget(runtime);
    cleanup = persistent.cleanup;
    const first = await world(persistent.target);
    await first.driver.command("/duiding", "koppel leerkring auto", { user_id: SLACK_USERS.admin.id, channel_id: LEER });
    await first.driver.command("/duiding", "koppel leerkring auto perspectief=adviesraad", { user_id: SLACK_USERS.admin.id, channel_id: GAST });
    await seedDin(first.s);
    const imported = await importFigures(first.s, FIGURES);
    const posted = await postChanges(first.s, { key: `import:${imported.importId}`, changes: imported.changes });
    if (posted.status !== "posted") throw new Error(posted.status);
    await first.dispatch();
    // Before: the guest root shows both public indicators, the count exactly (12 ≥ 10).
    const before = JSON.stringify(guestRoot(first).blocks);
    expect(before).toContain("Jongeren met jeugdhulp");
    expect(before).toContain("*12 (2024)*");

    // A new DIN version is imported, and the process restarts on the same database.
    expect((await first.s.dins.saveDinVersion(STRICTER_DIN, { fileName: "din-2025b.yaml", contentHash: "stricter" })).status).toBe("updated");
    await first.close();
    worlds = [];
    const second = await world(persistent.target);

    // A guest replies in the thread: the status message of every thread is updated.
    const root = guestRoot(second);
    const reply = await second.driver.event({ type: "message", channel: GAST, user: SLACK_USERS.guest.id, text: "Dit herken ik.", ts: "1741000000.000100", thread_ts: root.ts });
    expect(reply.status).toBe(200);
    await second.dispatch();
    const update = second.fake.ok("chat.update").find((c) => (c.body as { channel?: string }).channel === GAST);
    expect(update).toBeDefined();
    const guestView = JSON.stringify(guestRoot(second).blocks);
    expect(guestRoot(second).updates).toBeGreaterThan(0);
    expect(guestView).not.toContain("Jongeren met jeugdhulp");
    expect(guestView).not.toMatch(/\b12\b/);
    expect(guestView).toContain("Meldingen Veilig Thuis");
    expect(guestView).toContain("&lt; 20 (2024)");
    // Staff still see everything, exactly.
    const staffView = JSON.stringify(leerRoot(second).blocks);
    expect(staffView).toContain("Jongeren met jeugdhulp");
    expect(staffView).toContain("*12 (2024)*");

    // A guest asks "@duidbot status" in the thread: the same rules.
    const status = await second.driver.event({ type: "app_mention", channel: GAST, user: SLACK_USERS.guest.id, text: `<@${BOT_USER}> status`, ts: "1741000000.000200", thread_ts: root.ts });
    expect(status.status).toBe(200);
    const ephemeral = second.fake.ok("chat.postEphemeral").at(-1)?.body as { channel: string; blocks?: unknown[] };
    expect(ephemeral.channel).toBe(GAST);
    const statusView = JSON.stringify(ephemeral);
    expect(statusView).toContain("Meldingen Veilig Thuis");
    expect(statusView).toContain("&lt; 20 (2024)");
    expect(statusView).not.toContain("Jongeren met jeugdhulp");
    expect(statusView).not.toMatch(/\b12\b/);
    // Two worlds on one database, opened one after the other: slow on a loaded machine.
  }, 120_000);
});
