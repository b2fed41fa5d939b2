/**
 * In-memory twin of src/store/outboxStore.ts: `memoryEnqueueTx` writes rows inside a session
 * transaction; MemoryOutboxStore is the dispatcher's side, with the same streams, leases, supersede
 * rules and guest-render staleness check.
 */
import type { NeutralMessage } from "../../app/messages/message.ts";
import { PARKED_UNTIL, type ClaimOptions, type GuestRender, type OutboxCounts, type OutboxRow, type OutboxStore } from "../../app/outbox/ports.ts";
import type { SessionTx } from "../../app/sessions/ports.ts";
import type { Indicator } from "../../domain/din.ts";
import { disclosureOf, isStricter } from "../../domain/disclosure.ts";
import { json, must, type MemoryDb, type Tables } from "./memoryDb.ts";
import type { OutboxMessageRow } from "./memoryRows.ts";

const free = (o: OutboxMessageRow, at: Date) => o.claimedUntil === null || o.claimedUntil < at;

export function memoryEnqueueTx(db: MemoryDb): Pick<SessionTx, "enqueue" | "postsByKey"> {
  return {
    async postsByKey(keyPrefix) {
      return db.t.outbox
        .filter((o) => o.key.startsWith(keyPrefix) && o.kind === "post" && o.status !== "failed")
        .sort((a, b) => a.id - b.id)
        .map((o) => ({ key: o.key, message: json(o.payload) as NeutralMessage, createdAt: o.createdAt }));
    },

    async enqueue(rows, at) {
      if (rows.length === 0) return;
      // A new update supersedes the pending updates of the same message no dispatcher holds (see outboxStore.ts).
      const refs = new Set(rows.flatMap((r) => (r.kind === "update" && r.refKey ? [r.refKey] : [])));
      for (const o of db.t.outbox) {
        if (o.refKey !== null && refs.has(o.refKey) && o.kind === "update" && o.status === "pending" && free(o, at)) o.status = "superseded";
      }
      for (const r of rows) {
        // ON CONFLICT DO NOTHING: a skipped row (same key, also within this batch) still drew its id.
        const id = db.nextId("outbox");
        if (db.t.outbox.some((o) => o.key === r.key)) continue;
        db.t.outbox.push({
          id,
          key: r.key,
          channelKey: r.channel,
          kind: r.kind,
          payload: r.message ? json(r.message) : null,
          stream: r.threadKey ?? r.refKey ?? r.key,
          threadKey: r.threadKey ?? null,
          refKey: r.refKey ?? null,
          refMessageId: r.messageId ?? null,
          guestRender: r.guest ? json(r.guest) : null,
          status: "pending",
          attempts: 0,
          nextAttemptAt: new Date(at),
          claimedUntil: null,
          lastError: null,
          platformMessageId: null,
          createdAt: new Date(at),
          sentAt: null,
        });
      }
    },
  };
}

/** Rows looked at per claim round, before keeping only each stream's oldest (as outboxStore.ts). */
const CANDIDATE_FACTOR = 4;


/** Guest rows whose indicators the DIN in force now shows less of than when they were rendered. */
function staleGuestRows(t: Tables, rows: readonly OutboxMessageRow[]): Set<number> {
  const stale = new Set<number>();
  for (const row of rows) {
    if (row.guestRender === null) continue;
    const render = row.guestRender as GuestRender;
    const din = t.dins.find((d) => d.slug === render.din);
    const now = (id: string) => {
      const indicator = t.indicators.find((i) => i.dinId === din?.id && i.slug === id);
      return indicator ? disclosureOf(indicator.definition as Indicator) : undefined;
    };
    if (render.shows.some((d) => isStricter(d, now(d.id)))) stale.add(row.id);
  }
  return stale;
}

function claimRound(t: Tables, now: Date, options: ClaimOptions): { rows: OutboxRow[]; superseded: number } {
  let superseded = 0;
  const candidates = t.outbox
    .filter((o) => o.status === "pending" && o.nextAttemptAt <= now && free(o, now) && (!options.keys || options.keys.includes(o.key)) && !options.skipPlatforms.some((p) => o.channelKey.startsWith(`${p}:`)))
    .sort((a, b) => a.id - b.id)
    .slice(0, options.limit * CANDIDATE_FACTOR);
  if (candidates.length === 0) return { rows: [], superseded };
  // Only the oldest pending row of a stream may go: a reply waits for its root's platform id.
  const head = (stream: string) => Math.min(...t.outbox.filter((o) => o.status === "pending" && o.stream === stream).map((o) => o.id));
  const eligible = candidates.filter((c) => head(c.stream) === c.id).slice(0, options.limit);
  const claimed: OutboxMessageRow[] = [];
  for (const row of eligible) {
    const newer = row.kind === "update" && row.refKey !== null && t.outbox.some((o) => o.refKey === row.refKey && o.kind === "update" && o.status === "pending" && o.id > row.id);
    if (newer) {
      row.status = "superseded";
      superseded++;
      continue;
    }
    row.claimedUntil = new Date(now.getTime() + options.leaseMs);
    claimed.push(row);
  }
  const stale = staleGuestRows(t, claimed);
  const rows = claimed.map((row) => {
    const dependsOn = row.threadKey ?? row.refKey;
    const ref = dependsOn === null ? undefined : t.outbox.find((o) => o.key === dependsOn);
    const refId = ref?.platformMessageId ?? undefined;
    const out: OutboxRow = {
      id: row.id,
      key: row.key,
      channel: row.channelKey,
      kind: row.kind as OutboxRow["kind"],
      orphaned: dependsOn !== null && (ref === undefined || ref.status === "failed" || refId === undefined),
      attempts: row.attempts,
    };
    if (row.payload !== null) out.message = row.payload as NeutralMessage;
    if (row.kind === "post" && row.threadKey !== null && refId !== undefined) out.threadMessageId = refId;
    if (row.kind === "update" && refId !== undefined) out.targetMessageId = refId;
    if (row.kind === "acknowledge" && row.refMessageId !== null) out.targetMessageId = row.refMessageId;
    if (row.guestRender !== null) out.guest = row.guestRender as GuestRender;
    if (stale.has(row.id)) out.stale = true;
    return out;
  });
  return { rows, superseded };
}

export class MemoryOutboxStore implements OutboxStore {
  private readonly db: MemoryDb;
  constructor(db: MemoryDb) {
    this.db = db;
  }

  claimDue(now: Date, options: ClaimOptions): Promise<OutboxRow[]> {
    return this.db.write((t) => {
      // As outboxStore.ts: superseding makes the next row of a stream its head, so look again.
      for (;;) {
        const { rows, superseded } = claimRound(t, now, options);
        if (rows.length > 0 || superseded === 0) return rows;
      }
    });
  }

  private update(id: number, fn: (row: OutboxMessageRow) => void): Promise<void> {
    return this.db.write((t) => fn(must(t.outbox.find((o) => o.id === id), "OutboxMessage", `id ${id}`)));
  }

  markSent(id: number, at: Date, platformMessageId?: string): Promise<void> {
    return this.update(id, (row) =>
      Object.assign(row, { status: "sent", sentAt: new Date(at), claimedUntil: null, platformMessageId: platformMessageId ?? null, attempts: row.attempts + 1 }),
    );
  }

  recordPlatformId(id: number, platformMessageId: string): Promise<void> {
    return this.db.write((t) => {
      const row = t.outbox.find((o) => o.id === id && o.status === "pending");
      if (row) row.platformMessageId = platformMessageId;
    });
  }

  markRetry(id: number, nextAttemptAt: Date, error: string): Promise<void> {
    return this.update(id, (row) =>
      Object.assign(row, { nextAttemptAt: new Date(nextAttemptAt), claimedUntil: null, lastError: error.slice(0, 1000), attempts: row.attempts + 1 }),
    );
  }

  markFailed(id: number, _at: Date, error: string): Promise<void> {
    return this.update(id, (row) => Object.assign(row, { status: "failed", claimedUntil: null, lastError: error.slice(0, 1000), attempts: row.attempts + 1 }));
  }

  release(id: number, notBefore: Date, reason: string): Promise<void> {
    return this.update(id, (row) => Object.assign(row, { nextAttemptAt: new Date(notBefore), claimedUntil: null, lastError: reason }));
  }

  unpark(platforms: readonly string[], now: Date): Promise<number> {
    return this.db.write((t) => {
      const parked = t.outbox.filter((o) => o.status === "pending" && o.nextAttemptAt.getTime() >= PARKED_UNTIL.getTime() && platforms.some((p) => o.channelKey.startsWith(`${p}:`)));
      for (const row of parked) row.nextAttemptAt = new Date(now);
      return parked.length;
    });
  }

  counts(): Promise<OutboxCounts> {
    return this.db.read((t) => {
      const count = (status: string) => t.outbox.filter((o) => o.status === status).length;
      return { pending: count("pending"), sent: count("sent"), failed: count("failed"), superseded: count("superseded") };
    });
  }
}
