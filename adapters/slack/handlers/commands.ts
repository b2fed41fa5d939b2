/**
 * The /duiding slash command: help, status, start <indicator of doel>, koppel <publiek> [ids] [auto].
 * Each answer is the ack body (ephemeral to the person who typed it): one round trip, within
 * Slack's 3 seconds because the use cases only write the database; posts wait in the outbox.
 * @see https://docs.slack.dev/interactivity/implementing-slash-commands
 */
import type { App } from "@slack/bolt";
import { linkChannel, resultText, sessionStatus, startSession } from "../../../src/app/sessions/index.ts";
import type { LinkChannelInput } from "../../../src/app/sessions/index.ts";
import { CHANNEL_AUDIENCES, PERSPECTIVES, type ChannelAudience, type Perspective } from "../../../src/domain/sessionRules.ts";
import { platformError } from "../errors.ts";
import { userKey } from "../keys.ts";
import { parseCommand, type Command } from "../parse.ts";
import { slackTexts } from "../texts.ts";
import type { SlackHandlerDeps } from "./deps.ts";
import { ephemeralContent, type EphemeralContent } from "./reply.ts";

export const COMMAND = "/duiding";

export function registerCommands(app: App, deps: SlackHandlerDeps): void {
  app.command(COMMAND, async ({ body, ack, context }) => {
    const command = parseCommand(body, context.teamId);
    const answer = command ? await deps.queue.run("interactive", () => run(command, deps)) : { text: slackTexts(deps.lang).help };
    await ack({ response_type: "ephemeral", ...answer });
    deps.kick();
  });
}

async function run(command: Command, deps: SlackHandlerDeps): Promise<EphemeralContent> {
  const t = slackTexts(deps.lang);
  switch (command.verb) {
    case "":
    case "help":
    case "hulp":
      return { text: t.help };
    case "status":
      return ephemeralContent(await sessionStatus(deps.sessions, { channel: command.channel }), deps.lang);
    case "start":
      return start(command, deps);
    case "koppel":
    case "link":
      return koppel(command, deps);
    default:
      return { text: t.unknownCommand(command.verb) };
  }
}

async function actorOf(command: Command, deps: SlackHandlerDeps) {
  const person = await deps.directory.person(command.userId);
  return { user: { key: userKey(command.userId), name: person.name }, channel: command.channel };
}

/** The id may name an indicator or a doel; the command does not say which, so try both. */
async function start(command: Command, deps: SlackHandlerDeps): Promise<{ text: string }> {
  // DIN ids are lower-case slugs; people type "Jeugdhulp" as often as "jeugdhulp".
  const id = command.args.split(/\s+/)[0]?.toLowerCase();
  if (!id) return { text: slackTexts(deps.lang).startNeedsSubject };
  const actor = await actorOf(command, deps);
  let result = await startSession(deps.sessions, { eventId: `cmd:${command.triggerId}`, actor, subject: { kind: "indicator", id } });
  if (result.status === "unknown-subject") {
    result = await startSession(deps.sessions, { eventId: `cmd:${command.triggerId}:doel`, actor, subject: { kind: "doel", id } });
  }
  return { text: resultText(result, deps.lang) };
}

/**
 * `koppel <publiek> [ids…] [auto] [perspectief=<p>] [taal=<nl|en>]`. Ids are sorted into opgaven,
 * doelen and indicators by looking them up in the DIN (people type ids, not kinds); unknown ids go
 * to indicators so the use case reports them. A channel shared with another organisation or with
 * guests in it is always linked as gast: Slack knows this, the admin might not. A DM is refused, and
 * so is a channel the bot is not in (its posts would fail with not_in_channel): invite it first.
 */
async function koppel(command: Command, deps: SlackHandlerDeps): Promise<{ text: string }> {
  const t = slackTexts(deps.lang);
  const [first, ...rest] = command.args.split(/\s+/).filter(Boolean);
  const requested = CHANNEL_AUDIENCES.find((a) => a === first?.toLowerCase());
  if (!requested) return { text: t.koppelNeedsAudience };

  // A DM (the bot's Messages tab, or one between people) is no channel; its id alone says so.
  if (command.slackChannel.startsWith("D")) return { text: t.koppelDirect };
  let audience: ChannelAudience = requested;
  let forced = false;
  try {
    // Members are only looked up when the audience could still become gast.
    const reach = await deps.directory.reach(command.slackChannel, { quick: true, members: audience !== "gast" });
    if (reach.isDirect) return { text: t.koppelDirect };
    // Not in the channel: every post would fail with not_in_channel, so do not link (yet).
    if (!reach.isMember) return { text: t.koppelNotMember };
    if (audience !== "gast" && (reach.externallyShared || reach.hasGuests)) [audience, forced] = ["gast", true];
  } catch (error) {
    // A private channel the bot is not in is invisible to it.
    if (platformError(error) === "channel_not_found") return { text: t.koppelNotMember };
    deps.log("Slack: kanaalgegevens niet op te halen / conversations.info failed", error);
    return { text: t.slackBusy };
  }

  const ids = rest.filter((w) => !/^auto$|=/.test(w));
  // No ids: keep the channel's scope (a relink that only changes the audience keeps it).
  const settings: LinkChannelInput["settings"] = { audience, ...(ids.length > 0 ? { scope: await sortIds(ids, deps) } : {}) };
  if (rest.includes("auto")) settings.autoStart = true;
  for (const [key, value] of rest.filter((w) => w.includes("=")).map((w) => w.split("=", 2) as [string, string])) {
    if ((key === "perspectief" || key === "perspective") && (PERSPECTIVES as readonly string[]).includes(value)) settings.perspective = value as Perspective;
    if ((key === "taal" || key === "lang") && (value === "nl" || value === "en")) settings.lang = value;
  }
  const result = await linkChannel(deps.sessions, { eventId: `cmd:${command.triggerId}`, actor: await actorOf(command, deps), settings });
  const line =
    result.status === "invalid"
      ? result.issues.map((i) => `• ${deps.lang === "en" ? i.messageEn : i.message}`).join("\n")
      : resultText(result, deps.lang);
  return { text: forced && result.status === "linked" ? `${line}\n${t.guestChannelForced}` : line };
}

async function sortIds(ids: string[], deps: SlackHandlerDeps): Promise<{ opgaven: string[]; doelen: string[]; indicators: string[] }> {
  const scope = { opgaven: [] as string[], doelen: [] as string[], indicators: [] as string[] };
  const din = await deps.sessions.dins.loadDin();
  for (const id of ids.flatMap((w) => w.toLowerCase().split(",")).filter(Boolean)) {
    if (din?.latest.opgaven.some((o) => o.id === id)) scope.opgaven.push(id);
    else if (din?.latest.goals.some((g) => g.id === id)) scope.doelen.push(id);
    else scope.indicators.push(id);
  }
  return scope;
}
