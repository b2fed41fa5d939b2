/**
 * "Bedoelt u …?" suggestions for mistyped ids, keys and column names.
 * Only close matches are offered: a far-fetched guess confuses more than it helps.
 */
import { closest, distance } from "fastest-levenshtein";

/** The candidate closest to `input`, or undefined when none is plausibly a typo of it. */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || input === "") return undefined;
  const best = closest(input, candidates);
  // Allow roughly one typo per three characters, at least two (a swap costs two).
  const allowed = Math.max(2, Math.floor(input.length / 3));
  return distance(input, best) <= allowed ? best : undefined;
}

/** `; bedoelt u "x"?` / `; did you mean "x"?`, or empty strings when there is no close match. */
export function didYouMean(input: string, candidates: readonly string[]): { nl: string; en: string } {
  const best = suggest(input, candidates);
  if (best === undefined) return { nl: "", en: "" };
  return { nl: `; bedoelt u "${best}"?`, en: `; did you mean "${best}"?` };
}
