/**
 * `--gemeente` for the commands that read or write one municipality's figures. With one DIN in the
 * database it may be left out; with several it is required (never silently the first); an unknown
 * name is refused with the known ones listed (exit code 1, like other bad input).
 */
import { chooseDinSlug, dinChoiceMessage } from "../app/din/chooseDin.ts";
import type { DinStore } from "../app/ports.ts";

export type CliGemeente = { ok: true; dinSlug?: string } | { ok: false; message: string };

export async function cliGemeente(dins: DinStore, given: string | undefined, lang: "nl" | "en"): Promise<CliGemeente> {
  // The slug only: the command's use case loads the DIN itself (once).
  const choice = await chooseDinSlug(dins, given);
  if (choice.ok) return { ok: true, dinSlug: choice.slug };
  // Nothing imported yet and no name given: each command says so in its own words, as before.
  if (choice.reason === "no-din") return { ok: true };
  const text = dinChoiceMessage(choice, { nl: "--gemeente <naam>", en: "--gemeente <name>" });
  return { ok: false, message: lang === "en" ? text.en : text.nl };
}
