/**
 * The conclusion form and reading it back: field ids `conclusion.<herkennen|…|overall>` and
 * `action.<n>.text|owner|due`. draftConclusion builds it, submitConclusion parses it. An action's status
 * is not in the form: it is set on its own (setActionStatus, `/duiding actie <nr> gereed`) with history,
 * and a new version keeps the status of the action at its place.
 */
import { parseCalendarDate } from "../../domain/period.ts";
import { composeDraft } from "../../domain/sessionDraft.ts";
import type { DraftContribution } from "../../domain/sessionDraft.ts";
import { CONCLUSION_PARTS, QUESTIONS } from "../../domain/session.ts";
import { questionText } from "../../domain/sessionText.ts";
import { sessionText } from "./texts/index.ts";
import { SHARE_TEXT } from "./texts/shareTexts.ts";
import type { Lang } from "../../domain/format.ts";
import type { FormField, NeutralForm } from "../messages/message.ts";
import type { ActionRecord, ConclusionRecord, ConclusionTexts } from "./ports.ts";

/**
 * A conclusion part is at most 3,000 characters: it goes into the council's report, where a page per
 * indicator is the aim. A platform with shorter text fields passes its own limit for the pre-filled draft.
 */
export const CONCLUSION_TEXT_MAX = 3_000;
/** Empty action rows offered below the existing ones. */
const EMPTY_ACTION_SLOTS = 2;
export const MAX_ACTIONS = 10;

export function conclusionForm(args: {
  sessionId: number;
  lang: Lang;
  contributions: readonly DraftContribution[];
  conclusion?: ConclusionRecord;
  actions: readonly ActionRecord[];
  /** The platform's longest text field (Slack: 3,000 characters); the draft is cut to fit it. */
  textMax?: number;
  /** The session runs in a guest thread: offer the summary guests get on adoption. */
  guestThreads?: boolean;
}): NeutralForm {
  const { lang } = args;
  const t = sessionText(lang).form;
  const draft = composeDraft(args.contributions, lang, Math.min(args.textMax ?? CONCLUSION_TEXT_MAX, CONCLUSION_TEXT_MAX));
  const saved = args.conclusion?.current.texts;
  const fields: FormField[] = QUESTIONS.map((q) => ({
    type: "text",
    id: `conclusion.${q}`,
    label: t.part(questionText(q, lang).label),
    multiline: true,
    initial: saved ? saved[q] : draft[q],
    optional: true,
    hint: saved ? questionText(q, lang).wording : t.draftHint,
  }));
  fields.push({ type: "text", id: "conclusion.overall", label: t.overall, multiline: true, hint: t.overallHint, ...(saved ? { initial: saved.overall } : {}) });
  if (args.guestThreads) {
    const s = SHARE_TEXT[lang];
    const initial = args.conclusion?.current.guestSummary;
    fields.push({ type: "text", id: "conclusion.guestSummary", label: s.formLabel, multiline: true, optional: true, hint: s.formHint, ...(initial ? { initial } : {}) });
  }
  const slots = Math.min(MAX_ACTIONS, args.actions.length + EMPTY_ACTION_SLOTS);
  for (let n = 1; n <= slots; n++) {
    const action = args.actions[n - 1];
    fields.push({ type: "text", id: `action.${n}.text`, label: t.action(n), multiline: false, optional: true, ...(action ? { initial: action.text } : {}) });
    fields.push({ type: "text", id: `action.${n}.owner`, label: t.owner(n), multiline: false, optional: true, ...(action ? { initial: action.owner } : {}) });
    fields.push({ type: "date", id: `action.${n}.due`, label: t.due(n), optional: true, ...(action?.due ? { initial: action.due } : {}) });
  }
  return { id: "session.conclude", title: t.title, submitLabel: t.submit, state: String(args.sessionId), fields };
}

export interface FormIssue {
  field: string;
  message: string;
  messageEn: string;
}

export type ParsedConclusion = { ok: true; texts: ConclusionTexts; guestSummary?: string; actions: ActionRecord[] } | { ok: false; issues: FormIssue[] };

/** Reads the submitted values; the overall conclusion is required, an action needs text and an owner. */
export function parseConclusionForm(values: Record<string, string | undefined>): ParsedConclusion {
  const value = (id: string) => (values[id] ?? "").trim();
  const issues: FormIssue[] = [];
  const texts = Object.fromEntries(CONCLUSION_PARTS.map((p) => [p, value(`conclusion.${p}`).slice(0, CONCLUSION_TEXT_MAX)])) as ConclusionTexts;
  if (texts.overall === "") {
    issues.push({ field: "conclusion.overall", message: "Schrijf een korte conclusie.", messageEn: "Write a short conclusion." });
  }
  const actions: ActionRecord[] = [];
  for (let n = 1; n <= MAX_ACTIONS; n++) {
    const text = value(`action.${n}.text`);
    const owner = value(`action.${n}.owner`);
    const due = value(`action.${n}.due`);
    if (text === "" && owner === "" && due === "") continue;
    if (text === "") issues.push({ field: `action.${n}.text`, message: "Wat is de actie?", messageEn: "What is the action?" });
    if (owner === "") issues.push({ field: `action.${n}.owner`, message: "Wie pakt deze actie op?", messageEn: "Who takes on this action?" });
    if (due !== "" && parseCalendarDate(due) === undefined) {
      issues.push({ field: `action.${n}.due`, message: "Gebruik een datum als 2026-03-31.", messageEn: "Use a date like 2026-03-31." });
    }
    actions.push({ text, owner, ...(due !== "" ? { due } : {}), status: "open" });
  }
  const guestSummary = value("conclusion.guestSummary").slice(0, CONCLUSION_TEXT_MAX);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, texts, ...(guestSummary ? { guestSummary } : {}), actions };
}
