/**
 * Modal submissions (view_submission). The ack is the answer: empty closes the modal, or
 * `response_action: "errors"` keeps it open with a message under each field. So the use case runs
 * before the ack; it only writes the database, well within Slack's 3 seconds.
 * @see https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission
 */
import type { App, ViewResponseAction, webApi } from "@slack/bolt";
import { recordContribution, resultText, sessionRefFromValue, submitConclusion } from "../../../src/app/sessions/index.ts";
import { isQuestion } from "../../../src/domain/session.ts";
import { toChatError } from "../errors.ts";
import { parseChannelKey, userKey } from "../keys.ts";
import { parseFormSubmission, tsToDate, type FormSubmission } from "../parse.ts";
import { escapeMrkdwn } from "../render/text.ts";
import { slackTexts } from "../texts.ts";
import { CONTRIBUTE_OTHER_FORM } from "./actions.ts";
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
    await deps.queue.run("interactive", () =>
      submission.formId === CONTRIBUTE_OTHER_FORM ? contributeOther(submission, meta, ack, client, deps) : conclude(submission, meta, ack, client, deps),
    );
    deps.kick();
  });
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
  if (result.status !== "saved" && result.status !== "duplicate") {
    const slackChannel = parseChannelKey(meta.channel)?.channel;
    if (slackChannel) await replyEphemeral(client, { slackChannel, userId: submission.userId, ...(meta.threadTs ? { threadTs: meta.threadTs } : {}) }, { text: resultText(result, deps.lang) });
  }
}

/**
 * A contribution to a chosen question from the modal. It is echoed into the thread first, so
 * everyone sees it like any reply and edits/deletes have a message to refer to; then it is recorded
 * with a leading "#question" tag, which aims it at that question.
 */
async function contributeOther(submission: FormSubmission, meta: FormMeta, ack: ViewAck, client: webApi.WebClient, deps: SlackHandlerDeps): Promise<void> {
  const t = slackTexts(deps.lang);
  const question = submission.values.question;
  const text = submission.values.text?.trim();
  const slackChannel = parseChannelKey(meta.channel)?.channel;
  if (!question || !isQuestion(question) || !text || !slackChannel || !meta.threadTs) {
    await ack({ response_action: "errors", errors: { text: t.failed } });
    return;
  }
  const person = await deps.directory.person(submission.userId);
  let ts: string | undefined;
  try {
    const posted = await client.chat.postMessage({
      channel: slackChannel,
      thread_ts: meta.threadTs,
      text: `${t.contributionEcho(escapeMrkdwn(person.name), t.questions[question])}\n${escapeMrkdwn(text).replace(/^/gm, "> ")}`,
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
    text: `#${question} ${text}`,
    at: tsToDate(ts),
  });
  await ack();
}
