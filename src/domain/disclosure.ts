/**
 * What a guest may see of an indicator is decided by the DIN version in force: its visibility and
 * its small-number limit. A message for guests records both for every indicator it shows, so that a
 * DIN import between writing it and sending it (an outbox row can wait hours while a platform is
 * down) is noticed at send time and the message is rendered again for the DIN in force then.
 */
import { smallNumberLimit } from "./din.ts";
import type { Indicator, Visibility } from "./din.ts";

export interface Disclosure {
  /** The indicator's id (slug) in its DIN. */
  id: string;
  visibility: Visibility;
  /** smallNumberLimit at render time; null: no small-number rule. */
  smallNumbers: number | null;
}

export function disclosureOf(indicator: Indicator): Disclosure {
  return { id: indicator.id, visibility: indicator.visibility, smallNumbers: smallNumberLimit(indicator) ?? null };
}

/**
 * True when guests may see less of the indicator now than when the message was rendered: it turned
 * intern, got a small-number rule, or a higher limit. An indicator no longer defined counts as
 * stricter. Looser rules are no reason to touch a message: it shows less than allowed, never more.
 */
export function isStricter(then: Disclosure, now: Disclosure | undefined): boolean {
  if (!now) return true;
  if (now.visibility === "intern" && then.visibility !== "intern") return true;
  if (now.smallNumbers === null) return false;
  return then.smallNumbers === null || now.smallNumbers > then.smallNumbers;
}
