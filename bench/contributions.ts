/**
 * recordContribution throughput on an in-memory PGlite: ms and SQL statements per recorded thread
 * reply, in the session of tests/support/sessionWorld.ts (three indicators, a leerkring and a guest
 * thread), measured over a session that already holds many contributions. Statements are counted
 * below Prisma, at the PGlite driver adapter, so one count is one round trip to the database.
 * Run: `node bench/contributions.ts [replies] [already]` (also part of `npm run bench`).
 */
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { MemoryChat } from "../adapters/memory/memoryChat.ts";
import { createDispatcher } from "../src/app/outbox/dispatch.ts";
import { applyConfig, postChanges, recordContribution } from "../src/app/sessions/index.ts";
import { openServices } from "../src/main/services.ts";
import { CONFIG, GAST, importFigures, LEERKRING, PEOPLE, seedDin } from "../tests/support/sessionWorld.ts";

export interface ContributionFigures {
  /** Contributions the session held before the measured ones. */
  already: number;
  replies: number;
  msPerReply: number;
  statementsPerReply: number;
  /** Statements of one reply, in order (shortened), for reading where the round trips go. */
  sample: string[];
}

/** Counts statements at the driver adapter's one I/O method, shared by plain queries and transactions. */
async function countStatements(): Promise<{ count(): number; log: string[]; recording: { on: boolean } }> {
  const adapter = await new PrismaPGlite(new PGlite()).connect();
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as { performIO: (query: { sql: string }) => Promise<unknown> };
  const original = queryable.performIO;
  let count = 0;
  const log: string[] = [];
  const recording = { on: false };
  queryable.performIO = function (this: unknown, query) {
    count++;
    if (recording.on) log.push(query.sql.replace(/\s+/g, " ").slice(0, 140));
    return original.call(this, query);
  };
  return { count: () => count, log, recording };
}

export async function benchContributions(replies = 200, already = 300): Promise<ContributionFigures> {
  const counter = await countStatements();
  let now = new Date("2025-03-03T09:00:00Z");
  const clock = { now: () => now };
  const s = await openServices({ kind: "pglite" }, clock, { duidbotConfig: CONFIG });
  try {
    const chat = new MemoryChat({ now: clock.now });
    s.chats.set("memory", chat);
    const dispatcher = createDispatcher({ outbox: s.outbox, chats: s.chats, clock, random: () => 0.5 });
    await applyConfig(s, { config: CONFIG });
    await seedDin(s);
    const imported = await importFigures(s);
    const posted = await postChanges(s, { key: `import:${imported.importId}`, changes: imported.changes });
    if (posted.status !== "posted" || posted.sessions.length !== 1) throw new Error("bench: no session opened");
    await dispatcher.dispatchOnce();
    const rootOf = (channel: string) => chat.postsIn(channel, null).find((p) => p.message.summary.startsWith("Duiding"))!.messageId;
    const roots = { [LEERKRING]: rootOf(LEERKRING), [GAST]: rootOf(GAST) };

    let n = 0;
    const reply = async () => {
      n++;
      now = new Date(now.getTime() + 1000);
      // Four in five from the leerkring, one from the guest channel; every tenth tagged to another question.
      const channel = n % 5 === 0 ? GAST : LEERKRING;
      const user = channel === GAST ? PEOPLE.guest : n % 2 === 0 ? PEOPLE.facilitator : PEOPLE.colleague;
      const result = await recordContribution(s, {
        eventId: `Ev${n}`,
        channel,
        threadId: roots[channel]!,
        messageId: `m${n}`,
        user: { ...user },
        text: `${n % 10 === 0 ? "#verklaren " : ""}Bijdrage ${n}: dit herken ik uit de praktijk.`,
        at: now,
      });
      if (result.status !== "recorded") throw new Error(`bench: reply ${n} ${result.status}`);
    };

    for (let i = 0; i < already; i++) await reply();
    // Warm up (JIT, Prisma's query cache), not counted.
    for (let i = 0; i < 20; i++) await reply();

    counter.recording.on = true;
    await reply();
    counter.recording.on = false;
    const sample = [...counter.log];

    const before = counter.count();
    const t = performance.now();
    for (let i = 0; i < replies; i++) await reply();
    const ms = performance.now() - t;
    return { already, replies, msPerReply: ms / replies, statementsPerReply: (counter.count() - before) / replies, sample };
  } finally {
    await s.close();
  }
}

if (import.meta.main) {
  const replies = Number(process.argv[2] ?? 200);
  const already = Number(process.argv[3] ?? 300);
  for (const a of [0, already]) {
    const f = await benchContributions(replies, a);
    console.log(
      `  ${f.replies} bijdragen na ${f.already} eerdere / replies after ${f.already} earlier: ` +
        `${f.msPerReply.toFixed(1)} ms en ${f.statementsPerReply.toFixed(1)} SQL-statements per bijdrage / per reply`,
    );
    if (process.env.BENCH_VERBOSE) console.log(f.sample.map((line) => `    ${line}`).join("\n"));
  }
}
