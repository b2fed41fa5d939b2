/** Use case: the conclusion form, pre-filled per question with the contributions (or the saved conclusion). */
import type { NeutralForm } from "../messages/message.ts";
import { conclusionForm } from "./conclusionForm.ts";
import type { SessionDeps } from "./ports.ts";
import { actorContext, findSession, langOf, refuse } from "./shared.ts";
import type { Actor, Forbidden, NotFound, SessionRef } from "./types.ts";

export interface DraftConclusionInput {
  actor: Actor;
  session: SessionRef;
  /** The platform's longest form text field; the pre-filled draft is cut to fit it (see conclusionForm.ts). */
  textMax?: number;
}

export type DraftConclusionResult = { status: "ok"; sessionId: number; form: NeutralForm } | Forbidden | NotFound;

export async function draftConclusion(deps: SessionDeps, input: DraftConclusionInput): Promise<DraftConclusionResult> {
  return deps.sessions.transaction(async (tx): Promise<DraftConclusionResult> => {
    const session = await findSession(tx, input.session);
    if (!session) return { status: "not-found" };
    const context = await actorContext(tx, input.actor, session);
    const forbidden = refuse("conclude", context);
    if (forbidden) return forbidden;
    const contributions = await tx.contributions(session.id);
    const conclusion = await tx.conclusion(session.id);
    const actions = await tx.actions(session.id);
    const form = conclusionForm({
      sessionId: session.id,
      lang: langOf(context.channel, deps.sessionDefaults?.lang),
      contributions: contributions.map((c) => ({
        question: c.question,
        text: c.text,
        authorName: c.author.name,
        perspective: c.perspective,
        audience: c.audience,
        withdrawn: c.withdrawnAt !== undefined,
      })),
      ...(conclusion ? { conclusion } : {}),
      actions,
      guestThreads: session.threads.some((t) => t.audience === "gast"),
      ...(input.textMax !== undefined ? { textMax: input.textMax } : {}),
    });
    return { status: "ok", sessionId: session.id, form };
  });
}
