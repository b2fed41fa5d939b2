/**
 * The GuestRender stamp of outbox rows for guests (see src/app/outbox/ports.ts): what a guest message
 * shows under which rules, and how to render it again. Only guest audiences get one: staff see every
 * indicator and exact numbers, so a stricter DIN changes nothing for them.
 */
import { disclosureOf } from "../../domain/disclosure.ts";
import type { Indicator } from "../../domain/din.ts";
import { mayShowIndicator, VISIBILITY } from "../../domain/sessionRules.ts";
import type { ChannelAudience } from "../../domain/sessionRules.ts";
import type { GuestRender } from "../outbox/ports.ts";
import type { SessionRecord, ThreadRecord } from "./ports.ts";

function stamp(audience: ChannelAudience, din: string, indicators: readonly Indicator[], source: GuestRender["source"]): GuestRender | undefined {
  if (VISIBILITY[audience].internIndicators) return undefined;
  const shows = indicators.filter((i) => mayShowIndicator(audience, i)).map(disclosureOf);
  return shows.length > 0 ? { din, shows, source } : undefined;
}

/** For a thread root (post or update) rendered from `session` for `thread`. */
export function rootGuestRender(session: Pick<SessionRecord, "id" | "dinSlug" | "indicators">, thread: Pick<ThreadRecord, "audience" | "rootKey">): GuestRender | undefined {
  const source = { kind: "session-root" as const, sessionId: session.id, rootKey: thread.rootKey };
  return stamp(thread.audience, session.dinSlug, session.indicators.map((i) => i.indicator), source);
}

/** For a weekly digest to a guest channel: every indicator it may show (src/app/digest/sendDigest.ts). */
export function digestGuestRender(audience: ChannelAudience, din: string, indicators: readonly Indicator[], channel: string, week: string): GuestRender | undefined {
  return stamp(audience, din, indicators, { kind: "digest", channel, week });
}

/** For a change post to a channel of `audience`. */
export function changePostGuestRender(audience: ChannelAudience, din: string, indicators: readonly Indicator[], changePostId: number): GuestRender | undefined {
  return stamp(audience, din, indicators, { kind: "change-post", changePostId });
}

/** For a breakdown table (showBreakdown.ts) posted to a channel of `audience`. */
export function breakdownGuestRender(audience: ChannelAudience, din: string, indicator: Indicator, changePostId: number, indicatorId: string): GuestRender | undefined {
  return stamp(audience, din, [indicator], { kind: "breakdown", changePostId, indicatorId });
}

/** `{ guest }` for an OutboxDraft, or nothing (exactOptionalPropertyTypes: no `guest: undefined`). */
export function withGuest(guest: GuestRender | undefined): { guest?: GuestRender } {
  return guest ? { guest } : {};
}
