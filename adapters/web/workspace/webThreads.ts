/**
 * What the session and guest pages share: the web face's own channel (made once, lazily), the platform
 * id of a web thread's root (which a contribution needs, as a Slack reply needs its thread's ts), the
 * one-line outcome carried over a redirect, and the form parser.
 */
import express from "express";
import { editContribution, joinSession, openFace, reassignContribution, resultText, type JoinSessionResult } from "../../../src/app/sessions/index.ts";
import type { EditContributionResult, ReassignContributionResult, UserRef } from "../../../src/app/sessions/index.ts";
import type { ChannelSettings, PersonSettings, SessionDeps } from "../../../src/app/sessions/index.ts";
import type { Lang } from "../../../src/domain/format.ts";
import { isQuestion, type Question } from "../../../src/domain/session.ts";
import { ROLES } from "../../../src/domain/sessionRules.ts";
import type { WebUser } from "./access.ts";

/** The web's own channel: a leerkring over the whole DIN that opens no session by itself. */
export const FACE_CHANNEL = "web:werkplek";

/** Session forms are small, but the conclusion form has a field per question and three per verbeteractie. */
export const sessionForm = express.urlencoded({ extended: false, limit: "64kb", parameterLimit: 80 });

/**
 * The face's channel in force (duidbot.yaml or an admin may have set it otherwise) and the built-in
 * people with every role: the local user on loopback, the team behind the shared password. Made on the
 * first session request, not at start, so that a web that is never used for sessions writes nothing.
 */
export function faceOpener(deps: SessionDeps, lang: Lang, builtIn: readonly WebUser[]): () => Promise<ChannelSettings> {
  let opened: Promise<ChannelSettings> | undefined;
  const channel: ChannelSettings = { key: FACE_CHANNEL, name: "Webwerkplek", audience: "leerkring", scope: { opgaven: [], doelen: [], indicators: [] }, autoStart: false, lang };
  const people: PersonSettings[] = builtIn.map((u) => ({ key: u.key, name: u.name, roles: [...ROLES] }));
  return () => {
    opened ??= openFace(deps, { channel, people }).catch((error: unknown) => {
      opened = undefined; // try again on the next request
      throw error;
    });
    return opened;
  };
}

const ROOT_WAIT_MS = 5_000;
const ROOT_POLL_MS = 25;

/**
 * The thread's root id, once the outbox has "posted" it to the web (webChat.ts): a thread opened just
 * now waits for the dispatcher, which `kick` wakes. Undefined when it did not come in time.
 */
export async function rootIdOf(deps: SessionDeps, joined: Extract<JoinSessionResult, { status: "joined" }>, sessionId: number, kick: () => void): Promise<string | undefined> {
  if (joined.thread.rootMessageId) return joined.thread.rootMessageId;
  const until = Date.now() + ROOT_WAIT_MS;
  while (Date.now() < until) {
    kick();
    const joinedNow = await joinSession(deps, { session: { sessionId }, channel: joined.thread.channel });
    if (joinedNow.status === "joined" && joinedNow.thread.rootMessageId) return joinedNow.thread.rootMessageId;
    await new Promise((r) => setTimeout(r, ROOT_POLL_MS));
  }
  return undefined;
}

/**
 * A use case's outcome as a query value for the redirect ("recorded", "forbidden:adopt",
 * "already-moved:verklaren": the question it is at, which the line names).
 */
export function outcomeKey(result: { status: string; reason?: string; code?: string; action?: string; question?: string }): string {
  const detail = result.reason ?? result.code ?? result.action ?? (result.status === "already-moved" ? result.question : undefined);
  return detail ? `${result.status}:${detail}` : result.status;
}

/** The outcome line for `?uitkomst=`: only keys of the shape outcomeKey makes, rendered from the catalogue. */
export function outcomeText(value: unknown, lang: Lang): string | undefined {
  if (typeof value !== "string" || !/^[a-z-]{1,40}(:[a-z-]{1,40})?$/.test(value)) return undefined;
  const [status, detail] = value.split(":") as [string, string | undefined];
  // A question as the detail fills "{question}" (resultText ignores it where the text has none). The
  // action's number is not in the key; the page shows the action next to the line anyway.
  return resultText({ status, ...(detail ? { reason: detail, ...(isQuestion(detail) ? { question: detail } : {}) } : {}) }, lang).replace(/ #\{nr\}/g, "");
}

/**
 * The edit form of one's own contribution (session and guest pages): new words through editContribution,
 * then the question picked in the form through reassignContribution, as chat's "Bijdrage bij andere
 * vraag" does. The edit goes first: it checks authorship, withdrawal and a form sent twice for both.
 */
export async function saveOwnContribution(
  deps: SessionDeps,
  input: { event: string; channel: string; user: UserRef; messageId: string; text: string; question?: Question; at: Date },
): Promise<EditContributionResult | ReassignContributionResult> {
  const edited = await editContribution(deps, { eventId: input.event, channel: input.channel, messageId: input.messageId, author: input.user.key, text: input.text, at: input.at });
  const fine = edited.status === "updated" || (edited.status === "ignored" && edited.reason === "unchanged");
  if (!fine || input.question === undefined) return edited;
  const moved = await reassignContribution(deps, { eventId: `${input.event}:vraag`, actor: { user: input.user, channel: input.channel }, messageId: input.messageId, question: input.question });
  // New words (and perhaps a new question): "gewijzigd" says it; the same words: what the move did.
  return edited.status === "updated" ? edited : moved;
}
