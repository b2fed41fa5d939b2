// Proves the question order and state machine of a duidingssessie: forward, back, the ends, a closed
// session, auto-advance after N days (given `now`), and reading a question tag from a message.
import { describe, expect, it } from "vitest";
import { autoAdvanceAt, isAdvanceDue, moveQuestion, QUESTIONS, readQuestionTag } from "../../src/domain/session.ts";
import type { MoveDirection, Question } from "../../src/domain/session.ts";

describe("question order", () => {
  it("is herkennen, verklaren, waarderen, verbeteren", () => {
    expect(QUESTIONS).toEqual(["herkennen", "verklaren", "waarderen", "verbeteren"]);
  });

  const cases: [Question, MoveDirection, ReturnType<typeof moveQuestion>][] = [
    ["herkennen", "next", { ok: true, question: "verklaren" }],
    ["verklaren", "next", { ok: true, question: "waarderen" }],
    ["waarderen", "next", { ok: true, question: "verbeteren" }],
    ["verbeteren", "next", { ok: false, code: "at-last-question" }],
    ["verbeteren", "back", { ok: true, question: "waarderen" }],
    ["verklaren", "back", { ok: true, question: "herkennen" }],
    ["herkennen", "back", { ok: false, code: "at-first-question" }],
  ];
  it.each(cases)("from %s, %s → %o", (current, direction, expected) => {
    expect(moveQuestion({ status: "open", current }, direction)).toEqual(expected);
  });

  it("does not move a closed session", () => {
    expect(moveQuestion({ status: "closed", current: "verklaren" }, "next")).toEqual({ ok: false, code: "closed" });
    expect(moveQuestion({ status: "closed", current: "verklaren" }, "back")).toEqual({ ok: false, code: "closed" });
  });
});

describe("auto-advance", () => {
  const since = new Date("2025-03-03T09:00:00Z");
  const state = { status: "open" as const, current: "herkennen" as Question, since, advanceAfterDays: 7 };

  it("is due exactly N days after the question became current", () => {
    expect(autoAdvanceAt(state)?.toISOString()).toBe("2025-03-10T09:00:00.000Z");
    expect(isAdvanceDue(state, new Date("2025-03-10T08:59:59Z"))).toBe(false);
    expect(isAdvanceDue(state, new Date("2025-03-10T09:00:00Z"))).toBe(true);
  });

  it.each([
    ["no days set", { ...state, advanceAfterDays: undefined }],
    ["zero days", { ...state, advanceAfterDays: 0 }],
    ["the last question", { ...state, current: "verbeteren" as Question }],
    ["a closed session", { ...state, status: "closed" as const }],
  ])("never happens for %s", (_name, s) => {
    expect(autoAdvanceAt(s)).toBeUndefined();
    expect(isAdvanceDue(s, new Date("2030-01-01T00:00:00Z"))).toBe(false);
  });
});

describe("question tags", () => {
  it.each([
    ["#verklaren Het komt door de campagne.", "verklaren", "Het komt door de campagne."],
    ["#Waarderen: dat is goed", "waarderen", "dat is goed"],
    ["  #2 - tweede vraag", "verklaren", "tweede vraag"],
    ["#improve more help", "verbeteren", "more help"],
    ["#4", "verbeteren", ""],
  ])("%j → %s", (raw, question, text) => {
    expect(readQuestionTag(raw)).toEqual({ question, text });
  });

  it.each([
    ["Gewoon een bericht", "Gewoon een bericht"],
    ["Zie #verklaren hierboven", "Zie #verklaren hierboven"],
    ["#onbekend iets", "#onbekend iets"],
    ["#5 vijf", "#5 vijf"],
  ])("leaves %j untagged", (raw, text) => {
    expect(readQuestionTag(raw)).toEqual({ text });
  });
});
