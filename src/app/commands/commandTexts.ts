/**
 * Answers to chat commands that are not a use case's outcome (those come from resultText): a word
 * we do not know, a missing argument, a channel that cannot be linked. Written with `rich()` markup;
 * "{invoke}" is the platform's way of addressing the bot, "{invite}" its way of adding the bot to a channel.
 */
import type { Lang } from "../../domain/format.ts";

export type CommandProblem = "unknown-command" | "start-needs-subject" | "koppel-needs-audience" | "koppel-direct" | "koppel-not-member" | "platform-busy" | "guest-forced" | "actie-needs-status";

export const COMMAND_TEXT: Record<Lang, Record<CommandProblem, string>> = {
  nl: {
    "unknown-command": "Onbekend commando `{word}`. Typ `{invoke} help`.",
    "start-needs-subject": "Geef een indicator of doel: `{invoke} start <id>`.",
    "koppel-needs-audience": "Geef het publiek: `{invoke} koppel <leerkring|digest|gast> [ids …] [auto]`.",
    "koppel-direct": "Koppel een kanaal, geen privébericht: typ `{invoke} koppel …` in het kanaal zelf.",
    "koppel-not-member": "Duidbot zit nog niet in dit kanaal, dus berichten hier zouden niet aankomen. {invite} en typ daarna opnieuw `{invoke} koppel …`.",
    "platform-busy": "{platform} is even druk; probeer het zo opnieuw.",
    "actie-needs-status": "Geef het nummer en de status: `{invoke} actie <nr> bezig|gereed|vervallen|open`. `{invoke} acties` toont de nummers.",
    "guest-forced": "Dit kanaal is gedeeld met een andere organisatie of heeft gasten: het is gekoppeld als **gast**-kanaal (alleen openbare cijfers, geen kleine aantallen).",
  },
  en: {
    "unknown-command": "Unknown command `{word}`. Type `{invoke} help`.",
    "start-needs-subject": "Name an indicator or goal: `{invoke} start <id>`.",
    "koppel-needs-audience": "Name the audience: `{invoke} koppel <leerkring|digest|gast> [ids …] [auto]`.",
    "koppel-direct": "Link a channel, not a direct message: run `{invoke} koppel …` in the channel itself.",
    "koppel-not-member": "Duidbot is not in this channel yet, so its posts here would not arrive. {invite}, then run `{invoke} koppel …` again.",
    "platform-busy": "{platform} is busy; please try again in a moment.",
    "actie-needs-status": "Name the number and the status: `{invoke} actie <nr> bezig|gereed|vervallen|open`. `{invoke} acties` shows the numbers.",
    "guest-forced": "This channel is shared with another organisation or has guests: it is linked as a **gast** channel (public figures only, no small counts).",
  },
};
