/**
 * The web's renderer of the neutral message model (src/app/messages/message.ts): one function per
 * element and an exhaustive switch, like adapters/slack/render. Charts become inline SVG (the chart
 * port renders them on the server: no script, text stays text for screen readers). Buttons are the
 * page's business: it passes `action` to turn each into a plain HTML form (works without JavaScript).
 */
import type { ChartRenderer } from "../../../src/app/charts.ts";
import type { MessageAction, MessageElement, NeutralMessage } from "../../../src/app/messages/message.ts";
import { html, trusted, type Html } from "../workspace/html.ts";

export interface RenderOptions {
  charts: ChartRenderer;
  /** Heading level of a `header` element (the session root's title is the page's h1). */
  headerLevel: 1 | 2 | 3;
  /** A button as markup, or nothing when this page does not offer it. */
  action(action: MessageAction): Html | undefined;
}

const toneClass = { good: "tone-beter", bad: "tone-slechter", neutral: "" } as const;

function heading(level: 1 | 2 | 3, text: string): Html {
  if (level === 1) return html`<h1>${text}</h1>`;
  if (level === 2) return html`<h2>${text}</h2>`;
  return html`<h3>${text}</h3>`;
}

async function element(e: MessageElement, options: RenderOptions): Promise<Html> {
  switch (e.type) {
    case "header":
      return heading(options.headerLevel, e.text);
    case "text":
      return html`<p class="message-text">${e.title !== undefined ? html`<strong>${e.title}</strong><br>` : ""}${e.text}</p>`;
    case "context":
      return html`<p class="detail message-text">${e.text}</p>`;
    case "facts":
      return html`<dl class="facts">${e.facts.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>`;
    case "indicator":
      return html`<p class="indicator"><strong>${e.name}</strong>: <span class="tone ${toneClass[e.tone]}">${e.value}</span>${e.change ? html` · ${e.change}` : ""}${e.target ? html` · ${e.target}` : ""}${e.source ? html`<br><span class="detail">${e.source}</span>` : ""}</p>`;
    case "chart":
      // The SVG comes from src/charts with our own spec; its text is escaped by vega.
      return html`<figure class="chart">${trusted(await options.charts.svg(e.chart))}<figcaption class="detail">${e.alt}</figcaption></figure>`;
    case "progress":
      return html`<ol class="progress">${e.steps.map((s) => html`<li${s.current ? html` aria-current="step" class="current"` : ""}>${s.label} <span class="count">(${s.count})</span></li>`)}</ol>`;
    case "actions": {
      const shown = e.actions.map((a) => options.action(a)).filter((a): a is Html => a !== undefined);
      return shown.length > 0 ? html`<div class="buttons">${shown}</div>` : html``;
    }
    case "choice": {
      // A page has no button limit: every option is its own button (a form each, works without JavaScript).
      const shown = e.options.map((o) => options.action({ id: e.id, label: o.button, value: o.value })).filter((a): a is Html => a !== undefined);
      return shown.length > 0 ? html`<div class="buttons">${shown}</div>` : html``;
    }
    case "divider":
      return html`<hr>`;
    default: {
      const unreachable: never = e;
      return unreachable;
    }
  }
}

export async function renderMessage(message: NeutralMessage, options: RenderOptions): Promise<Html> {
  const parts: Html[] = [];
  // One chart at a time: resvg/vega hold memory until a later turn (docs/STACK: render charts in sequence).
  for (const e of message.elements) parts.push(await element(e, options));
  return html`${parts}`;
}
