/**
 * An expected publication delay, as a DIN writes it: "6 maanden", "90 dagen", "2 weken", "1 jaar"
 * (English: "6 months", "90 days", "2 weeks", "1 year"). Late data counts it from the end of a period.
 */
export type DelayUnit = "dag" | "week" | "maand" | "jaar";

export interface Delay {
  amount: number;
  unit: DelayUnit;
}

const UNITS: Record<string, DelayUnit> = {
  dag: "dag", dagen: "dag", day: "dag", days: "dag",
  week: "week", weken: "week", weeks: "week",
  maand: "maand", maanden: "maand", month: "maand", months: "maand",
  jaar: "jaar", jaren: "jaar", year: "jaar", years: "jaar",
};

/** "6 maanden" → { amount: 6, unit: "maand" }; undefined when it is not a whole number and a known unit. */
export function parseDelay(text: string): Delay | undefined {
  const m = /^(\d{1,4})\s*([a-z]+)$/.exec(text.normalize("NFC").trim().toLowerCase());
  const unit = m ? UNITS[m[2]!] : undefined;
  return m && unit ? { amount: Number(m[1]), unit } : undefined;
}

/** The moment `delay` after `from` (UTC; months and years by the calendar, the day clamped: 31 Jan + 1 month = 28/29 Feb). */
export function addDelay(from: Date, delay: Delay): Date {
  const DAY_MS = 86_400_000;
  switch (delay.unit) {
    case "dag":
      return new Date(from.getTime() + delay.amount * DAY_MS);
    case "week":
      return new Date(from.getTime() + delay.amount * 7 * DAY_MS);
    case "maand":
    case "jaar": {
      const months = delay.unit === "jaar" ? delay.amount * 12 : delay.amount;
      const y = from.getUTCFullYear();
      const target = from.getUTCMonth() + months;
      const lastDay = new Date(Date.UTC(y, target + 1, 0)).getUTCDate();
      return new Date(Date.UTC(y, target, Math.min(from.getUTCDate(), lastDay), from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds()));
    }
  }
}

/** "6 maanden", "1 maand" / "6 months", "1 month". */
export function formatDelay(delay: Delay, lang: "nl" | "en"): string {
  const one = delay.amount === 1;
  const words = {
    nl: { dag: one ? "dag" : "dagen", week: one ? "week" : "weken", maand: one ? "maand" : "maanden", jaar: "jaar" },
    en: { dag: one ? "day" : "days", week: one ? "week" : "weeks", maand: one ? "month" : "months", jaar: one ? "year" : "years" },
  } as const;
  return `${delay.amount} ${words[lang][delay.unit]}`;
}
