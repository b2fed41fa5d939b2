/**
 * Read use case: a session as one thread of a given audience shows it (the web's session and guest
 * pages, issue #19): the root and current-question messages exactly as the platforms get them, and the
 * contributions that thread may show. Staff see every contribution (withdrawn ones without their words);
 * a guest thread shows only the words written in it, as a Slack guest channel shows only its own
 * replies, never staff contributions or other guest channels' words (VISIBILITY in sessionRules.ts).
 */
import type { Lang } from "../../domain/format.ts";
import { VISIBILITY } from "../../domain/sessionRules.ts";
import type { ChannelAudience } from "../../domain/sessionRules.ts";
import type { NeutralMessage } from "../messages/message.ts";
import { guestClosedMessage, questionMessage, rootMessage } from "./messages.ts";
import type { ActionRecord, ConclusionRecord, ContributionRecord, SessionDeps, SessionRecord } from "./ports.ts";
import { countsFor, findSession, rootKey } from "./shared.ts";
import { sharedSummaries, type SharedSummary } from "./shareSummary.ts";
import type { NotFound, SessionRef } from "./types.ts";

export interface ThreadViewInput {
  session: SessionRef;
  /** The thread's channel and audience (a guest link's channel, or the face's own). */
  thread: { channel: string; audience: ChannelAudience; lang: Lang };
  /** The person looking: their own contributions are marked, so the face can offer edit and withdraw. */
  viewer: string;
}

export interface ViewedContribution extends ContributionRecord {
  own: boolean;
}

export type ThreadViewResult =
  | {
      status: "ok";
      session: SessionRecord;
      root: NeutralMessage;
      /** The current question's post (while the session is open). */
      question?: NeutralMessage;
      contributions: ViewedContribution[];
      /** Staff: the conclusion and its verbeteracties. Guests never see internal texts. */
      conclusion?: ConclusionRecord;
      actions: ActionRecord[];
      /** Guests, once the conclusion is adopted: the thank-you their thread gets. */
      closing?: NeutralMessage;
      /** Guests: the summaries a facilitator shared with their thread (shareSummary), oldest first. */
      summaries: NeutralMessage[];
      /** Staff: every summary shared with the guest threads (what, when, with whom), oldest first. */
      shared: SharedSummary[];
    }
  | NotFound;

export async function threadView(deps: SessionDeps, input: ThreadViewInput): Promise<ThreadViewResult> {
  return deps.sessions.transaction(async (tx): Promise<ThreadViewResult> => {
    const session = await findSession(tx, input.session);
    if (!session) return { status: "not-found" };
    const { thread } = input;
    const staff = VISIBILITY[thread.audience].internalContributions;
    const counts = countsFor(await tx.contributionCounts(session.id), thread.audience);
    const conclusion = await tx.conclusion(session.id);
    const root = rootMessage({ session, thread, counts, ...(conclusion ? { conclusion } : {}) });
    const all = await tx.contributions(session.id);
    const contributions = all
      .filter((c) => (staff ? true : c.channel === thread.channel))
      .filter((c) => staff || !c.withdrawnAt || c.author.key === input.viewer)
      .map((c) => ({ ...c, own: c.author.key === input.viewer }));
    return {
      status: "ok",
      session,
      root,
      ...(session.status === "open" ? { question: questionMessage(session, session.current, thread, "start") } : {}),
      contributions,
      ...(staff && conclusion ? { conclusion } : {}),
      actions: staff ? await tx.actions(session.id) : [],
      ...(!staff && conclusion?.status === "adopted" ? { closing: guestClosedMessage(thread) } : {}),
      // Staff read the conclusion itself; the summaries are what guests are told of it.
      summaries: staff ? [] : (await tx.postsByKey(`${rootKey(session.id, thread.channel)}:summary:`)).map((p) => p.message),
      shared: staff ? await sharedSummaries(tx, session) : [],
    };
  });
}
