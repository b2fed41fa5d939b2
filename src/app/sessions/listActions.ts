/**
 * Use cases: the verbeteracties with their status, for `duidbot acties`, `/duiding acties` and the
 * weekly digest (`openActions`: what still needs follow-up, overdue ones marked).
 */
import { amsterdamDate, daysBetween, isOpenStatus } from "../../domain/actionStatus.ts";
import type { ActionListItem, SessionDeps } from "./ports.ts";
import { actorContext } from "./shared.ts";
import type { Actor, ChannelNotLinked, Forbidden } from "./types.ts";

export interface ListActionsInput {
  /** Only open and bezig. */
  openOnly?: boolean;
  /** Part of the owner's name, case aside ("sanne" finds "Sanne de Vries"). */
  owner?: string;
  dinSlug?: string;
}

/** An action as lists and the digest show it: `daysLeft` counts calendar days in Amsterdam (negative: overdue). */
export interface ActionView extends ActionListItem {
  daysLeft?: number;
  overdue: boolean;
}

export function actionView(item: ActionListItem, now: Date): ActionView {
  const today = amsterdamDate(now);
  const daysLeft = item.due !== undefined ? daysBetween(today, item.due) : undefined;
  return { ...item, ...(daysLeft !== undefined ? { daysLeft } : {}), overdue: daysLeft !== undefined && daysLeft < 0 && isOpenStatus(item.status) };
}

export async function listActions(deps: Pick<SessionDeps, "sessions" | "clock">, input: ListActionsInput = {}): Promise<ActionView[]> {
  const now = deps.clock.now();
  const items = await deps.sessions.transaction((tx) => tx.listActions({ ...(input.openOnly ? { openOnly: true } : {}), ...(input.dinSlug ? { dinSlug: input.dinSlug } : {}) }));
  const owner = input.owner?.trim().toLowerCase();
  return items.filter((a) => !owner || a.owner.toLowerCase().includes(owner)).map((a) => actionView(a, now));
}

/**
 * The actions still to follow up (status open or bezig) at `now`, soonest due first, each with its
 * owner, due date, session, subject and indicators, `daysLeft` and `overdue`: the weekly digest lists
 * those due within two weeks or overdue (filter on `daysLeft`).
 */
export async function openActions(deps: Pick<SessionDeps, "sessions">, now: Date, filter: { dinSlug?: string } = {}): Promise<ActionView[]> {
  return listActions({ sessions: deps.sessions, clock: { now: () => now } }, { openOnly: true, ...filter });
}

/**
 * `/duiding acties` in chat: the list for someone in an internal channel. Owners and actions are
 * internal, so a guest (or not yet linked) channel gets a refusal instead.
 */
export async function actionsForChat(
  deps: Pick<SessionDeps, "sessions" | "clock">,
  input: { actor: Actor } & ListActionsInput,
): Promise<{ status: "ok"; actions: ActionView[] } | Forbidden | ChannelNotLinked> {
  const { audience, channel } = await deps.sessions.transaction((tx) => actorContext(tx, input.actor));
  // A direct message or a channel nobody linked yet: say so (rather than "guest channel").
  if (!channel) return { status: "channel-not-linked" };
  if (audience === "gast") return { status: "forbidden", action: "conclude", reason: "guest-channel" };
  const { actor: _actor, ...filter } = input;
  return { status: "ok", actions: await listActions(deps, filter) };
}
