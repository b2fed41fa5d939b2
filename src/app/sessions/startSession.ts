/**
 * Use case: start a session on request for one indicator or a doel (all its indicators, read in
 * samenhang). When a session about the same subject is open already, this channel joins it.
 */
import type { DinState } from "../ports.ts";
import { loadSessionIndicators, openSession, openThread, sessionChannels, sessionTitle } from "./opening.ts";
import type { ChannelSettings, SessionDeps, SessionIndicator, SessionSubject, SessionTx } from "./ports.ts";
import { actorContext, refuse } from "./shared.ts";
import { eventKey } from "./types.ts";
import type { Actor, ChannelNotLinked, Duplicate, Forbidden } from "./types.ts";

export interface StartSessionInput {
  eventId?: string;
  actor: Actor;
  subject: { kind: "indicator" | "doel"; id: string };
  /** Period to interpret; default: each indicator's newest period with a figure. */
  period?: string;
  dinSlug?: string;
}

export type StartSessionResult =
  | { status: "started"; sessionId: number; channels: string[] }
  /** `joined`: the session ran elsewhere and now also runs in the actor's channel. */
  | { status: "already-open"; sessionId: number; joined: boolean }
  | { status: "unknown-subject" }
  | { status: "no-figures" }
  | Forbidden
  | ChannelNotLinked
  | Duplicate;

/** Name and indicator ids of the subject in the newest DIN version; undefined when unknown. */
function resolveSubject(din: DinState, subject: SessionSubject): { name: string; ids: string[] } | undefined {
  if (subject.kind === "indicator") {
    const entry = din.indicators.find((i) => i.indicator.id === subject.id);
    return entry ? { name: entry.indicator.name, ids: [entry.indicator.id] } : undefined;
  }
  const goal = din.latest.goals.find((g) => g.id === subject.id);
  if (!goal) return undefined;
  // Effect-indicatoren first, then prestatie-indicatoren, in DIN order (as change posts list them).
  const of = (kind: string) => din.latest.indicators.filter((i) => i.goalId === goal.id && i.kind === kind).map((i) => i.id);
  return { name: goal.name, ids: [...of("effect"), ...of("prestatie")] };
}

export async function startSession(deps: SessionDeps, input: StartSessionInput): Promise<StartSessionResult> {
  const din = await deps.dins.loadDin(input.dinSlug);
  const resolved = din && resolveSubject(din, input.subject);
  if (!din || !resolved) return { status: "unknown-subject" };
  const indicators = await loadSessionIndicators(
    deps,
    din,
    resolved.ids.map((indicatorId) => ({ indicatorId, ...(input.period ? { period: input.period } : {}) })),
  );
  const at = deps.clock.now();
  return deps.sessions.transaction(async (tx): Promise<StartSessionResult> => {
    const context = await actorContext(tx, input.actor);
    if (!context.channel) return { status: "channel-not-linked" };
    const forbidden = refuse("start", context);
    if (forbidden) return forbidden;
    if (input.eventId !== undefined && !(await tx.claimEvent(eventKey(input.actor.channel, input.eventId), at))) return { status: "duplicate" };
    const subject: SessionSubject = { kind: input.subject.kind, id: input.subject.id };
    const openId = await tx.openSessionAbout(din.slug, subject);
    if (openId !== undefined) return joinOpen(deps, tx, openId, context.channel, at);
    if (indicators.length === 0) return { status: "no-figures" };
    return start(deps, tx, { din, subject, name: resolved.name, indicators, channel: context.channel, openedBy: input.actor.user.key, at });
  });
}

async function joinOpen(
  deps: SessionDeps,
  tx: SessionTx,
  sessionId: number,
  channel: ChannelSettings,
  at: Date,
): Promise<StartSessionResult> {
  const session = await tx.session(sessionId, { lock: true });
  if (!session) return { status: "no-figures" };
  const joined = !session.threads.some((t) => t.channel === channel.key) && (await openThread(deps, tx, session, channel, at));
  return { status: "already-open", sessionId, joined };
}

async function start(
  deps: SessionDeps,
  tx: SessionTx,
  args: {
    din: DinState;
    subject: SessionSubject;
    name: string;
    indicators: SessionIndicator[];
    channel: ChannelSettings;
    openedBy: string;
    at: Date;
  },
): Promise<StartSessionResult> {
  const channels = sessionChannels([args.channel], await tx.channels(), args.indicators, args.din.latest);
  if (channels.length === 0) return { status: "no-figures" };
  const advanceAfterDays = args.channel.advanceAfterDays ?? deps.sessionDefaults?.advanceAfterDays;
  const sessionId = await openSession(deps, tx, {
    din: args.din,
    title: sessionTitle(args.name, args.indicators),
    subject: args.subject,
    indicators: args.indicators,
    channels,
    openedBy: args.openedBy,
    at: args.at,
    ...(advanceAfterDays !== undefined ? { advanceAfterDays } : {}),
  });
  return { status: "started", sessionId, channels: channels.map((c) => c.key) };
}
