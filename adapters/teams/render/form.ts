/**
 * A neutral form → the Adaptive Card of a Teams dialog (task module): one input per field, its id
 * the field id, so the submission's data reads back by field id. Every input has a label; required
 * ones an errorMessage (Teams shows it before anything is sent). The submit button carries the form
 * id and state in `data.duidbot`, which Teams hands back with the inputs in `task/submit`.
 * @see https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/what-are-task-modules
 */
import type { FormField, NeutralForm } from "../../../src/app/messages/message.ts";
import { CARD_SCHEMA, type AdaptiveCard, type CardElement } from "./card.ts";
import { escapeMarkdown, truncate } from "./text.ts";

/** Longest text an input takes (the same bound the conclusion form's use case is given). */
export const INPUT_MAX = 3_000;

export interface FormData {
  duidbot: { form: string; state: string };
}

export interface FormTexts {
  required: string;
}

/**
 * `values` refill the inputs after a refused submission (the person's text is never lost);
 * `problems` are shown above the inputs, each naming its field.
 */
export function renderFormCard(form: NeutralForm, texts: FormTexts, options: { values?: Record<string, string>; problems?: string[] } = {}): AdaptiveCard {
  const problems = (options.problems ?? []).map((p): CardElement => ({ type: "TextBlock", text: escapeMarkdown(p), wrap: true, color: "Attention" }));
  const data: FormData = { duidbot: { form: form.id, state: form.state } };
  return {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: "1.5",
    body: [
      { type: "TextBlock", text: escapeMarkdown(truncate(form.title, 300)), size: "Medium", weight: "Bolder", wrap: true, style: "heading" },
      ...problems,
      ...form.fields.map((f) => fieldInput(f, texts, options.values?.[f.id])),
      { type: "ActionSet", actions: [{ type: "Action.Submit", title: truncate(form.submitLabel, 80), style: "positive", data }] },
    ],
  };
}

export function fieldInput(field: FormField, texts: FormTexts, refill?: string): CardElement {
  const label = truncate(field.label, 200);
  switch (field.type) {
    case "text": {
      const value = refill ?? field.initial;
      const required = !(field.optional ?? false);
      return {
        type: "Input.Text",
        id: field.id,
        label,
        isMultiline: field.multiline,
        maxLength: INPUT_MAX,
        ...(value ? { value: truncate(value, INPUT_MAX) } : {}),
        ...(field.hint ? { placeholder: truncate(field.hint, 200) } : {}),
        ...(required ? { isRequired: true, errorMessage: texts.required } : {}),
      };
    }
    case "select": {
      const value = refill ?? field.initial;
      return {
        type: "Input.ChoiceSet",
        id: field.id,
        label,
        style: "compact",
        isRequired: true,
        errorMessage: texts.required,
        choices: field.options.map((o) => ({ title: truncate(o.label, 200), value: o.value })),
        ...(value && field.options.some((o) => o.value === value) ? { value } : {}),
      };
    }
    case "date": {
      const value = refill ?? field.initial;
      const required = !(field.optional ?? false);
      return {
        type: "Input.Date",
        id: field.id,
        label,
        // Adaptive Cards want YYYY-MM-DD; anything else is left out rather than failing the card.
        ...(value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? { value } : {}),
        ...(required ? { isRequired: true, errorMessage: texts.required } : {}),
      };
    }
    default: {
      const unreachable: never = field;
      throw new Error(`Unknown form field ${JSON.stringify(unreachable)}`);
    }
  }
}
