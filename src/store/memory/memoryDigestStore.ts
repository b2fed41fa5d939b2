/** In-memory twin of src/store/digestStore.ts: one run per channel and week (the unique key), claimed once. */
import type { DigestTx } from "../../app/digest/ports.ts";
import { toDigestRun } from "../digestStore.ts";
import { json, type MemoryDb } from "./memoryDb.ts";
import type { DigestRunRow } from "./memoryRows.ts";

const toRecord = (row: DigestRunRow) => toDigestRun(row as Parameters<typeof toDigestRun>[0]);

export function memoryDigestTx(db: MemoryDb): DigestTx {
  return {
    async claimDigest(run) {
      // The id is drawn before the conflict check, as PostgreSQL's nextval runs before ON CONFLICT.
      const id = db.nextId("digestRuns");
      if (db.t.digestRuns.some((r) => r.channelKey === run.channel && r.week === run.week)) return false;
      db.t.digestRuns.push({
        id,
        channelKey: run.channel,
        week: run.week,
        status: run.status,
        scheduledFor: new Date(run.scheduledFor),
        coveredUntil: new Date(run.coveredUntil),
        outboxKey: run.outboxKey ?? null,
        items: json(run.items),
        dinSlug: run.dinSlug ?? null,
        createdAt: new Date(run.createdAt),
      });
      return true;
    },
    async digestRun(channel, week) {
      const row = db.t.digestRuns.find((r) => r.channelKey === channel && r.week === week);
      return row ? toRecord(row) : undefined;
    },
    async lastCoveredDigest(channel) {
      const rows = db.t.digestRuns
        .filter((r) => r.channelKey === channel && (r.status === "sent" || r.status === "empty"))
        .sort((a, b) => b.coveredUntil.getTime() - a.coveredUntil.getTime() || b.id - a.id);
      return rows[0] ? toRecord(rows[0]) : undefined;
    },
    async digestByThread(channel, threadId) {
      const post = db.t.outbox.find((o) => o.channelKey === channel && o.platformMessageId === threadId && o.key.startsWith("digest:"));
      const row = post && db.t.digestRuns.find((r) => r.channelKey === channel && r.outboxKey === post.key);
      return row ? toRecord(row) : undefined;
    },
  };
}
