/**
 * The Slack durable inbox tests' world (tests/e2e/slackInbox*.test.ts): production-mode Slack worlds
 * on a database that outlives them (PGlite folder / PostgreSQL schema), one fake Slack for all worlds
 * of a test (a restart talks to the same Slack), everything closed after each test.
 */
import { afterEach } from "vitest";
import { postChanges } from "../../src/app/sessions/index.ts";
import type { DatabaseTarget } from "../../src/store/database.ts";
import type { TestRuntime } from "./db.ts";
import { startFakeSlack, type FakeSlack } from "./fakeSlack.ts";
import { importFigures, seedDin } from "./sessionWorld.ts";
import { SLACK_CHANNELS, SLACK_USERS, slackKey, startSlackWorld, type SlackWorld, type SlackWorldOptions } from "./slackWorld.ts";

export const LEER = SLACK_CHANNELS.leerkring;
const START = "2025-03-03T09:00:00Z";
const CHANNELS = [{ key: slackKey(LEER), name: "#leerkring", audience: "leerkring" as const, scope: { opgaven: [], doelen: [], indicators: [] }, autoStart: true }];

/** A thread reply "Bijdrage n" (odd n from the colleague, even from the facilitator), as Slack delivers it. */
export const reply = (w: SlackWorld, root: string, n: number, eventId: string, retryNum?: number) =>
  w.driver.event(
    { type: "message", channel: LEER, user: n % 2 ? SLACK_USERS.colleague.id : SLACK_USERS.facilitator.id, text: `Bijdrage ${n}`, ts: `1741000000.${String(n).padStart(6, "0")}`, thread_ts: root },
    { eventId, ...(retryNum !== undefined ? { retryNum } : {}) },
  );

/** Call inside a describe: registers the afterEach that closes the worlds, the fake Slack and the database. */
export function slackInboxHarness(runtime: TestRuntime) {
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
  return {
    onCleanup(fn: () => Promise<void>) {
      cleanup = fn;
    },
    async world(target: DatabaseTarget, options: Pick<SlackWorldOptions, "startAdapter" | "wrapInbox"> = {}): Promise<SlackWorld> {
      fake ??= await startFakeSlack();
      const w = await startSlackWorld(runtime, { start: START, target, fake, channels: CHANNELS, processBeforeResponse: false, ...options });
      worlds.push(w);
      return w;
    },
    /** The import's doel session, its root posted in #leerkring. */
    async openSession(w: SlackWorld): Promise<{ root: string; sessionId: number }> {
      await seedDin(w.s);
      const imported = await importFigures(w.s);
      const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
      if (posted.status !== "posted") throw new Error(posted.status);
      await w.dispatch();
      const root = w.posted(LEER, { thread: null }).find((m) => m.text.startsWith("Duiding"))!;
      return { root: root.ts, sessionId: posted.sessions[0]!.sessionId };
    },
  };
}
