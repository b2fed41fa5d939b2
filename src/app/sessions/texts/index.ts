/** The bot's words in a session, per language: the messages, buttons and forms (nl.ts, en.ts). */
import type { Lang } from "../../../domain/format.ts";
import { EN } from "./en.ts";
import { NL } from "./nl.ts";

export type SessionTexts = typeof NL;

export function sessionText(lang: Lang): SessionTexts {
  return lang === "en" ? EN : NL;
}
