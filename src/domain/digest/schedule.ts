/**
 * When a channel's weekly digest (weekoverzicht) is due: a weekday and a time on the wall clock of
 * Europe/Amsterdam ("ma 09:00"), so that it arrives at nine both in winter (UTC+1) and summer (UTC+2).
 * Pure: `now` is passed in. The week an occurrence belongs to (its ISO week, on the Amsterdam calendar)
 * is the key the database claims once per channel (src/app/digest/sendDigest.ts).
 */
import type { Lang } from "../format.ts";

export const DIGEST_TIME_ZONE = "Europe/Amsterdam";

export interface DigestSchedule {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  minute: number;
}

/** Monday 09:00: the default for channels with audience `digest`. */
export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { weekday: 1, hour: 9, minute: 0 };

const DAYS: Record<Lang, readonly string[]> = {
  nl: ["ma", "di", "wo", "do", "vr", "za", "zo"],
  en: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
};
const LONG_NL = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
const LONG_EN = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

function weekdayOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, "");
  for (const list of [DAYS.nl, DAYS.en, LONG_NL, LONG_EN]) {
    const index = list.indexOf(w);
    if (index >= 0) return index + 1;
  }
  return undefined;
}

export type ParsedSchedule = { ok: true; schedule: DigestSchedule } | { ok: false; message: string; messageEn: string };

/** "ma 09:00", "maandag 9:00", "mon 09:30" (also "ma-09:00", "ma@9:00"). */
export function parseDigestSchedule(text: string): ParsedSchedule {
  const match = /^\s*([a-zA-Z]+)\.?[\s\-@]*(\d{1,2})[:.](\d{2})\s*$/.exec(text);
  const weekday = match ? weekdayOf(match[1]!) : undefined;
  const hour = match ? Number(match[2]) : NaN;
  const minute = match ? Number(match[3]) : NaN;
  if (weekday === undefined || !(hour >= 0 && hour <= 23) || !(minute >= 0 && minute <= 59)) {
    return {
      ok: false,
      message: `"${text}" is geen dag en tijd; schrijf bijvoorbeeld "ma 09:00" (ma, di, wo, do, vr, za, zo)`,
      messageEn: `"${text}" is no day and time; write e.g. "mon 09:00" or "ma 09:00"`,
    };
  }
  return { ok: true, schedule: { weekday, hour, minute } };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "ma 09:00" (the form duidbot.yaml and koppel take). */
export function formatDigestSchedule(schedule: DigestSchedule, lang: Lang = "nl"): string {
  return `${DAYS[lang][schedule.weekday - 1]} ${pad(schedule.hour)}:${pad(schedule.minute)}`;
}

/** The Amsterdam wall clock of an instant. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const wallFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: DIGEST_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function wallClock(at: Date): WallClock {
  const parts = Object.fromEntries(wallFormat.formatToParts(at).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

/** The calendar day of `at` in Amsterdam, "2026-12-07". */
export function amsterdamDay(at: Date): string {
  const w = wallClock(at);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** Milliseconds Amsterdam is ahead of UTC at `at` (3.6e6 in winter, 7.2e6 in summer). */
function offsetAt(at: Date): number {
  const w = wallClock(at);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(at.getTime() / 60_000) * 60_000;
}

/**
 * The instant of an Amsterdam wall-clock time. Two passes settle the offset across a DST switch; a
 * time that does not exist (02:30 on the last Sunday of March) falls an hour later, as a clock does.
 */
function instantOf(year: number, month: number, day: number, hour: number, minute: number): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  let guess = asUtc - offsetAt(new Date(asUtc));
  guess = asUtc - offsetAt(new Date(guess));
  return new Date(guess);
}

/** ISO weekday (1 = Monday) of a calendar date. */
function isoWeekday(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The newest occurrence at or before `now`. */
export function latestOccurrence(schedule: DigestSchedule, now: Date): Date {
  const w = wallClock(now);
  const back = (isoWeekday(w.year, w.month, w.day) - schedule.weekday + 7) % 7;
  for (const days of [back, back + 7]) {
    const date = new Date(Date.UTC(w.year, w.month - 1, w.day - days));
    const at = instantOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), schedule.hour, schedule.minute);
    if (at.getTime() <= now.getTime()) return at;
  }
  throw new Error("unreachable: an occurrence a week back is always in the past");
}

/** The first occurrence after `now`. */
export function nextOccurrence(schedule: DigestSchedule, now: Date): Date {
  const latest = wallClock(latestOccurrence(schedule, now));
  const date = new Date(Date.UTC(latest.year, latest.month - 1, latest.day + 7));
  return instantOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), schedule.hour, schedule.minute);
}

/** "2026-W49": the ISO week of `at` on the Amsterdam calendar (the digest's claim key per channel). */
export function digestWeek(at: Date): string {
  const w = wallClock(at);
  const date = new Date(Date.UTC(w.year, w.month - 1, w.day));
  const weekday = isoWeekday(w.year, w.month, w.day);
  // The Thursday of this ISO week decides its year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${pad(week)}`;
}

/** A digest this much later than its occurrence (downtime) is skipped, not sent: old news is noise. */
export const MISSED_DIGEST_LIMIT_MS = 24 * 60 * 60_000;

/** What the scheduler does with the newest occurrence at `now`: send it, or skip it as missed. */
export function digestDue(schedule: DigestSchedule, now: Date): { occurrence: Date; week: string; late: boolean } {
  const occurrence = latestOccurrence(schedule, now);
  return { occurrence, week: digestWeek(occurrence), late: now.getTime() - occurrence.getTime() >= MISSED_DIGEST_LIMIT_MS };
}
