/**
 * Button clicks (block_actions), routed exhaustively by the neutral ActionId. The click is acked at
 * once; then the use case runs. Modals open with the click's trigger_id, which Slack honours for
 * 3 seconds. Refusals ("alleen vaststellers …") go to the clicker only, as an ephemeral line.
 * @see https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
import type { App, webApi } from "@slack/bolt";
import { isActionId, type ActionId, type NeutralForm } from "../../../src/app/messages/message.ts";
import { runAction } from "../../../src/app/commands/runAction.ts";
import { userKey } from "../keys.ts";
import { SLACK_LIMITS } from "../limits.ts";
import { parseButtonClick, type ButtonClick } from "../parse.ts";
import { renderModal } from "../render/modal.ts";
import { slackTexts } from "../texts.ts";
import type { SlackHandlerDeps } from "./deps.ts";
import { encodeFormMeta } from "./formMeta.ts";
import { postEphemeralResult } from "./reply.ts";

export function registerActions(app: App, deps: SlackHandlerDeps): void {
  app.action(/^(session|digest)\./, async ({ ack, body, client, context }) => {
    await ack();
    const click = parseButtonClick(body, context.teamId);
    if (!click?.channel || !click.slackChannel || !isActionId(click.actionId)) return;
    const known = click as ButtonClick & { channel: string; slackChannel: string; actionId: ActionId };
    await deps.queue.run("interactive", () => handleClick(known, client, deps));
    deps.kick();
  });
}

async function handleClick(
  click: ButtonClick & { channel: string; slackChannel: string; actionId: ActionId },
  client: webApi.WebClient,
  deps: SlackHandlerDeps,
): Promise<void> {
  const person = await deps.directory.person(click.userId);
  const actor = { user: { key: userKey(click.userId), name: person.name }, channel: click.channel };
  const outcome = await runAction(deps.sessions, {
    eventId: `action:${click.triggerId}`,
    actor,
    actionId: click.actionId,
    value: click.value,
    formTextMax: SLACK_LIMITS.inputValue,
    lang: deps.lang,
    ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
  });
  if (outcome.kind === "form") {
    const thread = click.threadId ?? click.messageId;
    await openForm(client, click.triggerId, outcome.form, { state: outcome.form.state, channel: click.channel, ...(thread ? { threadTs: thread } : {}) }, deps);
    return;
  }
  const where = { slackChannel: click.slackChannel, userId: click.userId, ...(click.threadId ? { threadTs: click.threadId } : {}) };
  if (!outcome.quiet) await postEphemeralResult(client, where, outcome.result, deps.lang);
}

async function openForm(
  client: webApi.WebClient,
  triggerId: string,
  form: NeutralForm,
  meta: { state: string; channel: string; threadTs?: string },
  deps: SlackHandlerDeps,
): Promise<void> {
  await client.views.open({ trigger_id: triggerId, view: renderModal(form, slackTexts(deps.lang).close, encodeFormMeta(meta)) });
}
