/**
 * The "Samenvatting delen" button (ActionId "session.share") in Slack and Teams: a form with one text,
 * pre-filled with the conclusion's overall text (the facilitator rewrites it for guests), submitted to
 * shareSummary. The web has its own form on the session page (adapters/web/workspace/sessionRoutes.ts).
 */
import type { Lang } from "../../domain/format.ts";
import type { NeutralForm } from "../messages/message.ts";
import type { SessionDeps } from "./ports.ts";
import { actorContext, findSession, refuse } from "./shared.ts";
import { shareSummary, type ShareSummaryResult } from "./shareSummary.ts";
import { SHARE_TEXT } from "./texts/shareTexts.ts";
import { sessionRefFromValue } from "./types.ts";
import type { Actor, Forbidden, NotFound } from "./types.ts";

export const SUMMARY_FIELD = "summary.text";
/** A guest reads it in the thread: a few paragraphs at most (and Slack's text input takes 3,000). */
const SUMMARY_MAX = 3_000;

export type ShareSummaryFormResult = { status: "ok"; form: NeutralForm } | { status: "refused"; code: "no-guest-threads" } | Forbidden | NotFound;

export async function shareSummaryForm(deps: SessionDeps, input: { actor: Actor; value: string; lang: Lang }): Promise<ShareSummaryFormResult> {
  const ref = sessionRefFromValue(input.value);
  if (!ref) return { status: "not-found" };
  return deps.sessions.transaction(async (tx): Promise<ShareSummaryFormResult> => {
    const session = await findSession(tx, ref);
    if (!session) return { status: "not-found" };
    const forbidden = refuse("share", await actorContext(tx, input.actor, session));
    if (forbidden) return forbidden;
    if (!session.threads.some((t) => t.audience === "gast")) return { status: "refused", code: "no-guest-threads" };
    const conclusion = await tx.conclusion(session.id);
    const t = SHARE_TEXT[input.lang];
    const initial = conclusion?.current.texts.overall.slice(0, SUMMARY_MAX);
    return {
      status: "ok",
      form: {
        id: "session.share",
        title: t.title,
        submitLabel: t.submit,
        state: String(session.id),
        fields: [{ type: "text", id: SUMMARY_FIELD, label: t.label, multiline: true, hint: t.hint, ...(initial ? { initial } : {}) }],
      },
    };
  });
}

export type SubmitSummaryResult = ShareSummaryResult | { status: "invalid"; issues: { field: string; message: string; messageEn: string }[] };

/** The submitted form → shareSummary; an empty text keeps the form open with a message under the field. */
export async function submitSummaryForm(deps: SessionDeps, input: { eventId?: string; actor: Actor; state: string; values: Record<string, string | undefined> }): Promise<SubmitSummaryResult> {
  const text = (input.values[SUMMARY_FIELD] ?? "").trim().slice(0, SUMMARY_MAX);
  if (text === "") return { status: "invalid", issues: [{ field: SUMMARY_FIELD, message: SHARE_TEXT.nl.empty, messageEn: SHARE_TEXT.en.empty }] };
  const session = sessionRefFromValue(input.state);
  if (!session) return { status: "not-found" };
  return shareSummary(deps, { ...(input.eventId !== undefined ? { eventId: input.eventId } : {}), actor: input.actor, session, text });
}
