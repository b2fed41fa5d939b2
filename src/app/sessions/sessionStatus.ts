/** Use case: the status of one session, or of the open sessions in a channel, as a message (to show to the asker). */
import { questionText } from "../../domain/sessionText.ts";
import { sessionText } from "./texts/index.ts";
import type { MessageElement, NeutralMessage } from "../messages/message.ts";
import { rootMessage, sessionTitleFor } from "./messages.ts";
import type { SessionDeps } from "./ports.ts";
import { countsFor, findSession, langOf } from "./shared.ts";
import type { ChannelNotLinked, NotFound, SessionRef } from "./types.ts";

export interface SessionStatusInput {
  /** The channel asking; decides language and what may be shown (guests see no internal figures). */
  channel: string;
  /** A session, or omitted for an overview of the channel's open sessions. */
  session?: SessionRef;
}

export type SessionStatusResult = { status: "ok"; message: NeutralMessage } | NotFound | ChannelNotLinked;

/** How many open sessions the overview lists. */
const OVERVIEW_LIMIT = 10;

export async function sessionStatus(deps: SessionDeps, input: SessionStatusInput): Promise<SessionStatusResult> {
  return deps.sessions.transaction(async (tx): Promise<SessionStatusResult> => {
    const channel = await tx.channel(input.channel);
    if (!channel) return { status: "channel-not-linked" };
    const lang = langOf(channel, deps.sessionDefaults?.lang);
    const t = sessionText(lang);
    if (input.session) {
      const session = await findSession(tx, input.session);
      // A guest channel only learns about sessions that run in it.
      const thread = session?.threads.find((th) => th.channel === input.channel);
      if (!session || (channel.audience === "gast" && !thread)) return { status: "not-found" };
      const view = { channel: input.channel, audience: thread?.audience ?? channel.audience, lang };
      const counts = await tx.contributionCounts(session.id);
      const conclusion = await tx.conclusion(session.id);
      const message = rootMessage({ session, thread: view, counts: countsFor(counts, view.audience), ...(conclusion ? { conclusion } : {}) });
      return { status: "ok", message };
    }
    const sessions = await tx.sessionsInChannel(input.channel, { openOnly: true, limit: OVERVIEW_LIMIT });
    const elements: MessageElement[] =
      sessions.length === 0
        ? [{ type: "text", text: t.noOpenSessions }]
        : [
            { type: "header", text: t.openSessions },
            {
              type: "facts",
              facts: sessions.map((s) => ({ label: sessionTitleFor(s, channel.audience, lang), value: `${t.question} ${questionText(s.current, lang).label}` })),
            },
          ];
    return { status: "ok", message: { target: { channel: input.channel }, summary: sessions.length === 0 ? t.noOpenSessions : t.openSessions, elements } };
  });
}
