/**
 * Rows the ports do not return, read the same way from the memory store and from a real database:
 * tests that run on every runtime assert on an outbox row's status or a contribution's revisions
 * through these, not through Prisma (which the memory store has not).
 */
import type { Services } from "../../src/main/services.ts";

export interface PeekOutboxRow {
  id: number;
  key: string;
  channel: string;
  kind: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  platformMessageId: string | null;
}

export async function outboxRows(s: Services): Promise<PeekOutboxRow[]> {
  const rows =
    s.db.kind === "memory"
      ? structuredClone(s.db.memory.t.outbox)
      : await s.db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });
  return rows
    .sort((a, b) => a.id - b.id)
    .map((r) => ({
      id: r.id,
      key: r.key,
      channel: r.channelKey,
      kind: r.kind,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.nextAttemptAt,
      lastError: r.lastError,
      platformMessageId: r.platformMessageId,
    }));
}

/** Each contribution's revisions, oldest first: [kind, previousText] by the contribution's message id. */
export async function contributionRevisions(s: Services): Promise<Map<string, [string, string][]>> {
  const rows =
    s.db.kind === "memory"
      ? s.db.memory.t.contributions.map((c) => ({
          messageId: c.messageId,
          revisions: s.db.kind === "memory" ? s.db.memory.t.contributionRevisions.filter((r) => r.contributionId === c.id) : [],
        }))
      : await s.db.prisma.contribution.findMany({ include: { revisions: { orderBy: { id: "asc" } } } });
  return new Map(rows.map((c) => [c.messageId, c.revisions.sort((a, b) => a.id - b.id).map((r): [string, string] => [r.kind, r.previousText])]));
}

/** How many processed-event keys are stored. */
export async function processedEventCount(s: Services): Promise<number> {
  return s.db.kind === "memory" ? s.db.memory.t.processedEvents.size : s.db.prisma.processedEvent.count();
}
