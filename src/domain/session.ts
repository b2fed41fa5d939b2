/**
 * A duidingssessie walks the four questions (NJI, Movisie, Divosa) in a fixed order with one current
 * question. Pure rules: the order, moving forward and back, auto-advance after N days, and the tag
 * with which an author assigns a contribution to another question.
 */

export const QUESTIONS = ["herkennen", "verklaren", "waarderen", "verbeteren"] as const;
export type Question = (typeof QUESTIONS)[number];

/** What a conclusion is written for: each question, plus one overall conclusion. */
export type ConclusionPart = Question | "overall";
export const CONCLUSION_PARTS: readonly ConclusionPart[] = [...QUESTIONS, "overall"];

export type SessionStatus = "open" | "closed";

export function isQuestion(value: string): value is Question {
  return (QUESTIONS as readonly string[]).includes(value);
}

/** 0-based position in the order. */
export function questionIndex(question: Question): number {
  return QUESTIONS.indexOf(question);
}

export interface QuestionState {
  status: SessionStatus;
  current: Question;
  /** When the current question became current (for auto-advance). */
  since: Date;
  /** Days after which the session moves on by itself; undefined or 0 = never. */
  advanceAfterDays?: number;
}

export type MoveDirection = "next" | "back";

export type MoveResult =
  | { ok: true; question: Question }
  | { ok: false; code: "at-last-question" | "at-first-question" | "closed" };

/**
 * One step forward or back. Going back is allowed (a leerkring may need to re-check the data after
 * trying to explain it); a closed session does not move: its conclusions are written against its questions.
 */
export function moveQuestion(state: Pick<QuestionState, "status" | "current">, direction: MoveDirection): MoveResult {
  if (state.status === "closed") return { ok: false, code: "closed" };
  const index = questionIndex(state.current) + (direction === "next" ? 1 : -1);
  const question = QUESTIONS[index];
  if (question === undefined) return { ok: false, code: direction === "next" ? "at-last-question" : "at-first-question" };
  return { ok: true, question };
}

const DAY_MS = 86_400_000;

/** When the current question moves on by itself; undefined when it never does. */
export function autoAdvanceAt(state: QuestionState): Date | undefined {
  if (state.status !== "open" || !state.advanceAfterDays || state.advanceAfterDays <= 0) return undefined;
  if (state.current === QUESTIONS[QUESTIONS.length - 1]) return undefined; // verbeteren stays until closed
  return new Date(state.since.getTime() + state.advanceAfterDays * DAY_MS);
}

/** True when `now` has reached the auto-advance moment. */
export function isAdvanceDue(state: QuestionState, now: Date): boolean {
  const at = autoAdvanceAt(state);
  return at !== undefined && now.getTime() >= at.getTime();
}

/** Words an author may start a message with to aim it at a question ("#verklaren …", "#2 …", "#why …"). */
const TAGS: Record<string, Question> = {
  herkennen: "herkennen",
  verklaren: "verklaren",
  waarderen: "waarderen",
  verbeteren: "verbeteren",
  "1": "herkennen",
  "2": "verklaren",
  "3": "waarderen",
  "4": "verbeteren",
  recognise: "herkennen",
  explain: "verklaren",
  value: "waarderen",
  improve: "verbeteren",
};

export interface TaggedText {
  /** The question the author aimed the message at, when tagged. */
  question?: Question;
  /** The text without the tag. */
  text: string;
}

/**
 * Reads an optional leading tag: "#verklaren Het komt door …" → verklaren. Only at the start, so a
 * hashtag inside a sentence stays text. Unknown tags are left alone.
 */
export function readQuestionTag(raw: string): TaggedText {
  const match = /^\s*#([a-z0-9]+)\b[:\s-]*/i.exec(raw);
  const question = match ? TAGS[match[1]!.toLowerCase()] : undefined;
  if (!match || !question) return { text: raw.trim() };
  return { question, text: raw.slice(match[0].length).trim() };
}
