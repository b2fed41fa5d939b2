/**
 * The Teams adapter's own words (dialog chrome, the echo of a dialog contribution, who-am-I, transport
 * failures), in Dutch and English. Outcomes of use cases are not here: they come from `resultText`.
 */
import type { CommandSurface } from "../../src/app/commands/runCommand.ts";
import type { Lang } from "../../src/domain/format.ts";

const NL = {
  required: "Vul dit veld in.",
  contributionEcho: (name: string, question: string) => `**${name}** — bijdrage bij _${question}_:`,
  whoAmI: (key: string) => `Uw Duidbot-sleutel is \`${key}\`. Een beheerder zet die onder \`people\` in duidbot.yaml (met rollen).`,
  teamsBusy: "Teams is even druk; probeer het zo opnieuw.",
  failed: "Er ging iets mis; probeer het opnieuw of vraag de beheerder de log te bekijken.",
  oldCard: "Deze kaart is verouderd; gebruik de knoppen op de nieuwste kaart.",
};

const EN: typeof NL = {
  required: "Please fill in this field.",
  contributionEcho: (name: string, question: string) => `**${name}** — contribution to _${question}_:`,
  whoAmI: (key: string) => `Your Duidbot key is \`${key}\`. An administrator puts it under \`people\` in duidbot.yaml (with roles).`,
  teamsBusy: "Teams is busy; please try again in a moment.",
  failed: "Something went wrong; try again or ask the administrator to check the log.",
  oldCard: "This card is out of date; use the buttons on the newest card.",
};

export type TeamsTexts = typeof NL;

export function teamsTexts(lang: Lang): TeamsTexts {
  return lang === "en" ? EN : NL;
}

/** How people address Duidbot in Teams, for the texts that tell them what to type. */
export const TEAMS_SURFACE: CommandSurface = {
  invoke: "@duidbot",
  invite: {
    nl: "Voeg Duidbot eerst toe aan het team (Apps → Duidbot → Toevoegen aan een team)",
    en: "First add Duidbot to the team (Apps → Duidbot → Add to a team)",
  },
  extraHelp: {
    nl: [{ usage: "@duidbot wie ben ik", text: "uw sleutel voor duidbot.yaml (teams:<Entra object id>)" }],
    en: [{ usage: "@duidbot whoami", text: "your key for duidbot.yaml (teams:<Entra object id>)" }],
  },
};

/** Words that ask for one's own key ("wie ben ik", "whoami"). */
export function isWhoAmI(text: string): boolean {
  return /^(wie\s+ben\s+ik|who\s*am\s*i|whoami)\??$/i.test(text.trim());
}
