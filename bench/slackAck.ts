/**
 * Slack ack latency: time from a signed request leaving the client to Slack's 200, for 1,000
 * thread replies sent 20 at a time. Measured in one run for (a) duidbot's real HTTP server (express,
 * Bolt's ExpressReceiver, real listeners recording contributions in PGlite, the outbox dispatcher
 * sending reactions and progress updates to a loopback fake Slack, processBeforeResponse false) and
 * (b) a bare Bolt app (default HTTPReceiver) whose only listener does nothing: Bolt acks events itself.
 * Duidbot's ack waits for the durable inbox (every reply is committed to InboundEvent before its 200,
 * group-committed), so the figures include that write.
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

export interface SlackAckFigures {
  requests: number;
  concurrency: number;
  ours: Latency;
  bare: Latency;
  /** ours.p50 / bare.p50 and ours.p99 / bare.p99. */
  ratio: { p50: number; p99: number };
  /** Contributions the database holds after the run (should equal `requests`). */
  recorded: number;
  /** Inbox rows written before their ack (warm-up included), and how many are left unprocessed (should be 0). */
  inbox: { stored: number; unprocessed: number };
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

export async function benchSlackAck(options: { requests?: number; concurrency?: number; warmup?: number } = {}): Promise<SlackAckFigures> {
  const requests = options.requests ?? 1_000;
  const concurrency = options.concurrency ?? 20;
  const warmup = options.warmup ?? 100;
  const fake = await startFakeSlackWorker();
  const bare = await startBareBolt(fake.apiUrl);
  const ours = await startDuidbotForBench({ fakeApiUrl: fake.apiUrl, signingSecret: SECRET, botToken: TOKEN });
  try {
    const thread = { slackChannel: ours.slackChannel, threadTs: ours.threadTs, concurrency };
    // Warm both (JIT, connection pools, auth.test, PGlite caches) before measuring either.
    await fire({ ...thread, baseUrl: bare.baseUrl, count: warmup, offset: 900_000 });
    await fire({ ...thread, baseUrl: ours.baseUrl, count: warmup, offset: 900_000 });
    await ours.settle();
    const bareTimes = await fire({ ...thread, baseUrl: bare.baseUrl, count: requests, offset: 0 });
    const ourTimes = await fire({ ...thread, baseUrl: ours.baseUrl, count: requests, offset: 0 });
    await ours.settle();
    const b = latency(bareTimes);
    const o = latency(ourTimes);
    return {
      requests,
      concurrency,
      ours: o,
      bare: b,
      ratio: { p50: o.p50Ms / b.p50Ms, p99: o.p99Ms / b.p99Ms },
      recorded: (await ours.contributions()) - warmup,
      inbox: await ours.inbox(),
      database: process.env.BENCH_DATABASE_URL ? "postgres" : "pglite",
    };
  } finally {
    await ours.stop();
    await bare.stop();
    await fake.close();
  }
}

export function formatSlackAck(f: SlackAckFigures): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return [
    `  ${f.requests} draadantwoorden, ${f.concurrency} tegelijk, getekend → ack:`,
    `    duidbot:   p50 ${ms(f.ours.p50Ms)}, p99 ${ms(f.ours.p99Ms)} (${f.recorded} bijdragen vastgelegd in ${f.database === "pglite" ? "PGlite" : "PostgreSQL"}; inbox ${f.inbox.stored} rijen, ${f.inbox.unprocessed} onverwerkt)`,
    `    kale Bolt: p50 ${ms(f.bare.p50Ms)}, p99 ${ms(f.bare.p99Ms)}`,
    `    verhouding: p50 ${f.ratio.p50.toFixed(2)}×, p99 ${f.ratio.p99.toFixed(2)}× (eis < 1,5×; Slack wacht 3 s)`,
  ].join("\n");
}

if (import.meta.main) {
  console.log(`Slack ack — Node ${process.version}`);
  console.log(formatSlackAck(await benchSlackAck()));
}
