/**
 * A neutral form → a Slack modal view (views.open). Each field is an input block whose block_id
 * and action_id are the field id, so parse.ts reads the submission back by field id.
 * `callback_id` = form id routes the submission; `private_metadata` = form state (an opaque id).
 * @see https://docs.slack.dev/reference/views
 */
import type { types } from "@slack/bolt";
import type { FormField, NeutralForm } from "../../../src/app/messages/message.ts";
import { SLACK_LIMITS as L, truncate } from "../limits.ts";
import { plain } from "./text.ts";

/** `metadata` replaces form.state as private_metadata when the adapter wraps the state with its own context. */
export function renderModal(form: NeutralForm, closeLabel: string, metadata: string = form.state): types.ModalView {
  if (metadata.length > L.privateMetadata) {
    // State is an id, never content; a long one is a bug upstream, and cutting it would corrupt it.
    throw new Error(`Form state is ${metadata.length} characters; Slack keeps at most ${L.privateMetadata}`);
  }
  return {
    type: "modal",
    callback_id: form.id,
    private_metadata: metadata,
    title: plain(form.title, L.modalTitle),
    submit: plain(form.submitLabel, L.modalTitle),
    close: plain(closeLabel, L.modalTitle),
    blocks: form.fields.slice(0, L.modalBlocks).map(fieldBlock),
  };
}

export function fieldBlock(field: FormField): types.InputBlock {
  const base = {
    type: "input" as const,
    block_id: field.id,
    label: plain(field.label, L.inputLabel),
  };
  switch (field.type) {
    case "text":
      return {
        ...base,
        optional: field.optional ?? false,
        ...(field.hint ? { hint: plain(field.hint, L.inputLabel) } : {}),
        element: {
          type: "plain_text_input",
          action_id: field.id,
          multiline: field.multiline,
          max_length: L.inputValue,
          ...(field.initial ? { initial_value: truncate(field.initial, L.inputValue) } : {}),
        },
      };
    case "select": {
      const options = field.options.slice(0, L.selectOptions).map(
        (o): types.PlainTextOption => ({ text: plain(o.label, L.optionText), value: o.value }),
      );
      const initial = options.find((o) => o.value === field.initial);
      return {
        ...base,
        element: { type: "static_select", action_id: field.id, options, ...(initial ? { initial_option: initial } : {}) },
      };
    }
    case "date":
      return {
        ...base,
        optional: field.optional ?? false,
        // Slack wants YYYY-MM-DD; anything else is dropped rather than failing the whole modal.
        element: { type: "datepicker", action_id: field.id, ...(field.initial && /^\d{4}-\d{2}-\d{2}$/.test(field.initial) ? { initial_date: field.initial } : {}) },
      };
    default: {
      const unreachable: never = field;
      throw new Error(`Unknown form field ${JSON.stringify(unreachable)}`);
    }
  }
}
