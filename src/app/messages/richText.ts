/**
 * Rich text without any platform's markup: a list of spans, each plain, bold or code. Slack writes
 * `*bold*`, Markdown (Teams, the web) `**bold**` — and reads `*x*` as italic — so the app never
 * writes markup into strings; each renderer turns spans into its own syntax and escapes the text.
 * Texts of our own catalogue may be written with a small Markdown subset and read with `rich()`;
 * text people typed is never read that way (it stays one plain span).
 */
export interface Span {
  text: string;
  style?: "bold" | "code";
}

export type RichText = readonly Span[];

export const plainSpan = (text: string): Span => ({ text });
export const bold = (text: string): Span => ({ text, style: "bold" });
export const code = (text: string): Span => ({ text, style: "code" });

/** Our own catalogue texts: `**bold**` and `` `code` `` become spans; nothing else is markup. */
export function rich(source: string): RichText {
  const spans: Span[] = [];
  let rest = source;
  while (rest !== "") {
    const match = /\*\*([^*]+)\*\*|`([^`]+)`/.exec(rest);
    if (!match) {
      spans.push(plainSpan(rest));
      break;
    }
    if (match.index > 0) spans.push(plainSpan(rest.slice(0, match.index)));
    spans.push(match[1] !== undefined ? bold(match[1]) : code(match[2]!));
    rest = rest.slice(match.index + match[0].length);
  }
  return spans;
}

/** Joins rich texts with a line break between them. */
export function richLines(lines: readonly RichText[]): RichText {
  return lines.flatMap((line, i) => (i === 0 ? line : [plainSpan("\n"), ...line]));
}

/** The text without any styling (logs, notifications, plain-text fallbacks). */
export function richPlain(text: RichText): string {
  return text.map((s) => s.text).join("");
}
