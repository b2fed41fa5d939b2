/**
 * The "ours" side of bench/slackAck.ts: duidbot as `serve` runs it (PGlite in a folder, the one
 * HTTP server with the Slack adapter, processBeforeResponse false, the outbox loop in the
 * background) with one open session thread whose replies the bench sends.
 */
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { LogLevel } from "@slack/bolt";
import { postChanges } from "../src/app/sessions/index.ts";
import type { DuidbotConfig } from "../src/domain/duidbotConfig.ts";
import type { Config } from "../src/main/config.ts";
import { enable, loadAdapters } from "../src/app/chatAdapter.ts";
import { slackPlugin } from "../adapters/slack/plugin.ts";
import type { SlackAdapter } from "../adapters/slack/app.ts";
import { buildHttp, listen } from "../src/main/server.ts";
import { BACKGROUND_INTERVAL_MS, openServices } from "../src/main/services.ts";
import { FAKE_TEAM } from "../tests/support/fakeSlack.ts";
import { importFigures, seedDin } from "../tests/support/sessionWorld.ts";

const CHANNEL = "C0BENCH";

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function startDuidbotForBench(options: { fakeApiUrl: string; signingSecret: string; botToken: string; quietMs?: number }) {
  const dir = await mkdtemp(path.join(tmpdir(), "duidbot-bench-slack-"));
  const channelKey = `slack:${FAKE_TEAM}:${CHANNEL}`;
  const duidbotConfig: DuidbotConfig = {
    defaults: { lang: "nl" },
    channels: [{ key: channelKey, name: "#leerkring", audience: "leerkring", scope: { opgaven: [], doelen: [], indicators: [] }, autoStart: true }],
    people: [],
  };
  // BENCH_DATABASE_URL: the same run against PostgreSQL (a fresh schema), for comparison.
  const pgUrl = process.env.BENCH_DATABASE_URL;
  const schema = `bench_${process.pid}`;
  const target = pgUrl ? ({ kind: "postgres", url: pgUrl, schema } as const) : ({ kind: "pglite", dataDir: dir } as const);
  const services = await openServices(target, undefined, { duidbotConfig });
  const config: Config = {
    dataDir: dir,
    host: "127.0.0.1",
    port: 0,
    lang: "nl",
    loadExample: false,
    web: { mode: "off" },
    adapters: [enable(slackPlugin, { botToken: options.botToken, signingSecret: options.signingSecret, apiUrl: options.fakeApiUrl })],
    adapterLines: [],
  };
  // The server is built before the loop starts (as in serve); its kick reaches the loop once it runs.
  let kick = () => {};
  const tuning = { processBeforeResponse: false, logLevel: LogLevel.ERROR, ...(options.quietMs !== undefined ? { quietMs: options.quietMs } : {}) };
  await loadAdapters(config.adapters);
  const { app, adapters } = buildHttp(config, services, { kick: () => kick(), adapterTuning: { slack: tuning } });
  const slack = adapters.find((a): a is SlackAdapter => a.name === "slack");
  const server = await listen(app, "127.0.0.1", 0);
  const background = services.startBackground({ intervalMs: BACKGROUND_INTERVAL_MS });
  kick = background.kick;
  // As serve does: inbox replay and guest check rounds in the background (every thread reply goes through the inbox).
  await slack?.start();

  await seedDin(services);
  const imported = await importFigures(services);
  const posted = await postChanges(services, { key: `import:${imported.importId}`, changes: imported.changes });
  if (posted.status !== "posted" || !posted.sessions[0]) throw new Error(`bench: no session opened (${posted.status})`);
  const sessionId = posted.sessions[0].sessionId;
  background.kick();
  let threadTs: string | undefined;
  await until("the session thread", async () => {
    const session = await services.sessions.transaction((tx) => tx.session(sessionId));
    threadTs = session?.threads[0]?.rootMessageId;
    return threadTs !== undefined;
  });

  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    slackChannel: CHANNEL,
    threadTs: threadTs!,
    /** Waits until every stored reply is processed and the outbox has sent everything (reactions, progress updates). */
    settle: () =>
      until("the inbox and the outbox to drain", async () => {
        background.kick();
        return (await services.inbox.counts()).unprocessed === 0 && slack?.queue.waiting === 0 && (await services.outbox.counts()).pending === 0;
      }),
    /** Waits until this many contributions are recorded. */
    recorded: (count: number) =>
      until(`${count} contributions`, async () => (await services.sessions.transaction((tx) => tx.contributions(sessionId))).length >= count, 600_000),
    contributions: async () => (await services.sessions.transaction((tx) => tx.contributions(sessionId))).length,
    /** Inbox rows (stored before their ack) and how many of them are still unprocessed. */
    inbox: async () => {
      await slack?.inbox.flush();
      return services.inbox.counts();
    },
    stop: async () => {
      await slack?.stop();
      await background.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (pgUrl) await services.db.prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await services.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
