/**
 * Slack's size limits, as data. Renderers respect them (truncate or split at the edge) and
 * tests/unit/slackLimits.test.ts probes each edge. Slack rejects a message over any of these
 * with `invalid_blocks`, so staying inside is the renderer's job, not the outbox's.
 * @see https://docs.slack.dev/reference/block-kit/blocks
 */
export const SLACK_LIMITS = {
  /** Blocks per message (chat.postMessage / chat.update). @see .../reference/block-kit/blocks */
  messageBlocks: 50,
  /** Blocks per modal view. @see .../reference/views */
  modalBlocks: 100,
  /** mrkdwn/plain text of a section block. @see .../reference/block-kit/blocks/section-block */
  sectionText: 3000,
  /** Fields per section block. */
  sectionFields: 10,
  /** Text of one section field. */
  fieldText: 2000,
  /** Header block text (plain_text). @see .../reference/block-kit/blocks/header-block */
  headerText: 150,
  /** Elements per context block. @see .../reference/block-kit/blocks/context-block */
  contextElements: 10,
  /** Elements per actions block. @see .../reference/block-kit/blocks/actions-block */
  actionsElements: 25,
  /** Button label (plain_text). @see .../reference/block-kit/block-elements/button-element */
  buttonText: 75,
  /** Button value, handed back on click. */
  buttonValue: 2000,
  /** action_id and block_id. */
  actionId: 255,
  /** Image block alt_text. @see .../reference/block-kit/blocks/image-block */
  altText: 2000,
  /** Modal title, submit and close labels. @see .../reference/views */
  modalTitle: 24,
  /** Modal private_metadata: we carry an opaque id, never content, so this is never reached. */
  privateMetadata: 3000,
  /** Input block label and hint. @see .../reference/block-kit/blocks/input-block */
  inputLabel: 2000,
  /** plain_text_input value and max_length. */
  inputValue: 3000,
  /** Options of a static_select. @see .../reference/block-kit/block-elements/select-menu-element */
  selectOptions: 100,
  /** A select menu's placeholder (plain_text). */
  placeholderText: 150,
  /** Option text (plain_text). @see .../reference/block-kit/composition-objects/option-object */
  optionText: 75,
  /** Option value. */
  optionValue: 150,
  /**
   * Top-level `text` (notification/fallback). The documented hard limit is 40,000 characters, but
   * Slack recommends at most 4,000 and truncates long ones in notifications; we keep to 4,000.
   * @see https://docs.slack.dev/reference/methods/chat.postMessage#truncating-content
   */
  messageText: 4000,
} as const;

/** Cuts `text` to `max` characters (code units), ending in "…" when it had to cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Do not split a surrogate pair: a lone half renders as "?" in Slack.
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * Splits `text` into chunks of at most `max` characters, so a long text becomes several sections
 * instead of being cut off. Each cut prefers, within the second half of the chunk, a paragraph
 * break, then a line break, then the end of a sentence, then a space; only text without any of
 * those is cut mid-word (never inside a surrogate pair or an escaped `&amp;`/`&lt;`/`&gt;`).
 * Nothing is lost but the whitespace at the cuts.
 */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = boundary(rest, max);
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk !== "") chunks.push(chunk);
    rest = rest.slice(cut).replace(/^\s+/, "");
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/** Where to cut `text` (longer than `max`) so the first part has at most `max` characters. */
function boundary(text: string, max: number): number {
  // One character more than fits, so whitespace right after a full chunk still counts as a boundary.
  const window = text.slice(0, max + 1);
  const min = Math.floor(max / 2);
  const candidates = [
    window.lastIndexOf("\n\n"),
    window.lastIndexOf("\n"),
    lastSentenceEnd(window),
    window.lastIndexOf(" "),
  ];
  for (const at of candidates) if (at > min && at <= max) return at;
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // keep surrogate pairs whole
  const entity = /&[a-z]{0,3}$/.exec(text.slice(0, cut));
  if (entity && /^&(?:amp|lt|gt);/.test(text.slice(entity.index))) cut = entity.index; // keep "&amp;" whole
  return Math.max(cut, 1); // always progress, even for an absurdly small max
}

/** Index just after the last ".", "!" or "?" (with closing quotes/brackets) followed by whitespace, or -1. */
function lastSentenceEnd(window: string): number {
  let at = -1;
  for (const match of window.matchAll(/[.!?…]["'’”)\]]*(?=\s)/g)) at = match.index + match[0].length;
  return at;
}
