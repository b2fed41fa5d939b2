/**
 * Probes every Slack limit in limits.ts at its edge: exactly at the limit passes unchanged, one over
 * is truncated or split, and no rendered message or modal ever exceeds what Slack accepts.
 */
import { describe, expect, it } from "vitest";
import type { types } from "@slack/bolt";
import type { MessageAction, NeutralForm } from "../../src/app/messages/message.ts";
import { SLACK_LIMITS as L, splitText, truncate } from "../../adapters/slack/limits.ts";
import { CHOICE_BUTTONS, elementBlocks } from "../../adapters/slack/render/blocks.ts";
import { fitBlocks, renderMessage } from "../../adapters/slack/render/message.ts";
import { renderModal } from "../../adapters/slack/render/modal.ts";

const target = { channel: "slack:T1:C1" };
const text = (block: unknown) => (block as { text: { text: string } }).text.text;

describe("truncate and splitText", () => {
  it("leaves text at the limit alone and cuts one over with an ellipsis", () => {
    expect(truncate("a".repeat(10), 10)).toBe("a".repeat(10));
    expect(truncate("a".repeat(11), 10)).toBe(`${"a".repeat(9)}…`);
  });

  it("never splits an emoji's surrogate pair", () => {
    const cut = truncate(`${"a".repeat(8)}😀😀`, 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).toBe(`${"a".repeat(8)}…`);
  });

  it("splits at line or word boundaries into chunks within the limit", () => {
    const chunks = splitText(`${"woord ".repeat(1000)}`.trim(), L.sectionText);
    expect(chunks.length).toBe(2);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(L.sectionText);
    expect(chunks.join(" ")).toBe(`${"woord ".repeat(1000)}`.trim());
  });
});

describe("block limits", () => {
  it("header: 150 characters", () => {
    expect(text(elementBlocks({ type: "header", text: "k".repeat(L.headerText) })[0])).toHaveLength(L.headerText);
    expect(text(elementBlocks({ type: "header", text: "k".repeat(L.headerText + 1) })[0])).toHaveLength(L.headerText);
  });

  it("section text: 3000 characters, longer text becomes more sections", () => {
    expect(elementBlocks({ type: "text", text: "x".repeat(L.sectionText) })).toHaveLength(1);
    const blocks = elementBlocks({ type: "text", text: "x".repeat(L.sectionText + 1) });
    expect(blocks).toHaveLength(2);
    for (const block of blocks) expect(text(block).length).toBeLessThanOrEqual(L.sectionText);
  });

  it("section text counts escaped characters", () => {
    const blocks = elementBlocks({ type: "text", text: "<".repeat(L.sectionText) });
    for (const block of blocks) expect(text(block).length).toBeLessThanOrEqual(L.sectionText);
  });

  it("context: cut at 3000 without leaving half an entity", () => {
    const [block] = elementBlocks({ type: "context", text: `${"c".repeat(L.sectionText - 2)}&&&` });
    const out = (block as types.ContextBlock).elements[0] as types.MrkdwnElement;
    expect(out.text.length).toBeLessThanOrEqual(L.sectionText);
    expect(out.text).toMatch(/c…$/);
  });

  it("facts: 10 fields per section", () => {
    const facts = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `L${i}`, value: `V${i}` }));
    expect(elementBlocks({ type: "facts", facts: facts(L.sectionFields) })).toHaveLength(1);
    const blocks = elementBlocks({ type: "facts", facts: facts(L.sectionFields + 1) }) as types.SectionBlock[];
    expect(blocks.map((b) => b.fields?.length)).toEqual([10, 1]);
  });

  it("field text: 2000 characters; a longer pair becomes section text instead of being cut", () => {
    const head = "*L*\n";
    const [fits] = elementBlocks({ type: "facts", facts: [{ label: "L", value: "v".repeat(L.fieldText - head.length) }] }) as types.SectionBlock[];
    expect(fits?.fields?.[0]?.text).toBe(head + "v".repeat(L.fieldText - head.length));
    const over = elementBlocks({ type: "facts", facts: [{ label: "L", value: "v".repeat(L.fieldText - head.length + 1) }] }) as types.SectionBlock[];
    expect(over).toHaveLength(1);
    expect(over[0]?.fields).toBeUndefined();
    expect(text(over[0])).toBe(head + "v".repeat(L.fieldText - head.length + 1));
  });

  it("field text counts escaped characters", () => {
    const blocks = elementBlocks({ type: "facts", facts: [{ label: "L", value: "&".repeat(500) }] }) as types.SectionBlock[];
    expect(blocks[0]?.fields).toBeUndefined(); // 500 × "&amp;" is 2,500 characters
    expect(text(blocks[0])).toBe(`*L*\n${"&amp;".repeat(500)}`);
  });

  it("a 7,000-character fact is split over 3 section blocks at sentence boundaries, losing nothing", () => {
    const sentence = "Ouders geven aan dat de wachttijd te lang is. ";
    const value = `${sentence.repeat(Math.ceil(7000 / sentence.length))}`.slice(0, 7000 - "Einde.".length - 1).trimEnd() + " Einde.";
    expect(value).toHaveLength(7000);
    const blocks = elementBlocks({ type: "facts", facts: [{ label: "Herkennen", value }] }) as types.SectionBlock[];
    expect(blocks).toHaveLength(3);
    for (const block of blocks) {
      expect(block.fields).toBeUndefined();
      expect(text(block).length).toBeLessThanOrEqual(L.sectionText);
    }
    expect(blocks.slice(0, -1).every((b) => text(b).endsWith("."))).toBe(true); // cut after a sentence
    expect(blocks.map(text).join(" ")).toBe(`*Herkennen*\n${value}`);
  });

  it("splits without whitespace mid-word, but never inside an escaped entity", () => {
    const chunks = splitText(`${"x".repeat(L.sectionText - 2)}&amp;${"y".repeat(10)}`, L.sectionText);
    expect(chunks).toEqual(["x".repeat(L.sectionText - 2), `&amp;${"y".repeat(10)}`]);
  });

  it("actions: 25 buttons per block, labels of 75 characters", () => {
    const actions = (n: number): MessageAction[] => Array.from({ length: n }, (_, i) => ({ id: "session.start", label: "b".repeat(80), value: String(i) }));
    expect(elementBlocks({ type: "actions", actions: actions(L.actionsElements) })).toHaveLength(1);
    const blocks = elementBlocks({ type: "actions", actions: actions(L.actionsElements + 1) }) as types.ActionsBlock[];
    expect(blocks.map((b) => b.elements.length)).toEqual([25, 1]);
    expect((blocks[0]?.elements[0] as types.Button).text.text).toHaveLength(L.buttonText);
  });

  it("a choice: buttons up to ten, then menus of at most 100 options, each naming its range", () => {
    const choice = (n: number) => ({
      type: "choice" as const,
      id: "digest.react" as const,
      prompt: "Reageer op …",
      missing: "Kies eerst een onderwerp.",
      options: Array.from({ length: n }, (_, i) => ({ value: `doel:d${i + 1}:x`, button: `Reageer ${i + 1}`, label: `${i + 1} · ${"d".repeat(90)}` })),
    });
    const ten = elementBlocks(choice(CHOICE_BUTTONS)) as types.ActionsBlock[];
    expect(ten.flatMap((b) => b.elements.map((e) => e.type))).toEqual(Array(CHOICE_BUTTONS).fill("button"));
    const many = elementBlocks(choice(2 * L.selectOptions + 5)) as types.ActionsBlock[];
    expect(many).toHaveLength(1);
    const menus = many[0]!.elements as types.StaticSelect[];
    expect(menus.map((m) => [m.action_id, m.placeholder?.text, m.options?.length])).toEqual([
      ["digest.react", "Reageer op … (1–100)", 100],
      ["digest.react#2", "Reageer op … (101–200)", 100],
      ["digest.react#3", "Reageer op … (201–205)", 5],
    ]);
    expect(menus[2]!.options!.at(-1)).toMatchObject({ value: "doel:d205:x" });
    expect(menus[0]!.options![0]!.text.text).toHaveLength(L.optionText);
    // Eleven: one menu, no range in its placeholder.
    expect((elementBlocks(choice(11))[0] as types.ActionsBlock).elements.map((e) => [e.type, (e as types.StaticSelect).placeholder?.text])).toEqual([["static_select", "Reageer op …"]]);
  });

  it("button values are ids: too long is a bug and throws rather than being cut", () => {
    expect(() => elementBlocks({ type: "actions", actions: [{ id: "session.start", label: "x", value: "1".repeat(L.buttonValue) }] })).not.toThrow();
    expect(() => elementBlocks({ type: "actions", actions: [{ id: "session.start", label: "x", value: "1".repeat(L.buttonValue + 1) }] })).toThrow();
  });
});

describe("message limits", () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => ({ type: "text" as const, text: `regel ${i}` }));

  it("50 blocks pass unchanged", () => {
    expect(renderMessage({ target, summary: "s", elements: many(L.messageBlocks) }).blocks).toHaveLength(L.messageBlocks);
  });

  it("51 blocks are cut to 50 with a marker, keeping the buttons at the end", () => {
    const rendered = renderMessage({
      target,
      summary: "s",
      elements: [...many(L.messageBlocks), { type: "actions", actions: [{ id: "session.start", label: "Start duiding", value: "1" }] }],
    });
    expect(rendered.blocks).toHaveLength(L.messageBlocks);
    expect(rendered.blocks.at(-1)?.type).toBe("actions");
    expect(JSON.stringify(rendered.blocks.at(-2))).toContain("… (+2)");
  });

  it("fitBlocks keeps within the limit even when everything is buttons", () => {
    const blocks = Array.from({ length: 60 }, (): types.KnownBlock => ({ type: "actions", elements: [] }));
    expect(fitBlocks(blocks, L.messageBlocks)).toHaveLength(L.messageBlocks);
  });

  it("an absurdly long fact stays within 50 blocks and says visibly that it was cut", () => {
    const facts = Array.from({ length: 4 }, (_, i) => ({ label: `Vraag ${i}`, value: "Een zin van de conclusie. ".repeat(2000) }));
    const rendered = renderMessage({ target, summary: "Conclusie vastgesteld", elements: [{ type: "header", text: "Conclusie vastgesteld" }, { type: "facts", facts }] });
    expect(rendered.blocks).toHaveLength(L.messageBlocks);
    expect(JSON.stringify(rendered.blocks)).toMatch(/… \(\+\d+\)/);
    expect(rendered.text).toBe("Conclusie vastgesteld");
  });

  it("fallback text: 4000 characters", () => {
    expect(renderMessage({ target, summary: "s".repeat(L.messageText + 1), elements: [] }).text).toHaveLength(L.messageText);
  });
});

describe("modal limits", () => {
  const form = (overrides: Partial<NeutralForm>): NeutralForm => ({ id: "session.conclude", title: "t", submitLabel: "Opslaan", state: "1", fields: [], ...overrides });

  it("title and submit: 24 characters", () => {
    const view = renderModal(form({ title: "t".repeat(25), submitLabel: "s".repeat(24) }), "Annuleren");
    expect(view.title.text).toHaveLength(L.modalTitle);
    expect(view.submit?.text).toBe("s".repeat(24));
  });

  it("100 blocks per modal", () => {
    const fields = Array.from({ length: L.modalBlocks + 1 }, (_, i) => ({ type: "text" as const, id: `f${i}`, label: "x", multiline: false }));
    expect(renderModal(form({ fields }), "x").blocks).toHaveLength(L.modalBlocks);
  });

  it("prefilled text: 3000 characters", () => {
    const view = renderModal(form({ fields: [{ type: "text", id: "a", label: "x", multiline: true, initial: "i".repeat(L.inputValue + 5) }] }), "x");
    expect((view.blocks[0] as types.InputBlock & { element: types.PlainTextInput }).element.initial_value).toHaveLength(L.inputValue);
  });

  it("select: 100 options of at most 75 characters", () => {
    const options = Array.from({ length: L.selectOptions + 1 }, (_, i) => ({ value: `v${i}`, label: "o".repeat(80) }));
    const view = renderModal(form({ fields: [{ type: "select", id: "s", label: "x", options }] }), "x");
    const select = (view.blocks[0] as types.InputBlock & { element: types.StaticSelect }).element;
    expect(select.options).toHaveLength(L.selectOptions);
    expect(select.options?.[0]?.text.text).toHaveLength(L.optionText);
  });

  it("private_metadata: 3000 characters; longer state throws (it is an id, not content)", () => {
    expect(() => renderModal(form({ state: "1".repeat(L.privateMetadata) }), "x")).not.toThrow();
    expect(() => renderModal(form({ state: "1".repeat(L.privateMetadata + 1) }), "x")).toThrow();
  });
});
