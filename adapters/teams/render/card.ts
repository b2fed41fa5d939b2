/**
 * A neutral message → one Adaptive Card (schema 1.5, the version Teams supports), one converter per
 * element and an exhaustive switch, so a new element does not compile until it is rendered here.
 * Buttons: Action.Execute (an `adaptiveCard/action` invoke with the action id as verb) for actions
 * that only run a use case; the two that open a form are Action.Submit with `msteams.type
 * "task/fetch"`, because only that opens a dialog the clicker alone sees (Action.Execute can only
 * replace the card, for everyone).
 * @see https://adaptivecards.io/explorer/
 * @see https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/overview
 */
import type { ChartData, MessageAction, MessageElement, NeutralMessage, Tone } from "../../../src/app/messages/message.ts";
import { escapeMarkdown, truncate } from "./text.ts";

export type CardElement = Record<string, unknown>;
export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: "1.5";
  body: CardElement[];
  msteams?: { width: "Full" };
}

export const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
/** Teams refuses a message over about 28 KB; we stay below with room for the activity around it. */
export const CARD_MAX_BYTES = 26_000;
const TEXT_MAX = 4_000;

/** Colour and marker per tone; the marker and the words beside it carry the meaning, the colour only repeats it. */
export const TONE: Record<Tone, { marker: string; color: string }> = {
  good: { marker: "🟢", color: "Good" },
  bad: { marker: "🔴", color: "Attention" },
  neutral: { marker: "⚪", color: "Default" },
};

/** Actions that open a form (a Teams dialog) rather than run at once. */
export const FORM_ACTIONS = new Set<string>(["session.conclude", "session.contributeOther", "session.share"]);

/** Where chart images are served from (DUIDBOT_PUBLIC_URL); without it cards carry no charts. */
export type ChartUrl = (chart: ChartData) => string | undefined;

const block = (text: string, extra: CardElement = {}): CardElement => ({ type: "TextBlock", text, wrap: true, ...extra });

export function elementCards(element: MessageElement, chartUrl?: ChartUrl): CardElement[] {
  switch (element.type) {
    case "header":
      return [block(escapeMarkdown(truncate(element.text, 300)), { size: "Large", weight: "Bolder", style: "heading" })];
    case "text": {
      const title = element.title?.trim() ? [block(escapeMarkdown(element.title.trim()), { weight: "Bolder" })] : [];
      return [...title, block(escapeMarkdown(truncate(element.text, TEXT_MAX)))];
    }
    case "context":
      return [block(escapeMarkdown(truncate(element.text, TEXT_MAX)), { isSubtle: true, size: "Small" })];
    case "facts":
      return [{ type: "FactSet", facts: element.facts.map((f) => ({ title: escapeMarkdown(truncate(f.label, 200)), value: escapeMarkdown(truncate(f.value, TEXT_MAX)) })) }];
    case "indicator":
      return [indicatorContainer(element)];
    case "chart": {
      const url = chartUrl?.(element.chart);
      return url ? [{ type: "Image", url, altText: truncate(element.alt, 300), size: "Stretch" }] : [];
    }
    case "progress":
      return [block(element.steps.map((s) => (s.current ? `▶ **${escapeMarkdown(s.label)}** (${s.count})` : `${escapeMarkdown(s.label)} (${s.count})`)).join("   ·   "))];
    case "actions":
      return [{ type: "ActionSet", actions: element.actions.map(cardAction) }];
    case "choice":
      return choiceCards(element);
    case "divider":
      // Adaptive Cards have no divider element: an empty container drawn with a separator line.
      return [{ type: "Container", separator: true, spacing: "Medium", items: [] }];
    default: {
      const unreachable: never = element;
      throw new Error(`Unknown message element ${JSON.stringify(unreachable)}`);
    }
  }
}

type IndicatorElement = Extract<MessageElement, { type: "indicator" }>;

function indicatorContainer(element: IndicatorElement): CardElement {
  const tone = TONE[element.tone];
  const items = [
    block(`${tone.marker} **${escapeMarkdown(element.name)}**`, { spacing: "Small" }),
    block([`**${escapeMarkdown(element.value)}**`, element.change && escapeMarkdown(element.change)].filter(Boolean).join("   "), { color: tone.color, spacing: "None" }),
  ];
  if (element.target) items.push(block(escapeMarkdown(element.target), { spacing: "None" }));
  if (element.source) items.push(block(`_${escapeMarkdown(element.source)}_`, { isSubtle: true, size: "Small", spacing: "None" }));
  return { type: "Container", items };
}

/** What a button hands back: our action id and its opaque value, under one key so nothing else collides. */
export interface ActionData {
  duidbot: { action: string; value: string };
}

/**
 * Teams shows at most six actions of an ActionSet as buttons; the seventh and later hide behind a
 * "…" overflow (older clients drop them). A choice is therefore buttons up to six, otherwise a
 * compact Input.ChoiceSet with one button that sends the chosen value (Action.Execute merges the
 * input into its data under CHOICE_INPUT; cards.ts reads it).
 * @see https://github.com/MicrosoftDocs/bot-docs/issues/2161
 */
export const TEAMS_VISIBLE_ACTIONS = 6;
export const CHOICE_INPUT = "duidbotChoice";

type ChoiceElement = Extract<MessageElement, { type: "choice" }>;

function choiceCards(element: ChoiceElement): CardElement[] {
  if (element.options.length <= TEAMS_VISIBLE_ACTIONS) {
    return [{ type: "ActionSet", actions: element.options.map((o) => cardAction({ id: element.id, label: o.button, value: o.value })) }];
  }
  const data: ActionData = { duidbot: { action: element.id, value: "" } };
  return [
    {
      type: "Input.ChoiceSet",
      id: CHOICE_INPUT,
      style: "compact",
      isRequired: true,
      label: truncate(element.prompt, 80),
      errorMessage: truncate(element.missing, 200),
      placeholder: truncate(element.prompt, 80),
      choices: element.options.map((o) => ({ title: truncate(o.label, 200), value: o.value })),
    },
    { type: "ActionSet", actions: [{ type: "Action.Execute", title: truncate(element.prompt, 80), verb: element.id, data, associatedInputs: "auto" }] },
  ];
}

function cardAction(action: MessageAction): CardElement {
  const data: ActionData = { duidbot: { action: action.id, value: action.value } };
  const style = action.style === "primary" ? { style: "positive" } : action.style === "danger" ? { style: "destructive" } : {};
  if (FORM_ACTIONS.has(action.id)) return { type: "Action.Submit", title: truncate(action.label, 80), data: { ...data, msteams: { type: "task/fetch" } }, ...style };
  return { type: "Action.Execute", title: truncate(action.label, 80), verb: action.id, data, ...style };
}

export function renderCard(message: NeutralMessage, chartUrl?: ChartUrl): AdaptiveCard {
  const body = message.elements.flatMap((e) => elementCards(e, chartUrl));
  return fitCard({ type: "AdaptiveCard", $schema: CARD_SCHEMA, version: "1.5", body, msteams: { width: "Full" } });
}

/**
 * Keeps a card under CARD_MAX_BYTES. The buttons at the end are what people act on, so trailing
 * ActionSets (and a choice's menu) survive; elements are dropped from the middle and a "… (+n)" line marks the cut.
 */
export function fitCard(card: AdaptiveCard): AdaptiveCard {
  const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
  let total = bytes(card);
  if (total <= CARD_MAX_BYTES) return card;
  let tailStart = card.body.length;
  // The menu of a long choice sits just before its button: it is kept with it.
  while (tailStart > 0 && (card.body[tailStart - 1]?.type === "ActionSet" || card.body[tailStart - 1]?.type === "Input.ChoiceSet")) tailStart -= 1;
  const head = card.body.slice(0, tailStart);
  const tail = card.body.slice(tailStart);
  // Sizes once (each element plus its comma); the marker line's size is reserved up front.
  total += bytes(block(`… (+${card.body.length})`, { isSubtle: true })) + 1;
  let omitted = 0;
  while (head.length > 1 && total > CARD_MAX_BYTES) {
    const [dropped] = head.splice(Math.floor(head.length / 2), 1);
    total -= bytes(dropped) + 1;
    omitted += 1;
  }
  return { ...card, body: [...head, block(`… (+${omitted})`, { isSubtle: true }), ...tail] };
}
