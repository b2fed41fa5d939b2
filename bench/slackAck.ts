/**
 * Slack ack latency: time from a signed request leaving the client to Slack's 200, for 1,000
 * thread replies sent 20 at a time. Measured in one run for (a) duidbot's real HTTP server (express,
 * Bolt's ExpressReceiver, real listeners recording contributions in PGlite, the outbox dispatcher
 * sending reactions and progress updates to a loopback fake Slack, processBeforeResponse false) and
 * (b) a bare Bolt app (default HTTPReceiver) whose only listener does nothing: Bolt acks events itself.
 * Duidbot's ack waits for the durable inbox (every reply is on disk before its 200, group-committed:
 * the journal file beside PGlite, the InboundEvent table on PostgreSQL), so the figures include that
 * write. Duidbot's work (recording the contributions) holds off while requests keep arriving (acks
 * first, src/app/workQueue.ts); the time from the last ack until all are recorded is printed too.
 * The fake Slack Web API and the load generator run in worker threads, off the measured event loop.
 * Run: `node bench/slackAck.ts` (also part of `npm run bench`); with BENCH_DATABASE_URL=postgresql://…
 * the duidbot side uses PostgreSQL instead of PGlite.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { App, LogLevel } from "@slack/bolt";
import { Worker } from "node:worker_threads";
import { FAKE_TEAM } from "../tests/support/fakeSlack.ts";
import type { ClientJob } from "./slackAckClient.ts";
import { startDuidbotForBench } from "./slackAckSetup.ts";

export interface Latency {
  p50Ms: number;
  p99Ms: number;
}

export interface SlackAckFigures extends Comparison {
  requests: number;
  concurrency: number;
  /** The same comparison with duidbot's work interleaved with the acks (quietMs 0). */
  interleaved: Comparison;
  database: "pglite" | "postgres";
}

const SECRET = "bench-signing-secret";
const TOKEN = "xoxb-bench";

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Sends `count` thread replies from a worker thread; resolves with each request's ack time in ms. */
function fire(job: Omit<ClientJob, "signingSecret" | "teamId">): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./slackAckClient.ts", import.meta.url), {
      workerData: { ...job, signingSecret: SECRET, teamId: FAKE_TEAM } satisfies ClientJob,
    });
    worker.once("message", (m: { times?: number[]; error?: string }) => (m.times ? resolve(m.times) : reject(new Error(m.error))));
    worker.once("error", reject);
  });
}

function latency(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

/** The fake Slack Web API in its own thread (real Slack costs us no CPU either). */
async function startFakeSlackWorker(): Promise<{ apiUrl: string; close(): Promise<void> }> {
  const worker = new Worker(new URL("./fakeSlackWorker.ts", import.meta.url));
  const { apiUrl } = await new Promise<{ apiUrl: string }>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  return {
    apiUrl,
    close: () =>
      new Promise<void>((resolve) => {
        worker.once("exit", () => resolve());
        worker.postMessage("close");
      }),
  };
}

async function startBareBolt(apiUrl: string): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const app = new App({ token: TOKEN, signingSecret: SECRET, clientOptions: { slackApiUrl: apiUrl }, logLevel: LogLevel.ERROR });
  app.event("message", async () => {});
  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, stop: () => app.stop().then(() => undefined) };
}

/** Rounds per comparison: bare and duidbot take turns, so drift of the machine hits both alike. */
const ROUNDS = 5;

interface Comparison {
  ours: Latency;
  bare: Latency;
  ratio: { p50: number; p99: number };
  recorded: number;
  /** Summed over the rounds: from a round's first request until all its replies were recorded. */
  workMs: number;
  inbox: { stored: number; unprocessed: number };
}

/**
 * One duidbot (fresh database) against the bare app, in ROUNDS turns of requests/ROUNDS replies each:
 * bare, then duidbot, then wait until duidbot has recorded that round (so its deferred work never
 * runs during the bare app's turn).
 */
async function compare(apiUrl: string, bare: { baseUrl: string }, o: { requests: number; concurrency: number; warmup: number; quietMs?: number }): Promise<Comparison> {
  const ours = await startDuidbotForBench({ fakeApiUrl: apiUrl, signingSecret: SECRET, botToken: TOKEN, ...(o.quietMs !== undefined ? { quietMs: o.quietMs } : {}) });
  try {
    const thread = { slackChannel: ours.slackChannel, threadTs: ours.threadTs, concurrency: o.concurrency };
    // Warm both (JIT, auth.test, PGlite caches) before measuring either.
    await fire({ ...thread, baseUrl: bare.baseUrl, count: o.warmup, offset: 900_000 });
    await fire({ ...thread, baseUrl: ours.baseUrl, count: o.warmup, offset: 900_000 });
    await ours.settle();
    const perRound = Math.ceil(o.requests / ROUNDS);
    const bareTimes: number[] = [];
    const ourTimes: number[] = [];
    let workMs = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const offset = round * perRound;
      bareTimes.push(...(await fire({ ...thread, baseUrl: bare.baseUrl, count: perRound, offset })));
      const start = performance.now();
      ourTimes.push(...(await fire({ ...thread, baseUrl: ours.baseUrl, count: perRound, offset })));
      await ours.recorded(o.warmup + offset + perRound);
      workMs += performance.now() - start;
      await ours.settle();
    }
    const b = latency(bareTimes);
    const d = latency(ourTimes);
    return { ours: d, bare: b, ratio: { p50: d.p50Ms / b.p50Ms, p99: d.p99Ms / b.p99Ms }, recorded: (await ours.contributions()) - o.warmup, workMs, inbox: await ours.inbox() };
  } finally {
    await ours.stop();
  }
}

export async function benchSlackAck(options: { requests?: number; concurrency?: number; warmup?: number } = {}): Promise<SlackAckFigures> {
  const requests = options.requests ?? 1_000;
  const concurrency = options.concurrency ?? 20;
  const warmup = options.warmup ?? 100;
  const fake = await startFakeSlackWorker();
  const bare = await startBareBolt(fake.apiUrl);
  try {
    const shape = { requests, concurrency, warmup };
    const main = await compare(fake.apiUrl, bare, shape);
    const interleaved = await compare(fake.apiUrl, bare, { ...shape, quietMs: 0 });
    return { requests, concurrency, ...main, interleaved, database: process.env.BENCH_DATABASE_URL ? "postgres" : "pglite" };
  } finally {
    await bare.stop();
    await fake.close();
  }
}

export function formatSlackAck(f: SlackAckFigures): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const ratio = (r: { p50: number; p99: number }) => `p50 ${r.p50.toFixed(2)}×, p99 ${r.p99.toFixed(2)}×`;
  const rate = (c: Comparison) => `${(c.recorded / (c.workMs / 1000)).toFixed(0)} bijdragen/s`;
  const db = f.database === "pglite" ? "PGlite" : "PostgreSQL";
  return [
    `  ${f.requests} draadantwoorden, ${f.concurrency} tegelijk, in ${ROUNDS} beurten om en om met een kale Bolt-app, getekend → ack:`,
    `    duidbot:   p50 ${ms(f.ours.p50Ms)}, p99 ${ms(f.ours.p99Ms)} (${f.recorded} bijdragen vastgelegd in ${db}, ${rate(f)}; inbox ${f.inbox.stored} rijen, ${f.inbox.unprocessed} onverwerkt)`,
    `    kale Bolt: p50 ${ms(f.bare.p50Ms)}, p99 ${ms(f.bare.p99Ms)}`,
    `    verhouding: ${ratio(f.ratio)} (eis < 1,5×; Slack wacht 3 s)`,
    `    ter vergelijking, werk tussen de acks door (quietMs 0): duidbot p50 ${ms(f.interleaved.ours.p50Ms)}, p99 ${ms(f.interleaved.ours.p99Ms)}; ` +
      `kale Bolt p50 ${ms(f.interleaved.bare.p50Ms)}, p99 ${ms(f.interleaved.bare.p99Ms)} → ${ratio(f.interleaved.ratio)}; ${rate(f.interleaved)}`,
  ].join("\n");
}

if (import.meta.main) {
  console.log(`Slack ack — Node ${process.version}`);
  console.log(formatSlackAck(await benchSlackAck()));
}
