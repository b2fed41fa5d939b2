/** Prisma implementation of the digest part of SessionTx (DigestRun: one per channel and ISO week). */
import type { Prisma } from "@prisma/client";
import type { DigestItem } from "../domain/digest/compose.ts";
import type { DigestRunRecord, DigestRunStatus, DigestTx } from "../app/digest/ports.ts";
import { asJson } from "./json.ts";

type Tx = Prisma.TransactionClient;

/** A DigestRun row as a record (shared with the memory store). */
export function toDigestRun(row: Prisma.DigestRunGetPayload<object>): DigestRunRecord {
  return {
    id: row.id,
    channel: row.channelKey,
    week: row.week,
    status: row.status as DigestRunStatus,
    scheduledFor: row.scheduledFor,
    coveredUntil: row.coveredUntil,
    ...(row.outboxKey !== null ? { outboxKey: row.outboxKey } : {}),
    items: row.items as unknown as DigestItem[],
    ...(row.dinSlug !== null ? { dinSlug: row.dinSlug } : {}),
    createdAt: row.createdAt,
  };
}

export function digestTx(tx: Tx): DigestTx {
  return {
    async claimDigest(run) {
      // ON CONFLICT DO NOTHING: a second instance's insert waits for the first one's transaction and then
      // writes nothing, instead of failing the transaction with a unique violation.
      const { count } = await tx.digestRun.createMany({
        data: [
          {
            channelKey: run.channel,
            week: run.week,
            status: run.status,
            scheduledFor: run.scheduledFor,
            coveredUntil: run.coveredUntil,
            outboxKey: run.outboxKey ?? null,
            items: asJson(run.items),
            dinSlug: run.dinSlug ?? null,
            createdAt: run.createdAt,
          },
        ],
        skipDuplicates: true,
      });
      return count === 1;
    },
    async digestRun(channel, week) {
      const row = await tx.digestRun.findUnique({ where: { channelKey_week: { channelKey: channel, week } } });
      return row ? toDigestRun(row) : undefined;
    },
    async lastCoveredDigest(channel) {
      const row = await tx.digestRun.findFirst({ where: { channelKey: channel, status: { in: ["sent", "empty"] } }, orderBy: [{ coveredUntil: "desc" }, { id: "desc" }] });
      return row ? toDigestRun(row) : undefined;
    },
    async digestByThread(channel, threadId) {
      const post = await tx.outboxMessage.findFirst({ where: { channelKey: channel, platformMessageId: threadId, key: { startsWith: "digest:" } }, select: { key: true } });
      if (!post) return undefined;
      const row = await tx.digestRun.findFirst({ where: { channelKey: channel, outboxKey: post.key } });
      return row ? toDigestRun(row) : undefined;
    },
  };
}
