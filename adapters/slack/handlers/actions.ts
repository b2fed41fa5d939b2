/**
 * Button clicks (block_actions), routed exhaustively by the neutral ActionId. The click is acked at
 * once; then the use case runs. Modals open with the click's trigger_id, which Slack honours for
 * 3 seconds. Refusals ("alleen vaststellers …") go to the clicker only, as an ephemeral line.
 * @see https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
import type { App, webApi } from "@slack/bolt";
import type { ActionId, NeutralForm } from "../../../src/app/messages/message.ts";
import {
  adoptConclusion,
  draftConclusion,
  moveQuestion,
  moveRefFromValue,
  sessionRefFromValue,
  contributeOtherForm,
  startFromChangePost,
} from "../../../src/app/sessions/index.ts";
import { userKey } from "../keys.ts";
import { SLACK_LIMITS } from "../limits.ts";
import { parseButtonClick, type ButtonClick } from "../parse.ts";
import { renderModal } from "../render/modal.ts";
import { slackTexts } from "../texts.ts";
import type { SlackHandlerDeps } from "./deps.ts";
import { encodeFormMeta } from "./formMeta.ts";
import { postEphemeralResult } from "./reply.ts";

const ACTION_IDS: readonly ActionId[] = ["session.start", "session.next", "session.contributeOther", "session.conclude", "session.adopt"];

function isActionId(id: string): id is ActionId {
  return (ACTION_IDS as readonly string[]).includes(id);
}

/** A button whose value is no session id (an old or tampered message). */
const NOT_FOUND = { status: "not-found" } as const;

/** Outcomes the clicker sees anyway (a new thread, a new question, an adopted post): no extra line. */
const VISIBLE_OUTCOMES = new Set(["started", "moved", "adopted", "duplicate"]);

export function registerActions(app: App, deps: SlackHandlerDeps): void {
  app.action(/^session\./, async ({ ack, body, client, context }) => {
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
  const eventId = `action:${click.triggerId}`;
  const session = sessionRefFromValue(click.value);
  const where = { slackChannel: click.slackChannel, userId: click.userId, ...(click.threadId ? { threadTs: click.threadId } : {}) };
  const thread = click.threadId ?? click.messageId;
  let result: { status: string; reason?: string; code?: string; action?: string; question?: string };
  switch (click.actionId) {
    case "session.start":
      result = await startFromChangePost(deps.sessions, { eventId, actor, value: click.value });
      break;
    case "session.next": {
      // "<sessionId>:<question>" (the question the root showed), or the plain id of older messages.
      const move = moveRefFromValue(click.value);
      result = move ? await moveQuestion(deps.sessions, { eventId, actor, session: move.session, direction: "next", ...(move.from ? { from: move.from } : {}) }) : NOT_FOUND;
      break;
    }
    case "session.adopt":
      result = session ? await adoptConclusion(deps.sessions, { eventId, actor, session }) : NOT_FOUND;
      break;
    case "session.conclude": {
      const draft = session ? await draftConclusion(deps.sessions, { actor, session, textMax: SLACK_LIMITS.inputValue }) : NOT_FOUND;
      if (draft.status === "ok") {
        await openForm(client, click.triggerId, draft.form, { state: draft.form.state, channel: click.channel, ...(thread ? { threadTs: thread } : {}) }, deps);
        return;
      }
      result = draft;
      break;
    }
    case "session.contributeOther":
      await openForm(client, click.triggerId, contributeOtherForm(click.value, deps.lang), { state: click.value, channel: click.channel, ...(thread ? { threadTs: thread } : {}) }, deps);
      return;
    default: {
      const unreachable: never = click.actionId;
      throw new Error(`Unhandled action ${String(unreachable)}`);
    }
  }
  if (!VISIBLE_OUTCOMES.has(result.status)) await postEphemeralResult(client, where, result, deps.lang);
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
