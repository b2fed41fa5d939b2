/**
 * The /duiding slash command: verify (Bolt) → parse → the chat core's runCommand → render. Each
 * answer is the ack body (ephemeral to the person who typed it): one round trip, within Slack's
 * 3 seconds because the use cases only write the database; posts wait in the outbox.
 * @see https://docs.slack.dev/interactivity/implementing-slash-commands
 */
import type { App } from "@slack/bolt";
import { commandHelp, runCommand, type CommandReply, type CommandSurface } from "../../../src/app/commands/runCommand.ts";
import { userKey } from "../keys.ts";
import { parseCommand } from "../parse.ts";
import { renderMessage } from "../render/message.ts";
import { richMrkdwn } from "../render/text.ts";
import type { SlackHandlerDeps } from "./deps.ts";
import type { EphemeralContent } from "./reply.ts";

export const COMMAND = "/duiding";

/** How people address Duidbot in Slack, for the texts that tell them what to type. */
export const SLACK_SURFACE: CommandSurface = {
  invoke: COMMAND,
  invite: { nl: "Nodig de bot eerst uit met `/invite @duidbot`", en: "First invite the bot with `/invite @duidbot`" },
  // Slack sends no thread with a slash command: a thread's status is asked with a mention.
  extraHelp: {
    nl: [{ usage: "@duidbot status", text: "hetzelfde; in de draad van een sessie: de stand van die sessie" }],
    en: [{ usage: "@duidbot status", text: "the same; in a session's thread: that session's progress" }],
  },
};

export function registerCommands(app: App, deps: SlackHandlerDeps): void {
  app.command(COMMAND, async ({ body, ack, context }) => {
    const command = parseCommand(body, context.teamId);
    const commandDeps = { ...deps.sessions, directory: deps.directory, surface: SLACK_SURFACE, lang: deps.lang, log: deps.log };
    const reply: CommandReply = command
      ? await deps.queue.run("interactive", async () => {
          const person = await deps.directory.person(command.userId);
          const actor = { user: { key: userKey(command.userId), name: person.name }, channel: command.channel };
          return runCommand(commandDeps, { eventId: `cmd:${command.triggerId}`, actor, text: command.text });
        })
      : { kind: "text", text: commandHelp(commandDeps) };
    await ack({ response_type: "ephemeral", ...renderReply(reply) });
    deps.kick();
  });
}

export function renderReply(reply: CommandReply): EphemeralContent {
  if (reply.kind === "text") return { text: richMrkdwn(reply.text) };
  const rendered = renderMessage(reply.message);
  return { text: rendered.text, blocks: rendered.blocks };
}
