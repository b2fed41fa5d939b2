/**
 * Text a database refuses never gets that far. PostgreSQL (and PGlite) reject the NUL character in
 * text ("invalid byte sequence for encoding UTF8: 0x00") and, in jsonb, the escape `\u0000` and lone
 * UTF-16 surrogates. Chat platforms pass whatever a person or client sends, so one such message would
 * fail every time it is processed. Strip NUL and make surrogates well-formed (U+FFFD) at the boundary
 * where platform text enters the app; nothing readable is lost.
 */

/** `text` without NUL characters and with lone surrogates replaced by U+FFFD. */
export function storableText(text: string): string {
  // Checked first: almost every text is clean, and then it is returned as it came.
  const clean = text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
  return clean.isWellFormed() ? clean : clean.toWellFormed();
}

/** An escape of NUL or of a lone surrogate, not preceded by an escaped backslash (`\\u0000` is text). */
const UNSTORABLE_ESCAPE = /(?<!\\)((?:\\\\)*)\\u(0000|d[89a-f][0-9a-f]{2})/gi;

/**
 * JSON text (as JSON.stringify writes it) that PostgreSQL's jsonb accepts: `\u0000` escapes dropped,
 * lone surrogates (JSON.stringify escapes only those; a proper pair is written as is) as U+FFFD.
 */
export function storableJson(json: string): string {
  if (!json.includes("\\u")) return json;
  return json.replace(UNSTORABLE_ESCAPE, (_all, slashes: string, code: string) => (code === "0000" ? slashes : `${slashes}\\ufffd`));
}
