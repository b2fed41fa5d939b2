/** What the verbeteracties look like in lists (CLI, chat) and reminders: neutral text and messages. */
import { actionStatusLabel } from "../../domain/actionStatus.ts";
import type { Lang } from "../../domain/format.ts";
import type { NeutralMessage } from "../messages/message.ts";
import type { ActionView } from "./listActions.ts";
import type { ThreadRecord } from "./ports.ts";
import { ACTION_TEXT } from "./texts/actionTexts.ts";

/** "#3 [bezig] Lichte opvoedhulp — Team Jeugd · uiterlijk 2025-12-31 (2 dagen over de datum) · jeugdhulp, veilig-thuis". */
export function actionLine(a: ActionView, lang: Lang): string {
  const t = ACTION_TEXT[lang];
  const due = a.due ? ` · ${t.due(a.due)}${a.overdue && a.daysLeft !== undefined ? ` (${t.overdue(-a.daysLeft)})` : ""}` : "";
  const about = a.subject.kind === "doel" ? `doel ${a.subject.id}` : a.indicatorIds.join(", ");
  const draft = a.adopted ? "" : ` (${t.draft})`;
  return `#${a.id} [${actionStatusLabel(a.status, lang)}] ${a.text} — ${a.owner}${due} · ${about}${draft}`;
}

/** The list as lines: a title and one line per action, at most `limit` (the rest counted). */
export function actionListLines(actions: readonly ActionView[], lang: Lang, options: { openOnly: boolean; limit?: number }): string[] {
  const t = ACTION_TEXT[lang];
  if (actions.length === 0) return [options.openOnly ? t.noneOpen : t.none];
  const limit = options.limit ?? actions.length;
  const lines = [options.openOnly ? t.openTitle : t.listTitle, ...actions.slice(0, limit).map((a) => actionLine(a, lang))];
  if (actions.length > limit) lines.push(t.more(actions.length - limit));
  return lines;
}

/** The chat answer to `acties`: the list, and how to set a status on this platform. */
export function actionListMessage(actions: readonly ActionView[], lang: Lang, options: { openOnly: boolean; invoke: string; channel: string }): NeutralMessage {
  const t = ACTION_TEXT[lang];
  // Chat messages stay short: Slack cuts a section at 3,000 characters.
  const [title, ...lines] = actionListLines(actions, lang, { openOnly: options.openOnly, limit: 20 });
  return {
    target: { channel: options.channel },
    summary: title ?? t.listTitle,
    elements: [
      { type: "header", text: title ?? t.listTitle },
      ...(lines.length > 0 ? [{ type: "text" as const, text: lines.join("\n") }, { type: "context" as const, text: t.howTo(options.invoke) }] : []),
    ],
  };
}

/** The value of a status button on a reminder: "<action id>:<status>". */
export function actionStatusValue(actionId: number, status: string): string {
  return `${actionId}:${status}`;
}

/** A reminder in a session's internal thread, with buttons for the owner (or a facilitator) to answer. */
export function reminderMessage(a: ActionView, kind: "week" | "due", thread: ThreadRecord): NeutralMessage {
  const t = ACTION_TEXT[thread.lang];
  const when = kind === "due" ? t.reminderDue : t.reminderWeek(a.daysLeft ?? 7);
  const quoted = thread.lang === "nl" ? `„${a.text}"` : `"${a.text}"`;
  const text = `#${a.id} ${quoted} (${t.owner}: ${a.owner}) ${when}${a.due ? ` (${t.due(a.due)})` : ""}.`;
  return {
    target: { channel: thread.channel },
    summary: `${t.reminderTitle}: ${text}`,
    elements: [
      { type: "text", title: t.reminderTitle, text },
      {
        type: "actions",
        actions: (["bezig", "gereed", "vervallen"] as const)
          .filter((s) => s !== a.status)
          .map((s) => ({ id: "session.actionStatus" as const, label: t.button[s], value: actionStatusValue(a.id, s), ...(s === "gereed" ? { style: "primary" as const } : {}) })),
      },
    ],
  };
}
