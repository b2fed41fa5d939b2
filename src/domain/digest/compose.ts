/**
 * The weekly digest (weekoverzicht) of one channel, composed from what was loaded for it: short and
 * scannable, one section per kind of news, every section capped. Pure: the use case
 * (src/app/digest/loadDigest.ts) loads the inputs; this decides what a channel of an audience may
 * see and how it reads.
 *
 * The guest version follows the guest rules everywhere else: no `intern` indicators, small numbers
 * as "< 10" and no change that would tell a hidden value moved (newsworthyFor / isSuppressed, the
 * rules disclosure.ts records per message), only the sessions the guest channel takes part in, with
 * the guests' own contribution counts (never staff contributions), and no steering sections (waiting
 * for a conclusion, verbeteracties with owners, report progress): those are internal work.
 *
 * Numbered items (a doel with new figures, an open session) are what a reply can name ("2: …") and
 * what a "Reageer" button opens; the same subject keeps one number.
 */
import { isOpenStatus, type ActionStatus } from "../actionStatus.ts";
import type { IndicatorChange } from "../changes.ts";
import { describeChangeParts } from "../describeChange.ts";
import type { DinDefinition, Indicator, PeriodValue } from "../din.ts";
import { smallNumberLimit } from "../din.ts";
import { formatDate, isSuppressed } from "../format.ts";
import type { Lang } from "../format.ts";
import type { LateData } from "../lateData.ts";
import { newsworthyFor } from "../newsworthy.ts";
import { formatPeriodKey } from "../period.ts";
import { QUESTIONS, type Question } from "../session.ts";
import { formatAudience, indicatorsForChannel, type ChannelAudience, type ChannelScope } from "../sessionRules.ts";
import { questionText } from "../sessionText.ts";
import { digestText } from "./texts.ts";
import { amsterdamDay } from "./schedule.ts";
import { stelselLines } from "./stelselLines.ts";

export interface DigestSubject {
  kind: "indicator" | "doel";
  id: string;
}

export interface DigestSessionInput {
  id: number;
  title: string;
  subject: DigestSubject;
  current: Question;
  openedAt: Date;
  indicatorIds: string[];
  /** Contributions per question and audience, withdrawn ones left out. */
  counts: { question: Question; audience: ChannelAudience; count: number }[];
  conclusion?: "draft" | "adopted";
  /** Channels the session has a thread in. */
  channels: string[];
}

export interface DigestAdoptedInput {
  sessionId: number;
  title: string;
  indicatorIds: string[];
  adoptedAt: Date;
  overall: string;
}

export interface DigestActionInput {
  title: string;
  indicatorIds: string[];
  text: string;
  owner: string;
  /** ISO date "2026-12-14". */
  due: string;
  /** As the report has it: open, bezig, gereed, vervallen ("done" in editions from before #20 = gereed). */
  status: ActionStatus | "done";
}

export interface DigestInput {
  lang: Lang;
  channel: { key: string; audience: ChannelAudience; scope: ChannelScope };
  din: DinDefinition;
  /** Indicators no longer in the DIN in force: not expected to deliver, not counted for the report. */
  retired: ReadonlySet<string>;
  now: Date;
  /** New and corrected figures since the last digest (newsworthy: each indicator's newest period and corrections). */
  changes: readonly IndicatorChange[];
  late: readonly LateData[];
  openSessions: readonly DigestSessionInput[];
  /** Conclusions adopted since the last digest. */
  adopted: readonly DigestAdoptedInput[];
  /** Verbeteracties of adopted conclusions (the due window is applied here). */
  actions: readonly DigestActionInput[];
  /** Newest period per indicator, and the indicator+period pairs that have an adopted conclusion. */
  report: { year: number; latestPeriods: ReadonlyMap<string, string>; concluded: ReadonlySet<string> };
  /** Current values of the stelselindicatoren (`stelsel: true`), for their arrows; absent: no headline. */
  stelsel?: ReadonlyMap<string, readonly PeriodValue[]>;
}

export interface DigestItem {
  n: number;
  subject: DigestSubject;
  label: string;
}

export interface DigestSection {
  kind: "stelsel" | "figures" | "late" | "open" | "waiting" | "adopted" | "actions" | "report";
  title: string;
  lines: string[];
}

export interface Digest {
  title: string;
  summary: string;
  sections: DigestSection[];
  /** What a reply or a Reageer button can name, in order of number. */
  items: DigestItem[];
  /** How to reply (when there is something to reply to). */
  howTo?: string;
  /** Nothing new to say: no figures, sessions, adoptions or actions (late figures and report progress alone are no news). */
  empty: boolean;
}

/** Lines per section before "… en nog n": the digest is read at a glance. */
export const SECTION_LINES = 8;
/** Verbeteracties due within this many days (or overdue) are listed. */
export const ACTION_WINDOW_DAYS = 14;

const DAY_MS = 86_400_000;
const TONE = { good: "🟢", bad: "🔴", neutral: "⚪" } as const;

const keyOf = (s: DigestSubject) => `${s.kind}:${s.id}`;
export const conclusionKey = (indicatorId: string, period: string) => `${indicatorId}|${period}`;

function capped(lines: string[], lang: Lang): string[] {
  return lines.length <= SECTION_LINES ? lines : [...lines.slice(0, SECTION_LINES - 1), digestText(lang).more(lines.length - SECTION_LINES + 1)];
}


/** A calendar day ("2026-12-14") as a Date at UTC midnight, for comparing and formatting days. */
const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function composeDigest(input: DigestInput): Digest {
  const { lang, channel } = input;
  const t = digestText(lang);
  const guest = channel.audience === "gast";
  const audience = formatAudience(channel.audience);
  const visible = new Map(
    indicatorsForChannel(channel, input.din.indicators, input.din).map((i): [string, Indicator] => [i.id, i]),
  );
  const items: DigestItem[] = [];
  const numberFor = (subject: DigestSubject, label: string) => {
    const found = items.find((i) => keyOf(i.subject) === keyOf(subject));
    if (found) return found.n;
    items.push({ n: items.length + 1, subject, label });
    return items.length;
  };
  const sections: DigestSection[] = [];
  const section = (kind: DigestSection["kind"], title: string, lines: string[]) => {
    if (lines.length > 0) sections.push({ kind, title, lines: capped(lines, lang) });
  };

  // The headline first: the stelselindicatoren's arrows (no news by themselves: `empty` ignores them).
  if (input.stelsel) section("stelsel", t.stelsel, stelselLines(input.din, visible, input.stelsel, audience, lang));

  // Figures: per opgave › doel, significant ones first (with tone and target crossing), the rest counted.
  const shown = input.changes.filter((c) => {
    const indicator = visible.get(c.indicatorId);
    // Guests never get a figure hidden as "< 10" listed as news: that alone says it moved.
    return indicator !== undefined && (!guest || !isSuppressed(c.value, audience, smallNumberLimit(indicator)));
  });
  const figureLines: string[] = [];
  let quietChanges = 0;
  let quietGoals = 0;
  for (const goal of input.din.goals) {
    const ofGoal = shown.filter((c) => visible.get(c.indicatorId)?.goalId === goal.id);
    if (ofGoal.length === 0) continue;
    const loud = ofGoal.filter((c) => (guest ? newsworthyFor(c, visible.get(c.indicatorId)!, audience) : c.significant));
    if (loud.length === 0) {
      quietChanges += ofGoal.length;
      quietGoals++;
      continue;
    }
    const opgave = input.din.opgaven.find((o) => o.id === goal.opgaveId);
    const n = numberFor({ kind: "doel", id: goal.id }, goal.name);
    figureLines.push(`[${n}] ${opgave ? `${opgave.name} › ` : ""}${goal.name}`);
    for (const change of loud) figureLines.push(`   ${figureLine(change, visible.get(change.indicatorId)!, lang, audience)}`);
    if (ofGoal.length > loud.length) figureLines.push(`   ${t.others(ofGoal.length - loud.length)}`);
  }
  if (quietChanges > 0) figureLines.push(t.quietGoals(quietChanges, quietGoals));
  section("figures", t.figures, figureLines);

  section(
    "late",
    t.late,
    input.late
      .filter((l) => visible.has(l.indicatorId) && !input.retired.has(l.indicatorId))
      .sort((a, b) => b.daysOverdue - a.daysOverdue)
      .map((l) => t.lateLine(visible.get(l.indicatorId)!.name, formatPeriodKey(l.duePeriod, lang), l.daysOverdue)),
  );

  // Sessions: an internal channel follows the ones on its scope; a guest channel the ones it takes part in.
  const sessions = input.openSessions.filter((s) =>
    guest ? s.channels.includes(channel.key) && s.indicatorIds.some((id) => visible.has(id)) : s.indicatorIds.some((id) => visible.has(id)) || s.channels.includes(channel.key),
  );
  const days = (from: Date) => Math.max(0, Math.floor((input.now.getTime() - from.getTime()) / DAY_MS));
  const waiting = guest ? [] : sessions.filter((s) => s.conclusion === "draft" || (s.current === "verbeteren" && s.conclusion === undefined));
  const running = sessions.filter((s) => !waiting.includes(s));
  const openLines: string[] = [];
  for (const s of running) {
    const n = numberFor(s.subject, s.title);
    openLines.push(`[${n}] ${t.openLine(s.title, questionText(s.current, lang).label, days(s.openedAt))}`);
    openLines.push(`   ${countsLine(s, guest, lang)}`);
  }
  section("open", t.open, openLines);
  section(
    "waiting",
    t.waiting,
    waiting.map((s) => `[${numberFor(s.subject, s.title)}] ${s.conclusion === "draft" ? t.waitingAdoption(s.title) : t.waitingConclusion(s.title)}`),
  );

  const inScope = (ids: readonly string[]) => ids.some((id) => visible.has(id));
  const adopted = guest ? [] : input.adopted.filter((a) => inScope(a.indicatorIds));
  section("adopted", t.adopted, adopted.map((a) => `${a.title}${a.overall.trim() ? `: ${firstSentence(a.overall)}` : ""}`));

  // Today on the Amsterdam calendar: a Monday 00:30 digest is still Sunday in UTC.
  const today = dayOf(amsterdamDay(input.now));
  const horizon = today.getTime() + ACTION_WINDOW_DAYS * DAY_MS;
  const actions = guest
    ? []
    : input.actions
        .filter((a) => a.status !== "done" && isOpenStatus(a.status) && inScope(a.indicatorIds) && dayOf(a.due).getTime() <= horizon)
        .sort((a, b) => a.due.localeCompare(b.due));
  section(
    "actions",
    t.actions,
    actions.map((a) => {
      const overdue = dayOf(a.due).getTime() < today.getTime();
      return `${overdue ? "⚠️ " : ""}${t.actionLine(a.text, a.owner, formatDate(dayOf(a.due), lang))}${overdue ? ` (${t.overdue})` : ""} · ${a.title}`;
    }),
  );

  const empty = shown.length === 0 && sessions.length === 0 && adopted.length === 0 && actions.length === 0;
  if (!guest) {
    const counted = [...visible.keys()].filter((id) => !input.retired.has(id));
    const done = counted.filter((id) => {
      const period = input.report.latestPeriods.get(id);
      return period !== undefined && input.report.concluded.has(conclusionKey(id, period));
    }).length;
    if (counted.length > 0) section("report", t.report, [t.reportLine(done, counted.length, input.report.year)]);
  }

  const summaryParts = [
    ...(shown.length > 0 ? [t.summaryFigures(shown.length)] : []),
    ...(sessions.length > 0 ? [t.summarySessions(sessions.length)] : []),
  ];
  return {
    title: t.title(formatDate(input.now, lang)),
    summary: t.summary(summaryParts.length > 0 ? summaryParts : [t.summaryQuiet]),
    sections,
    items,
    ...(items.length > 0 ? { howTo: guest ? t.howToGuest : t.howTo } : {}),
    empty,
  };
}

function figureLine(change: IndicatorChange, indicator: Indicator, lang: Lang, audience: "intern" | "extern"): string {
  const parts = describeChangeParts(change, indicator, lang, audience);
  const tone = change.assessment === "beter" ? TONE.good : change.assessment === "slechter" ? TONE.bad : TONE.neutral;
  const crossing = change.target?.crossing !== undefined && parts.target !== undefined ? ` · ${parts.target}` : "";
  const corrected = change.kind === "correction" ? ` (${digestText(lang).corrected})` : "";
  return `${tone} ${indicator.name}: ${parts.value} · ${parts.changes[0] ?? ""}${crossing}${corrected}`;
}

/** "herkennen 3 · verklaren 1"; a guest channel counts its own (guest) contributions only. */
function countsLine(s: DigestSessionInput, guest: boolean, lang: Lang): string {
  const t = digestText(lang);
  const per = QUESTIONS.map((q) => ({
    q,
    n: s.counts.filter((c) => c.question === q && (!guest || c.audience === "gast")).reduce((sum, c) => sum + c.count, 0),
  })).filter((x) => x.n > 0);
  if (per.length === 0) return t.noContributions;
  return t.counts(per.map((x) => `${questionText(x.q, lang).label.toLowerCase()} ${x.n}`).join(" · "));
}

/** The adopted conclusion in one line: its first sentence, at most 160 characters. */
function firstSentence(text: string): string {
  const first = text.trim().split(/(?<=[.!?])\s/)[0] ?? "";
  return first.length > 160 ? `${first.slice(0, 159)}…` : first;
}
