/**
 * Events API listeners: replies in a session thread (new, edited, deleted) and @duidbot mentions.
 * Bolt acks events before listeners run, so with processBeforeResponse false the 200 is already
 * out; the use case then records the event under its event_id, which makes Slack's retries
 * (x-slack-retry-num) no-ops in the database.
 * @see https://docs.slack.dev/apis/events-api#retries
 */
import type { App } from "@slack/bolt";
import { editContribution, recordContribution, sessionStatus, withdrawContribution } from "../../../src/app/sessions/index.ts";
import { userKey } from "../keys.ts";
import { parseMention, parseMessageEvent } from "../parse.ts";
import type { SlackHandlerDeps } from "./deps.ts";
import { postEphemeralResult, replyEphemeral } from "./reply.ts";
import { slackTexts } from "../texts.ts";

export function registerEvents(app: App, deps: SlackHandlerDeps): void {
  app.event("message", async ({ body, event, context }) => {
    const parsed = parseMessageEvent(body, event);
    if (!parsed) return;
    switch (parsed.kind) {
      case "posted": {
        // Top-level messages are conversation, not contributions; a message addressed to the bot is a command.
        if (!parsed.threadId || (context.botUserId && parsed.text.trimStart().startsWith(`<@${context.botUserId}>`))) return;
        const person = await deps.directory.person(parsed.userId);
        await deps.queue.run("background", () =>
          recordContribution(deps.sessions, {
          eventId: parsed.eventId,
          channel: parsed.channel,
          threadId: parsed.threadId,
          messageId: parsed.messageId,
          user: { key: userKey(parsed.userId), name: person.name },
            text: parsed.text,
            at: parsed.at,
          }),
        );
        break;
      }
      case "edited":
        await deps.queue.run("background", () => editContribution(deps.sessions, parsed));
        break;
      case "deleted":
        await deps.queue.run("background", () => withdrawContribution(deps.sessions, parsed));
        break;
      default: {
        const unreachable: never = parsed;
        throw new Error(`Unknown message event ${JSON.stringify(unreachable)}`);
      }
    }
    deps.kick();
  });

  app.event("app_mention", async ({ body, event, client }) => {
    const mention = parseMention(body, event);
    if (!mention) return;
    const where = { slackChannel: mention.slackChannel, userId: mention.userId, ...(mention.threadId ? { threadTs: mention.threadId } : {}) };
    if (mention.text.toLowerCase() !== "status") {
      await replyEphemeral(client, where, { text: slackTexts(deps.lang).help });
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
