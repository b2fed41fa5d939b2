/**
 * Teams' side of the durable inbox (src/app/inbox/inbox.ts). Stored before the 200: replies in a
 * channel thread, their edits and deletions (handlers/threadMessages.ts decides which) — Teams
 * redelivers an activity it got no 2xx for, and after the 200 nothing may be lost. Not stored:
 * @mention commands, card clicks and dialogs (a person waits for the answer; Teams shows them a
 * failure) and membership events (the periodic guest check covers a lost one).
 * Rows are keyed by conversation and activity id, so a redelivered activity is stored once and its
 * use case (deduped on the same id) runs to no effect.
 */
import { isDeferred } from "../../src/app/inbox/deferral.ts";
import type { Inbox } from "../../src/app/inbox/inbox.ts";
import type { InboundEventRecord } from "../../src/app/inbox/ports.ts";
import { parseActivity, placeOf, type Activity } from "./parse.ts";
import { threadActivity } from "./handlers/threadMessages.ts";

export interface StoreOptions {
  /** Wait for the use case before answering (tests: deterministic); otherwise it runs after the 200. */
  processBeforeResponse: boolean;
  log(message: string, error?: unknown): void;
}

/**
 * Stores the activity (a failed write throws: no 200, Teams redelivers), then processes it: awaited,
 * or in the background. Resolves once it is safe to answer 200.
 */
export async function storeThenProcess(inbox: Inbox, activity: Activity, process: (a: Activity) => Promise<void>, options: StoreOptions): Promise<void> {
  const which = threadActivity(activity);
  if (!which) return;
  const place = placeOf(activity);
  await inbox.receive({ eventId: which.eventId, type: activity.type, payload: activity, ...(place ? { teamId: place.tenantId } : {}) });
  const wakes = inbox.wakes;
  const work = process(activity).then(
    () => inbox.processed(which.eventId),
    (error: unknown) => {
      if (isDeferred(error)) return inbox.deferred({ eventId: which.eventId, payload: activity }, wakes);
      inbox.failed(which.eventId);
      throw error;
    },
  );
  if (options.processBeforeResponse) return work;
  // The row is stored: a failure now is logged and replayed later, never lost.
  void work.catch((error: unknown) => options.log(`Teams: activiteit ${which.eventId} niet verwerkt (de inbox probeert het opnieuw) / not processed, will be replayed`, error));
}

/** Replays a stored row through the same processing as a live activity. */
export function replayWith(process: (a: Activity) => Promise<void>): (row: Pick<InboundEventRecord, "eventId" | "payload">) => Promise<void> {
  return async (row) => {
    const activity = parseActivity(row.payload);
    if (!activity) throw new Error(`inbox row ${row.eventId}: not a Teams activity`);
    await process(activity);
  };
}
