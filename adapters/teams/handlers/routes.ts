/**
 * The SDK routes Duidbot listens to. Each handler gets an activity whose token the SDK has already
 * verified; it parses it (parse.ts), learns the tenant's serviceUrl and the conversation's type, and
 * hands it on: thread replies, edits and deletions to the inbox (stored before the 200), @mentions
 * to the commands (answered in the same conversation), card clicks and dialogs to cards.ts (answered
 * in the invoke response), membership events to the guest watch.
 */
import type { App } from "@microsoft/teams.apps";
import type { GuestWatch } from "../../../src/app/channels/guestWatch.ts";
import type { Inbox } from "../../../src/app/inbox/inbox.ts";
import { channelKey, userKey } from "../keys.ts";
import { parseActivity, personOf, placeOf, type Activity } from "../parse.ts";
import { storeThenProcess } from "../inbox.ts";
import { cardAction, openDialog, submitDialog } from "./cards.ts";
import { answerCommand, isCommand } from "./commands.ts";
import type { TeamsHandlerDeps } from "./deps.ts";
import { threadActivity } from "./threadMessages.ts";

export interface RouteDeps extends TeamsHandlerDeps {
  inbox: Inbox;
  guests: GuestWatch;
  process(activity: Activity): Promise<void>;
  processBeforeResponse: boolean;
}

export function registerRoutes(app: App, deps: RouteDeps): void {
  /** Parses and learns from every activity; undefined for one we cannot place. */
  const arrived = (raw: unknown): Activity | undefined => {
    deps.queue.arrived();
    const activity = parseActivity(raw);
    const place = activity ? placeOf(activity) : undefined;
    if (!activity || !place) return undefined;
    deps.book.learn(place.tenantId, place.serviceUrl, { id: place.conversation, type: place.conversationType });
    const person = personOf(activity);
    if (person) deps.directory.saw(person.aadObjectId, { tenantId: place.tenantId, conversation: place.conversation });
    return activity;
  };
  const stored = (activity: Activity) => storeThenProcess(deps.inbox, activity, deps.process, { processBeforeResponse: deps.processBeforeResponse, log: deps.log });

  app.on("message", async (ctx) => {
    const activity = arrived(ctx.activity);
    if (!activity) return;
    // A reply in a thread (also one that addresses the bot without a request) is a contribution.
    if (threadActivity(activity)) return void (await stored(activity));
    if (!isCommand(activity)) return;
    const answer = await answerCommand(activity, deps).catch((error: unknown) => {
      deps.log("Teams: commando mislukt / command failed", error);
      return undefined;
    });
    // The answer is feedback for the person who asked, not a channel message: sent directly.
    if (answer) await ctx.send(answer as never).catch((error: unknown) => deps.log("Teams: antwoord niet verstuurd / answer not sent", error));
  });
  app.on("messageUpdate", async (ctx) => {
    const activity = arrived(ctx.activity);
    if (activity) await stored(activity);
  });
  app.on("messageDelete", async (ctx) => {
    const activity = arrived(ctx.activity);
    if (activity) await stored(activity);
  });

  app.on("card.action", async (ctx) => {
    const activity = arrived(ctx.activity);
    return (activity ? await cardAction(activity, deps) : undefined) as never;
  });
  app.on("dialog.open", async (ctx) => {
    const activity = arrived(ctx.activity);
    return (activity ? await openDialog(activity, deps) : undefined) as never;
  });
  app.on("dialog.submit", async (ctx) => {
    const activity = arrived(ctx.activity);
    return (activity ? await submitDialog(activity, deps) : undefined) as never;
  });

  app.on("conversationUpdate", async (ctx) => {
    const activity = arrived(ctx.activity);
    const place = activity ? placeOf(activity) : undefined;
    if (!activity || !place || place.conversationType !== "channel") return;
    const event = activity.channelData?.eventType;
    const channel = channelOf(activity, place.tenantId) ?? place.channel;
    const check = async () => {
      if (event === "channelShared") return void (await deps.guests.channelShared(channel));
      const people = (activity.membersAdded ?? []).filter((m) => m.id !== activity.recipient?.id && m.aadObjectId);
      for (const member of people) {
        deps.directory.saw(member.aadObjectId!, { tenantId: place.tenantId, conversation: place.conversation });
        await deps.guests.memberJoined(channel, userKey(member.aadObjectId!));
      }
      // Someone added to the team is in every standard channel of it, but the event names only the
      // team (its General channel): check every linked channel now rather than in the next round.
      if (event === "teamMemberAdded" && people.length > 0) await deps.guests.checkAll();
    };
    // A failed check waits for the periodic one (at most 15 minutes); the activity is answered anyway.
    await check().catch((error: unknown) => deps.log("Teams: gastcontrole na conversationUpdate mislukt / guest check failed", error));
  });
}

/** The channel a membership event is about (channelData.channel), when it names one. */
function channelOf(activity: Activity, tenantId: string): string | undefined {
  const channel = (activity.channelData as { channel?: { id?: unknown } } | undefined)?.channel?.id;
  return typeof channel === "string" ? channelKey(tenantId, channel) : undefined;
}
