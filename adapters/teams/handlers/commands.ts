/**
 * @mention commands: `@duidbot help | status | start <id> | koppel …` in a channel or group chat,
 * or the same words without a mention in a personal chat, through the chat core's runCommand.
 * `@duidbot wie ben ik` answers the person's own key (teams:<Entra object id>) for duidbot.yaml.
 * Any other word gets the help: what Duidbot can do. The answer goes into the same conversation
 * (the thread of the mention): Teams has no message only one person sees in a channel.
 */
import { commandVerb } from "../../../src/app/commands/commandTable.ts";
import { commandHelp, runCommand, type CommandReply } from "../../../src/app/commands/runCommand.ts";
import { resultText, sessionStatus } from "../../../src/app/sessions/index.ts";
import { plainSpan } from "../../../src/app/messages/richText.ts";
import { eventId, personOf, placeOf, plainText, type Activity } from "../parse.ts";
import { richMarkdown } from "../render/text.ts";
import { cardActivity } from "../teamsChat.ts";
import type { OutgoingActivity } from "../connector.ts";
import { isWhoAmI, TEAMS_SURFACE, teamsTexts } from "../texts.ts";
import type { TeamsHandlerDeps } from "./deps.ts";

/** A message the bot should answer: addressed to it, or anything in a personal chat. */
export function isCommand(activity: Activity): boolean {
  const place = placeOf(activity);
  if (activity.type !== "message" || !place || !personOf(activity)) return false;
  return place.conversationType === "personal" || plainText(activity).addressedBot;
}

export async function answerCommand(activity: Activity, deps: TeamsHandlerDeps): Promise<OutgoingActivity | undefined> {
  const place = placeOf(activity);
  const person = personOf(activity);
  if (!place || !person) return undefined;
  const text = plainText(activity).text;
  const t = teamsTexts(deps.lang);
  if (isWhoAmI(text)) return markdown(t.whoAmI(person.key));
  const word = text.split(/\s+/)[0] ?? "";
  const verb = commandVerb(word);
  const commandDeps = { ...deps.sessions, directory: deps.directory, surface: TEAMS_SURFACE, lang: deps.lang, log: deps.log };
  if (verb === undefined) return markdown(richMarkdown(commandHelp(commandDeps)));
  const actor = { user: { key: person.key, name: person.name }, channel: place.channel };
  const reply: CommandReply = await deps.queue.run("interactive", async () => {
    // In a session's thread, status is that session's progress.
    if (verb === "status" && place.threadId) {
      const result = await sessionStatus(deps.sessions, { channel: place.channel, session: { channel: place.channel, threadId: place.threadId } });
      return result.status === "ok" ? { kind: "message", message: result.message } : { kind: "text", text: [plainSpan(resultText(result, deps.lang))] };
    }
    return runCommand(commandDeps, { eventId: eventId("command", activity), actor, text });
  });
  deps.kick();
  return reply.kind === "text" ? markdown(richMarkdown(reply.text)) : cardActivity(reply.message);
}

function markdown(text: string): OutgoingActivity {
  return { type: "message", text, textFormat: "markdown" };
}
