/**
 * In-memory twin of src/store/inboxStore.ts (the InboundEvent table): tests/integration/inboxStore.test.ts
 * runs the inbox contract on it beside the table and the journal file.
 */
import type { InboundEventDraft, InboundEventRecord, InboxCounts, InboxStore, ParkedEvent } from "../../app/inbox/ports.ts";
import { storableJson } from "../../domain/storableText.ts";
import type { MemoryDb } from "./memoryDb.ts";
import type { InboundRow } from "./memoryRows.ts";

const isParked = (r: InboundRow) => r.processedAt === null && r.parkedAt !== null;

export class MemoryInboxStore implements InboxStore {
  private readonly db: MemoryDb;
  constructor(db: MemoryDb) {
    this.db = db;
  }

  add(rows: readonly InboundEventDraft[], receivedAt: Date): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return this.db.write((t) => {
      for (const r of rows) {
        // INSERT … ON CONFLICT DO NOTHING: a skipped row still drew its id. The payload as jsonb keeps it (see storableJson).
        const id = this.db.nextId("inbound");
        if (t.inbound.some((x) => x.platform === r.platform && x.eventId === r.eventId)) continue;
        const payload: unknown = JSON.parse(storableJson(JSON.stringify(r.payload ?? null)));
        t.inbound.push({
          id,
          platform: r.platform,
          eventId: r.eventId,
          teamId: r.teamId ?? null,
          type: r.type,
          payload,
          receivedAt: new Date(receivedAt),
          processedAt: null,
          attempts: 0,
          lastError: null,
          parkedAt: null,
        });
      }
    });
  }

  markProcessed(platform: string, eventIds: readonly string[], at: Date): Promise<void> {
    return this.db.write((t) => {
      for (const r of t.inbound) if (r.platform === platform && eventIds.includes(r.eventId) && r.processedAt === null) r.processedAt = new Date(at);
    });
  }

  unprocessed(platform: string, options: { receivedBefore: Date; afterId: number; limit: number; retried?: boolean }): Promise<InboundEventRecord[]> {
    return this.db.read((t) =>
      t.inbound
        .filter(
          (r) =>
            r.platform === platform &&
            r.processedAt === null &&
            r.parkedAt === null &&
            r.receivedAt <= options.receivedBefore &&
            r.id > options.afterId &&
            (options.retried === undefined || (options.retried ? r.attempts > 0 : r.attempts === 0)),
        )
        .sort((a, b) => a.id - b.id)
        .slice(0, options.limit)
        .map((r) => ({ id: r.id, platform: r.platform, eventId: r.eventId, type: r.type, payload: r.payload, receivedAt: r.receivedAt, attempts: r.attempts })),
    );
  }

  recordFailure(platform: string, eventId: string, error: string, parkAt?: Date): Promise<void> {
    return this.db.write((t) => {
      for (const r of t.inbound.filter((x) => x.platform === platform && x.eventId === eventId)) {
        Object.assign(r, { attempts: r.attempts + 1, lastError: error.slice(0, 1000), ...(parkAt ? { parkedAt: new Date(parkAt) } : {}) });
      }
    });
  }

  parked(platform?: string): Promise<ParkedEvent[]> {
    return this.db.read((t) =>
      t.inbound
        .filter((r) => (platform === undefined || r.platform === platform) && isParked(r))
        .sort((a, b) => a.id - b.id)
        .map((r) => ({
          id: r.id,
          platform: r.platform,
          eventId: r.eventId,
          ...(r.teamId !== null ? { teamId: r.teamId } : {}),
          type: r.type,
          payload: r.payload,
          receivedAt: r.receivedAt,
          attempts: r.attempts,
          ...(r.lastError !== null ? { lastError: r.lastError } : {}),
          parkedAt: r.parkedAt ?? r.receivedAt,
        })),
    );
  }

  unpark(platform: string, eventIds?: readonly string[]): Promise<number> {
    return this.db.write((t) => {
      const rows = t.inbound.filter((r) => r.platform === platform && isParked(r) && (eventIds === undefined || eventIds.includes(r.eventId)));
      for (const r of rows) Object.assign(r, { parkedAt: null, attempts: 0 });
      return rows.length;
    });
  }

  prune(before: Date, parkedBefore: Date = before): Promise<number> {
    return this.db.write((t) => {
      const gone = (r: InboundRow) => (isParked(r) ? r.receivedAt < parkedBefore : r.receivedAt < before);
      const count = t.inbound.filter(gone).length;
      t.inbound = t.inbound.filter((r) => !gone(r));
      return count;
    });
  }

  counts(platform?: string): Promise<InboxCounts> {
    return this.db.read((t) => {
      const rows = t.inbound.filter((r) => platform === undefined || r.platform === platform);
      return { stored: rows.length, unprocessed: rows.filter((r) => r.processedAt === null).length };
    });
  }

  /** The rows live in the memory database, which its owner closes. */
  async close(): Promise<void> {}
}
