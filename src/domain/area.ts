/**
 * Areas a municipality is compared with ("gebied"): Nederland, a province, a named group or another
 * municipality. Data and the DIN's `compare:` name them freely; they are matched by slug, so "Nederland",
 * "nederland" and "NEDERLAND" are one area, and the well-known ones are stored under one spelling.
 */
import { slugify } from "./slug.ts";

const KNOWN = [
  "Nederland",
  "Groningen",
  "Fryslân",
  "Drenthe",
  "Overijssel",
  "Flevoland",
  "Gelderland",
  "Utrecht",
  "Noord-Holland",
  "Zuid-Holland",
  "Zeeland",
  "Noord-Brabant",
  "Limburg",
] as const;
const BY_SLUG = new Map<string, string>([...KNOWN.map((name) => [slugify(name), name] as const), ["friesland", "Fryslân"]]);

/** The key an area is matched by: its slug. */
export function areaKey(area: string): string {
  return slugify(area);
}

/** How an area is stored and shown: the usual spelling of a known one, else the text as given (spaces tidied). */
export function areaName(area: string): string {
  const text = area.trim().replace(/\s+/g, " ");
  return BY_SLUG.get(areaKey(text)) ?? text;
}

/** The longest area, dimension or category text accepted: they are labels, not notes. */
export const LABEL_MAX = 100;
