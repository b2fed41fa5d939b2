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

function firstNonBlankLine(text: string): string {
  return text.split(/\r\n|\r|\n/).find((l) => l.trim() !== "") ?? "";
}

/** Reads all records; `delimiter` overrides detection. */
export function readCsv(input: string, delimiter?: CsvDelimiter): CsvResult {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const delim = delimiter ?? detectDelimiter(firstNonBlankLine(text));
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let inQuotes = false;
  let quoteLine = 0;
  let line = 1;
  let recordLine = 1;

  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== "")) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
  };

  for (let i = 0; i < text.length; i++) {
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
      if (ch === "\r" && next === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (field !== "" || fields.length > 0) endRecord();
  const result: CsvResult = { delimiter: delim, records };
  if (inQuotes) result.unclosedQuoteLine = quoteLine;
  return result;
}
