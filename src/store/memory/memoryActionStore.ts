/** In-memory twin of src/store/actionStore.ts: action status with history, reminders claimed once. */
import { ACTION_STATUSES, storedActionStatus } from "../../domain/actionStatus.ts";
import type { ActionListItem, SessionTx } from "../../app/sessions/ports.ts";
import { byDueThenId } from "../actionStore.ts";
import { must, type MemoryDb } from "./memoryDb.ts";
import type { ActionRow } from "./memoryRows.ts";

export function memoryActionTx(db: MemoryDb): Pick<SessionTx, "action" | "listActions" | "setActionStatus" | "actionHistory" | "claimReminder"> {
  const item = (row: ActionRow): ActionListItem => {
    const session = must(db.t.sessions.find((s) => s.id === row.sessionId), "DuidingSession", `id ${row.sessionId}`);
    const slugs = db.t.sessionIndicators
      .filter((si) => si.sessionId === row.sessionId)
      .sort((a, b) => a.id - b.id)
      .map((si) => must(db.t.indicators.find((i) => i.id === si.indicatorId), "Indicator", `id ${si.indicatorId}`).slug);
    return {
      id: row.id,
      sessionId: row.sessionId,
      dinSlug: session.dinSlug,
      sessionTitle: session.title,
      subject: { kind: session.subjectKind as "indicator" | "doel", id: session.subjectId },
      indicatorIds: [...new Set(slugs)],
      text: row.text,
      owner: row.owner,
      ...(row.due ? { due: row.due } : {}),
      status: storedActionStatus(row.status),
      adopted: db.t.conclusions.find((c) => c.sessionId === row.sessionId)?.status === "adopted",
      updatedAt: new Date(row.updatedAt),
    };
  };
  const actionRow = (id: number) => must(db.t.actions.find((a) => a.id === id), "Action", `id ${id}`);
  return {
    async action(id) {
      // One transaction at a time: the row lock the Prisma store takes is implied.
      const row = db.t.actions.find((a) => a.id === id);
      return row ? item(row) : undefined;
    },

    async listActions(filter) {
      return db.t.actions
        .filter((a) => !filter.openOnly || a.status === "open" || a.status === "bezig")
        .filter((a) => !filter.dueBetween || (a.due !== null && a.due >= filter.dueBetween[0] && a.due <= filter.dueBetween[1]))
        .map(item)
        .filter((a) => !filter.dinSlug || a.dinSlug === filter.dinSlug)
        .sort(byDueThenId);
    },

    async setActionStatus(id, change) {
      if (!ACTION_STATUSES.includes(change.to)) throw new Error(`unknown action status ${String(change.to)}`);
      Object.assign(actionRow(id), { status: change.to, updatedAt: new Date(change.at) });
      db.t.actionStatusChanges.push({
        id: db.nextId("actionStatusChanges"),
        actionId: id,
        fromStatus: change.from,
        toStatus: change.to,
        byKey: change.by.key,
        byName: change.by.name,
        at: new Date(change.at),
      });
    },

    async actionHistory(id) {
      return db.t.actionStatusChanges
        .filter((c) => c.actionId === id)
        .sort((a, b) => a.id - b.id)
        .map((r) => ({ from: storedActionStatus(r.fromStatus), to: storedActionStatus(r.toStatus), by: { key: r.byKey, name: r.byName }, at: new Date(r.at) }));
    },

    async claimReminder(actionId, kind, due, at) {
      actionRow(actionId);
      // The sequence advances even when the row is skipped, as INSERT … ON CONFLICT DO NOTHING does.
      const id = db.nextId("actionReminders");
      if (db.t.actionReminders.some((r) => r.actionId === actionId && r.kind === kind && r.due === due)) return false;
      db.t.actionReminders.push({ id, actionId, kind, due, sentAt: new Date(at) });
      return true;
    },
  };
}
