/**
 * The commands people give Duidbot in chat, one table for every platform: Slack types
 * `/duiding <verb> …`, Teams and others `@duidbot <verb> …`. Adapters parse the words with
 * `commandVerb` and render the help from `helpText` with their own way of invoking the bot.
 */
import type { Lang } from "../../domain/format.ts";
import { isPerspective } from "../../domain/sessionRules.ts";
import { richLines, rich, type RichText } from "../messages/richText.ts";

export type CommandVerb = "help" | "status" | "start" | "koppel" | "acties" | "actie" | "perspectief";

/** Words (Dutch and English) for each verb; "" (nothing typed) is a request for help. */
const WORDS: Record<string, CommandVerb> = {
  "": "help",
  help: "help",
  hulp: "help",
  status: "status",
  start: "start",
  koppel: "koppel",
  link: "koppel",
  acties: "acties",
  actions: "acties",
  actie: "actie",
  action: "actie",
  // "ik ben ervaringsdeskundige" / "i am …": the rest after the first word ("ben", "am") is skipped by runCommand.
  ik: "perspectief",
  i: "perspectief",
  perspectief: "perspectief",
  perspective: "perspectief",
};

export function commandVerb(word: string): CommandVerb | undefined {
  return Object.hasOwn(WORDS, word.toLowerCase()) ? WORDS[word.toLowerCase()] : undefined;
}

/**
 * The text after "@duidbot" is a request to the bot rather than a contribution in a thread:
 * "@duidbot status" asks for the session's progress, "@duidbot wij herkennen dit…" is a reply.
 */
export function isBotRequest(text: string): boolean {
  const words = text.trim().split(/\s+/);
  const verb = commandVerb(words[0] ?? "");
  if (verb === "perspectief") {
    // "@duidbot ik ben ervaringsdeskundige" asks the bot; "@duidbot ik herken dit niet" is a reply.
    return words.length <= 3 && isPerspective((words.at(-1) ?? "").toLowerCase()) && (words.length === 2 || /^(ben|am)$/i.test(words[1] ?? ""));
  }
  return verb === "help" || verb === "status" || verb === "acties" || verb === "actie";
}

interface HelpLine {
  verb: CommandVerb;
  usage: Record<Lang, string>;
  text: Record<Lang, string>;
}

const HELP: readonly HelpLine[] = [
  { verb: "status", usage: { nl: "status", en: "status" }, text: { nl: "open duidingssessies in dit kanaal; in de draad van een sessie: de stand van die sessie", en: "open sessions in this channel; in a session's thread: that session's progress" } },
  {
    verb: "start",
    usage: { nl: "start <indicator of doel>", en: "start <indicator or goal>" },
    text: { nl: "start een sessie, bv. `{invoke} start jongeren-met-jeugdhulp`", en: "start a session, e.g. `{invoke} start jongeren-met-jeugdhulp`" },
  },
  {
    verb: "acties",
    usage: { nl: "acties [alle] [eigenaar]", en: "acties [alle] [owner]" },
    text: { nl: "openstaande verbeteracties met status, eigenaar en datum (`alle`: ook gereed en vervallen)", en: "open improvement actions with status, owner and date (`alle`: done and cancelled too)" },
  },
  {
    verb: "actie",
    usage: { nl: "actie <nr> bezig|gereed|vervallen|open", en: "actie <nr> bezig|gereed|vervallen|open" },
    text: { nl: "(eigenaar of gespreksleider) zet de status van een verbeteractie", en: "(owner or facilitator) set an improvement action's status" },
  },
  {
    verb: "perspectief",
    usage: { nl: "ik ben <ervaringsdeskundige|adviesraad|beleid|…>", en: "ik ben <ervaringsdeskundige|adviesraad|beleid|…>" },
    text: { nl: "het perspectief waarmee uw bijdragen voortaan gelabeld worden", en: "the perspective your contributions are labelled with from now on" },
  },
  {
    verb: "koppel",
    usage: {
      nl: "koppel <leerkring|digest|gast> [opgave, doel of indicator …] [auto] [digest=ma 09:00] [leeg=ja|nee]",
      en: "koppel <leerkring|digest|gast> [opgave, goal or indicator …] [auto] [digest=mon 09:00] [empty=yes|no]",
    },
    text: { nl: "(beheerder) koppel dit kanaal", en: "(admin) link this channel" },
  },
];

const HELP_FRAME = {
  nl: { title: "**{invoke}** — samen cijfers duiden", footer: "Antwoord in de draad van een sessie om bij te dragen; begin met `#verklaren` (of `#1`…`#4`) voor een andere vraag." },
  en: { title: "**{invoke}** — interpret figures together", footer: "Reply in a session's thread to contribute; start with `#verklaren` (or `#1`…`#4`) for another question." },
} as const;

/**
 * The help for one platform. `invoke` is how people address the bot there ("/duiding",
 * "@duidbot"); `extra` are lines only that platform offers (Slack: "@duidbot status" besides the
 * slash command).
 */
export function helpText(lang: Lang, invoke: string, extra: readonly { usage: string; text: string }[] = []): RichText {
  const fill = (s: string) => s.replaceAll("{invoke}", invoke);
  const line = (usage: string, text: string) => rich(`• \`${usage}\` — ${fill(text)}`);
  return richLines([
    rich(fill(HELP_FRAME[lang].title)),
    ...HELP.map((h) => line(`${invoke} ${h.usage[lang]}`, h.text[lang])),
    ...extra.map((e) => line(e.usage, e.text)),
    rich(HELP_FRAME[lang].footer),
  ]);
}
