/**
 * The neutral message model: what use cases say, independent of Slack, Teams or the web.
 * Adapters render it (adapters/<platform>/render/) with one function per element and an
 * exhaustive switch, so a new element does not compile until every renderer handles it.
 * Recipe for a new element: type here → render in every adapter → plainText fallback → tests.
 */

/** Good/bad colouring derived from the indicator's direction (never from the sign alone). */
export type Tone = "good" | "bad" | "neutral";

/** Where a message goes. `thread` is the platform id of the thread root, when replying in one. */
export interface MessageTarget {
  /** Platform-neutral channel key, e.g. "slack:T123:C456". */
  channel: string;
  /** Platform message id of the thread root (Slack ts, Teams activity id). */
  thread?: string;
}

export type MessageElement =
  /** A large title line. */
  | { type: "header"; text: string }
  /**
   * A paragraph of plain text (line breaks kept, no markup: renderers escape everything), optionally
   * under a title each renderer emphasises in its own way (Slack `*bold*`, Markdown `**bold**`, HTML <strong>).
   */
  | { type: "text"; text: string; title?: string }
  /** Small print: sources, notices, explanations for guests. */
  | { type: "context"; text: string }
  /** Label/value pairs, e.g. "Vraag: herkennen". */
  | { type: "facts"; facts: { label: string; value: string }[] }
  /** One indicator's new figure, as in a change post. All texts are already formatted for the audience. */
  | {
      type: "indicator";
      name: string;
      /** e.g. "10,8% (2024)" or "< 10 (2024)". */
      value: string;
      /** e.g. "▲ +1,8 procentpunt t.o.v. 2023"; absent for a first value. */
      change?: string;
      tone: Tone;
      /** e.g. "streefwaarde 10% (2026) gehaald". */
      target?: string;
      /** e.g. "Bron: CBS · 2024". */
      source?: string;
    }
  /** A chart of one indicator's series; renderers turn it into a PNG (chat) or inline SVG (web). */
  | { type: "chart"; chart: ChartData; alt: string }
  /** Progress over the four questions: counts per question, one marked current. */
  | { type: "progress"; steps: { label: string; count: number; current: boolean }[] }
  /** Buttons. */
  | { type: "actions"; actions: MessageAction[] }
  /**
   * One action over a list, e.g. "Reageer" on every numbered item of a weekly digest. Each renderer
   * picks the form its platform allows (its limits are adapter data): a button per option
   * (`button`) while they fit, otherwise a menu of the options (`label`) under `prompt` — Slack
   * static_select, a Teams Input.ChoiceSet with a button. Choosing one is a click of `id` with its `value`.
   */
  | { type: "choice"; id: ActionId; prompt: string; options: ChoiceOption[]; /** Said when the menu's button is pressed with nothing chosen. */ missing: string }
  | { type: "divider" };

/** Everything needed to draw an indicator chart; serialisable, so it can wait in the outbox. */
export interface ChartData {
  title: string;
  unit: string;
  lang: "nl" | "en";
  /** Canonical period keys with values, oldest first. Suppressed small numbers are left out by the app. */
  points: { period: string; value: number }[];
  baseline?: { period: string; value: number };
  target?: { period: string; value: number };
  /** Comparison areas ("Nederland"), drawn as extra lines told apart by dash pattern, marker and a direct label. */
  comparisons?: { label: string; points: { period: string; value: number }[] }[];
  /**
   * One of a set of small multiples (a breakdown's category over time, src/app/breakdownCharts.ts):
   * drawn small, on the set's shared x axis (`periods`, first to last) and y scale (`scale`: the lowest
   * and highest value shown in the whole set), so the charts compare at a glance.
   */
  small?: { periods: string[]; scale: [number, number] };
}

export interface ChoiceOption {
  /** Opaque value handed back on choice, as a button's. */
  value: string;
  /** Short, as a button: "Reageer 2". */
  button: string;
  /** Longer, as a menu line: "2 · Hilversumse kinderen … groeien gezond op". */
  label: string;
}

export interface MessageAction {
  /** What the button does; adapters route clicks by this id (see ActionId). */
  id: ActionId;
  label: string;
  /** Opaque value handed back on click (e.g. a session id). */
  value: string;
  style?: "primary" | "danger";
}

/** Every button the product offers, so adapters can route clicks exhaustively. */
export type ActionId = (typeof ACTION_IDS)[number];
export const ACTION_IDS = [
  "session.start",
  "session.next",
  "session.back",
  "session.contributeOther",
  "session.conclude",
  "session.adopt",
  "session.guestLink",
  "session.actionStatus",
  "session.share",
  "session.perspective",
  /** "Uitsplitsing" on a change post: the indicator's breakdown as a table (showBreakdown). */
  "indicator.breakdown",
  /** "Reageer" on a weekly digest item: opens (or joins, or starts) the session of that doel or indicator. */
  "digest.react",
] as const;

/** A click's id as the platform handed it back: one of ours, or not (an old or tampered message). */
export function isActionId(id: string): id is ActionId {
  return (ACTION_IDS as readonly string[]).includes(id);
}

export interface NeutralMessage {
  target: MessageTarget;
  /** Notification / fallback text (Slack `text`, Teams summary); plain, one line. */
  summary: string;
  elements: MessageElement[];
}

/** Every form the product offers, so adapters can route submissions exhaustively. */
export type FormId = "session.conclude" | "session.contributeOther" | "session.share";
const FORM_IDS: readonly FormId[] = ["session.conclude", "session.contributeOther", "session.share"];

/** A submission's id as the platform handed it back: one of ours, or not (an old or tampered form). */
export function isFormId(id: string): id is FormId {
  return (FORM_IDS as readonly string[]).includes(id);
}

/** A form (Slack modal, Teams task module / card inputs, web form). */
export interface NeutralForm {
  /** Routes the submission. */
  id: FormId;
  title: string;
  submitLabel: string;
  /** Opaque state handed back on submit (e.g. the session id). */
  state: string;
  fields: FormField[];
}

export type FormField =
  | { type: "text"; id: string; label: string; multiline: boolean; initial?: string; optional?: boolean; hint?: string }
  | { type: "select"; id: string; label: string; options: { value: string; label: string }[]; initial?: string }
  | { type: "date"; id: string; label: string; initial?: string; optional?: boolean };

/** Plain-text fallback of a message: for logs, the CLI, tests and platforms without rich text. */
export function plainText(message: NeutralMessage): string {
  return message.elements.map(elementText).filter((line) => line !== "").join("\n");
}

export function elementText(element: MessageElement): string {
  switch (element.type) {
    case "header":
    case "context":
      return element.text;
    case "text":
      return element.title !== undefined ? `${element.title}\n${element.text}` : element.text;
    case "facts":
      return element.facts.map((f) => `${f.label}: ${f.value}`).join("\n");
    case "indicator":
      return [`${element.name}: ${element.value}`, element.change, element.target, element.source].filter(Boolean).join(" · ");
    case "chart":
      return `[${element.alt}]`;
    case "progress":
      return element.steps.map((s) => `${s.current ? "▶ " : ""}${s.label} (${s.count})`).join(" · ");
    case "actions":
      return element.actions.map((a) => `[${a.label}]`).join(" ");
    case "choice":
      return element.options.map((o) => `[${o.button}]`).join(" ");
    case "divider":
      return "—";
    default: {
      const unreachable: never = element;
      return unreachable;
    }
  }
}
