/**
 * Modal submissions (view_submission). The ack is the answer: empty closes the modal, or
 * `response_action: "errors"` keeps it open with a message under each field. So the use case runs
 * before the ack; it only writes the database, well within Slack's 3 seconds.
 * @see https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission
 */
import type { App, ViewResponseAction, webApi } from "@slack/bolt";
import { isFormId } from "../../../src/app/messages/message.ts";
import { parseContributeOther, recordContribution, resultText, sessionRefFromValue, submitConclusion, submitSummaryForm } from "../../../src/app/sessions/index.ts";
import { questionText } from "../../../src/domain/sessionText.ts";
import { toChatError } from "../errors.ts";
import { parseChannelKey, userKey } from "../keys.ts";
import { parseFormSubmission, tsToDate, type FormSubmission } from "../parse.ts";
import { escapeMrkdwn } from "../render/text.ts";
import { slackTexts } from "../texts.ts";
import type { SlackHandlerDeps } from "./deps.ts";
import { decodeFormMeta, type FormMeta } from "./formMeta.ts";
import { replyEphemeral } from "./reply.ts";

type ViewAck = (response?: ViewResponseAction) => Promise<void>;

export function registerViews(app: App, deps: SlackHandlerDeps): void {
  app.view(/.*/, async ({ ack: anyAck, body, client }) => {
    // Bolt types the ack for view_submission and view_closed together; only submissions reach us here.
    const ack = anyAck as ViewAck;
    const submission = parseFormSubmission(body);
    const meta = submission ? decodeFormMeta(submission.state) : undefined;
    if (!submission || !meta) {
      await ack();
      return;
    }
    const formId = submission.formId;
    if (!isFormId(formId)) {
      // An old or tampered form: close it and say so; nothing is stored.
      await ack();
      await answer(client, submission, meta, { status: "unknown-form" }, deps);
      return;
    }
    await deps.queue.run("interactive", () => {
      switch (formId) {
        case "session.contributeOther":
          return contributeOther(submission, meta, ack, client, deps);
        case "session.conclude":
          return conclude(submission, meta, ack, client, deps);
        case "session.share":
          return share(submission, meta, ack, client, deps);
        default: {
          const unreachable: never = formId;
          throw new Error(`Unhandled form ${String(unreachable)}`);
        }
      }
    });
    deps.kick();
  });
}

/** One line to the person who submitted, in the thread the form came from. */
async function answer(client: webApi.WebClient, submission: FormSubmission, meta: FormMeta, result: { status: string }, deps: SlackHandlerDeps): Promise<void> {
  const slackChannel = parseChannelKey(meta.channel)?.channel;
  if (slackChannel) await replyEphemeral(client, { slackChannel, userId: submission.userId, ...(meta.threadTs ? { threadTs: meta.threadTs } : {}) }, { text: resultText(result, deps.lang) });
}

async function conclude(submission: FormSubmission, meta: FormMeta, ack: ViewAck, client: webApi.WebClient, deps: SlackHandlerDeps): Promise<void> {
  const session = sessionRefFromValue(meta.state);
  const person = await deps.directory.person(submission.userId);
  const result = session
    ? await submitConclusion(deps.sessions, {
        eventId: `view:${submission.triggerId}`,
        actor: { user: { key: userKey(submission.userId), name: person.name }, channel: meta.channel },
        session,
        values: submission.values,
      })
    : ({ status: "not-found" } as const);
  if (result.status === "invalid") {
    const errors = Object.fromEntries(result.issues.map((i) => [i.field, deps.lang === "en" ? i.messageEn : i.message]));
    await ack({ response_action: "errors", errors });
    return;
  }
  await ack();
  if (result.status !== "saved" && result.status !== "duplicate") await answer(client, submission, meta, result, deps);
}

/** "Samenvatting delen": the summary goes to the session's guest threads; an empty one keeps the modal open. */
async function share(submission: FormSubmission, meta: FormMeta, ack: ViewAck, client: webApi.WebClient, deps: SlackHandlerDeps): Promise<void> {
  const person = await deps.directory.person(submission.userId);
  const actor = { user: { key: userKey(submission.userId), name: person.name }, channel: meta.channel };
  const result = await submitSummaryForm(deps.sessions, { eventId: `view:${submission.triggerId}`, actor, state: meta.state, values: submission.values });
  if (result.status === "invalid") {
    await ack({ response_action: "errors", errors: Object.fromEntries(result.issues.map((i) => [i.field, deps.lang === "en" ? i.messageEn : i.message])) });
    return;
  }
  await ack();
  if (result.status !== "duplicate") await answer(client, submission, meta, result, deps);
}

/**
 * A contribution to a chosen question from the modal. It is echoed into the thread first, so
 * everyone sees it like any reply and edits/deletes have a message to refer to; then it is recorded
 * for the chosen question.
 */
async function contributeOther(submission: FormSubmission, meta: FormMeta, ack: ViewAck, client: webApi.WebClient, deps: SlackHandlerDeps): Promise<void> {
  const t = slackTexts(deps.lang);
  const parsed = parseContributeOther(submission.values, deps.lang);
  if (!parsed.ok) {
    await ack({ response_action: "errors", errors: { [parsed.field]: parsed.message } });
    return;
  }
  const slackChannel = parseChannelKey(meta.channel)?.channel;
  if (!slackChannel || !meta.threadTs) {
    await ack({ response_action: "errors", errors: { text: t.failed } });
    return;
  }
  const person = await deps.directory.person(submission.userId);
  let ts: string | undefined;
  try {
    const posted = await client.chat.postMessage({
      channel: slackChannel,
      thread_ts: meta.threadTs,
      text: `${t.contributionEcho(escapeMrkdwn(person.name), questionText(parsed.question, deps.lang).label)}\n${escapeMrkdwn(parsed.text).replace(/^/gm, "> ")}`,
    });
    ts = posted.ts;
  } catch (error) {
    const chatError = toChatError(error, "chat.postMessage");
    await ack({ response_action: "errors", errors: { text: chatError.retryable ? t.slackBusy : t.failed } });
    return;
  }
  if (!ts) {
    await ack({ response_action: "errors", errors: { text: t.failed } });
    return;
  }
  await recordContribution(deps.sessions, {
    eventId: `view:${submission.triggerId}`,
    channel: meta.channel,
    threadId: meta.threadTs,
    messageId: ts,
    user: { key: userKey(submission.userId), name: person.name },
    text: parsed.text,
    question: parsed.question,
    at: tsToDate(ts),
  });
  await ack();
}
