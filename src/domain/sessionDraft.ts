/**
 * The draft the bot offers when the facilitator writes the conclusion: per question, the
 * contributions that count, each labelled with its perspective. Guests are named by perspective
 * only (the guest notice promises their name stays out of the report); colleagues by name.
 */
import { QUESTIONS } from "./session.ts";
import type { Question } from "./session.ts";
import type { ChannelAudience, Perspective } from "./sessionRules.ts";
import { perspectiveLabel } from "./sessionText.ts";
import type { Lang } from "./format.ts";

/** The draft's own words. */
const DRAFT_TEXT = {
  nl: {
    none: "Nog geen bijdragen.",
    count: (n: number) => `${n} ${n === 1 ? "bijdrage" : "bijdragen"}:`,
    more: (n: number) => `… en nog ${n} ${n === 1 ? "bijdrage" : "bijdragen"}.`,
    guest: (perspective: string) => `${perspective} (gast)`,
  },
  en: {
    none: "No contributions yet.",
    count: (n: number) => `${n} ${n === 1 ? "contribution" : "contributions"}:`,
    more: (n: number) => `… and ${n} more ${n === 1 ? "contribution" : "contributions"}.`,
    guest: (perspective: string) => `${perspective} (guest)`,
  },
} as const;

export interface DraftContribution {
  question: Question;
  text: string;
  authorName: string;
  perspective: Perspective;
  audience: ChannelAudience;
  withdrawn: boolean;
}

/** "• Anna (beleid): …" or "• ervaringsdeskundige (gast): …"; one line per contribution. */
export function contributionLine(c: DraftContribution, lang: Lang): string {
  const t = { draft: DRAFT_TEXT[lang] };
  const perspective = perspectiveLabel(c.perspective, lang);
  const who = c.audience === "gast" ? t.draft.guest(perspective) : `${c.authorName} (${perspective})`;
  return `• ${who}: ${c.text.replace(/\s+/g, " ").trim()}`;
}

/**
 * Draft text per question, at most `maxChars` each (form fields have limits: Slack's text input
 * takes 3,000 characters). What does not fit is counted, not silently dropped.
 */
export function composeDraft(contributions: readonly DraftContribution[], lang: Lang, maxChars: number): Record<Question, string> {
  const t = { draft: DRAFT_TEXT[lang] };
  const out = {} as Record<Question, string>;
  for (const question of QUESTIONS) {
    const counted = contributions.filter((c) => c.question === question && !c.withdrawn);
    if (counted.length === 0) {
      out[question] = t.draft.none;
      continue;
    }
    const lines = [t.draft.count(counted.length)];
    let length = lines[0]!.length;
    let shown = 0;
    for (const c of counted) {
      const line = contributionLine(c, lang);
      // Keep room for the "… en nog N" line.
      if (length + 1 + line.length > maxChars - 60) {
        // One very long contribution still shows its start rather than nothing.
        if (shown === 0) {
          const cut = `${line.slice(0, Math.max(0, maxChars - 62 - length))}…`;
          lines.push(cut);
          length += 1 + cut.length;
          shown++;
        }
        break;
      }
      lines.push(line);
      length += 1 + line.length;
      shown++;
    }
    if (shown < counted.length) lines.push(t.draft.more(counted.length - shown));
    out[question] = lines.join("\n");
  }
  return out;
}
