/** Words of the verbeteracties follow-up (lists, reminders, status changes), Dutch and English. */
import type { Lang } from "../../../domain/format.ts";

export const ACTION_TEXT = {
  nl: {
    listTitle: "Verbeteracties",
    openTitle: "Openstaande verbeteracties",
    none: "Er zijn geen verbeteracties.",
    noneOpen: "Er staan geen verbeteracties open.",
    more: (n: number) => `… en nog ${n}.`,
    owner: "eigenaar",
    due: (d: string) => `uiterlijk ${d}`,
    overdue: (days: number) => `${days} ${days === 1 ? "dag" : "dagen"} over de datum`,
    draft: "concept",
    howTo: (invoke: string) => `Status zetten: \`${invoke} actie <nr> bezig|gereed|vervallen|open\` (eigenaar of gespreksleider).`,
    reminderTitle: "Herinnering verbeteractie",
    reminderWeek: (days: number) => `moet over ${days} ${days === 1 ? "dag" : "dagen"} af zijn`,
    reminderDue: "moet vandaag af zijn",
    statusChanged: (nr: number, text: string, status: string, by: string) => `Verbeteractie #${nr} „${text}" is nu ${status} (door ${by}).`,
    button: { bezig: "Bezig", gereed: "Gereed", vervallen: "Vervallen" },
  },
  en: {
    listTitle: "Improvement actions",
    openTitle: "Open improvement actions",
    none: "There are no improvement actions.",
    noneOpen: "No improvement actions are open.",
    more: (n: number) => `… and ${n} more.`,
    owner: "owner",
    due: (d: string) => `due ${d}`,
    overdue: (days: number) => `${days} ${days === 1 ? "day" : "days"} overdue`,
    draft: "draft",
    howTo: (invoke: string) => `Set a status: \`${invoke} actie <nr> bezig|gereed|vervallen|open\` (owner or facilitator).`,
    reminderTitle: "Improvement action reminder",
    reminderWeek: (days: number) => `is due in ${days} ${days === 1 ? "day" : "days"}`,
    reminderDue: "is due today",
    statusChanged: (nr: number, text: string, status: string, by: string) => `Improvement action #${nr} "${text}" is now ${status} (by ${by}).`,
    button: { bezig: "In progress", gereed: "Done", vervallen: "Cancelled" },
  },
} as const satisfies Record<Lang, unknown>;
