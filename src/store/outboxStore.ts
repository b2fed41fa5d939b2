/**
 * Prisma implementation of the transactional outbox: `enqueueTx` writes rows inside a use case's
 * transaction; PrismaOutboxStore is the dispatcher's side (claim with a lease, record the result).
 */
import type { Prisma, PrismaClient } from "@prisma/client";
import type { NeutralMessage } from "../app/messages/message.ts";
import { PARKED_UNTIL, type ClaimOptions, type GuestRender, type OutboxCounts, type OutboxRow, type OutboxStore } from "../app/outbox/ports.ts";
import type { Indicator } from "../domain/din.ts";
import { disclosureOf, isStricter } from "../domain/disclosure.ts";
import type { SessionTx } from "../app/sessions/ports.ts";
import { asJson } from "./json.ts";

type Tx = Prisma.TransactionClient;

export function enqueueTx(tx: Tx): Pick<SessionTx, "enqueue" | "postsByKey"> {
  return {
    async postsByKey(keyPrefix) {
      const rows = await tx.outboxMessage.findMany({
        where: { key: { startsWith: keyPrefix }, kind: "post", status: { not: "failed" } },
        orderBy: { id: "asc" },
        select: { key: true, payload: true, createdAt: true },
      });
      return rows.map((r) => ({ key: r.key, message: r.payload as unknown as NeutralMessage, createdAt: r.createdAt }));
    },

    async enqueue(rows, at) {
      if (rows.length === 0) return;
      // A new status update makes the pending ones of the same message pointless. Superseding them
      // here keeps a busy thread's stream short; the dispatcher would otherwise take a claim round
      // per stale update. A row a dispatcher holds (lease not expired) is left alone: it is being sent.
      const refs = [...new Set(rows.flatMap((r) => (r.kind === "update" && r.refKey ? [r.refKey] : [])))];
      if (refs.length > 0) {
        await tx.outboxMessage.updateMany({
          where: { refKey: { in: refs }, kind: "update", status: "pending", OR: [{ claimedUntil: null }, { claimedUntil: { lt: at } }] },
          data: { status: "superseded" },
        });
      }
      await tx.outboxMessage.createMany({
        data: rows.map((r) => ({
          key: r.key,
          channelKey: r.channel,
          kind: r.kind,
          payload: r.message ? asJson(r.message) : undefined,
          // One stream per thread: a root post starts its own, replies, updates and acks join their root's.
          stream: r.threadKey ?? r.refKey ?? r.key,
          threadKey: r.threadKey ?? null,
          refKey: r.refKey ?? null,
          refMessageId: r.messageId ?? null,
          guestRender: r.guest ? asJson(r.guest) : undefined,
          nextAttemptAt: at,
          createdAt: at,
        })),
        // A row with the same key exists already (the same message decided twice): keep the first.
        skipDuplicates: true,
      });
    },
  };
}

/** Rows fetched per claim round, before keeping only each stream's oldest. */
const CANDIDATE_FACTOR = 4;

export class PrismaOutboxStore implements OutboxStore {
  private readonly prisma: PrismaClient;
  constructor(prisma: PrismaClient) {
    this.prisma = prisma;
  }

  async claimDue(now: Date, options: ClaimOptions): Promise<OutboxRow[]> {
    // Superseding an update makes the next row of its stream the head: look again, so an empty
    // answer always means "nothing due" (the dispatcher stops its pass on an empty answer).
    for (;;) {
      const { rows, superseded } = await this.claimRound(now, options);
      if (rows.length > 0 || superseded === 0) return rows;
    }
  }

  private async claimRound(now: Date, options: ClaimOptions): Promise<{ rows: OutboxRow[]; superseded: number }> {
    let superseded = 0;
    const free = { OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] };
    const candidates = await this.prisma.outboxMessage.findMany({
      where: {
        status: "pending",
        nextAttemptAt: { lte: now },
        ...(options.keys ? { key: { in: [...options.keys] } } : {}),
        ...free,
        ...(options.skipPlatforms.length > 0 ? { NOT: options.skipPlatforms.map((p) => ({ channelKey: { startsWith: `${p}:` } })) } : {}),
      },
      orderBy: { id: "asc" },
      take: options.limit * CANDIDATE_FACTOR,
    });
    if (candidates.length === 0) return { rows: [], superseded };
    // Only the oldest pending row of a stream may go: a reply waits for its root's platform id.
    const heads = await this.prisma.outboxMessage.groupBy({
      by: ["stream"],
      where: { status: "pending", stream: { in: [...new Set(candidates.map((c) => c.stream))] } },
      _min: { id: true },
    });
    const headOf = new Map(heads.map((h) => [h.stream, h._min.id]));
    const eligible = candidates.filter((c) => headOf.get(c.stream) === c.id).slice(0, options.limit);

    const claimed: typeof eligible = [];
    for (const row of eligible) {
      if (row.kind === "update" && (await this.supersede(row))) {
        superseded++;
        continue;
      }
      // Conditional update = atomic claim: a second dispatcher racing for the row updates nothing.
      const { count } = await this.prisma.outboxMessage.updateMany({
        where: { id: row.id, status: "pending", ...free },
        data: { claimedUntil: new Date(now.getTime() + options.leaseMs) },
      });
      if (count === 1) claimed.push(row);
    }
    const refKeys = [...new Set(claimed.flatMap((r) => [r.threadKey, r.refKey]).filter((k): k is string => k !== null))];
    // Prisma sends a query even for an empty IN list; on PGlite every statement waits its turn.
    const refRows =
      refKeys.length === 0
        ? []
        : await this.prisma.outboxMessage.findMany({ where: { key: { in: refKeys } }, select: { key: true, status: true, platformMessageId: true } });
    const refs = new Map(refRows.map((r) => [r.key, r]));
    const stale = await this.staleGuestRows(claimed);
    const rows = claimed.map((row) => {
      const dependsOn = row.threadKey ?? row.refKey;
      const ref = dependsOn === null ? undefined : refs.get(dependsOn);
      const refId = ref?.platformMessageId ?? undefined;
      const out: OutboxRow = {
        id: row.id,
        key: row.key,
        channel: row.channelKey,
        kind: row.kind as OutboxRow["kind"],
        orphaned: dependsOn !== null && (ref === undefined || ref.status === "failed" || refId === undefined),
        attempts: row.attempts,
      };
      if (row.payload !== null) out.message = row.payload as unknown as NeutralMessage;
      if (row.kind === "post" && row.threadKey !== null && refId !== undefined) out.threadMessageId = refId;
      if (row.kind === "update" && refId !== undefined) out.targetMessageId = refId;
      if (row.kind === "acknowledge" && row.refMessageId !== null) out.targetMessageId = row.refMessageId;
      if (row.guestRender !== null) out.guest = row.guestRender as unknown as GuestRender;
      if (stale.has(row.id)) out.stale = true;
      return out;
    });
    return { rows, superseded };
  }

  /**
   * Guest messages whose indicators guests may see less of under the DIN in force now than when the
   * message was rendered (a DIN import in between): checked here, at send time, so that rows written
   * just before an import, or by a use case that loaded the DIN before it, are caught too.
   */
  private async staleGuestRows(rows: readonly { id: number; guestRender: Prisma.JsonValue }[]): Promise<Set<number>> {
    const guest = rows.flatMap((r) => (r.guestRender === null ? [] : [{ id: r.id, render: r.guestRender as unknown as GuestRender }]));
    if (guest.length === 0) return new Set();
    const defined = await this.prisma.indicator.findMany({
      where: { OR: [...Map.groupBy(guest, (g) => g.render.din)].map(([din, gs]) => ({ din: { slug: din }, slug: { in: gs.flatMap((g) => g.render.shows.map((d) => d.id)) } })) },
      select: { slug: true, definition: true, din: { select: { slug: true } } },
    });
    const now = new Map(defined.map((i) => [`${i.din.slug}\u0000${i.slug}`, disclosureOf(i.definition as unknown as Indicator)]));
    return new Set(guest.filter((g) => g.render.shows.some((d) => isStricter(d, now.get(`${g.render.din}\u0000${d.id}`)))).map((g) => g.id));
  }

  /** An update with a newer pending update of the same message is pointless: only the newest is sent. */
  private async supersede(row: { id: number; refKey: string | null }): Promise<boolean> {
    if (row.refKey === null) return false;
    const newer = await this.prisma.outboxMessage.count({ where: { refKey: row.refKey, kind: "update", status: "pending", id: { gt: row.id } } });
    if (newer === 0) return false;
    const { count } = await this.prisma.outboxMessage.updateMany({ where: { id: row.id, status: "pending" }, data: { status: "superseded" } });
    return count === 1;
  }

  async markSent(id: number, at: Date, platformMessageId?: string): Promise<void> {
    await this.prisma.outboxMessage.update({
      where: { id },
      data: { status: "sent", sentAt: at, claimedUntil: null, platformMessageId: platformMessageId ?? null, attempts: { increment: 1 } },
      select: { id: true },
    });
  }

  async recordPlatformId(id: number, platformMessageId: string): Promise<void> {
    await this.prisma.outboxMessage.updateMany({ where: { id, status: "pending" }, data: { platformMessageId } });
  }

  async markRetry(id: number, nextAttemptAt: Date, error: string): Promise<void> {
    await this.prisma.outboxMessage.update({
      where: { id },
      data: { nextAttemptAt, claimedUntil: null, lastError: error.slice(0, 1000), attempts: { increment: 1 } },
      select: { id: true },
    });
  }

  async markFailed(id: number, _at: Date, error: string): Promise<void> {
    await this.prisma.outboxMessage.update({
      where: { id },
      data: { status: "failed", claimedUntil: null, lastError: error.slice(0, 1000), attempts: { increment: 1 } },
      select: { id: true },
    });
  }

  async release(id: number, notBefore: Date, reason: string): Promise<void> {
    await this.prisma.outboxMessage.update({ where: { id }, data: { nextAttemptAt: notBefore, claimedUntil: null, lastError: reason }, select: { id: true } });
  }

  async unpark(platforms: readonly string[], now: Date): Promise<number> {
    if (platforms.length === 0) return 0;
    const { count } = await this.prisma.outboxMessage.updateMany({
      where: { status: "pending", nextAttemptAt: { gte: PARKED_UNTIL }, OR: platforms.map((p) => ({ channelKey: { startsWith: `${p}:` } })) },
      data: { nextAttemptAt: now },
    });
    return count;
  }

  async counts(): Promise<OutboxCounts> {
    const rows = await this.prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
    const count = (status: string) => rows.find((r) => r.status === status)?._count._all ?? 0;
    return { pending: count("pending"), sent: count("sent"), failed: count("failed"), superseded: count("superseded") };
  }
}
