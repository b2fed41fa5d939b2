/**
 * Use case: reminders of verbeteracties in their session's internal threads, a week before the due
 * date and on it. Idempotent: each reminder (action, kind, due date) is claimed by a unique row in the
 * same transaction as its outbox rows, so a second call, a restart or a second instance on the same
 * database never sends it twice. Only actions of an adopted conclusion that are still open or bezig are
 * reminded; overdue ones get no more reminders (the weekly digest keeps showing them, see openActions).
 */
import { amsterdamDate, daysBetween, isOpenStatus, reminderDue } from "../../domain/actionStatus.ts";
import { reminderMessage } from "./actionMessages.ts";
import { actionView } from "./listActions.ts";
import type { Job } from "../scheduler/scheduler.ts";
import type { OutboxDraft, SessionDeps } from "./ports.ts";

/** ISO date `days` after `date`. */
function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function sendActionReminders(deps: Pick<SessionDeps, "sessions">, now: Date): Promise<{ sent: { actionId: number; kind: "week" | "due" }[] }> {
  const today = amsterdamDate(now);
  const candidates = await deps.sessions.transaction((tx) => tx.listActions({ openOnly: true, dueBetween: [today, plusDays(today, 7)] }));
  const sent: { actionId: number; kind: "week" | "due" }[] = [];
  for (const candidate of candidates) {
    if (!candidate.adopted || candidate.due === undefined || reminderDue(candidate.due, today) === undefined) continue;
    const kind = await deps.sessions.transaction(async (tx) => {
      // Read again under a row lock: the status or due date may have changed since the list was read.
      const action = await tx.action(candidate.id, { lock: true });
      if (!action?.adopted || action.due === undefined || !isOpenStatus(action.status)) return undefined;
      const due = reminderDue(action.due, today);
      if (due === undefined || !(await tx.claimReminder(action.id, due, action.due, now))) return undefined;
      const session = await tx.session(action.sessionId);
      const view = { ...actionView(action, now), daysLeft: daysBetween(today, action.due) };
      // Owners and their actions are internal: guest threads get no reminders.
      const posts: OutboxDraft[] = (session?.threads ?? [])
        .filter((t) => t.audience !== "gast")
        .map((thread) => ({
          key: `${thread.rootKey}:reminder:${action.id}:${due}:${action.due}`,
          channel: thread.channel,
          kind: "post",
          threadKey: thread.rootKey,
          message: reminderMessage(view, due, thread),
        }));
      await tx.enqueue(posts, now);
      return due;
    });
    if (kind) sent.push({ actionId: candidate.id, kind });
  }
  return { sent };
}

/**
 * The scheduler's job (src/app/scheduler): sendActionReminders once a minute (a reminder is about a
 * day, so a minute late is on time). A failure is logged and the next minute tries again: a claim is
 * only kept with its outbox rows.
 */
export function actionReminderJob(deps: Pick<SessionDeps, "sessions">, log?: (line: string) => void, everyMs = 60_000): Job {
  return {
    name: "action-reminders",
    everyMs,
    run: async (now) => {
      const { sent } = await sendActionReminders(deps, now);
      for (const s of sent) log?.(`verbeteractie ${s.actionId}: herinnering ${s.kind} / reminder sent`);
    },
  };
}
