/**
 * Types shared by the session use cases: who acts, which session is meant, and the refusals every
 * use case can return. Expected outcomes are values with a `status`; adapters render them with
 * `resultText` (texts.ts) in the channel's language.
 */
import { isQuestion } from "../../domain/session.ts";
import type { Question } from "../../domain/session.ts";
import type { SessionAction } from "../../domain/sessionRules.ts";
import { SYSTEM_KEY_PREFIX } from "../../domain/duidbotConfig.ts";

/** A person on a chat platform. `key` = platform + user id, e.g. "slack:U123" or "teams:29:1abc". */
export interface UserRef {
  key: string;
  /** Display name at the time of the event (kept with contributions). */
  name: string;
}

/** Someone doing something in a channel; the channel's audience decides what they may do. */
export interface Actor {
  user: UserRef;
  /** Channel key where the action happens, e.g. "slack:T123:C456". */
  channel: string;
}

/**
 * Duidbot itself, acting without a person: a change the system makes on its own (today: guest
 * detection turning a channel gast). Never built from chat input — adapters only make `Actor`s — and
 * no role is checked for it: instead, the use cases that take it (changeChannelAudienceBySystem) can
 * only make a channel stricter.
 */
export interface SystemActor {
  system: "guest-detection";
}

const SYSTEM_PREFIX = SYSTEM_KEY_PREFIX;

/**
 * The key a system change is recorded with (`by`): "system:guest-detection". "system" is no chat
 * platform, so no person's key ("slack:U123", "teams:…") can equal it; `actorContext` gives such keys
 * no rights, so nobody acts as the system through the people-facing use cases either.
 */
export function systemKey(actor: SystemActor): string {
  return `${SYSTEM_PREFIX}${actor.system}`;
}

export function isSystemKey(key: string): boolean {
  return key.startsWith(SYSTEM_PREFIX);
}

/**
 * Which session is meant: by id (button values and form state carry `String(sessionId)`), or by
 * the thread it runs in (a chat command typed in the session's thread).
 */
export type SessionRef = { sessionId: number } | { channel: string; threadId: string };

/** The session's own id from a button value or form state; undefined when it is not one. */
export function sessionRefFromValue(value: string): SessionRef | undefined {
  return /^\d+$/.test(value) ? { sessionId: Number(value) } : undefined;
}

/**
 * The value of a button that moves the session ("Volgende vraag"): the session id and the question
 * the message showed when it was posted, "12:herkennen". A click on a message that was not yet
 * updated (a double click, two facilitators, the update still waiting in the outbox) then carries the
 * old question, and moveQuestion moves nothing (`from`).
 */
export function moveButtonValue(sessionId: number, from: Question): string {
  return `${sessionId}:${from}`;
}

/**
 * A move button's value → the session and the question it was shown at. The plain session id of
 * buttons posted before the question was added ("12") still works: no `from`, the click moves as before.
 */
export function moveRefFromValue(value: string): { session: SessionRef; from?: Question } | undefined {
  const match = /^(\d+)(?::([a-z]+))?$/.exec(value);
  if (!match) return undefined;
  const session = { sessionId: Number(match[1]) };
  const from = match[2];
  if (from === undefined) return { session };
  return isQuestion(from) ? { session, from } : undefined;
}

/** guest-channel: nothing but contributing happens in guest channels; missing-role: the person lacks the role. */
export type Forbidden = { status: "forbidden"; action: SessionAction; reason: "guest-channel" | "missing-role" };
export type NotFound = { status: "not-found" };
/** The channel has no audience yet: an admin links it first (duidbot.yaml or a chat command). */
export type ChannelNotLinked = { status: "channel-not-linked" };
/** The platform event was processed before (a retried delivery): nothing happened again. */
export type Duplicate = { status: "duplicate" };
/** The session is no longer at the question the clicked button was shown at: nothing moved; `question` is where it is now. */
export type AlreadyMoved = { status: "already-moved"; sessionId: number; question: Question };

/** Idempotency key of a platform event: platform prefix of the channel + the event id. */
export function eventKey(channel: string, eventId: string): string {
  return `${platformOf(channel)}:${eventId}`;
}

/** "slack" for "slack:T123:C456". */
export function platformOf(channelKey: string): string {
  const index = channelKey.indexOf(":");
  return index < 0 ? channelKey : channelKey.slice(0, index);
}

/**
 * Faces where people pick the question in a form (the web's session and guest pages) rather than by
 * starting a chat reply with "#verklaren": their threads' texts say "kies de vraag", not "#tags".
 */
const FORM_FACES: ReadonlySet<string> = new Set(["web"]);

export function picksQuestionInForm(channelKey: string): boolean {
  return FORM_FACES.has(platformOf(channelKey));
}
