/**
 * "Bijdrage bij andere vraag": a form to choose a question and write a contribution to it, for
 * everyone in a session thread (guests included). The platform posts the text into the thread (so
 * everyone sees it like any reply, and edits refer to a message) and records it with
 * recordContribution's `question`.
 */
import type { Lang } from "../../domain/format.ts";
import { isQuestion, QUESTIONS } from "../../domain/session.ts";
import type { Question } from "../../domain/session.ts";
import { questionText } from "../../domain/sessionText.ts";
import type { NeutralForm } from "../messages/message.ts";

const TEXT = {
  nl: { title: "Bijdrage andere vraag", submit: "Bijdragen", question: "Vraag", text: "Uw bijdrage", missing: "Kies een vraag en schrijf uw bijdrage." },
  en: { title: "Contribute elsewhere", submit: "Contribute", question: "Question", text: "Your contribution", missing: "Choose a question and write your contribution." },
} as const;

/** `sessionValue` is the button's value (the session id), handed back as the form's state. */
export function contributeOtherForm(sessionValue: string, lang: Lang): NeutralForm {
  const t = TEXT[lang];
  return {
    id: "session.contributeOther",
    title: t.title,
    submitLabel: t.submit,
    state: sessionValue,
    fields: [
      { type: "select", id: "question", label: t.question, options: QUESTIONS.map((q) => ({ value: q, label: questionText(q, lang).label })) },
      { type: "text", id: "text", label: t.text, multiline: true },
    ],
  };
}

export type ContributeOtherSubmission = { ok: true; question: Question; text: string } | { ok: false; field: "text"; message: string };

/** Reads the submitted values: both a known question and a non-empty text are needed. */
export function parseContributeOther(values: Record<string, string | undefined>, lang: Lang): ContributeOtherSubmission {
  const question = values.question;
  const text = values.text?.trim();
  if (!question || !isQuestion(question) || !text) return { ok: false, field: "text", message: TEXT[lang].missing };
  return { ok: true, question, text };
}
