/**
 * "Gastlink maken" in a chat (issue #19): a facilitator's button that makes a guest link for the session
 * and shows it to the clicker alone (Slack: ephemeral; Teams: the invoke answer). The link is only worth
 * making when it can be shown as an address guests can open, so without DUIDBOT_PUBLIC_URL nothing is
 * made and the answer says to set it or to use the session's web page (which knows its own address).
 */
import { formatDate } from "../../domain/format.ts";
import type { Lang } from "../../domain/format.ts";
import { createGuestLink, guestLinkUrl, listGuestLinks } from "./guestLinks.ts";
import type { CreateGuestLinkResult } from "./guestLinks.ts";
import type { SessionDeps } from "./ports.ts";
import type { Actor, Forbidden, NotFound } from "./types.ts";

export interface GuestLinkActionInput {
  eventId: string;
  actor: Actor;
  sessionId: number;
  /** DUIDBOT_PUBLIC_URL; undefined when not set. */
  publicUrl?: string;
  lang: Lang;
}

export type GuestLinkActionResult =
  /** vars.link: the address to hand out; vars.until: the last day it works. */
  | { status: "guest-link"; sessionId: number; vars: { link: string; until: string } }
  | { status: "refused"; code: "no-public-url"; vars: { page: string } }
  /** code "guest-link": the refusal names this button, not sharing a summary (same role). */
  | (Forbidden & { code: "guest-link" })
  | NotFound
  | Exclude<CreateGuestLinkResult, { status: "created" } | Forbidden>;

export async function guestLinkAction(deps: SessionDeps, input: GuestLinkActionInput): Promise<GuestLinkActionResult> {
  const { actor, sessionId } = input;
  const session = { sessionId };
  if (input.publicUrl === undefined) {
    // The role check first (read-only), so someone who may not make links is told that, not about settings.
    const allowed = await listGuestLinks(deps, { actor, session });
    if (allowed.status === "forbidden") return { ...allowed, code: "guest-link" };
    if (allowed.status === "not-found") return allowed;
    return { status: "refused", code: "no-public-url", vars: { page: `/sessie/${sessionId}` } };
  }
  const made = await createGuestLink(deps, { eventId: input.eventId, actor, session });
  if (made.status === "forbidden") return { ...made, code: "guest-link" };
  if (made.status !== "created") return made;
  return {
    status: "guest-link",
    sessionId,
    vars: { link: guestLinkUrl(input.publicUrl, made.link.publicId, made.secret), until: formatDate(made.link.expiresAt, input.lang) },
  };
}
