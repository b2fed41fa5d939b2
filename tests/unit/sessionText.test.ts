// Proves the session texts: the four questions keep their published wording with one line of guidance,
// both catalogues are complete, the draft lists contributions per question (guests by perspective only,
// withdrawn ones left out, long lists cut with a count), and every refusal has a text.
import { describe, expect, it } from "vitest";
import { resultText } from "../../src/app/sessions/resultText.ts";
import { composeDraft } from "../../src/domain/sessionDraft.ts";
import type { DraftContribution } from "../../src/domain/sessionDraft.ts";
import { QUESTIONS } from "../../src/domain/session.ts";
import { PERSPECTIVES } from "../../src/domain/sessionRules.ts";
import { perspectiveLabel, questionText } from "../../src/domain/sessionText.ts";
import { RESULT_TEXT } from "../../src/app/sessions/resultText.ts";
import { EN } from "../../src/app/sessions/texts/en.ts";
import { NL } from "../../src/app/sessions/texts/nl.ts";

const SESSION_TEXT = { nl: NL, en: EN };

describe("the four questions", () => {
  it("use the published Dutch wording", () => {
    expect(QUESTIONS.map((q) => questionText(q, "nl").wording)).toEqual([
      "Herkennen we het beeld dat uit de cijfers naar voren komt?",
      "Kunnen we het beeld verklaren?",
      "Wat vinden we van dit beeld?",
      "Waar liggen verbetermogelijkheden en -acties?",
    ]);
  });

  it.each(["nl", "en"] as const)("have a label, wording and one short line of guidance in %s", (lang) => {
    for (const q of QUESTIONS) {
      const t = questionText(q, lang);
      expect(t.label).not.toBe("");
      expect(t.guidance).not.toContain("\n");
      // B1: short sentences.
      for (const sentence of t.guidance.split(/[.?!]\s/)) expect(sentence.split(" ").length).toBeLessThanOrEqual(15);
    }
  });

  it("has the same keys in both catalogues", () => {
    expect(Object.keys(SESSION_TEXT.en).sort()).toEqual(Object.keys(SESSION_TEXT.nl).sort());
    expect(Object.keys(RESULT_TEXT.en).sort()).toEqual(Object.keys(RESULT_TEXT.nl).sort());
    for (const p of PERSPECTIVES) expect(perspectiveLabel(p, "en")).not.toBe("");
  });

  it("tells guests how their contribution is used", () => {
    expect(SESSION_TEXT.nl.guestNotice).toContain("Wat u hier schrijft, nemen we mee in de duiding van deze cijfers.");
    expect(SESSION_TEXT.nl.guestNotice).toContain("Uw naam komt niet in de rapportage");
  });
});

describe("draft", () => {
  const base: DraftContribution = { question: "herkennen", text: "x", authorName: "Anna", perspective: "beleid", audience: "leerkring", withdrawn: false };

  it("lists contributions per question, guests by perspective only, withdrawn ones left out", () => {
    const draft = composeDraft(
      [
        { ...base, text: "Herkenbaar\nuit de wijk." },
        { ...base, authorName: "Joke", perspective: "ervaringsdeskundige", audience: "gast", text: "Ouders merken dit." },
        { ...base, text: "ingetrokken", withdrawn: true },
        { ...base, question: "verbeteren", text: "Meer lichte hulp." },
      ],
      "nl",
      3000,
    );
    expect(draft.herkennen).toBe("2 bijdragen:\n• Anna (beleid): Herkenbaar uit de wijk.\n• ervaringsdeskundige (gast): Ouders merken dit.");
    expect(draft.verklaren).toBe("Nog geen bijdragen.");
    expect(draft.verbeteren).toBe("1 bijdrage:\n• Anna (beleid): Meer lichte hulp.");
  });

  it("stays within the limit and counts what does not fit", () => {
    const many = Array.from({ length: 100 }, (_, i) => ({ ...base, text: `Bijdrage nummer ${i} met wat tekst erbij.` }));
    const draft = composeDraft(many, "nl", 500);
    expect(draft.herkennen.length).toBeLessThanOrEqual(500);
    expect(draft.herkennen).toMatch(/… en nog \d+ bijdragen\.$/);
    const long = composeDraft([{ ...base, text: "a".repeat(2000) }], "en", 300);
    expect(long.herkennen.length).toBeLessThanOrEqual(300);
    expect(long.herkennen).toContain("…");
  });
});

describe("result texts", () => {
  it.each([
    [{ status: "forbidden", action: "adopt", reason: "guest-channel" }, "In een gastkanaal kunt u alleen reageren."],
    [{ status: "forbidden", action: "adopt", reason: "missing-role" }, "Alleen iemand met de rol vaststeller"],
    [{ status: "refused", code: "at-last-question" }, "Dit is al de laatste vraag."],
    [{ status: "ignored", reason: "duplicate" }, "al verwerkt"],
    [{ status: "channel-not-linked" }, "nog niet gekoppeld"],
    [{ status: "already-moved", question: "waarderen" }, "De sessie was al verplaatst en staat nu bij Waarderen."],
  ])("%o → %s", (result, expected) => {
    expect(resultText(result, "nl")).toContain(expected);
  });

  it("name the question a session is at, in the channel's language", () => {
    expect(resultText({ status: "already-moved", question: "verklaren" }, "nl")).toBe("De sessie was al verplaatst en staat nu bij Verklaren.");
    expect(resultText({ status: "already-moved", question: "verklaren" }, "en")).toBe("The session was moved already and is now at Explain.");
  });

  it("fill in a result's vars (a guest link's address and last day); the most specific text wins", () => {
    const link = { status: "guest-link", vars: { link: "https://d.example/gast/a/b", until: "17 maart 2025" } };
    expect(resultText(link, "nl")).toBe("Gastlink voor deze sessie, geldig tot 17 maart 2025. Alleen u ziet dit bericht; geef de link door aan de gasten: https://d.example/gast/a/b");
    expect(resultText({ ...link, vars: { ...link.vars, until: "17 March 2025" } }, "en")).toContain("valid until 17 March 2025. Only you see this message; pass the link on to the guests: https://d.example/gast/a/b");
    expect(resultText({ status: "forbidden", reason: "missing-role", code: "guest-link", action: "share" }, "nl")).toBe("Alleen de gespreksleider kan een gastlink maken.");
    expect(resultText({ status: "refused", code: "no-public-url", vars: { page: "/sessie/3" } }, "en")).toContain("on the session's web page (/sessie/3).");
  });
});
