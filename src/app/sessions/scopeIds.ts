/**
 * Which scope ids of a channel (opgaven, doelen, indicators) the DIN in force does not know. Shared
 * by `/duiding koppel` (linkChannel) and duidbot.yaml at start (applyConfig). Indicators count when
 * any version defined them (a retired one keeps its history); opgaven and doelen come from the newest.
 */
import type { ChannelScope } from "../../domain/sessionRules.ts";
import type { DinState } from "../ports.ts";

export const SCOPE_KINDS = ["opgaven", "doelen", "indicators"] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface UnknownScopeId {
  kind: ScopeKind;
  /** Position in the scope's list (for the file line). */
  index: number;
  id: string;
  /** The ids of that kind the DINs do know (for a "bedoelt u" suggestion). */
  known: string[];
}

/** Against every DIN given (one per municipality): an id is unknown when none of them has it. */
export function unknownScopeIds(dins: readonly DinState[], scope: Partial<ChannelScope>): UnknownScopeId[] {
  const known: Record<ScopeKind, Set<string>> = {
    opgaven: new Set(dins.flatMap((d) => d.latest.opgaven.map((o) => o.id))),
    doelen: new Set(dins.flatMap((d) => d.latest.goals.map((g) => g.id))),
    indicators: new Set(dins.flatMap((d) => d.indicators.map((i) => i.indicator.id))),
  };
  return SCOPE_KINDS.flatMap((kind) =>
    (scope[kind] ?? []).flatMap((id, index) => (known[kind].has(id) ? [] : [{ kind, index, id, known: [...known[kind]] }])),
  );
}
