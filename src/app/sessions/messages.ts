/**
 * The neutral messages of a session: the thread's root (status message, updated as the session
 * moves), the question posts, the conclusion and the change posts. Pure: everything shown comes in
 * as arguments; indicators are filtered here for the thread's audience again (guest threads get no
 * intern indicators, the extern formatting of small numbers and charts without them).
 */
import { SHARE_TEXT } from "./texts/shareTexts.ts";
import { PERSPECTIVE_TEXT } from "./texts/perspectiveTexts.ts";
import type { IndicatorChange } from "../../domain/changes.ts";
import type { Indicator, PeriodValue } from "../../domain/din.ts";
import { describeChangeParts } from "../../domain/describeChange.ts";
import type { AreaSeries } from "../../domain/comparison.ts";
import { formatDate } from "../../domain/format.ts";
import type { Lang } from "../../domain/format.ts";
import { QUESTIONS, questionIndex } from "../../domain/session.ts";
import type { Question } from "../../domain/session.ts";
import { formatAudience, GUEST_PERSPECTIVES, mayShowIndicator, VISIBILITY } from "../../domain/sessionRules.ts";
import type { ChannelAudience, Perspective } from "../../domain/sessionRules.ts";
import { perspectiveLabel, questionText } from "../../domain/sessionText.ts";
import { sessionText } from "./texts/index.ts";
import type { MessageAction, MessageElement, NeutralMessage, Tone } from "../messages/message.ts";
import { chartElements } from "./chartElements.ts";
import { breakdownActions } from "./showBreakdown.ts";
import type { ChartSource } from "./chartElements.ts";
import type { ActionRecord, ConclusionRecord, SessionIndicator, SessionRecord, ThreadRecord } from "./ports.ts";
import { formatPeriodKey } from "./periods.ts";
import { moveButtonValue, picksQuestionInForm } from "./types.ts";

function toneOf(change: IndicatorChange | undefined): Tone {
  if (change?.assessment === "beter") return "good";
  if (change?.assessment === "slechter") return "bad";
  return "neutral";
}

/**
 * One indicator's figure for an audience, as structured parts (value, changes, target) each renderer
 * lays out. With its series the trend words join the changes and the referentiewaarde the target; with
 * its comparison areas their values stand beside the value.
 */
export function indicatorElement(
  indicator: Indicator,
  change: IndicatorChange | undefined,
  audience: ChannelAudience,
  lang: Lang,
  series?: readonly PeriodValue[],
  comparisons: readonly AreaSeries[] = [],
): MessageElement {
  if (!change) return { type: "indicator", name: indicator.name, value: "—", tone: "neutral" };
  const parts = describeChangeParts(change, indicator, lang, formatAudience(audience), series, comparisons);
  const changes = [...parts.changes, ...(parts.trend ? [parts.trend] : [])];
  const target = [parts.target, parts.baseline].filter((p) => p !== undefined).join(" · ");
  return {
    type: "indicator",
    name: indicator.name,
    value: parts.value,
    ...(changes.length > 0 ? { change: changes.join(" · ") } : {}),
    ...(target ? { target } : {}),
    tone: toneOf(change),
    ...(indicator.source ? { source: `${lang === "nl" ? "Bron" : "Source"}: ${indicator.source} · ${formatPeriodKey(change.period, lang)}` } : {}),
  };
}

/** The indicators a thread of this audience may show. */
export function visibleIndicators(indicators: readonly SessionIndicator[], audience: ChannelAudience): SessionIndicator[] {
  return indicators.filter((i) => mayShowIndicator(audience, i.indicator));
}

/**
 * The session's title for an audience. A session about one indicator is titled by its name; when the
 * DIN in force now does not let this audience see that indicator (it turned intern), neither its
 * figures nor its name are shown.
 */
export function sessionTitleFor(session: Pick<SessionRecord, "title" | "subject" | "indicators">, audience: ChannelAudience, lang: Lang): string {
  const { subject } = session;
  if (subject.kind !== "indicator") return session.title;
  const hidden = session.indicators.some((i) => i.indicatorId === subject.id && !mayShowIndicator(audience, i.indicator));
  return hidden ? WITHHELD_TITLE[lang] : session.title;
}

const WITHHELD_TITLE: Record<Lang, string> = {
  nl: "cijfers die niet (meer) met gasten gedeeld worden",
  en: "figures no longer shared with guests",
};

/**
 * "Bijdrage bij andere vraag": for everyone, guests included (contributing is allowed everywhere).
 * The value is the session id, like every session button (except "Volgende vraag", which adds the
 * question it was shown at: moveButtonValue); the adapter takes the thread from where
 * the button was clicked and records the text with a "#vraag" tag.
 */
export function contributeOtherAction(sessionId: number, lang: Lang): MessageAction {
  return { id: "session.contributeOther", label: sessionText(lang).button.contributeOther, value: String(sessionId) };
}

/** The root's buttons: steering ones only where the audience may steer (never in guest threads). */
function buttons(session: SessionRecord, conclusion: Pick<ConclusionRecord, "status"> | undefined, audience: ChannelAudience, lang: Lang): MessageAction[] {
  const b = sessionText(lang).button;
  const value = String(session.id);
  const steering = VISIBILITY[audience].steeringButtons;
  const actions: MessageAction[] = [];
  if (steering && session.status === "open" && session.current !== QUESTIONS[QUESTIONS.length - 1]) {
    // The question it was shown at, too: a click on a root not yet updated moves nothing (moveQuestion `from`).
    actions.push({ id: "session.next", label: b.next, value: moveButtonValue(session.id, session.current), style: "primary" });
  }
  // Back one question, with the same `from` guard; not on the first question, where there is nothing before.
  if (steering && session.status === "open" && session.current !== QUESTIONS[0]) {
    actions.push({ id: "session.back", label: b.back, value: moveButtonValue(session.id, session.current) });
  }
  actions.push(contributeOtherAction(session.id, lang));
  if (steering) actions.push({ id: "session.conclude", label: b.conclude, value });
  if (steering && conclusion?.status === "draft") actions.push({ id: "session.adopt", label: b.adopt, value });
  // Closing the loop: guests see no internal text, so a facilitator writes them a summary.
  if (steering && session.threads.some((t) => t.audience === "gast")) actions.push({ id: "session.share", label: SHARE_TEXT[lang].button, value });
  // A guest link only where guests would see at least one figure (createGuestLink refuses otherwise).
  if (steering && session.status === "open" && visibleIndicators(session.indicators, "gast").length > 0) {
    actions.push({ id: "session.guestLink", label: b.guestLink, value });
  }
  return actions;
}

export interface RootView {
  session: SessionRecord;
  thread: Pick<ThreadRecord, "channel" | "audience" | "lang">;
  /** Contributions per question that this thread's audience may count. */
  counts: Record<Question, number>;
  conclusion?: ConclusionRecord;
}

/** The root of a session thread: title, figures, progress, status and (internal only) the steering buttons. */
export function rootMessage(view: RootView): NeutralMessage {
  const { session, thread, counts, conclusion } = view;
  const lang = thread.lang;
  const t = sessionText(lang);
  const current = questionText(session.current, lang);
  const title = sessionTitleFor(session, thread.audience, lang);
  const elements: MessageElement[] = [{ type: "header", text: t.sessionTitle(title) }];
  const visible = visibleIndicators(session.indicators, thread.audience);
  for (const i of visible) elements.push(indicatorElement(i.indicator, i.change, thread.audience, lang, i.series, i.comparisons));
  elements.push(...chartElements(visible, thread.audience, lang));
  elements.push({
    type: "progress",
    steps: QUESTIONS.map((q) => ({ label: questionText(q, lang).label, count: counts[q], current: session.status === "open" && q === session.current })),
  });
  const facts: { label: string; value: string }[] = [{ label: t.question, value: `${questionIndex(session.current) + 1}. ${current.wording}` }];
  if (session.status === "closed") facts.push({ label: "Status", value: t.statusClosed });
  elements.push({ type: "facts", facts });
  if (conclusion) {
    const adopted = conclusion.status === "adopted" ? conclusion.current : undefined;
    const status = adopted?.adoptedBy && adopted.adoptedAt ? t.conclusionAdopted(adopted.adoptedBy.name, formatDate(adopted.adoptedAt, lang)) : t.conclusionDraft;
    elements.push({ type: "context", text: status });
  }
  if (thread.audience === "gast") elements.push({ type: "context", text: t.guestNotice });
  else elements.push({ type: "context", text: picksQuestionInForm(thread.channel) ? t.introForm : t.intro });
  elements.push({ type: "actions", actions: buttons(session, conclusion, thread.audience, lang) });
  return { target: { channel: thread.channel }, summary: t.sessionSummary(title, current.label), elements };
}

export type QuestionReason = "start" | "next" | "back" | "auto";

/**
 * The post that opens a question in the thread: its published wording, one line of guidance and
 * the "Bijdrage bij andere vraag" button (for everyone in the thread, guests included).
 */
export function questionMessage(
  session: Pick<SessionRecord, "id" | "advanceAfterDays">,
  question: Question,
  thread: Pick<ThreadRecord, "channel" | "lang">,
  reason: QuestionReason,
): NeutralMessage {
  const lang = thread.lang;
  const days = session.advanceAfterDays;
  const t = sessionText(lang);
  const q = questionText(question, lang);
  const elements: MessageElement[] = [];
  if (reason === "next") elements.push({ type: "context", text: t.movedOn });
  if (reason === "back") elements.push({ type: "context", text: t.movedBack });
  if (reason === "auto" && days !== undefined) elements.push({ type: "context", text: t.movedAuto(days) });
  elements.push({ type: "text", title: t.questionOf(questionIndex(question) + 1, QUESTIONS.length, q.label), text: q.wording });
  elements.push({ type: "context", text: q.guidance });
  if (reason === "start" && days !== undefined) elements.push({ type: "context", text: t.autoAdvance(days) });
  elements.push({ type: "actions", actions: [contributeOtherAction(session.id, lang)] });
  return { target: { channel: thread.channel }, summary: `${q.label}: ${q.wording}`, elements };
}

function actionLines(actions: readonly ActionRecord[], lang: Lang): string {
  const t = sessionText(lang);
  return actions.map((a) => `• ${t.actionLine(a.text, a.owner, a.due)}`).join("\n");
}

/** Posted in internal threads when a conclusion is adopted: the texts per question, overall and the actions. */
export function adoptedMessage(conclusion: ConclusionRecord, thread: Pick<ThreadRecord, "channel" | "lang">): NeutralMessage {
  const lang = thread.lang;
  const t = sessionText(lang);
  const c = conclusion.current;
  const elements: MessageElement[] = [{ type: "header", text: t.adoptedHeader }];
  if (c.adoptedBy && c.adoptedAt) elements.push({ type: "context", text: t.adoptedIntro(c.adoptedBy.name, formatDate(c.adoptedAt, lang)) });
  elements.push({ type: "text", title: t.overall, text: c.texts.overall });
  const facts = QUESTIONS.filter((q) => c.texts[q].trim() !== "").map((q) => ({ label: questionText(q, lang).label, value: c.texts[q] }));
  if (facts.length > 0) elements.push({ type: "facts", facts });
  if (c.actions.length > 0) elements.push({ type: "text", title: t.actionsHeader, text: actionLines(c.actions, lang) });
  return { target: { channel: thread.channel }, summary: t.adoptedHeader, elements };
}

/** Posted in guest threads when the conclusion is adopted: a thank-you, no internal text. */
export function guestClosedMessage(thread: Pick<ThreadRecord, "channel" | "lang">): NeutralMessage {
  const t = sessionText(thread.lang);
  return { target: { channel: thread.channel }, summary: t.guestAdopted, elements: [{ type: "text", text: t.guestAdopted }] };
}

/**
 * Asked in a guest thread after someone's first contribution when nobody set their perspective: the
 * buttons set the clicker's own (setOwnPerspective), whoever in the thread clicks.
 */
export function perspectiveQuestion(thread: Pick<ThreadRecord, "channel" | "lang">): NeutralMessage {
  const t = PERSPECTIVE_TEXT[thread.lang];
  return {
    target: { channel: thread.channel },
    summary: t.ask,
    elements: [
      { type: "context", text: t.ask },
      { type: "actions", actions: GUEST_PERSPECTIVES.map((p) => ({ id: "session.perspective" as const, label: t.button[p as keyof typeof t.button], value: p })) },
    ],
  };
}

/**
 * A facilitator's summary for guests; `guestPerspectives` (the perspectives guests contributed from)
 * acknowledges their part by role, never by name.
 */
export function summaryMessage(text: string, thread: Pick<ThreadRecord, "channel" | "lang">, guestPerspectives: readonly Perspective[] = []): NeutralMessage {
  const t = sessionText(thread.lang);
  const elements: MessageElement[] = [{ type: "header", text: t.summaryHeader }, { type: "text", text }];
  if (guestPerspectives.length > 0) {
    elements.push({ type: "context", text: SHARE_TEXT[thread.lang].thanks(guestPerspectives.map((p) => perspectiveLabel(p, thread.lang)).join(", ")) });
  }
  return { target: { channel: thread.channel }, summary: t.summaryHeader, elements };
}

/**
 * New figures for one doel in one channel, with charts of (at most three of) the changed indicators;
 * the button (not in guest channels) starts a session on them.
 */
export function changePostMessage(args: {
  channel: string;
  audience: ChannelAudience;
  lang: Lang;
  goalName: string;
  /** `series`: the indicator's values up to the changed period, for its chart; `hasBreakdown`: an "Uitsplitsing" button. */
  items: (ChartSource & { change: IndicatorChange; hasBreakdown?: boolean })[];
  changePostId: number;
}): NeutralMessage {
  const { lang, audience } = args;
  const t = sessionText(lang);
  const items = args.items.filter((i) => mayShowIndicator(audience, i.indicator));
  const elements: MessageElement[] = [
    { type: "header", text: t.changeHeader(args.goalName) },
    { type: "context", text: t.changeIntro },
    ...items.map((i) => indicatorElement(i.indicator, i.change, audience, lang, i.series, i.comparisons)),
    ...chartElements(items, audience, lang),
  ];
  const actions: MessageAction[] = VISIBILITY[audience].steeringButtons ? [{ id: "session.start", label: t.button.start, value: String(args.changePostId), style: "primary" }] : [];
  // Breakdowns on request, for guests too: the answer follows the small-number rule of their audience.
  actions.push(...breakdownActions(args.changePostId, items, lang));
  if (actions.length > 0) elements.push({ type: "actions", actions });
  return { target: { channel: args.channel }, summary: t.changeSummary(args.goalName, items.length), elements };
}
