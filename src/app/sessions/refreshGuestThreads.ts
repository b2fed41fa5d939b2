/**
 * Use case after a DIN import: indicators that guests may now see less of (turned intern, a new or
 * higher small-number limit) disappear from, or are hidden in, the guest threads of open sessions at
 * once: their status messages are updated, without waiting for the next reply. Messages still in the
 * outbox are rendered again at send time anyway (OutboxRow.stale); this reaches the ones already sent.
 */
import type { SessionDeps } from "./ports.ts";
import { statusUpdates } from "./shared.ts";

export async function refreshGuestThreads(deps: Pick<SessionDeps, "sessions" | "clock">, input: { dinSlug: string; indicatorIds: readonly string[] }): Promise<number> {
  if (input.indicatorIds.length === 0) return 0;
  const ids = new Set(input.indicatorIds);
  const at = deps.clock.now();
  return deps.sessions.transaction(async (tx) => {
    let refreshed = 0;
    for (const session of await tx.openSessions()) {
      if (session.dinSlug !== input.dinSlug || !session.indicators.some((i) => ids.has(i.indicatorId))) continue;
      const guestThreads = session.threads.filter((t) => t.audience === "gast");
      // Enqueueing an update supersedes the pending ones of the same root.
      await tx.enqueue(await statusUpdates(tx, session, guestThreads), at);
      refreshed += guestThreads.length;
    }
    return refreshed;
  });
}
