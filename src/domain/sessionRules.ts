/**
 * Who may do what in a duidingssessie, which perspective a contribution carries, which channels
 * follow which indicators, and what a guest channel may see. Rules are tables (data), so they read
 * like the policy and are tested table-driven.
 */
import type { DinDefinition, Indicator } from "./din.ts";
import type { Audience } from "./format.ts";

/** What a channel is for. leerkring: learning circle; digest: weekly overview readers; gast: guests. */
export const CHANNEL_AUDIENCES = ["leerkring", "digest", "gast"] as const;
export type ChannelAudience = (typeof CHANNEL_AUDIENCES)[number];

/** Rights a person can be given (duidbot.yaml or an admin chat command). */
export const ROLES = ["facilitator", "adopter", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** From which position someone contributes; labels every contribution. */
export const PERSPECTIVES = ["beleid", "uitvoering", "bedrijfsvoering", "ervaringsdeskundige", "adviesraad", "overig"] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

export function isPerspective(word: string): word is Perspective {
  return (PERSPECTIVES as readonly string[]).includes(word);
}

/** The perspectives someone outside the organisation contributes from (what a guest may choose). */
export const GUEST_PERSPECTIVES: readonly Perspective[] = ["ervaringsdeskundige", "adviesraad", "overig"];

/** May someone acting in a channel of this audience give themselves this perspective? Guests: only a guest one. */
export function mayChoosePerspective(perspective: Perspective, audience: ChannelAudience): boolean {
  return audience !== "gast" || GUEST_PERSPECTIVES.includes(perspective);
}

export type SessionAction = "contribute" | "start" | "move" | "conclude" | "adopt" | "share" | "configure";

/** Which opgaven, doelen or indicators a channel follows. All lists empty = the whole DIN. */
export interface ChannelScope {
  opgaven: string[];
  doelen: string[];
  indicators: string[];
}

/**
 * The permission table. A row per action: who may do it in a channel of each audience.
 * "anyone" = every member of the channel; a role = only people holding it; "nobody".
 * Guest channels allow nothing but contributing, whatever role the person holds there: a guest
 * channel is outside the organisation, so steering happens in internal channels only.
 */
type Rule = "anyone" | Role | "nobody";
export const PERMISSIONS: Record<SessionAction, Record<ChannelAudience, Rule>> = {
  contribute: { leerkring: "anyone", digest: "anyone", gast: "anyone" },
  start: { leerkring: "anyone", digest: "anyone", gast: "nobody" },
  move: { leerkring: "facilitator", digest: "facilitator", gast: "nobody" },
  conclude: { leerkring: "facilitator", digest: "facilitator", gast: "nobody" },
  adopt: { leerkring: "adopter", digest: "adopter", gast: "nobody" },
  share: { leerkring: "facilitator", digest: "facilitator", gast: "nobody" },
  configure: { leerkring: "admin", digest: "admin", gast: "nobody" },
};

export function isAllowed(action: SessionAction, audience: ChannelAudience, roles: readonly Role[]): boolean {
  const rule = PERMISSIONS[action][audience];
  if (rule === "anyone") return true;
  if (rule === "nobody") return false;
  return roles.includes(rule);
}

/**
 * Perspective of a contribution: the person's own (set in duidbot.yaml or by an admin) wins, then the
 * channel's default for its members (e.g. "adviesraad" for the adviesraad's guest channel), then "overig".
 * The person's own wins because a policy adviser who joins a guest channel still speaks as beleid.
 */
export function resolvePerspective(person: { perspective?: Perspective } | undefined, channel: { perspective?: Perspective }): Perspective {
  return person?.perspective ?? channel.perspective ?? "overig";
}

/** Internal audiences see internal figures; guests see the public (extern) view. */
export function formatAudience(audience: ChannelAudience): Audience {
  return audience === "gast" ? "extern" : "intern";
}

export function isEmptyScope(scope: ChannelScope): boolean {
  return scope.opgaven.length === 0 && scope.doelen.length === 0 && scope.indicators.length === 0;
}

/** True when the channel's scope covers the indicator (by its id, its doel or the doel's opgave). */
export function scopeCovers(scope: ChannelScope, indicator: Pick<Indicator, "id" | "goalId">, din: Pick<DinDefinition, "goals">): boolean {
  if (isEmptyScope(scope)) return true;
  if (scope.indicators.includes(indicator.id) || scope.doelen.includes(indicator.goalId)) return true;
  const opgaveId = din.goals.find((g) => g.id === indicator.goalId)?.opgaveId;
  return opgaveId !== undefined && scope.opgaven.includes(opgaveId);
}

/**
 * Guest visibility, as a table: what a channel of each audience may receive. Small numbers are
 * handled by formatting for `formatAudience(audience)` (describeChange / formatValue with "extern").
 */
export const VISIBILITY: Record<ChannelAudience, { internIndicators: boolean; internalContributions: boolean; steeringButtons: boolean }> = {
  leerkring: { internIndicators: true, internalContributions: true, steeringButtons: true },
  digest: { internIndicators: true, internalContributions: true, steeringButtons: true },
  gast: { internIndicators: false, internalContributions: false, steeringButtons: false },
};

export function mayShowIndicator(audience: ChannelAudience, indicator: Pick<Indicator, "visibility">): boolean {
  return indicator.visibility !== "intern" || VISIBILITY[audience].internIndicators;
}

/** Indicators a channel receives: covered by its scope and visible to its audience. */
export function indicatorsForChannel<T extends Pick<Indicator, "id" | "goalId" | "visibility">>(
  channel: { audience: ChannelAudience; scope: ChannelScope },
  indicators: readonly T[],
  din: Pick<DinDefinition, "goals">,
): T[] {
  return indicators.filter((i) => mayShowIndicator(channel.audience, i) && scopeCovers(channel.scope, i, din));
}
