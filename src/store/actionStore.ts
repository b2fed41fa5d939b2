/**
 * Prisma implementation of the ActionTx part of SessionTx: verbeteracties with their status history and
 * the reminders claimed once per action, kind and due date (a unique key, INSERT … ON CONFLICT DO NOTHING).
 */
import type { Prisma } from "@prisma/client";
import { ACTION_STATUSES, storedActionStatus } from "../domain/actionStatus.ts";
import type { ActionListItem, SessionTx } from "../app/sessions/ports.ts";

type Tx = Prisma.TransactionClient;

const listInclude = {
  session: {
    select: {
      dinSlug: true,
      title: true,
      subjectKind: true,
      subjectId: true,
      indicators: { select: { indicator: { select: { slug: true } } }, orderBy: { id: "asc" } },
      conclusion: { select: { status: true } },
    },
  },
} satisfies Prisma.ActionInclude;
type ListRow = Prisma.ActionGetPayload<{ include: typeof listInclude }>;

/** Soonest due date first, actions without one last, then by id (shared with the memory store). */
export function byDueThenId(a: { due?: string; id: number }, b: { due?: string; id: number }): number {
  if (a.due !== b.due) {
    if (a.due === undefined) return 1;
    if (b.due === undefined) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.id - b.id;
}

function toItem(row: ListRow): ActionListItem {
  return {
    id: row.id,
    sessionId: row.sessionId,
    dinSlug: row.session.dinSlug,
    sessionTitle: row.session.title,
    subject: { kind: row.session.subjectKind as "indicator" | "doel", id: row.session.subjectId },
    indicatorIds: [...new Set(row.session.indicators.map((i) => i.indicator.slug))],
    text: row.text,
    owner: row.owner,
    ...(row.due ? { due: row.due } : {}),
    status: storedActionStatus(row.status),
    adopted: row.session.conclusion?.status === "adopted",
    updatedAt: row.updatedAt,
  };
}

export function actionTx(tx: Tx): Pick<SessionTx, "action" | "listActions" | "setActionStatus" | "actionHistory" | "claimReminder"> {
  return {
    async action(id, options = {}) {
      // A row lock serialises two status changes of one action (PostgreSQL; PGlite has one connection).
      if (options.lock) await tx.$queryRaw`SELECT id FROM "Action" WHERE id = ${id} FOR UPDATE`;
      const row = await tx.action.findUnique({ where: { id }, include: listInclude });
      return row ? toItem(row) : undefined;
    },

    async listActions(filter) {
      const rows = await tx.action.findMany({
        where: {
          ...(filter.openOnly ? { status: { in: ["open", "bezig"] } } : {}),
          ...(filter.dinSlug ? { session: { dinSlug: filter.dinSlug } } : {}),
          // ISO dates compare as text.
          ...(filter.dueBetween ? { due: { gte: filter.dueBetween[0], lte: filter.dueBetween[1] } } : {}),
        },
        include: listInclude,
      });
      return rows.map(toItem).sort(byDueThenId);
    },

    async setActionStatus(id, change) {
      if (!ACTION_STATUSES.includes(change.to)) throw new Error(`unknown action status ${String(change.to)}`);
      await tx.action.update({ where: { id }, data: { status: change.to, updatedAt: change.at } });
      await tx.actionStatusChange.create({
        data: { actionId: id, fromStatus: change.from, toStatus: change.to, byKey: change.by.key, byName: change.by.name, at: change.at },
      });
    },

    async actionHistory(id) {
      const rows = await tx.actionStatusChange.findMany({ where: { actionId: id }, orderBy: { id: "asc" } });
      return rows.map((r) => ({ from: storedActionStatus(r.fromStatus), to: storedActionStatus(r.toStatus), by: { key: r.byKey, name: r.byName }, at: r.at }));
    },

    async claimReminder(actionId, kind, due, at) {
      // ON CONFLICT DO NOTHING: a second instance's insert waits for the first's transaction, then skips.
      const { count } = await tx.actionReminder.createMany({ data: [{ actionId, kind, due, sentAt: at }], skipDuplicates: true });
      return count === 1;
    },
  };
}
