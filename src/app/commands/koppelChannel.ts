/**
 * `koppel` from chat: an admin links the channel they type in. Before linking, the platform is asked
 * about the channel (ChatDirectory): a direct message is no channel; a channel the bot is not in
 * would make every post fail, so it is not linked (yet); and a channel shared with another
 * organisation or with guests in it is always linked as gast — the platform knows this, the admin
 * might not. Members are only looked up while the audience could still become gast.
 */
import type { ChannelReach, ChatDirectory } from "../channels/directory.ts";
import { ChatError } from "../errors.ts";
import { linkChannel } from "../sessions/index.ts";
import type { Actor, LinkChannelInput, LinkChannelResult, SessionDeps } from "../sessions/index.ts";
import type { CommandProblem } from "./commandTexts.ts";
import { sortScopeIds, type KoppelArgs } from "./koppelArgs.ts";

export type KoppelOutcome =
  | { status: "refused"; problem: Extract<CommandProblem, "koppel-direct" | "koppel-not-member" | "platform-busy"> }
  | { status: "done"; result: LinkChannelResult; forcedGuest: boolean };

export async function koppelChannel(
  deps: SessionDeps & { directory: ChatDirectory; log(message: string, error?: unknown): void },
  input: { eventId: string; actor: Actor; args: KoppelArgs },
): Promise<KoppelOutcome> {
  const { args } = input;
  let reach: ChannelReach;
  try {
    reach = await deps.directory.reach(input.actor.channel, { quick: true, members: args.audience !== "gast" });
  } catch (error) {
    // A private channel the bot is not in is invisible to it.
    if (error instanceof ChatError && error.code === "NotFound") return { status: "refused", problem: "koppel-not-member" };
    deps.log(`${deps.directory.label}: kanaalgegevens niet op te halen / channel look-up failed`, error);
    return { status: "refused", problem: "platform-busy" };
  }
  if (reach.isDirect) return { status: "refused", problem: "koppel-direct" };
  if (!reach.isMember) return { status: "refused", problem: "koppel-not-member" };
  const forcedGuest = args.audience !== "gast" && (reach.externallyShared || reach.hasGuests);

  const settings: LinkChannelInput["settings"] = { audience: forcedGuest ? "gast" : args.audience };
  if (args.ids) settings.scope = sortScopeIds(await deps.dins.loadDin(), args.ids);
  if (args.autoStart) settings.autoStart = true;
  if (args.perspective) settings.perspective = args.perspective;
  if (args.lang) settings.lang = args.lang;
  if (args.digest) settings.digest = args.digest;
  if (args.digestSendEmpty !== undefined) settings.digestSendEmpty = args.digestSendEmpty;
  const result = await linkChannel(deps, { eventId: input.eventId, actor: input.actor, settings });
  return { status: "done", result, forcedGuest: forcedGuest && result.status === "linked" };
}
