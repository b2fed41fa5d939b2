/**
 * Verbeteracties after the conclusion: their status (open → bezig → gereed, or vervallen), who may set
 * it, and when a reminder is due. Pure rules; time is passed in as a calendar date in Amsterdam.
 */
import type { Lang } from "./format.ts";

export const ACTION_STATUSES = ["open", "bezig", "gereed", "vervallen"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Statuses that still need follow-up: reminders, the digest and `acties --open` show these. */
export function isOpenStatus(status: ActionStatus): boolean {
  return status === "open" || status === "bezig";
}

const LABELS: Record<Lang, Record<ActionStatus, string>> = {
  nl: { open: "open", bezig: "bezig", gereed: "gereed", vervallen: "vervallen" },
  en: { open: "open", bezig: "in progress", gereed: "done", vervallen: "cancelled" },
};

export function actionStatusLabel(status: ActionStatus, lang: Lang): string {
  return LABELS[lang][status];
}

/** Words people type for a status, Dutch and English ("klaar", "done", "in-progress"). */
const WORDS: Record<string, ActionStatus> = {
  open: "open",
  bezig: "bezig",
  loopt: "bezig",
  "in-progress": "bezig",
  busy: "bezig",
  started: "bezig",
  gereed: "gereed",
  klaar: "gereed",
  af: "gereed",
  done: "gereed",
  vervallen: "vervallen",
  vervalt: "vervallen",
  cancelled: "vervallen",
  canceled: "vervallen",
  dropped: "vervallen",
};

export function parseActionStatus(word: string): ActionStatus | undefined {
  const key = word.trim().toLowerCase();
  return Object.hasOwn(WORDS, key) ? WORDS[key] : undefined;
}

/** A stored status; rows and revision snapshots written before #20 say "done" for gereed. */
export function storedActionStatus(raw: string): ActionStatus {
  if (raw === "done") return "gereed";
  return (ACTION_STATUSES as readonly string[]).includes(raw) ? (raw as ActionStatus) : "open";
}

/**
 * Is this person the action's owner? The owner is free text in the conclusion form, so it matches
 * when it is (case and spacing aside) the person's key ("slack:U123"), their configured name or the
 * name the platform gives them. A team name ("Team schuldhulp") matches nobody: a facilitator sets it.
 */
export function isActionOwner(owner: string, person: { key: string; names: readonly string[] }): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
  const o = norm(owner);
  if (o === "") return false;
  return o === norm(person.key) || person.names.some((n) => norm(n) !== "" && norm(n) === o);
}

/** "2026-03-31" as the calendar date in Amsterdam at `now` (the municipality's day, not UTC's). */
export function amsterdamDate(now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type ReminderKind = "week" | "due";

/**
 * The reminder due today for an action, if any: "week" from seven days before the due date until the
 * day before (a restart that missed the exact day still reminds once), "due" on the due date itself.
 * Overdue actions get no more reminders here: they stay visible in the weekly digest until closed.
 */
export function reminderDue(due: string, today: string): ReminderKind | undefined {
  const days = daysBetween(today, due);
  if (days === 0) return "due";
  if (days >= 1 && days <= 7) return "week";
  return undefined;
}
