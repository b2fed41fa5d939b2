/**
 * A second chat platform for the tests, on the same seam as Slack (src/app/chatAdapter.ts): a tiny
 * JSON "platform" at /memory/* whose requests go through the same chat core (runCommand, runAction,
 * recordContribution, submitConclusion) and whose posts land in a MemoryChat. It proves that a
 * platform needs only parsing and rendering: no session rule lives here. Not in the production list
 * (src/main/chatAdapters.ts): tests enable it themselves.
 */
import express from "express";
import { z } from "zod";
import type { ChatAdapter, ChatAdapterPlugin } from "../../src/app/chatAdapter.ts";
import { runAction } from "../../src/app/commands/runAction.ts";
import { runCommand, type CommandReply } from "../../src/app/commands/runCommand.ts";
import { ACTION_IDS, isFormId, plainText } from "../../src/app/messages/message.ts";
import { richPlain } from "../../src/app/messages/richText.ts";
import { parseContributeOther, recordContribution, resultText, sessionRefFromValue, submitConclusion, submitSummaryForm } from "../../src/app/sessions/index.ts";
import { MemoryChat } from "./memoryChat.ts";
import { MemoryDirectory } from "./memoryDirectory.ts";

export interface MemoryAdapter extends ChatAdapter {
  chat: MemoryChat;
  directory: MemoryDirectory;
}

const Who = { user: z.string(), name: z.string().default(""), channel: z.string(), eventId: z.string() };
const Command = z.object({ ...Who, text: z.string() });
const Message = z.object({ ...Who, thread: z.string().optional(), messageId: z.string(), text: z.string() });
const Click = z.object({ ...Who, actionId: z.enum(ACTION_IDS), value: z.string() });
const Form = z.object({ ...Who, formId: z.string(), state: z.string(), thread: z.string().optional(), values: z.record(z.string(), z.string()) });

/** Channel and user keys of this platform: "memory:<id>". */
const channelKey = (id: string) => `memory:${id}`;
const userKey = channelKey;

function replyText(reply: CommandReply): string {
  return reply.kind === "text" ? richPlain(reply.text) : plainText(reply.message);
}

export const memoryPlugin: ChatAdapterPlugin<Record<string, never>> = {
  name: "memory",
  label: "Memory",
  readEnv: () => ({ status: "off" }),
  describeOn: () => "Memory: aan (tests).",
  describeOff: "Memory: uit.",
  create(_config, context): MemoryAdapter {
    const chat = new MemoryChat({ platform: "memory", now: () => context.sessions.clock.now() });
    const directory = new MemoryDirectory();
    const router = express.Router();
    router.use("/memory", express.json());
    const actorOf = (body: { user: string; name: string; channel: string }) => ({ user: { key: userKey(body.user), name: body.name || body.user }, channel: channelKey(body.channel) });
    const deps = { ...context.sessions, directory, surface: { invoke: "@duidbot", invite: { nl: "Voeg Duidbot eerst toe aan het kanaal", en: "First add Duidbot to the channel" } }, lang: context.lang, log: () => {} };

    router.post("/memory/command", async (req, res) => {
      const body = Command.parse(req.body);
      const reply = await runCommand(deps, { eventId: body.eventId, actor: actorOf(body), text: body.text });
      context.kick();
      res.json({ text: replyText(reply) });
    });
    router.post("/memory/message", async (req, res) => {
      const body = Message.parse(req.body);
      const result = await recordContribution(context.sessions, {
        eventId: body.eventId,
        channel: channelKey(body.channel),
        ...(body.thread ? { threadId: body.thread } : {}),
        messageId: body.messageId,
        user: actorOf(body).user,
        text: body.text,
        at: context.sessions.clock.now(),
      });
      context.kick();
      res.json(result);
    });
    router.post("/memory/click", async (req, res) => {
      const body = Click.parse(req.body);
      const outcome = await runAction(context.sessions, { eventId: body.eventId, actor: actorOf(body), actionId: body.actionId, value: body.value, lang: context.lang });
      context.kick();
      res.json(outcome.kind === "form" ? { form: outcome.form } : { status: outcome.result.status, text: outcome.quiet ? undefined : resultText(outcome.result, context.lang) });
    });
    router.post("/memory/form", async (req, res) => {
      const body = Form.parse(req.body);
      const actor = actorOf(body);
      if (!isFormId(body.formId)) return void res.json({ text: resultText({ status: "unknown-form" }, context.lang) });
      if (body.formId === "session.contributeOther") {
        const parsed = parseContributeOther(body.values, context.lang);
        if (!parsed.ok) return void res.status(400).json({ errors: { [parsed.field]: parsed.message } });
        const result = await recordContribution(context.sessions, { eventId: body.eventId, channel: actor.channel, ...(body.thread ? { threadId: body.thread } : {}), messageId: body.eventId, user: actor.user, text: parsed.text, question: parsed.question, at: context.sessions.clock.now() });
        context.kick();
        return void res.json(result);
      }
      if (body.formId === "session.share") {
        const shared = await submitSummaryForm(context.sessions, { eventId: body.eventId, actor, state: body.state, values: body.values });
        context.kick();
        return void res.json(shared.status === "invalid" ? { status: "invalid", issues: shared.issues } : { status: shared.status, text: resultText(shared, context.lang) });
      }
      const session = sessionRefFromValue(body.state);
      const result = session ? await submitConclusion(context.sessions, { eventId: body.eventId, actor, session, values: body.values }) : { status: "not-found" as const };
      context.kick();
      res.json(result.status === "invalid" ? { status: "invalid", issues: result.issues } : { status: result.status, text: resultText(result, context.lang) });
    });

    return { name: "memory", router, chat, directory, start: async () => undefined, stop: async () => {} };
  },
};
