/**
 * The Slack adapter's own words (help for /duiding, modal chrome, transport failures), in Dutch and
 * English. Outcomes of use cases are not here: they are rendered by the app's `resultText`.
 */
import type { Lang } from "../../src/domain/format.ts";

const NL = {
  close: "Annuleren",
  help: [
    "*/duiding* — samen cijfers duiden",
    "• `/duiding status` — open duidingssessies in dit kanaal",
    "• `/duiding start <indicator of doel>` — start een sessie, bv. `/duiding start jongeren-met-jeugdhulp`",
    "• `/duiding koppel <leerkring|digest|gast> [opgave, doel of indicator …] [auto]` — (beheerder) koppel dit kanaal",
    "• `@duidbot status` — hetzelfde; in de draad van een sessie: de stand van die sessie",
    "Antwoord in de draad van een sessie om bij te dragen; begin met `#verklaren` (of `#1`…`#4`) voor een andere vraag.",
  ].join("\n"),
  unknownCommand: (verb: string) => `Onbekend commando \`${verb}\`. Typ \`/duiding help\`.`,
  startNeedsSubject: "Geef een indicator of doel: `/duiding start <id>`.",
  koppelNeedsAudience: "Geef het publiek: `/duiding koppel <leerkring|digest|gast> [ids …] [auto]`.",
  guestChannelForced: "Dit kanaal is gedeeld met een andere organisatie of heeft gasten: het is gekoppeld als *gast*-kanaal (alleen openbare cijfers, geen kleine aantallen).",
  koppelNotMember: "Duidbot zit nog niet in dit kanaal, dus berichten hier zouden niet aankomen. Nodig de bot eerst uit met `/invite @duidbot` en typ daarna opnieuw `/duiding koppel …`.",
  koppelDirect: "Koppel een kanaal, geen privébericht: typ `/duiding koppel …` in het kanaal zelf.",
  otherQuestionTitle: "Bijdrage andere vraag",
  otherQuestionSubmit: "Bijdragen",
  otherQuestionField: "Vraag",
  otherQuestionText: "Uw bijdrage",
  contributionEcho: (name: string, question: string) => `*${name}* — bijdrage bij _${question}_:`,
  slackBusy: "Slack is even druk; probeer het zo opnieuw.",
  failed: "Er ging iets mis; probeer het opnieuw of vraag de beheerder de log te bekijken.",
  questions: { herkennen: "Herkennen", verklaren: "Verklaren", waarderen: "Waarderen", verbeteren: "Verbeteren" },
};

const EN: typeof NL = {
  close: "Cancel",
  help: [
    "*/duiding* — interpret figures together",
    "• `/duiding status` — open sessions in this channel",
    "• `/duiding start <indicator or goal>` — start a session, e.g. `/duiding start jongeren-met-jeugdhulp`",
    "• `/duiding koppel <leerkring|digest|gast> [opgave, goal or indicator …] [auto]` — (admin) link this channel",
    "• `@duidbot status` — the same; in a session's thread: that session's progress",
    "Reply in a session's thread to contribute; start with `#verklaren` (or `#1`…`#4`) for another question.",
  ].join("\n"),
  unknownCommand: (verb: string) => `Unknown command \`${verb}\`. Type \`/duiding help\`.`,
  startNeedsSubject: "Name an indicator or goal: `/duiding start <id>`.",
  koppelNeedsAudience: "Name the audience: `/duiding koppel <leerkring|digest|gast> [ids …] [auto]`.",
  guestChannelForced: "This channel is shared with another organisation or has guests: it is linked as a *gast* channel (public figures only, no small counts).",
  koppelNotMember: "Duidbot is not in this channel yet, so its posts here would not arrive. First invite the bot with `/invite @duidbot`, then run `/duiding koppel …` again.",
  koppelDirect: "Link a channel, not a direct message: run `/duiding koppel …` in the channel itself.",
  otherQuestionTitle: "Contribute elsewhere",
  otherQuestionSubmit: "Contribute",
  otherQuestionField: "Question",
  otherQuestionText: "Your contribution",
  contributionEcho: (name: string, question: string) => `*${name}* — contribution to _${question}_:`,
  slackBusy: "Slack is busy; please try again in a moment.",
  failed: "Something went wrong; try again or ask the administrator to check the log.",
  questions: { herkennen: "Recognise", verklaren: "Explain", waarderen: "Value", verbeteren: "Improve" },
};

export type SlackTexts = typeof NL;

export function slackTexts(lang: Lang): SlackTexts {
  return lang === "en" ? EN : NL;
}
