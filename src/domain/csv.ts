/**
 * A small RFC 4180 CSV reader: quoted fields with "" escapes and line breaks inside quotes,
 * CRLF/LF/CR line ends, a UTF-8 BOM, and ";", "," or tab as delimiter (detected from the header).
 * Each record keeps the physical line it starts on, so messages can point at the right line.
 * @see https://www.rfc-editor.org/rfc/rfc4180
 */

export type CsvDelimiter = ";" | "," | "\t";

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvResult {
  delimiter: CsvDelimiter;
  /** Records in file order; blank lines (also ";;;" from spreadsheets) are left out. */
  records: CsvRecord[];
  /** Line where a quoted field opens that is never closed; the rest of the file was read into it. */
  unclosedQuoteLine?: number;
}

/** Picks the delimiter that occurs most often outside quotes in the header line; ";" wins ties (Dutch exports). */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ";": 0, "\t": 0, ",": 0 };
  let inQuotes = false;
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === ";" || ch === "," || ch === "\t")) counts[ch]++;
  }
  const order: CsvDelimiter[] = [";", "\t", ","];
  let best: CsvDelimiter = ",";
  let bestCount = 0;
  for (const d of order) {
    if (counts[d] > bestCount) {
      best = d;
      bestCount = counts[d];
    }
  }
  return best;
}

/** The first line (split at CR, LF or CRLF) that is not blank, found without splitting the whole file. */
function firstNonBlankLine(text: string): string {
  let start = 0;
  while (start <= text.length) {
    const end = lineEnd(text, start);
    const line = text.slice(start, end);
    if (line.trim() !== "") return line;
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
  }
  return "";
}

const CR = 13;
const LF = 10;
const QUOTE = 34;

/** Index of the first CR or LF at or after `from` (text.length when none). */
function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return text.length;
}

function blankRecord(fields: readonly string[]): boolean {
  for (const f of fields) if (f.trim() !== "") return false;
  return true;
}

/**
 * Reads all records; `delimiter` overrides detection. A line without a quote (nearly every line of an
 * export) is split in one go; a record with a quote is read character by character (quoteRecord), so
 * a 50,000-line file costs one pass and one string per field, not a string per character.
 */
export function readCsv(input: string, delimiter?: CsvDelimiter): CsvResult {
  const reader = csvRecords(input, delimiter);
  const records = [...reader.records];
  const result: CsvResult = { delimiter: reader.delimiter, records };
  if (reader.unclosedQuoteLine() !== undefined) result.unclosedQuoteLine = reader.unclosedQuoteLine();
  return result;
}

/**
 * readCsv one record at a time: `records` yields them as they are read, so a caller that turns each
 * into something else does not hold all 50,000 (with their field arrays) at once — objects that live
 * through a garbage collection cost far more than those that die young (issue #15).
 * `unclosedQuoteLine` is known once `records` is done.
 */
export function csvRecords(
  input: string,
  delimiter?: CsvDelimiter,
): { delimiter: CsvDelimiter; records: Generator<CsvRecord, void, undefined>; unclosedQuoteLine: () => number | undefined } {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const delim = delimiter ?? detectDelimiter(firstNonBlankLine(text));
  let unclosedQuoteLine: number | undefined;
  function* records(): Generator<CsvRecord, void, undefined> {
    let line = 1;
    let i = 0;
    while (i < text.length) {
      let end = i;
      let quoted = false;
      for (; end < text.length; end++) {
        const c = text.charCodeAt(end);
        if (c === LF || c === CR) break;
        if (c === QUOTE) quoted = true;
      }
      if (quoted) {
        const read = quoteRecord(text, i, line, delim);
        if (read.unclosedQuoteLine !== undefined) unclosedQuoteLine = read.unclosedQuoteLine;
        if (read.fields !== undefined) yield { line, fields: read.fields };
        i = read.next;
        line = read.line;
        continue;
      }
      const fields = text.slice(i, end).split(delim);
      if (!blankRecord(fields)) yield { line, fields };
      if (end >= text.length) break;
      i = end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
      line++;
    }
  }
  return { delimiter: delim, records: records(), unclosedQuoteLine: () => unclosedQuoteLine };
}

/**
 * One record that holds a quote, from `start` to its line end outside quotes (RFC 4180: quoted fields
 * with "" escapes and line breaks inside quotes). `fields` is undefined for a blank record; `line` is
 * the line after the record, `next` where it starts.
 */
function quoteRecord(
  text: string,
  start: number,
  startLine: number,
  delim: CsvDelimiter,
): { fields?: string[]; next: number; line: number; unclosedQuoteLine?: number } {
  const fields: string[] = [];
  let field = "";
  let inQuotes = false;
  let quoteLine = 0;
  let line = startLine;
  const done = (next: number, unclosedQuoteLine?: number) => {
    fields.push(field);
    return {
      ...(blankRecord(fields) ? {} : { fields }),
      next,
      line: line + 1,
      ...(unclosedQuoteLine !== undefined ? { unclosedQuoteLine } : {}),
    };
  };
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    const next = text[i + 1];
    if (inQuotes) {
      if (ch === '"') {
        if (next === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else if (ch === "\r" || ch === "\n") {
        // A line break inside quotes belongs to the field; count it so later records keep true line numbers.
        if (ch === "\r" && next === "\n") i++;
        field += "\n";
        line++;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field.trim() === "") {
      // Opening quote (spaces before it are dropped); a quote later in a field is kept as text.
      inQuotes = true;
      quoteLine = line;
      field = "";
    } else if (ch === delim) {
      fields.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      return done(ch === "\r" && next === "\n" ? i + 2 : i + 1);
    } else {
      field += ch;
    }
  }
  return done(text.length, inQuotes ? quoteLine : undefined);
}
