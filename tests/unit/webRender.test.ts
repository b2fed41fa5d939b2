// Proves the web renderer of the neutral message model: every element type becomes markup, everything
// from people and the DIN is escaped, charts become the chart port's inline SVG with their text
// alternative, and buttons are whatever the page makes of them (or nothing).
import { describe, expect, it } from "vitest";
import type { ChartRenderer } from "../../src/app/charts.ts";
import type { NeutralMessage } from "../../src/app/messages/message.ts";
import { renderMessage } from "../../adapters/web/render/message.ts";
import { html } from "../../adapters/web/workspace/html.ts";

const charts: ChartRenderer = { png: async () => Buffer.alloc(0), svg: async (data) => `<svg role="img"><title>${data.title}</title></svg>` };

const message: NeutralMessage = {
  target: { channel: "web:werkplek" },
  summary: "s",
  elements: [
    { type: "header", text: "Duiding: <script>" },
    { type: "text", title: "Vraag 1 van 4", text: "regel 1\nregel <b>2</b>" },
    { type: "context", text: "klein" },
    { type: "facts", facts: [{ label: "Vraag", value: "1. Herkennen" }] },
    { type: "indicator", name: "Jeugdhulp", value: "12%", change: "▲ +2", tone: "bad", target: "streef 10%", source: "Bron: CBS" },
    { type: "chart", chart: { title: "Jeugdhulp", unit: "%", lang: "nl", points: [] }, alt: "Grafiek: Jeugdhulp" },
    { type: "progress", steps: [{ label: "Herkennen", count: 2, current: true }, { label: "Verklaren", count: 0, current: false }] },
    { type: "actions", actions: [{ id: "session.next", label: "Volgende vraag", value: "1:herkennen" }, { id: "session.start", label: "Start", value: "1" }] },
    { type: "divider" },
  ],
};

describe("the web message renderer", () => {
  it("renders every element, escaped, with charts inline and buttons as the page decides", async () => {
    const out = (await renderMessage(message, { charts, headerLevel: 1, action: (a) => (a.id === "session.next" ? html`<button>${a.label}</button>` : undefined) })).text;
    expect(out).toContain("<h1>Duiding: &lt;script&gt;</h1>");
    expect(out).toContain('<p class="message-text"><strong>Vraag 1 van 4</strong><br>regel 1\nregel &lt;b&gt;2&lt;/b&gt;</p>');
    expect(out).toContain('<p class="detail message-text">klein</p>');
    expect(out).toContain("<dt>Vraag</dt><dd>1. Herkennen</dd>");
    expect(out).toContain('<strong>Jeugdhulp</strong>: <span class="tone tone-slechter">12%</span> · ▲ +2 · streef 10%');
    expect(out).toContain('<figure class="chart"><svg role="img"><title>Jeugdhulp</title></svg><figcaption class="detail">Grafiek: Jeugdhulp</figcaption></figure>');
    expect(out).toContain('<li aria-current="step" class="current">Herkennen <span class="count">(2)</span></li>');
    expect(out).toContain('<div class="buttons"><button>Volgende vraag</button></div>');
    expect(out).not.toContain("Start");
    expect(out).toContain("<hr>");
  });

  it("leaves out an actions element whose buttons this page does not offer", async () => {
    const out = (await renderMessage({ ...message, elements: [message.elements[7]!] }, { charts, headerLevel: 2, action: () => undefined })).text;
    expect(out).toBe("");
  });

  it("renders a choice as one button per option, the page deciding which it offers", async () => {
    const choice = { type: "choice" as const, id: "digest.react" as const, prompt: "Reageer op …", missing: "Kies eerst.", options: [1, 2, 3].map((n) => ({ value: `doel:d${n}:x`, button: `Reageer ${n}`, label: `${n} · Doel` })) };
    const out = (await renderMessage({ ...message, elements: [choice] }, { charts, headerLevel: 2, action: (a) => html`<button value="${a.value}">${a.label}</button>` })).text;
    expect(out).toBe('<div class="buttons"><button value="doel:d1:x">Reageer 1</button><button value="doel:d2:x">Reageer 2</button><button value="doel:d3:x">Reageer 3</button></div>');
  });
});
