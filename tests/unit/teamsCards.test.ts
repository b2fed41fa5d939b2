/**
 * Every Adaptive Card the Teams adapter renders is valid for Microsoft's `adaptivecards` library at
 * schema 1.5 (tests/support/adaptiveCards.ts): a message with every neutral element, an oversized one
 * (cut in the middle, buttons kept), both forms as dialogs, and a refused form with its problems. Also:
 * text people typed cannot become Markdown, our rich text does, and the tone is never colour alone.
 */
import { describe, expect, it } from "vitest";
import { renderCard, FORM_ACTIONS, CARD_MAX_BYTES, CHOICE_INPUT, TEAMS_VISIBLE_ACTIONS } from "../../adapters/teams/render/card.ts";
import { renderFormCard } from "../../adapters/teams/render/form.ts";
import { escapeMarkdown, richMarkdown } from "../../adapters/teams/render/text.ts";
import type { MessageElement, NeutralMessage } from "../../src/app/messages/message.ts";
import { rich } from "../../src/app/messages/richText.ts";
import { contributeOtherForm } from "../../src/app/sessions/index.ts";
import { conclusionForm } from "../../src/app/sessions/conclusionForm.ts";
import { cardProblems } from "../support/adaptiveCards.ts";

const chart = { title: "Jeugdhulp", unit: "%", lang: "nl" as const, points: [{ period: "2023", value: 9 }, { period: "2024", value: 10.8 }] };
const every: MessageElement[] = [
  { type: "header", text: "Nieuwe cijfers: gezond [opgroeien]" },
  { type: "text", title: "Vraag 1 van 4 · Herkennen", text: "Herkent u *dit*?\n- geen lijst" },
  { type: "context", text: "Bron: CBS & GGD" },
  { type: "facts", facts: [{ label: "Vraag", value: "herkennen" }] },
  { type: "indicator", name: "Jongeren met jeugdhulp", value: "12% (2024)", change: "▲ +2 procentpunt t.o.v. 2023", tone: "bad", target: "nog 2 procentpunt van streefwaarde 10% (2026)", source: "Bron: CBS" },
  { type: "chart", chart, alt: "Grafiek jeugdhulp" },
  { type: "progress", steps: [{ label: "Herkennen", count: 2, current: true }, { label: "Verklaren", count: 0, current: false }] },
  { type: "divider" },
  {
    type: "actions",
    actions: [
      { id: "session.next", label: "Volgende vraag", value: "1:herkennen", style: "primary" },
      { id: "session.contributeOther", label: "Bijdrage bij andere vraag", value: "1" },
      { id: "session.conclude", label: "Conclusie opstellen", value: "1" },
      { id: "session.adopt", label: "Vaststellen", value: "1", style: "danger" },
    ],
  },
];
const message = (elements: MessageElement[]): NeutralMessage => ({ target: { channel: "teams:t:19:c@thread.tacv2" }, summary: "Nieuwe cijfers", elements });

describe("Teams Adaptive Cards", () => {
  it("renders every neutral element as a valid 1.5 card, with charts only where they can be served", () => {
    const card = renderCard(message(every));
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('"Image"');
    const withCharts = renderCard(message(every), () => "https://duidbot.example.org/grafiek/abc.png");
    expect(cardProblems(withCharts)).toEqual([]);
    expect(withCharts.body).toContainEqual({ type: "Image", url: "https://duidbot.example.org/grafiek/abc.png", altText: "Grafiek jeugdhulp", size: "Stretch" });
  });

  it("shows tone as marker and words, colour only besides", () => {
    const [indicator] = renderCard(message([every[4]!])).body as { items: { text: string; color?: string }[] }[];
    expect(indicator!.items[0]!.text).toBe("🔴 **Jongeren met jeugdhulp**");
    expect(indicator!.items[1]).toMatchObject({ text: "**12% \\(2024\\)**   ▲ \\+2 procentpunt t.o.v. 2023", color: "Attention" });
  });

  it("makes buttons Action.Execute, and Action.Submit task/fetch for the three that open a dialog", () => {
    const actions = (renderCard(message([every[8]!])).body[0] as { actions: { type: string; verb?: string; data: { msteams?: unknown } }[] }).actions;
    expect(actions.map((a) => a.type)).toEqual(["Action.Execute", "Action.Submit", "Action.Submit", "Action.Execute"]);
    expect(actions[0]).toMatchObject({ verb: "session.next", data: { duidbot: { action: "session.next", value: "1:herkennen" } }, style: "positive" });
    expect(actions[1]!.data.msteams).toEqual({ type: "task/fetch" });
    expect([...FORM_ACTIONS]).toEqual(["session.conclude", "session.contributeOther", "session.share"]);
  });

  it("keeps an oversized card under Teams' limit, cutting the middle and keeping the buttons", () => {
    const many = Array.from({ length: 400 }, (_, i): MessageElement => ({ ...(every[4] as Extract<MessageElement, { type: "indicator" }>), name: `Indicator ${i} ${"x".repeat(40)}` }));
    const card = renderCard(message([every[0]!, ...many, every[8]!]));
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(CARD_MAX_BYTES);
    expect(card.body.at(-1)?.type).toBe("ActionSet");
    expect(JSON.stringify(card.body.at(-2))).toMatch(/… \(\+\d+\)/);
    expect(cardProblems(card)).toEqual([]);
  });

  it("renders both forms as valid dialog cards, every input labelled, required ones with an error message", () => {
    const texts = { required: "Vul dit veld in." };
    const conclusion = conclusionForm({ sessionId: 7, lang: "nl", contributions: [], actions: [] });
    for (const form of [conclusion, contributeOtherForm("7", "nl")]) expect(cardProblems(renderFormCard(form, texts))).toEqual([]);
    const refused = renderFormCard(conclusion, texts, { values: { "conclusion.overall": "Mijn tekst" }, problems: ["Vul de conclusie in."] });
    expect(cardProblems(refused)).toEqual([]);
    expect(refused.body).toContainEqual(expect.objectContaining({ id: "conclusion.overall", value: "Mijn tekst" }));
    expect(refused.body[1]).toMatchObject({ text: "Vul de conclusie in.", color: "Attention" });
  });

  it("escapes what people typed and writes our rich text as Markdown", () => {
    expect(escapeMarkdown("[klik](https://x) **vet** _ja_ # kop")).toBe("\\[klik\\]\\(https://x\\) \\*\\*vet\\*\\* \\_ja\\_ \\# kop");
    expect(escapeMarkdown("1. eerste\n- tweede")).toBe("1\\. eerste\n\\- tweede");
    expect(richMarkdown(rich("**@duidbot** — typ `@duidbot help`\nklaar"))).toBe("**@duidbot** — typ `@duidbot help`\n\nklaar");
  });

  it("a choice: six buttons at most (Teams hides the rest), beyond that a required menu and one button, kept when the card is cut", () => {
    const choice = (n: number): MessageElement => ({
      type: "choice",
      id: "digest.react",
      prompt: "Reageer op …",
      missing: "Kies eerst een onderwerp.",
      options: Array.from({ length: n }, (_, i) => ({ value: `doel:d${i + 1}:x`, button: `Reageer ${i + 1}`, label: `${i + 1} · Doel ${i + 1}` })),
    });
    const card = (elements: MessageElement[]) => renderCard({ target: { channel: "teams:x" }, summary: "s", elements });
    const six = card([choice(TEAMS_VISIBLE_ACTIONS)]);
    expect(six.body.map((e) => e.type)).toEqual(["ActionSet"]);
    expect((six.body[0]!.actions as unknown[]).length).toBe(TEAMS_VISIBLE_ACTIONS);
    const seven = card([choice(TEAMS_VISIBLE_ACTIONS + 1)]);
    expect(seven.body.map((e) => e.type)).toEqual(["Input.ChoiceSet", "ActionSet"]);
    expect(seven.body[0]).toMatchObject({ id: CHOICE_INPUT, isRequired: true, errorMessage: "Kies eerst een onderwerp." });
    expect((seven.body[0]!.choices as unknown[]).length).toBe(7);
    expect(seven.body[1]!.actions).toEqual([expect.objectContaining({ type: "Action.Execute", verb: "digest.react", data: { duidbot: { action: "digest.react", value: "" } } })]);
    expect(cardProblems(seven)).toEqual([]);
    // A card too large: the middle goes, the menu and its button stay.
    const big = card([...Array.from({ length: 60 }, (_, i): MessageElement => ({ type: "text", text: `${i} ${"x".repeat(800)}` })), choice(40)]);
    expect(big.body.slice(-2).map((e) => e.type)).toEqual(["Input.ChoiceSet", "ActionSet"]);
    expect(Buffer.byteLength(JSON.stringify(big))).toBeLessThanOrEqual(CARD_MAX_BYTES);
  });
});
