/** Use case: the author moves their own contribution to another question ("Bij andere vraag"). */
import type { Question } from "../../domain/session.ts";
import type { SessionDeps } from "./ports.ts";
import { refreshStatus } from "./shared.ts";
import { eventKey } from "./types.ts";
import type { Actor, Duplicate, Forbidden } from "./types.ts";

export interface ReassignContributionInput {
  eventId?: string;
  actor: Actor;
  /** Platform id of the contributed message (in actor.channel). */
  messageId: string;
  question: Question;
}

export type ReassignContributionResult =
  | { status: "reassigned"; contributionId: number; question: Question }
  | { status: "ignored"; reason: "unknown-message" | "unchanged" }
  | Forbidden
  | Duplicate;

export async function reassignContribution(deps: SessionDeps, input: ReassignContributionInput): Promise<ReassignContributionResult> {
  const now = deps.clock.now();
  return deps.sessions.transaction(async (tx): Promise<ReassignContributionResult> => {
    const contribution = await tx.contributionByMessage(input.actor.channel, input.messageId);
    if (!contribution || contribution.withdrawnAt) return { status: "ignored", reason: "unknown-message" };
    // Only the author decides where their words belong.
    if (contribution.author.key !== input.actor.user.key) return { status: "forbidden", action: "contribute", reason: "missing-role" };
    if (input.eventId !== undefined && !(await tx.claimEvent(eventKey(input.actor.channel, input.eventId), now))) return { status: "duplicate" };
    if (contribution.question === input.question) return { status: "ignored", reason: "unchanged" };
    await tx.reviseContribution(contribution.id, { kind: "reassign", at: now, question: input.question });
    await tx.enqueue(await refreshStatus(tx, contribution.sessionId), now);
    return { status: "reassigned", contributionId: contribution.id, question: input.question };
  });
}
