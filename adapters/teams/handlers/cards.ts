/**
 * Card buttons and dialogs. Action.Execute arrives as an `adaptiveCard/action` invoke: the chat
 * core's runAction runs it and the invoke response is a line only the clicker sees (a refusal, or
 * what happened). Buttons that open a form are `task/fetch` invokes: the response is a dialog with
 * the form as a card; its `task/submit` comes back with the inputs, and a refused submission keeps
 * the dialog open with the problems above the person's own text.
 * @see https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards
 */
import { z } from "zod";
import { runAction } from "../../../src/app/commands/runAction.ts";
import type { NeutralForm } from "../../../src/app/messages/message.ts";
import { ACTION_IDS, isFormId } from "../../../src/app/messages/message.ts";
import {
  contributeOtherForm,
  draftConclusion,
  parseContributeOther,
  recordContribution,
  resultText,
  sessionRefFromValue,
  shareSummaryForm,
  submitConclusion,
  submitSummaryForm,
} from "../../../src/app/sessions/index.ts";
import { questionText } from "../../../src/domain/sessionText.ts";
import { ChatError } from "../../../src/app/errors.ts";
import { eventId, personOf, placeOf, type Activity, type Person, type Place } from "../parse.ts";
import { renderFormCard, INPUT_MAX } from "../render/form.ts";
import { CHOICE_INPUT } from "../render/card.ts";
import { escapeMarkdown } from "../render/text.ts";
import { threadConversation } from "../keys.ts";
import { CARD_CONTENT_TYPE } from "../teamsChat.ts";
import { teamsTexts } from "../texts.ts";
import type { TeamsHandlerDeps } from "./deps.ts";

const Ours = z.object({ action: z.enum(ACTION_IDS), value: z.string().max(200) });
const ExecuteValue = z.object({ action: z.object({ verb: z.string().optional(), data: z.object({ duidbot: Ours }).loose() }).loose() }).loose();
const FetchValue = z.object({ data: z.object({ duidbot: Ours }).loose() }).loose();
const SubmitValue = z.object({ data: z.object({ duidbot: z.object({ form: z.string(), state: z.string().max(200) }) }).catchall(z.unknown()) }).loose();

export type InvokeBody = Record<string, unknown>;

const messageResponse = (text: string): InvokeBody => ({ statusCode: 200, type: "application/vnd.microsoft.activity.message", value: text });
const dialogMessage = (text: string): InvokeBody => ({ task: { type: "message", value: text } });
const dialog = (form: NeutralForm, deps: TeamsHandlerDeps, options: Parameters<typeof renderFormCard>[2] = {}): InvokeBody => ({
  task: { type: "continue", value: { title: form.title, width: "large", height: "large", card: { contentType: CARD_CONTENT_TYPE, content: renderFormCard(form, { required: teamsTexts(deps.lang).required }, options) } } },
});

function who(activity: Activity): { place: Place; person: Person } | undefined {
  const place = placeOf(activity);
  const person = personOf(activity);
  return place && person ? { place, person } : undefined;
}

async function click(activity: Activity, ours: z.infer<typeof Ours>, deps: TeamsHandlerDeps) {
  const { place, person } = who(activity)!;
  const outcome = await deps.queue.run("interactive", () =>
    runAction(deps.sessions, {
      eventId: eventId("action", activity),
      actor: { user: { key: person.key, name: person.name }, channel: place.channel },
      actionId: ours.action,
      value: ours.value,
      formTextMax: INPUT_MAX,
      lang: deps.lang,
      ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
    }),
  );
  deps.kick();
  return outcome;
}

/** `adaptiveCard/action` (Action.Execute). */
export async function cardAction(activity: Activity, deps: TeamsHandlerDeps): Promise<InvokeBody> {
  const parsed = ExecuteValue.safeParse(activity.value);
  if (!parsed.success || !who(activity)) return messageResponse(teamsTexts(deps.lang).oldCard);
  // A long choice's menu (render/card.ts) hands the chosen value beside our data.
  const chosen = parsed.data.action.data[CHOICE_INPUT];
  const ours = typeof chosen === "string" && chosen !== "" && chosen.length <= 200 ? { ...parsed.data.action.data.duidbot, value: chosen } : parsed.data.action.data.duidbot;
  const outcome = await click(activity, ours, deps);
  // A form from an Execute button (an old card): the newest card opens it as a dialog.
  if (outcome.kind === "form") return messageResponse(teamsTexts(deps.lang).oldCard);
  return messageResponse(resultText(outcome.result, deps.lang));
}

/** `task/fetch`: a button that opens a form. */
export async function openDialog(activity: Activity, deps: TeamsHandlerDeps): Promise<InvokeBody> {
  const parsed = FetchValue.safeParse(activity.value);
  if (!parsed.success || !who(activity)) return dialogMessage(teamsTexts(deps.lang).oldCard);
  const outcome = await click(activity, parsed.data.data.duidbot, deps);
  return outcome.kind === "form" ? dialog(outcome.form, deps) : dialogMessage(resultText(outcome.result, deps.lang));
}

/** `task/submit`: the dialog's inputs, all strings; an empty date or text is no value. */
export async function submitDialog(activity: Activity, deps: TeamsHandlerDeps): Promise<InvokeBody | undefined> {
  const parsed = SubmitValue.safeParse(activity.value);
  const parties = who(activity);
  if (!parsed.success || !parties) return dialogMessage(teamsTexts(deps.lang).oldCard);
  const { duidbot, ...inputs } = parsed.data.data;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(inputs)) if (typeof value === "string" && value.trim() !== "") values[key] = value;
  const formId = duidbot.form;
  if (!isFormId(formId)) return dialogMessage(resultText({ status: "unknown-form" }, deps.lang));
  const actor = { user: { key: parties.person.key, name: parties.person.name }, channel: parties.place.channel };
  const id = eventId("dialog", activity);
  if (formId === "session.conclude") {
    const session = sessionRefFromValue(duidbot.state);
    const result = session ? await deps.queue.run("interactive", () => submitConclusion(deps.sessions, { eventId: id, actor, session, values })) : ({ status: "not-found" } as const);
    deps.kick();
    if (result.status === "invalid") {
      // The same form again, refilled with what the person typed, the problems above it.
      const draft = session ? await draftConclusion(deps.sessions, { actor, session, textMax: INPUT_MAX }) : undefined;
      const problems = result.issues.map((i) => (deps.lang === "en" ? i.messageEn : i.message));
      return draft?.status === "ok" ? dialog(draft.form, deps, { values, problems }) : dialogMessage(problems.join("\n"));
    }
    // Saved: the dialog closes; the status card in the thread shows the draft.
    return result.status === "saved" || result.status === "duplicate" ? undefined : dialogMessage(resultText(result, deps.lang));
  }
  if (formId === "session.share") {
    const result = await deps.queue.run("interactive", () => submitSummaryForm(deps.sessions, { eventId: id, actor, state: duidbot.state, values }));
    deps.kick();
    if (result.status === "invalid") {
      const opened = await shareSummaryForm(deps.sessions, { actor, value: duidbot.state, lang: deps.lang });
      const problems = result.issues.map((i) => (deps.lang === "en" ? i.messageEn : i.message));
      return opened.status === "ok" ? dialog(opened.form, deps, { values, problems }) : dialogMessage(problems.join("\n"));
    }
    return dialogMessage(resultText(result, deps.lang));
  }
  return contributeOther(activity, parties, duidbot.state, values, deps);
}

/**
 * A contribution to a chosen question: echoed into the thread first (everyone sees it like any reply,
 * and edits refer to a message), then recorded for that question under the echo's id.
 */
async function contributeOther(activity: Activity, parties: { place: Place; person: Person }, state: string, values: Record<string, string>, deps: TeamsHandlerDeps): Promise<InvokeBody | undefined> {
  const t = teamsTexts(deps.lang);
  const parsed = parseContributeOther(values, deps.lang);
  const { place, person } = parties;
  if (!parsed.ok) {
    return dialog(contributeOtherForm(state, deps.lang), deps, { values, problems: [parsed.message] });
  }
  if (!place.threadId) return dialogMessage(t.failed);
  let messageId: string;
  try {
    const echo = `${t.contributionEcho(escapeMarkdown(person.name), questionText(parsed.question, deps.lang).label)}\n\n> ${escapeMarkdown(parsed.text).replace(/\n/g, "\n> ")}`;
    messageId = await deps.connector.send(place.serviceUrl, threadConversation(place.conversation, place.threadId), { type: "message", text: echo, textFormat: "markdown" });
  } catch (error) {
    deps.log("Teams: bijdrage niet in de draad geplaatst / contribution echo failed", error);
    return dialogMessage(error instanceof ChatError && error.retryable ? t.teamsBusy : t.failed);
  }
  await deps.queue.run("interactive", () =>
    recordContribution(deps.sessions, {
      eventId: eventId("dialog", activity),
      channel: place.channel,
      threadId: place.threadId!,
      messageId,
      user: { key: person.key, name: person.name },
      text: parsed.text,
      question: parsed.question,
      at: deps.sessions.clock.now(),
    }),
  );
  deps.kick();
  return undefined;
}
