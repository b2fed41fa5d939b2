/**
 * Proves the Slack renderers turn every neutral element into valid Block Kit: one converter per
 * element, tone as emoji marker, escaping of Slack control characters, charts kept out of the
 * blocks (they are uploaded as files), and forms as modal views with field ids as block ids.
 */
import { describe, expect, it } from "vitest";
import type { MessageElement, NeutralForm, NeutralMessage } from "../../src/app/messages/message.ts";
import { elementBlocks, TONE_MARKER } from "../../adapters/slack/render/blocks.ts";
import { renderMessage } from "../../adapters/slack/render/message.ts";
import { renderModal } from "../../adapters/slack/render/modal.ts";

const target = { channel: "slack:T1:C1" };

function message(elements: MessageElement[], summary = "Nieuwe cijfers"): NeutralMessage {
  return { target, summary, elements };
}

const chart = { title: "Jeugdhulp", unit: "%", lang: "nl" as const, points: [{ period: "2023", value: 9 }, { period: "2024", value: 10.8 }] };

describe("Slack element renderers", () => {
  const cases: { element: MessageElement; expected: unknown[] }[] = [
    { element: { type: "header", text: "Doel: gezond opgroeien" }, expected: [{ type: "header", text: { type: "plain_text", text: "Doel: gezond opgroeien", emoji: true } }] },
    { element: { type: "text", text: "Herkent u <dit>?" }, expected: [{ type: "section", text: { type: "mrkdwn", text: "Herkent u &lt;dit&gt;?", verbatim: true } }] },
    // The title is structure, not markup in the text: Slack gets its bold, escaped.
    {
      element: { type: "text", title: " Vraag 1 van 4 · A&B ", text: "Herkent u <dit>?" },
      expected: [{ type: "section", text: { type: "mrkdwn", text: "*Vraag 1 van 4 · A&amp;B*\nHerkent u &lt;dit&gt;?", verbatim: true } }],
    },
    { element: { type: "context", text: "Bron: CBS & GGD" }, expected: [{ type: "context", elements: [{ type: "mrkdwn", text: "Bron: CBS &amp; GGD", verbatim: true }] }] },
    { element: { type: "divider" }, expected: [{ type: "divider" }] },
    { element: { type: "chart", chart, alt: "Grafiek jeugdhulp" }, expected: [] },
    {
      element: { type: "facts", facts: [{ label: "Vraag", value: "herkennen" }] },
      expected: [{ type: "section", fields: [{ type: "mrkdwn", text: "*Vraag*\nherkennen", verbatim: true }] }],
    },
    {
      element: { type: "actions", actions: [{ id: "session.start", label: "Start duiding", value: "12", style: "primary" }] },
      expected: [{ type: "actions", elements: [{ type: "button", action_id: "session.start", text: { type: "plain_text", text: "Start duiding", emoji: true }, value: "12", style: "primary" }] }],
    },
  ];
  it.each(cases)("$element.type", ({ element, expected }) => {
    expect(elementBlocks(element)).toEqual(expected);
  });

  it("renders an indicator with tone marker, value, change, target and source", () => {
    const [block] = elementBlocks({
      type: "indicator",
      name: "Jongeren met jeugdhulp",
      value: "10,8% (2024)",
      change: "▲ +1,8 procentpunt t.o.v. 2023",
      tone: "bad",
      target: "streefwaarde 10% (2026) niet gehaald",
      source: "Bron: CBS · 2024",
    });
    expect(block).toEqual({
      type: "section",
      text: {
        type: "mrkdwn",
        verbatim: true,
        text: ":red_circle: *Jongeren met jeugdhulp*\n*10,8% (2024)*   ▲ +1,8 procentpunt t.o.v. 2023\nstreefwaarde 10% (2026) niet gehaald\n_Bron: CBS · 2024_",
      },
    });
  });

  it.each(["good", "bad", "neutral"] as const)("marks tone %s with its own emoji", (tone) => {
    const [block] = elementBlocks({ type: "indicator", name: "X", value: "1", tone });
    expect(JSON.stringify(block)).toContain(TONE_MARKER[tone]);
    expect(new Set(Object.values(TONE_MARKER)).size).toBe(3);
  });

  it("marks the current question in progress", () => {
    const [block] = elementBlocks({
      type: "progress",
      steps: [
        { label: "Herkennen", count: 3, current: false },
        { label: "Verklaren", count: 1, current: true },
      ],
    });
    expect(block).toMatchObject({ type: "section", text: { text: "Herkennen (3)   ·   :arrow_forward: *Verklaren* (1)" } });
  });

  it("never lets text ping the channel or hide a link", () => {
    const [block] = elementBlocks({ type: "text", text: "<!channel> kijk <https://evil.example|hier>" });
    expect(JSON.stringify(block)).not.toMatch(/<!channel>|<https/);
  });

  it("gives repeated buttons in one block unique action ids", () => {
    const [block] = elementBlocks({
      type: "actions",
      actions: [
        { id: "session.start", label: "A", value: "1" },
        { id: "session.start", label: "B", value: "2" },
      ],
    });
    expect(block).toMatchObject({ elements: [{ action_id: "session.start" }, { action_id: "session.start#2" }] });
  });
});

describe("Slack facts renderer", () => {
  it("shows a 2,500-character fact in full as section text, keeping short facts as fields in order", () => {
    const long = `${"Ouders geven aan dat de wachttijd te lang is. ".repeat(54)}Einde.`;
    expect(long.length).toBeGreaterThan(2400);
    const blocks = elementBlocks({
      type: "facts",
      facts: [
        { label: "Herkennen", value: "Ja." },
        { label: "Verklaren", value: long },
        { label: "Waarderen", value: "Zorgelijk." },
        { label: "Verbeteren", value: "Eerder lichte hulp." },
      ],
    });
    expect(blocks).toEqual([
      { type: "section", fields: [{ type: "mrkdwn", text: "*Herkennen*\nJa.", verbatim: true }] },
      { type: "section", text: { type: "mrkdwn", text: `*Verklaren*\n${long}`, verbatim: true } },
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: "*Waarderen*\nZorgelijk.", verbatim: true },
          { type: "mrkdwn", text: "*Verbeteren*\nEerder lichte hulp.", verbatim: true },
        ],
      },
    ]);
    expect(JSON.stringify(blocks)).not.toContain("…");
  });

  it("renders an adopted conclusion of 4 × 3,000 characters in full, well within 50 blocks", () => {
    const value = `${"Wij zien een stijging in de wijk. ".repeat(88)}Einde.`.slice(-3000);
    const rendered = renderMessage(message([
      { type: "header", text: "Conclusie vastgesteld" },
      { type: "text", text: `*Overall*\n${value}` },
      { type: "facts", facts: ["Herkennen", "Verklaren", "Waarderen", "Verbeteren"].map((label) => ({ label, value })) },
    ], "Conclusie vastgesteld"));
    expect(rendered.blocks.length).toBeLessThanOrEqual(50);
    const shown = JSON.stringify(rendered.blocks);
    expect(shown).not.toContain("…");
    expect(shown.split("Einde.").length - 1).toBe(5);
    expect(rendered.text).toBe("Conclusie vastgesteld");
  });
});

describe("Slack message renderer", () => {
  it("returns fallback text, blocks and the charts to upload", () => {
    const rendered = renderMessage(message([{ type: "header", text: "Kop" }, { type: "chart", chart, alt: "Grafiek" }], "Cijfers <nieuw>"));
    expect(rendered.text).toBe("Cijfers &lt;nieuw&gt;");
    expect(rendered.blocks).toHaveLength(1);
    expect(rendered.charts).toEqual([{ chart, alt: "Grafiek" }]);
  });
});

describe("Slack modal renderer", () => {
  const form: NeutralForm = {
    id: "session.conclude",
    title: "Conclusie opstellen",
    submitLabel: "Opslaan",
    state: "12",
    fields: [
      { type: "text", id: "herkennen", label: "Herkennen", multiline: true, initial: "Concept", hint: "Uit de bijdragen" },
      { type: "select", id: "question", label: "Vraag", options: [{ value: "herkennen", label: "Herkennen" }, { value: "verklaren", label: "Verklaren" }], initial: "verklaren" },
      { type: "date", id: "action1_due", label: "Datum", optional: true, initial: "2026-03-31" },
    ],
  };

  it("renders a modal with callback id, state and one input per field", () => {
    const view = renderModal(form, "Annuleren");
    expect(view).toMatchObject({ type: "modal", callback_id: "session.conclude", private_metadata: "12", title: { text: "Conclusie opstellen" } });
    expect(view.blocks).toEqual([
      {
        type: "input",
        block_id: "herkennen",
        label: { type: "plain_text", text: "Herkennen", emoji: true },
        optional: false,
        hint: { type: "plain_text", text: "Uit de bijdragen", emoji: true },
        element: { type: "plain_text_input", action_id: "herkennen", multiline: true, max_length: 3000, initial_value: "Concept" },
      },
      {
        type: "input",
        block_id: "question",
        label: { type: "plain_text", text: "Vraag", emoji: true },
        element: {
          type: "static_select",
          action_id: "question",
          options: [
            { text: { type: "plain_text", text: "Herkennen", emoji: true }, value: "herkennen" },
            { text: { type: "plain_text", text: "Verklaren", emoji: true }, value: "verklaren" },
          ],
          initial_option: { text: { type: "plain_text", text: "Verklaren", emoji: true }, value: "verklaren" },
        },
      },
      {
        type: "input",
        block_id: "action1_due",
        label: { type: "plain_text", text: "Datum", emoji: true },
        optional: true,
        element: { type: "datepicker", action_id: "action1_due", initial_date: "2026-03-31" },
      },
    ]);
  });

  it("drops an initial date Slack would reject instead of failing the modal", () => {
    const view = renderModal({ ...form, fields: [{ type: "date", id: "d", label: "Datum", initial: "31-03-2026" }] }, "Annuleren");
    expect(view.blocks[0]).toMatchObject({ element: { type: "datepicker", action_id: "d" } });
    expect(JSON.stringify(view.blocks[0])).not.toContain("initial_date");
  });
});
