/**
 * Replies in a thread, their edits and their deletions: the activities the durable inbox keeps (see
 * inbox.ts). This runs for a live activity after it was stored and for a replayed one alike, from
 * the activity alone (no SDK context: nothing is answered), so a replay takes the live path.
 * The use cases dedupe on the event id, so a redelivered activity changes nothing.
 */
import { isBotRequest } from "../../../src/app/commands/commandTable.ts";
import { EventDeferred } from "../../../src/app/inbox/deferral.ts";
import { editContribution, recordContribution, withdrawContribution } from "../../../src/app/sessions/index.ts";
import { activityTime, eventId, personOf, placeOf, plainText, type Activity } from "../parse.ts";
import type { TeamsHandlerDeps } from "./deps.ts";

export type ThreadActivity = { kind: "reply" | "edited" | "deleted"; eventId: string };

/**
 * Which inbox kind an activity is, or undefined when it is none (a top-level post, a request to the
 * bot, a personal chat). The edit's id includes its text: Teams gives an edit the message's own id.
 */
export function threadActivity(activity: Activity): ThreadActivity | undefined {
  const place = placeOf(activity);
  if (!place?.threadId || place.conversationType !== "channel") return undefined;
  if (activity.type === "messageDelete") return { kind: "deleted", eventId: eventId("delete", activity) };
  if (!personOf(activity)) return undefined;
  const { text, addressedBot } = plainText(activity);
  if (activity.type === "messageUpdate") return { kind: "edited", eventId: eventId("edit", activity, activity.text ?? "") };
  if (activity.type !== "message") return undefined;
  // "@duidbot status" in a thread asks the bot; "@duidbot wij herkennen dit…" is a reply.
  if (addressedBot && (text === "" || isBotRequest(text))) return undefined;
  return { kind: "reply", eventId: eventId("message", activity) };
}

export async function processThreadActivity(activity: Activity, deps: TeamsHandlerDeps): Promise<void> {
  const which = threadActivity(activity);
  const place = placeOf(activity);
  if (!which || !place?.threadId || !activity.id) return;
  const at = activityTime(activity, deps.sessions.clock.now());
  const where = { eventId: which.eventId, channel: place.channel, threadId: place.threadId, messageId: activity.id, at };
  switch (which.kind) {
    case "reply": {
      const person = personOf(activity)!;
      const text = plainText(activity).text;
      const result = await deps.queue.run("background", () => recordContribution(deps.sessions, { ...where, user: { key: person.key, name: person.name }, text }));
      // The root of this thread may still be on its way: the inbox keeps the activity and runs it again.
      if (result.status === "deferred") throw new EventDeferred(which.eventId);
      break;
    }
    case "edited": {
      const text = plainText(activity).text;
      const result = await deps.queue.run("background", () => editContribution(deps.sessions, { ...where, text }));
      if (result.status === "deferred") throw new EventDeferred(which.eventId);
      break;
    }
    case "deleted": {
      const result = await deps.queue.run("background", () => withdrawContribution(deps.sessions, where));
      if (result.status === "deferred") throw new EventDeferred(which.eventId);
      break;
    }
  }
  deps.kick();
}
