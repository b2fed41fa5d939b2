/** In-memory twin of src/store/contributionStore.ts: contributions with their edit history. */
import type { Question } from "../../domain/session.ts";
import type { ChannelAudience } from "../../domain/sessionRules.ts";
import type { SessionTx } from "../../app/sessions/ports.ts";
import { toContribution } from "../contributionStore.ts";
import { MemoryConstraintError, must, type MemoryDb } from "./memoryDb.ts";

export function memoryContributionTx(
  db: MemoryDb,
): Pick<SessionTx, "addContribution" | "contributionByMessage" | "reviseContribution" | "contributions" | "contributionCounts" | "relabelGuestContributions"> {
  const byMessage = (channel: string, messageId: string) => db.t.contributions.find((c) => c.channelKey === channel && c.messageId === messageId);
  return {
    async relabelGuestContributions(authorKey, perspective) {
      const open = new Set(db.t.sessions.filter((s) => s.status === "open").map((s) => s.id));
      const rows = db.t.contributions.filter((c) => c.authorKey === authorKey && c.audience === "gast" && open.has(c.sessionId));
      for (const row of rows) row.perspective = perspective;
      return rows.length;
    },

    async addContribution(c) {
      // INSERT … ON CONFLICT DO NOTHING on (channel, message): the skipped row still drew its id.
      const id = db.nextId("contributions");
      if (byMessage(c.channel, c.messageId)) return undefined;
      if (!db.t.threads.some((t) => t.id === c.threadId)) {
        throw new MemoryConstraintError("Contribution", `thread ${c.threadId} does not exist (foreign key)`);
      }
      must(db.t.sessions.find((s) => s.id === c.sessionId), "DuidingSession", `id ${c.sessionId}`);
      db.t.contributions.push({
        id,
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
        postedAt: new Date(c.postedAt),
        editedAt: null,
        withdrawnAt: null,
      });
      return id;
    },

    async contributionByMessage(channel, messageId) {
      const row = byMessage(channel, messageId);
      return row ? toContribution(row) : undefined;
    },

    async reviseContribution(id, change) {
      const current = must(db.t.contributions.find((c) => c.id === id), "Contribution", `id ${id}`);
      db.t.contributionRevisions.push({
        id: db.nextId("contributionRevisions"),
        contributionId: id,
        kind: change.kind,
        previousText: current.text,
        previousQuestion: current.question,
        eventKey: change.eventKey ?? null,
        changedAt: new Date(change.at),
      });
      if (change.text !== undefined) current.text = change.text;
      if (change.question !== undefined) current.question = change.question;
      if (change.kind === "edit") current.editedAt = new Date(change.at);
      if (change.kind === "withdraw") current.withdrawnAt = new Date(change.at);
    },

    async contributions(sessionId) {
      return db.t.contributions
        .filter((c) => c.sessionId === sessionId)
        .sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime() || a.id - b.id)
        .map(toContribution);
    },

    async contributionCounts(sessionId) {
      // groupBy order is the database's own (unspecified): callers look counts up, they do not rely on order.
      const counts = new Map<string, { question: Question; audience: ChannelAudience; count: number }>();
      for (const c of db.t.contributions.filter((x) => x.sessionId === sessionId && x.withdrawnAt === null)) {
        const key = `${c.question}\u0000${c.audience}`;
        const entry = counts.get(key) ?? { question: c.question as Question, audience: c.audience as ChannelAudience, count: 0 };
        entry.count++;
        counts.set(key, entry);
      }
      return [...counts.values()];
    },
  };
}
