/**
 * Which municipality's DIN a request is about. One database can hold several DINs: with one, naming
 * it is optional; with more, the caller must name one (never silently the first). A name is matched
 * as a slug, so "Hilversum" finds "hilversum".
 */
import { slugify } from "../../domain/slug.ts";
import type { ValidationIssue } from "../../domain/validation.ts";
import type { DinState, DinStore } from "../ports.ts";

/** no-din: nothing imported yet; ambiguous: several DINs and none named; unknown: the named one does not exist. */
type NoChoice = { ok: false; reason: "no-din" | "ambiguous" | "unknown"; given?: string; known: string[] };

export type DinChoice = { ok: true; din: DinState } | NoChoice;
export type SlugChoice = { ok: true; slug: string } | NoChoice;

/**
 * The slug only, from the list of DINs (no DIN is loaded): for an edge that checks the name first and
 * hands the slug on to a use case that loads the DIN itself (the CLI's --gemeente).
 */
export async function chooseDinSlug(dins: DinStore, gemeente: string | undefined): Promise<SlugChoice> {
  const known = await dins.listDinSlugs();
  if (gemeente === undefined) {
    if (known.length === 0) return { ok: false, reason: "no-din", known };
    if (known.length > 1) return { ok: false, reason: "ambiguous", known };
    return { ok: true, slug: known[0]! };
  }
  const slug = slugify(gemeente);
  return known.includes(slug) ? { ok: true, slug } : { ok: false, reason: "unknown", given: gemeente, known };
}

export async function chooseDin(dins: DinStore, gemeente: string | undefined): Promise<DinChoice> {
  const choice = await chooseDinSlug(dins, gemeente);
  if (!choice.ok) return choice;
  const din = await dins.loadDin(choice.slug);
  // A DIN without any version (a failed first import) counts as none.
  if (!din) return gemeente === undefined ? { ok: false, reason: "no-din", known: [] } : { ok: false, reason: "unknown", given: gemeente, known: [] };
  return { ok: true, din };
}

/** The choice's problem in words, Dutch and English; `how` says how to name a gemeente at this edge. */
export function dinChoiceMessage(choice: Extract<DinChoice, { ok: false }>, how: { nl: string; en: string }): { nl: string; en: string } {
  const list = choice.known.join(", ");
  switch (choice.reason) {
    case "no-din":
      return {
        nl: "er is nog geen DIN geïmporteerd: importeer eerst een DIN-bestand (duidbot din import din.yaml)",
        en: "no DIN has been imported yet: import a DIN file first (duidbot din import din.yaml)",
      };
    case "ambiguous":
      return {
        nl: `deze database bevat meerdere gemeenten (${list}): kies er één met ${how.nl}`,
        en: `this database holds several municipalities (${list}): choose one with ${how.en}`,
      };
    case "unknown":
      return choice.known.length === 0
        ? {
            nl: `onbekende gemeente "${choice.given ?? ""}": er is nog geen DIN geïmporteerd`,
            en: `unknown gemeente "${choice.given ?? ""}": no DIN has been imported yet`,
          }
        : { nl: `onbekende gemeente "${choice.given ?? ""}"; bekend: ${list}`, en: `unknown gemeente "${choice.given ?? ""}"; known: ${list}` };
  }
}

/** The same, as a validation issue on the field "gemeente" (or "din" when none exists yet). */
export function dinChoiceIssue(choice: Extract<DinChoice, { ok: false }>, file: string, how: { nl: string; en: string }): ValidationIssue {
  const text = dinChoiceMessage(choice, how);
  return { file, field: choice.reason === "no-din" ? "din" : "gemeente", message: text.nl, messageEn: text.en };
}
