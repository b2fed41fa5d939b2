/** Use case: the linked channels and the people with roles, with where their settings come from (`/kanalen`). */
import type { SessionStore, SessionTx } from "../sessions/ports.ts";

export type SettingsOverview = Awaited<ReturnType<SessionTx["settingsOverview"]>>;

export function channelsOverview(deps: { sessions: SessionStore }): Promise<SettingsOverview> {
  return deps.sessions.transaction((tx) => tx.settingsOverview());
}
