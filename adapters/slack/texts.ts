/**
 * The Slack adapter's own words (modal chrome, the echo of a form contribution, transport failures), in Dutch and
 * English. Outcomes of use cases are not here: they are rendered by the app's `resultText`.
 */
import type { Lang } from "../../src/domain/format.ts";

const NL = {
  close: "Annuleren",
  contributionEcho: (name: string, question: string) => `*${name}* — bijdrage bij _${question}_:`,
  slackBusy: "Slack is even druk; probeer het zo opnieuw.",
  failed: "Er ging iets mis; probeer het opnieuw of vraag de beheerder de log te bekijken.",
};

const EN: typeof NL = {
  close: "Cancel",
  contributionEcho: (name: string, question: string) => `*${name}* — contribution to _${question}_:`,
  slackBusy: "Slack is busy; please try again in a moment.",
  failed: "Something went wrong; try again or ask the administrator to check the log.",
};

export type SlackTexts = typeof NL;

export function slackTexts(lang: Lang): SlackTexts {
  return lang === "en" ? EN : NL;
}
