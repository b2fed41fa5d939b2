/**
 * Slack's side of the durable inbox (src/app/inbox/inbox.ts): which requests are stored before the
 * ack, the gate that stores them, and the replay of unprocessed rows through Bolt.
 *
 * Stored: Events API `message` events that a handler turns into a use case — replies in a thread,
 * edits and deletions (decided by the same parser the handler uses). Not stored: top-level messages
 * and bot messages (nothing to do), app_mention (an answer for one person now, not state), the
 * guest-detection events (the check at every start and every 15 minutes covers a lost one), and
 * commands, buttons and modals (a person waits for their answer; Slack shows them a failure).
 *
 * Replay runs the stored body through Bolt's own App.processEvent (authorize, middleware, the same
 * listeners) with a no-op ack, so a replayed reply takes exactly the path a live one takes.
 */
import type { App, ReceiverEvent } from "@slack/bolt";
import { isDeferred } from "../../src/app/inbox/deferral.ts";
import type { Inbox } from "../../src/app/inbox/inbox.ts";
import type { InboundEventDraft, InboundEventRecord } from "../../src/app/inbox/ports.ts";
import { parseMessageEvent } from "./parse.ts";
import type { Gate } from "./verify.ts";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The inbox row for a request body, or undefined when the request is not one the inbox keeps. */
export function inboxDraft(body: unknown): Omit<InboundEventDraft, "platform"> | undefined {
  if (!isRecord(body) || body.type !== "event_callback") return undefined;
  const parsed = parseMessageEvent(body, body.event);
  if (!parsed || (parsed.kind === "posted" && parsed.threadId === undefined)) return undefined;
  // The legacy verification token is a credential: not stored.
  const { token: _token, ...payload } = body;
  return { eventId: parsed.eventId, ...(typeof body.team_id === "string" ? { teamId: body.team_id } : {}), type: "message", payload };
}

/**
 * Stores the request's event before Bolt acks it (a failed write: no ack, Slack retries); marks it
 * processed when Bolt's processing, the listener's use case included, has finished. A use case that
 * deferred the event (EventDeferred: its thread may become known in a moment) leaves it unprocessed
 * and waiting for the inbox's next wake; the request itself succeeded.
 */
export function inboxGate(inbox: Inbox, log: (message: string, error?: unknown) => void): Gate {
  return async (event, process) => {
    const draft = inboxDraft(event.body);
    if (!draft) return process(event);
    try {
      await inbox.receive(draft);
    } catch (error) {
      log(`Slack: event ${draft.eventId} niet opgeslagen, dus niet bevestigd (Slack stuurt het opnieuw) / not stored, not acked`, error);
      throw error;
    }
    const wakes = inbox.wakes;
    try {
      await process(event);
    } catch (error) {
      if (isDeferred(error)) return inbox.deferred({ eventId: draft.eventId, payload: draft.payload }, wakes);
      inbox.failed(draft.eventId);
      throw error;
    }
    inbox.processed(draft.eventId);
  };
}

/** Replays one stored row through Bolt, bypassing the gate (the row exists already). */
export function replayThrough(app: App): (row: Pick<InboundEventRecord, "eventId" | "payload">) => Promise<void> {
  return async (row) => {
    if (!isRecord(row.payload)) throw new Error(`inbox row ${row.eventId}: payload is not an object`);
    const event: ReceiverEvent = { body: row.payload, ack: async () => {}, customProperties: { replayed: true } };
    await app.processEvent(event);
  };
}
