/**
 * Reads numbers written by people and spreadsheets: "12,5", "1.234,5", "€ 1.234", "12,5%", "8.1".
 *
 * Rule (the decimal mark is never guessed per row from the digits alone):
 * - a comma is the decimal mark; points are then thousands separators and must group by three ("1.234,5");
 * - with only points, the point is a decimal mark ("8.1", "0.123") — except when `pointsAsThousands`
 *   is set (CSV files separated by ";", the Dutch spreadsheet export) and the text looks exactly like
 *   grouped thousands: "1.234", "12.345.678" (first group 1-3 digits not starting with 0, then groups of 3);
 * - mixing both the English way ("1,234.5") is rejected rather than misread.
 * A leading "€" and a trailing "%" are stripped (the value stays in percent points: "12,5%" → 12.5),
 * as are spaces around them; a space or non-breaking space inside the digits is only accepted as a
 * thousands separator before exactly three digits ("1 234"), so "12 5" is refused. A sign may
 * precede or follow the "€".
 */

const GROUPED_WITH_DECIMALS = /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;
const PLAIN_WITH_COMMA = /^\d+(?:,\d+)?$|^,\d+$/;
const GROUPED_THOUSANDS = /^[1-9]\d{0,2}(?:\.\d{3})+$/;
const PLAIN_WITH_POINT = /^\d+(?:\.\d*)?$|^\.\d+$/;

export interface NumberTextOptions {
  /** Treat "1.234" as one thousand two hundred thirty-four (set for ";"-separated CSV). */
  pointsAsThousands: boolean;
}

/**
 * What nearly every cell of an export looks like: digits with at most a decimal comma ("12,5"), or
 * with a decimal point when points are not thousands here ("8.1"). Read directly, with the same result
 * the rules below give; anything else goes through them.
 */
const SIMPLE_COMMA = /^\d+(?:,\d+)?$/;
const SIMPLE_POINT = /^\d+(?:\.\d+)?$/;

/** The number the text stands for, or undefined when it is empty, text, or ambiguous. */
export function parseNumberText(raw: string, options: NumberTextOptions): number | undefined {
  if (SIMPLE_COMMA.test(raw) || (!options.pointsAsThousands && SIMPLE_POINT.test(raw))) {
    const value = Number(raw.replace(",", "."));
    return Number.isFinite(value) ? value : undefined;
  }
  let text = raw
    .trim()
    .replace(/\s*([€%])\s*/g, "$1")
    .replace(/^([+\-\u2212])\s+/, "$1")
    // A space (also non-breaking) only counts as a thousands separator before a group of exactly three digits.
    .replace(/(\d)\s(?=\d{3}(?:\D|$))/g, "$1");
  if (/\s/.test(text)) return undefined;
  let negative = false;
  const takeSign = () => {
    if (text.startsWith("-") || text.startsWith("+") || text.startsWith("\u2212")) {
      negative = text[0] !== "+";
      text = text.slice(1);
      return true;
    }
    return false;
  };
  const signedBeforeEuro = takeSign();
  if (text.startsWith("€")) text = text.slice(1);
  if (!signedBeforeEuro) takeSign();
  if (text.endsWith("%")) text = text.slice(0, -1);
  if (text === "") return undefined;

  let normalised: string;
  if (text.includes(",")) {
    if (!GROUPED_WITH_DECIMALS.test(text) && !PLAIN_WITH_COMMA.test(text)) return undefined;
    normalised = text.replace(/\./g, "").replace(",", ".");
  } else if (options.pointsAsThousands && GROUPED_THOUSANDS.test(text)) {
    normalised = text.replace(/\./g, "");
  } else if (PLAIN_WITH_POINT.test(text)) {
    normalised = text;
  } else {
    return undefined;
  }
  const value = Number(normalised);
  if (!Number.isFinite(value)) return undefined;
  // `negative && value` keeps "-0" from becoming -0.
  return negative && value !== 0 ? -value : value;
}
