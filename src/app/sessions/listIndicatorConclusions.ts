/** Use case: every session and conclusion of one indicator, per period, newest first (CLI, report). */
import type { IndicatorConclusion, SessionDeps } from "./ports.ts";

export async function listIndicatorConclusions(
  deps: Pick<SessionDeps, "sessions">,
  input: { dinSlug: string; indicatorId: string },
): Promise<IndicatorConclusion[]> {
  return deps.sessions.transaction((tx) => tx.indicatorConclusions(input.dinSlug, input.indicatorId));
}
