/**
 * One chat command, whatever the platform: the adapter verifies and parses the request into words
 * and an actor, this runs the use case, and the adapter renders the reply (rich text, or a neutral
 * message for a status overview) to the person who typed it.
 */
import type { Lang } from "../../domain/format.ts";
import type { ChatDirectory } from "../channels/directory.ts";
import type { NeutralMessage } from "../messages/message.ts";
import { plainSpan, rich, richLines, type RichText } from "../messages/richText.ts";
import { actionListMessage, actionsForChat, resultText, sessionStatus, setActionStatus, setOwnPerspective } from "../sessions/index.ts";
import { parseActionStatus } from "../../domain/actionStatus.ts";
import type { Actor, SessionDeps } from "../sessions/index.ts";
import { commandVerb, helpText } from "./commandTable.ts";
import { COMMAND_TEXT, type CommandProblem } from "./commandTexts.ts";
import { koppelChannel } from "./koppelChannel.ts";
import { parseKoppelArgs } from "./koppelArgs.ts";
import { startBySubject } from "./startBySubject.ts";

/** How a platform is addressed, for texts that tell people what to type. */
export interface CommandSurface {
  /** "/duiding" (Slack's slash command), "@duidbot" (Teams). */
  invoke: string;
  /** How to add the bot to a channel, as a sentence: "Nodig de bot eerst uit met `/invite @duidbot`". */
  invite: Record<Lang, string>;
  /** Extra help lines only this platform offers. */
  extraHelp?: Record<Lang, { usage: string; text: string }[]>;
}

export type CommandReply = { kind: "text"; text: RichText } | { kind: "message"; message: NeutralMessage };

export interface CommandDeps extends SessionDeps {
  directory: ChatDirectory;
  surface: CommandSurface;
  lang: Lang;
  log(message: string, error?: unknown): void;
}

export interface CommandInput {
  /** Platform request id; the use cases are idempotent on it. */
  eventId: string;
  actor: Actor;
  /** What the person typed after the command ("start jeugdhulp"). */
  text: string;
}

export function commandProblemText(problem: CommandProblem, deps: Pick<CommandDeps, "surface" | "lang" | "directory">, word = ""): RichText {
  const text = COMMAND_TEXT[deps.lang][problem]
    .replaceAll("{invite}", deps.surface.invite[deps.lang])
    .replaceAll("{invoke}", deps.surface.invoke)
    .replaceAll("{platform}", deps.directory.label);
  // The word was typed by a person: it goes into a code span as is, never read as markup.
  return rich(text).map((span) => (span.text === "{word}" ? { ...span, text: word } : span));
}

export function commandHelp(deps: Pick<CommandDeps, "surface" | "lang">): RichText {
  return helpText(deps.lang, deps.surface.invoke, deps.surface.extraHelp?.[deps.lang] ?? []);
}

const text = (t: RichText): CommandReply => ({ kind: "text", text: t });
const line = (t: string): CommandReply => text([plainSpan(t)]);

export async function runCommand(deps: CommandDeps, input: CommandInput): Promise<CommandReply> {
  const [word = "", ...rest] = input.text.trim().split(/\s+/);
  const args = rest.join(" ");
  const verb = commandVerb(word);
  switch (verb) {
    case undefined:
      return text(commandProblemText("unknown-command", deps, word));
    case "help":
      return text(commandHelp(deps));
    case "status": {
      const result = await sessionStatus(deps, { channel: input.actor.channel });
      return result.status === "ok" ? { kind: "message", message: result.message } : line(resultText(result, deps.lang));
    }
    case "start": {
      const id = args.split(/\s+/)[0];
      if (!id) return text(commandProblemText("start-needs-subject", deps));
      return line(resultText(await startBySubject(deps, { eventId: input.eventId, actor: input.actor, id }), deps.lang));
    }
    case "acties": {
      const words = args.split(/\s+/).filter((w) => w !== "");
      const all = words[0]?.toLowerCase() === "alle" || words[0]?.toLowerCase() === "all";
      const owner = (all ? words.slice(1) : words).join(" ");
      const listed = await actionsForChat(deps, { actor: input.actor, openOnly: !all, ...(owner ? { owner } : {}) });
      if (listed.status !== "ok") return line(resultText(listed, deps.lang));
      return { kind: "message", message: actionListMessage(listed.actions, deps.lang, { openOnly: !all, invoke: deps.surface.invoke, channel: input.actor.channel }) };
    }
    case "actie": {
      const [nr = "", word = ""] = args.split(/\s+/);
      const status = parseActionStatus(word);
      if (!/^#?\d+$/.test(nr) || !status) return text(commandProblemText("actie-needs-status", deps));
      return line(resultText(await setActionStatus(deps, { eventId: input.eventId, actor: input.actor, actionId: Number(nr.replace("#", "")), status }), deps.lang));
    }
    case "perspectief": {
      // "ik ben ervaringsdeskundige", "i am …", "perspectief ervaringsdeskundige": the perspective is the last word.
      const perspective = args.split(/\s+/).filter((w) => w !== "").at(-1) ?? "";
      return line(resultText(await setOwnPerspective(deps, { eventId: input.eventId, actor: input.actor, perspective }), deps.lang));
    }
    case "koppel": {
      const parsed = parseKoppelArgs(args);
      if (!parsed) return text(commandProblemText("koppel-needs-audience", deps));
      const outcome = await koppelChannel(deps, { eventId: input.eventId, actor: input.actor, args: parsed });
      if (outcome.status === "refused") return text(commandProblemText(outcome.problem, deps));
      const { result } = outcome;
      const answer =
        result.status === "invalid"
          ? result.issues.map((i) => `• ${deps.lang === "en" ? i.messageEn : i.message}`).join("\n")
          : resultText(result, deps.lang);
      return text(outcome.forcedGuest ? richLines([[plainSpan(answer)], commandProblemText("guest-forced", deps)]) : [plainSpan(answer)]);
    }
  }
}
