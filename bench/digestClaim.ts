/**
 * What the weekly digest's exactly-once costs: the claim of a DigestRun row (INSERT … ON CONFLICT DO
 * NOTHING on the unique (channel, week) key) plus its outbox row, in one transaction, won and lost, on an
 * in-memory PGlite and (with DATABASE_URL) PostgreSQL. docs/digest.md compares it with a job library.
 * Run: `node bench/digestClaim.ts [claims]`.
 */
import { openServices } from "../src/main/services.ts";
import type { Services } from "../src/main/services.ts";
import type { DatabaseTarget } from "../src/store/database.ts";

const claims = Number(process.argv[2] ?? 200);

async function measure(s: Services, label: string): Promise<void> {
  const at = new Date("2026-12-07T08:00:00Z");
  const claim = (week: string) =>
    s.sessions.transaction(async (tx) => {
      const won = await tx.claimDigest({ channel: "bench:digest", week, status: "sent", scheduledFor: at, coveredUntil: at, outboxKey: `digest:bench:${week}`, items: [], createdAt: at });
      if (won) await tx.enqueue([{ key: `digest:bench:${week}`, channel: "bench:digest", kind: "post", message: { target: { channel: "bench:digest" }, summary: "x", elements: [] } }], at);
      return won;
    });
  await claim("warm-up");
  for (const [kind, week] of [["won", (i: number) => `w${i}`], ["lost", (i: number) => `w${i}`]] as const) {
    const times: number[] = [];
    for (let i = 0; i < claims; i++) {
      const t0 = performance.now();
      const won = await claim(week(i));
      times.push(performance.now() - t0);
      if (won !== (kind === "won")) throw new Error(`claim ${i} ${kind}: ${String(won)}`);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const p95 = times[Math.floor(times.length * 0.95)]!;
    console.log(`  ${label.padEnd(10)} claim ${kind.padEnd(4)} median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (${claims}×)`);
  }
}

const targets: [string, DatabaseTarget][] = [["PGlite", { kind: "pglite" }]];
if (process.env.DATABASE_URL) targets.push(["PostgreSQL", { kind: "postgres", url: process.env.DATABASE_URL, schema: `bench_digest_${process.pid}` }]);
console.log("Weekoverzicht: claim + outbox-rij in één transactie / digest claim + outbox row in one transaction");
for (const [label, target] of targets) {
  const s = await openServices(target);
  try {
    await measure(s, label);
  } finally {
    if (target.kind === "postgres") await s.db.prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${target.schema}" CASCADE`);
    await s.close();
  }
}
