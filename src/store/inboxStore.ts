/**
 * The durable inbox's table (InboundEvent), used on PostgreSQL (and on an in-memory PGlite in tests);
 * a PGlite data folder gets the journal file instead (journalInboxStore.ts says why). The write sits on the acknowledgement path, so it is one
 * lean raw statement per group-committed batch, sent to the driver without Prisma (Database.raw): the
 * whole batch travels as one JSON parameter and is expanded by jsonb_to_recordset, so the SQL text is
 * the same for any batch size. ON CONFLICT DO NOTHING skips an event id that is already there (a
 * redelivery), on PGlite and PostgreSQL alike. The rest (replay, marks, prune) is off that path: Prisma.
 */
import type { PrismaClient } from "@prisma/client";
import type { InboundEventDraft, InboundEventRecord, InboxCounts, InboxStore, ParkedEvent } from "../app/inbox/ports.ts";
import { storableJson } from "../domain/storableText.ts";
import type { RawSql } from "./database.ts";

const INSERT = `INSERT INTO "InboundEvent" ("platform", "eventId", "teamId", "type", "payload", "receivedAt")
SELECT r."platform", r."eventId", r."teamId", r."type", r."payload", ($2::timestamptz AT TIME ZONE 'UTC')
FROM jsonb_to_recordset($1::jsonb) AS r("platform" text, "eventId" text, "teamId" text, "type" text, "payload" jsonb)
ON CONFLICT ("platform", "eventId") DO NOTHING`;

export class PrismaInboxStore implements InboxStore {
  private readonly prisma: PrismaClient;
  private readonly raw: RawSql;
  constructor(prisma: PrismaClient, raw: RawSql) {
    this.prisma = prisma;
    this.raw = raw;
  }

  async add(rows: readonly InboundEventDraft[], receivedAt: Date): Promise<void> {
    if (rows.length === 0) return;
    const batch = rows.map((r) => ({ platform: r.platform, eventId: r.eventId, teamId: r.teamId ?? null, type: r.type, payload: r.payload }));
    // jsonb refuses `\u0000` and lone surrogates: such a payload would fail the whole batch's ack, every time.
    await this.raw.execute(INSERT, [storableJson(JSON.stringify(batch)), receivedAt.toISOString()]);
  }

  async markProcessed(platform: string, eventIds: readonly string[], at: Date): Promise<void> {
    if (eventIds.length === 0) return;
    await this.prisma.inboundEvent.updateMany({ where: { platform, eventId: { in: [...eventIds] }, processedAt: null }, data: { processedAt: at } });
  }

  async unprocessed(platform: string, options: { receivedBefore: Date; afterId: number; limit: number; retried?: boolean }): Promise<InboundEventRecord[]> {
    const attempts = options.retried === undefined ? {} : { attempts: options.retried ? { gt: 0 } : 0 };
    const rows = await this.prisma.inboundEvent.findMany({
      where: { platform, processedAt: null, parkedAt: null, receivedAt: { lte: options.receivedBefore }, id: { gt: options.afterId }, ...attempts },
      orderBy: { id: "asc" },
      take: options.limit,
      select: { id: true, platform: true, eventId: true, type: true, payload: true, receivedAt: true, attempts: true },
    });
    return rows.map((r) => ({ ...r, payload: r.payload as unknown }));
  }

  async recordFailure(platform: string, eventId: string, error: string, parkAt?: Date): Promise<void> {
    await this.prisma.inboundEvent.updateMany({
      where: { platform, eventId },
      data: { attempts: { increment: 1 }, lastError: error.slice(0, 1000), ...(parkAt ? { parkedAt: parkAt } : {}) },
    });
  }

  async parked(platform?: string): Promise<ParkedEvent[]> {
    const rows = await this.prisma.inboundEvent.findMany({
      where: { ...(platform === undefined ? {} : { platform }), processedAt: null, parkedAt: { not: null } },
      orderBy: { id: "asc" },
    });
    return rows.map((r) => ({
      id: r.id,
      platform: r.platform,
      eventId: r.eventId,
      ...(r.teamId !== null ? { teamId: r.teamId } : {}),
      type: r.type,
      payload: r.payload as unknown,
      receivedAt: r.receivedAt,
      attempts: r.attempts,
      ...(r.lastError !== null ? { lastError: r.lastError } : {}),
      parkedAt: r.parkedAt ?? r.receivedAt,
    }));
  }

  async unpark(platform: string, eventIds?: readonly string[]): Promise<number> {
    const { count } = await this.prisma.inboundEvent.updateMany({
      where: { platform, processedAt: null, parkedAt: { not: null }, ...(eventIds === undefined ? {} : { eventId: { in: [...eventIds] } }) },
      data: { parkedAt: null, attempts: 0 },
    });
    return count;
  }

  async prune(before: Date, parkedBefore: Date = before): Promise<number> {
    const parked = { processedAt: null, parkedAt: { not: null } };
    const { count } = await this.prisma.inboundEvent.deleteMany({
      where: { OR: [{ receivedAt: { lt: before }, NOT: parked }, { receivedAt: { lt: parkedBefore }, ...parked }] },
    });
    return count;
  }

  async counts(platform?: string): Promise<InboxCounts> {
    const where = platform === undefined ? {} : { platform };
    const [stored, unprocessed] = await Promise.all([
      this.prisma.inboundEvent.count({ where }),
      this.prisma.inboundEvent.count({ where: { ...where, processedAt: null } }),
    ]);
    return { stored, unprocessed };
  }

  /** The table lives in the database, which its owner closes. */
  async close(): Promise<void> {}
}
