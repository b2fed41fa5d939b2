/**
 * One converter per neutral message element → Block Kit blocks. Pure: no I/O, no clock.
 * The switch is exhaustive (ends in a `never` check), so a new element does not compile until
 * it is rendered here.
 * @see https://docs.slack.dev/reference/block-kit/blocks
 */
import type { types } from "@slack/bolt";
import type { ChoiceOption, MessageAction, MessageElement, Tone } from "../../../src/app/messages/message.ts";
import { SLACK_LIMITS as L, splitText, truncate } from "../limits.ts";
import { escapeMrkdwn, mrkdwn, plain } from "./text.ts";

/**
 * Good/bad colouring. Block Kit sections have no colour and legacy attachment colour bars fold
 * blocks behind "Show more", so the tone is an emoji marker in front of the indicator name.
 * The change text beside it (▲/▼ with numbers) and the target status carry the same meaning in
 * words, so the colour is never the only signal.
 */
export const TONE_MARKER: Record<Tone, string> = {
  good: ":large_green_circle:",
  bad: ":red_circle:",
  neutral: ":white_circle:",
};

export function elementBlocks(element: MessageElement): types.KnownBlock[] {
  switch (element.type) {
    case "header":
      return [{ type: "header", text: plain(element.text, L.headerText) }];
    case "text":
      return textSections(element.text, element.title);
    case "context":
      return [{ type: "context", elements: [mrkdwn(element.text, L.sectionText)] }];
    case "facts":
      return factSections(element.facts);
    case "indicator":
      return [indicatorSection(element)];
    case "chart":
      // Charts are PNG files uploaded next to the message (see slackChat.ts), not blocks.
      return [];
    case "progress":
      return [progressSection(element.steps)];
    case "actions":
      return actionBlocks(element.actions);
    case "choice":
      return choiceBlocks(element);
    case "divider":
      return [{ type: "divider" }];
    default: {
      const unreachable: never = element;
      throw new Error(`Unknown message element ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Long paragraphs become several sections rather than being cut off. */
/** The title in Slack's bold (stars next to the text), then the paragraph; both escaped. */
function textSections(text: string, title?: string): types.SectionBlock[] {
  const heading = title !== undefined && title.trim() !== "" ? `*${escapeMrkdwn(title.trim())}*\n` : "";
  return splitText(heading + escapeMrkdwn(text), L.sectionText).map(textSection);
}

function textSection(text: string): types.SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text, verbatim: true } };
}

/**
 * Label/value pairs as section fields, ten per section. A field holds only 2,000 characters, so a
 * pair that does not fit one (a conclusion per question may be 3,000) is shown as its own section
 * text instead, split over several sections when longer than 3,000, so it is never cut. Order is
 * kept: short pairs before and after it stay fields.
 */
function factSections(facts: { label: string; value: string }[]): types.SectionBlock[] {
  const sections: types.SectionBlock[] = [];
  let fields: types.MrkdwnElement[] = [];
  const flushFields = () => {
    for (let i = 0; i < fields.length; i += L.sectionFields) {
      sections.push({ type: "section", fields: fields.slice(i, i + L.sectionFields) });
    }
    fields = [];
  };
  for (const fact of facts) {
    const text = labelled(fact.label, fact.value);
    if (text.length <= L.fieldText) {
      fields.push({ type: "mrkdwn", text, verbatim: true });
    } else {
      flushFields();
      sections.push(...splitText(text, L.sectionText).map(textSection));
    }
  }
  flushFields();
  return sections;
}

/** "*label*\nvalue", escaped, with the label in bold. */
function labelled(label: string, value: string): string {
  return `*${escapeMrkdwn(label)}*\n${escapeMrkdwn(value)}`;
}

type IndicatorElement = Extract<MessageElement, { type: "indicator" }>;

function indicatorSection(element: IndicatorElement): types.SectionBlock {
  const lines = [
    `${TONE_MARKER[element.tone]} *${escapeMrkdwn(element.name)}*`,
    [`*${escapeMrkdwn(element.value)}*`, element.change && escapeMrkdwn(element.change)].filter(Boolean).join("   "),
  ];
  if (element.target) lines.push(escapeMrkdwn(element.target));
  if (element.source) lines.push(`_${escapeMrkdwn(element.source)}_`);
  return { type: "section", text: { type: "mrkdwn", text: truncate(lines.join("\n"), L.sectionText), verbatim: true } };
}

function progressSection(steps: { label: string; count: number; current: boolean }[]): types.SectionBlock {
  const parts = steps.map((s) =>
    s.current ? `:arrow_forward: *${escapeMrkdwn(s.label)}* (${s.count})` : `${escapeMrkdwn(s.label)} (${s.count})`,
  );
  return { type: "section", text: { type: "mrkdwn", text: truncate(parts.join("   ·   "), L.sectionText), verbatim: true } };
}

/** Buttons, 25 per actions block. action_ids must be unique per block: repeats get a `#n` suffix. */
function actionBlocks(actions: MessageAction[]): types.ActionsBlock[] {
  const blocks: types.ActionsBlock[] = [];
  for (let i = 0; i < actions.length; i += L.actionsElements) {
    const seen = new Map<string, number>();
    blocks.push({
      type: "actions",
      elements: actions.slice(i, i + L.actionsElements).map((action) => {
        const n = (seen.get(action.id) ?? 0) + 1;
        seen.set(action.id, n);
        return button(action, n === 1 ? action.id : `${action.id}#${n}`);
      }),
    });
  }
  return blocks;
}

/**
 * A choice as buttons while there are at most CHOICE_BUTTONS (more buttons than that are no longer
 * read at a glance; Slack itself allows 25 per block), otherwise as menus: a static_select holds at
 * most 100 options, so a longer list becomes several menus side by side, each naming its range.
 */
export const CHOICE_BUTTONS = 10;

type ChoiceElement = Extract<MessageElement, { type: "choice" }>;

function choiceBlocks(element: ChoiceElement): types.ActionsBlock[] {
  if (element.options.length <= CHOICE_BUTTONS) {
    return actionBlocks(element.options.map((o) => ({ id: element.id, label: o.button, value: o.value })));
  }
  const menus: types.StaticSelect[] = [];
  for (let i = 0; i < element.options.length; i += L.selectOptions) {
    const part = element.options.slice(i, i + L.selectOptions);
    const range = element.options.length > L.selectOptions ? ` (${i + 1}–${i + part.length})` : "";
    menus.push({
      type: "static_select",
      action_id: menus.length === 0 ? element.id : `${element.id}#${menus.length + 1}`,
      placeholder: plain(`${element.prompt}${range}`, L.placeholderText),
      options: part.map(option),
    });
  }
  const blocks: types.ActionsBlock[] = [];
  for (let i = 0; i < menus.length; i += L.actionsElements) blocks.push({ type: "actions", elements: menus.slice(i, i + L.actionsElements) });
  return blocks;
}

function option(o: ChoiceOption): types.PlainTextOption {
  return { text: plain(o.label, L.optionText), value: o.value.length <= L.optionValue ? o.value : throwTooLong("option value", o.value) };
}

function button(action: MessageAction, actionId: string): types.Button {
  return {
    type: "button",
    action_id: actionId,
    text: plain(action.label, L.buttonText),
    // A value is an id the handler looks up; cutting it would point at something else.
    value: action.value.length <= L.buttonValue ? action.value : throwTooLong("button value", action.value),
    ...(action.style ? { style: action.style } : {}),
  };
}

function throwTooLong(what: string, value: string): never {
  throw new Error(`Slack ${what} is ${value.length} characters; values are ids and must stay short`);
}
