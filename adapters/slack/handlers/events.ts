/**
 * Events API listeners: replies in a session thread (new, edited, deleted) and @duidbot mentions.
 * Bolt acks events before listeners run, so with processBeforeResponse false the 200 is already
 * out; the use case then records the event under its event_id, which makes Slack's retries
 * (x-slack-retry-num) no-ops in the database.
 * @see https://docs.slack.dev/apis/events-api#retries
 */
import { isBotRequest } from "../../../src/app/commands/commandTable.ts";
import { commandHelp, runCommand } from "../../../src/app/commands/runCommand.ts";
import type { App } from "@slack/bolt";
import { EventDeferred } from "../../../src/app/inbox/deferral.ts";
import { editContribution, recordContribution, sessionStatus, withdrawContribution } from "../../../src/app/sessions/index.ts";
import { userKey } from "../keys.ts";
import { parseMention, parseMessageEvent, userIdsIn } from "../parse.ts";
import type { SlackHandlerDeps } from "./deps.ts";
import { postEphemeralResult, replyEphemeral } from "./reply.ts";
import { richMrkdwn } from "../render/text.ts";
import { renderReply, SLACK_SURFACE } from "./commands.ts";

export function registerEvents(app: App, deps: SlackHandlerDeps): void {
  app.event("message", async ({ body, event, context }) => {
    const parsed = parseMessageEvent(body, event, context.teamId);
    if (!parsed) return;
    switch (parsed.kind) {
      case "posted": {
        // Top-level messages are conversation, not contributions.
        if (!parsed.threadId) return;
        const text = await contributionText(parsed.text, context.botUserId, deps);
        if (text === undefined) return;
        const person = await deps.directory.person(parsed.userId);
        const result = await deps.queue.run("background", () =>
          recordContribution(deps.sessions, {
            eventId: parsed.eventId,
            channel: parsed.channel,
            threadId: parsed.threadId,
            messageId: parsed.messageId,
            user: { key: userKey(parsed.userId), name: person.name },
            text,
            at: parsed.at,
          }),
        );
        // The root of this thread may still be on its way (its id not stored yet): the inbox keeps the
        // event and runs it again once a root's id is stored (see src/app/inbox/deferral.ts).
        if (result.status === "deferred") throw new EventDeferred(parsed.eventId);
        break;
      }
      case "edited": {
        const text = await contributionText(parsed.text, context.botUserId, deps);
        // Edited into a request to the bot: the contribution stays as it was.
        if (text === undefined) return;
        const edited = await deps.queue.run("background", () => editContribution(deps.sessions, { ...parsed, text }));
        if (edited.status === "deferred") throw new EventDeferred(parsed.eventId);
        break;
      }
      case "deleted": {
        const withdrawn = await deps.queue.run("background", () => withdrawContribution(deps.sessions, parsed));
        if (withdrawn.status === "deferred") throw new EventDeferred(parsed.eventId);
        break;
      }
      default: {
        const unreachable: never = parsed;
        throw new Error(`Unknown message event ${JSON.stringify(unreachable)}`);
      }
    }
    deps.kick();
  });

  app.event("app_mention", async ({ body, event, client, context }) => {
    const mention = parseMention(body, event, context.teamId);
    if (!mention) return;
    const where = { slackChannel: mention.slackChannel, userId: mention.userId, ...(mention.threadId ? { threadTs: mention.threadId } : {}) };
    const word = mention.text.split(/\s+/)[0]?.toLowerCase() ?? "";
    if (word !== "status") {
      // In a thread, "@duidbot <anything else>" is a reply that addresses the bot: the message listener
      // counts it as a contribution, so no help text there.
      if (mention.threadId && word !== "" && !isBotRequest(mention.text)) return;
      // "@duidbot acties", "@duidbot actie 3 gereed", "@duidbot ik ben …": the same as the slash command.
      if (word !== "" && isBotRequest(mention.text) && !["help", "hulp"].includes(word)) {
        const commandDeps = { ...deps.sessions, directory: deps.directory, surface: SLACK_SURFACE, lang: deps.lang, log: deps.log };
        const person = await deps.directory.person(mention.userId);
        const actor = { user: { key: userKey(mention.userId), name: person.name }, channel: mention.channel };
        const reply = await deps.queue.run("interactive", () => runCommand(commandDeps, { eventId: `mention:${mention.eventId}`, actor, text: mention.text }));
        await replyEphemeral(client, where, renderReply(reply));
        deps.kick();
        return;
      }
      await replyEphemeral(client, where, { text: richMrkdwn(commandHelp({ surface: SLACK_SURFACE, lang: deps.lang })) });
      return;
    }
    const result = await deps.queue.run("interactive", () =>
      sessionStatus(deps.sessions, {
        channel: mention.channel,
        ...(mention.threadId ? { session: { channel: mention.channel, threadId: mention.threadId } } : {}),
      }),
    );
    await postEphemeralResult(client, where, result, deps.lang);
  });
}

/**
 * The text to store for a thread reply, or undefined when the reply is a request to the bot
 * ("@duidbot status", "@duidbot help": the app_mention listener answers those). A reply that only
 * starts by addressing the bot ("@duidbot wij herkennen dit niet…") is a contribution, stored without
 * that address. Mentions of people become "@Naam" (names from the cached directory).
 */
async function contributionText(text: string, botUserId: string | undefined, deps: Pick<SlackHandlerDeps, "directory">): Promise<string | undefined> {
  let rest = text.trim();
  const address = botUserId ? `<@${botUserId}>` : undefined;
  if (address && rest.startsWith(address)) {
    rest = rest.slice(address.length).trim();
    if (rest === "" || isBotRequest(rest)) return undefined;
  }
  for (const id of userIdsIn(rest)) {
    const name = id === botUserId ? "duidbot" : (await deps.directory.person(id)).name;
    rest = rest.replace(new RegExp(`<@${id}(?:\\|[^>]*)?>`, "g"), `@${name}`);
  }
  return rest;
}
