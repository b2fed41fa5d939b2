/** Prisma implementation of the contribution part of SessionTx: contributions with their edit history. */
import type { Prisma } from "@prisma/client";
import type { Question } from "../domain/session.ts";
import type { ChannelAudience, Perspective } from "../domain/sessionRules.ts";
import type { ContributionRecord, SessionTx } from "../app/sessions/ports.ts";

type Tx = Prisma.TransactionClient;

/** A Contribution row as a record (shared with the memory store). */
export function toContribution(row: Prisma.ContributionGetPayload<object>): ContributionRecord {
  return {
    id: row.id,
    sessionId: row.sessionId,
    threadId: row.threadId,
    channel: row.channelKey,
    messageId: row.messageId,
    author: { key: row.authorKey, name: row.authorName },
    perspective: row.perspective as Perspective,
    audience: row.audience as ChannelAudience,
    question: row.question as Question,
    text: row.text,
    postedAt: row.postedAt,
    ...(row.editedAt ? { editedAt: row.editedAt } : {}),
    ...(row.withdrawnAt ? { withdrawnAt: row.withdrawnAt } : {}),
  };
}

export function contributionTx(
  tx: Tx,
): Pick<SessionTx, "addContribution" | "contributionByMessage" | "reviseContribution" | "contributions" | "contributionCounts" | "relabelGuestContributions"> {
  return {
    async relabelGuestContributions(authorKey, perspective) {
      const { count } = await tx.contribution.updateMany({ where: { authorKey, audience: "gast", session: { status: "open" } }, data: { perspective } });
      return count;
    },

    async addContribution(c) {
      // The (channel, message) key is unique: a second delivery of the same message adds nothing,
      // even when it arrives under another event id (belt and braces next to ProcessedEvent).
      const rows = await tx.contribution.createManyAndReturn({
        data: [
          {
            sessionId: c.sessionId,
            threadId: c.threadId,
            channelKey: c.channel,
            messageId: c.messageId,
            eventKey: c.eventKey,
            authorKey: c.author.key,
            authorName: c.author.name,
            perspective: c.perspective,
            audience: c.audience,
            question: c.question,
            text: c.text,
            postedAt: c.postedAt,
          },
        ],
        skipDuplicates: true,
        select: { id: true },
      });
      return rows[0]?.id;
    },

    async contributionByMessage(channel, messageId) {
      const row = await tx.contribution.findUnique({ where: { channelKey_messageId: { channelKey: channel, messageId } } });
      return row ? toContribution(row) : undefined;
    },

    async reviseContribution(id, change) {
      const current = await tx.contribution.findUniqueOrThrow({ where: { id } });
      await tx.contributionRevision.create({
        data: {
          contributionId: id,
          kind: change.kind,
          previousText: current.text,
          previousQuestion: current.question,
          eventKey: change.eventKey ?? null,
          changedAt: change.at,
        },
      });
      await tx.contribution.update({
        where: { id },
        data: {
          ...(change.text !== undefined ? { text: change.text } : {}),
          ...(change.question !== undefined ? { question: change.question } : {}),
          ...(change.kind === "edit" ? { editedAt: change.at } : {}),
          ...(change.kind === "withdraw" ? { withdrawnAt: change.at } : {}),
        },
      });
    },

    async contributions(sessionId) {
      const rows = await tx.contribution.findMany({ where: { sessionId }, orderBy: [{ postedAt: "asc" }, { id: "asc" }] });
      return rows.map(toContribution);
    },

    async contributionCounts(sessionId) {
      // One small aggregate instead of every row with its text: a status message only shows numbers.
      const rows = await tx.contribution.groupBy({ by: ["question", "audience"], where: { sessionId, withdrawnAt: null }, _count: { _all: true } });
      return rows.map((r) => ({ question: r.question as Question, audience: r.audience as ChannelAudience, count: r._count._all }));
    },
  };
}
