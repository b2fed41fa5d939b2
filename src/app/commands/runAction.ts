/**
 * A button click, whatever the platform: routed exhaustively by the neutral ActionId to its use case.
 * The outcome is a form to open (the conclusion, a contribution to another question) or a result;
 * `quiet` results are ones the person sees anyway (a new thread, a new question, an adopted post),
 * so adapters show only the others, to the clicker alone.
 */
import type { Lang } from "../../domain/format.ts";
import type { ActionId, NeutralForm } from "../messages/message.ts";
import {
  adoptConclusion,
  contributeOtherForm,
  draftConclusion,
  guestLinkAction,
  moveQuestion,
  moveRefFromValue,
  sessionRefFromValue,
  setActionStatus,
  setOwnPerspective,
  shareSummaryForm,
  startFromChangePost,
  startSession,
} from "../sessions/index.ts";
import { reactRefFromValue } from "../digest/digestMessage.ts";
import { parseActionStatus } from "../../domain/actionStatus.ts";
import type { Actor, SessionDeps } from "../sessions/index.ts";
import type { AnyResult } from "../sessions/resultText.ts";
import { showBreakdown } from "../sessions/showBreakdown.ts";

export type ActionOutcome = { kind: "form"; form: NeutralForm } | { kind: "result"; result: AnyResult; quiet: boolean };

export interface ActionInput {
  eventId: string;
  actor: Actor;
  actionId: ActionId;
  /** The button's opaque value, as the platform handed it back. */
  value: string;
  /** The platform's longest form text field (see draftConclusion). */
  formTextMax?: number;
  lang: Lang;
  /** DUIDBOT_PUBLIC_URL, for the guest links "Gastlink maken" hands out (without it: an explanation). */
  publicUrl?: string;
}

/** A value that names no session (an old or tampered message). */
const NOT_FOUND = { status: "not-found" } as const;
const QUIET = new Set(["started", "moved", "adopted", "duplicate", "breakdown-posted"]);

const result = (r: AnyResult): ActionOutcome => ({ kind: "result", result: r, quiet: QUIET.has(r.status) });

export async function runAction(deps: SessionDeps, input: ActionInput): Promise<ActionOutcome> {
  const { eventId, actor } = input;
  const session = sessionRefFromValue(input.value);
  switch (input.actionId) {
    case "session.start":
      return result(await startFromChangePost(deps, { eventId, actor, value: input.value }));
    case "session.next":
    case "session.back": {
      // "<sessionId>:<question>" (the question the root showed), or the plain id of older messages.
      const move = moveRefFromValue(input.value);
      const direction = input.actionId === "session.next" ? "next" : "back";
      return result(move ? await moveQuestion(deps, { eventId, actor, session: move.session, direction, ...(move.from ? { from: move.from } : {}) }) : NOT_FOUND);
    }
    case "session.adopt":
      return result(session ? await adoptConclusion(deps, { eventId, actor, session }) : NOT_FOUND);
    case "session.conclude": {
      const draft = session ? await draftConclusion(deps, { actor, session, ...(input.formTextMax !== undefined ? { textMax: input.formTextMax } : {}) }) : NOT_FOUND;
      return draft.status === "ok" ? { kind: "form", form: draft.form } : result(draft);
    }
    case "session.guestLink": {
      const { publicUrl } = input;
      const link = session && "sessionId" in session ? await guestLinkAction(deps, { eventId, actor, sessionId: session.sessionId, lang: input.lang, ...(publicUrl ? { publicUrl } : {}) }) : NOT_FOUND;
      return result(link);
    }
    case "digest.react": {
      // The doel or indicator of a digest item: its open session joins this channel (or was here already), or one starts.
      const ref = reactRefFromValue(input.value);
      return result(ref ? await startSession(deps, { eventId, actor, subject: ref.subject, dinSlug: ref.dinSlug }) : NOT_FOUND);
    }
    case "session.actionStatus": {
      // "<action id>:<status>" (actionStatusValue): a reminder's Bezig / Gereed / Vervallen.
      const [id, word = ""] = input.value.split(":");
      const status = parseActionStatus(word);
      if (!id || !/^\d+$/.test(id) || !status) return result(NOT_FOUND);
      return result(await setActionStatus(deps, { eventId, actor, actionId: Number(id), status }));
    }
    case "session.perspective":
      // A guest's answer to "vanuit welk perspectief?" (perspectiveQuestion): sets the clicker's own.
      return result(await setOwnPerspective(deps, { eventId, actor, perspective: input.value }));
    case "session.share": {
      const opened = await shareSummaryForm(deps, { actor, value: input.value, lang: input.lang });
      return opened.status === "ok" ? { kind: "form", form: opened.form } : result(opened);
    }
    case "session.contributeOther":
      return { kind: "form", form: contributeOtherForm(input.value, input.lang) };
    case "indicator.breakdown":
      return result(await showBreakdown(deps, { eventId, actor, value: input.value }));
    default: {
      const unreachable: never = input.actionId;
      throw new Error(`Unhandled action ${String(unreachable)}`);
    }
  }
}
