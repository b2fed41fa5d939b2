/**
 * Measurement rows from CSV: header mapping (Dutch or English column names, any case), then one
 * `RawRow` per record for the shared checks in `measurementRows.ts`.
 * Unknown extra columns are ignored (spreadsheets often carry extra columns), except when one looks
 * like a typo of a missing column: then it is reported, because its data would be silently lost.
 */
import { csvRecords } from "./csv.ts";
import type { RawRow, RowField } from "./measurementRows.ts";
import { suggest } from "./suggest.ts";
import type { ValidationIssue } from "./validation.ts";
import { NUL_PROBLEM, linesWithNul } from "./textEncoding.ts";

/** Accepted column names per field, Dutch first (the name used in messages when the column is absent). */
const COLUMNS: Record<RowField, readonly [string, ...string[]]> = {
  indicator: ["indicator"],
  period: ["periode", "period"],
  value: ["waarde", "value"],
  source: ["bron", "source"],
  note: ["opmerking", "note"],
  area: ["gebied", "area"],
  dimension: ["dimensie", "dimension"],
  category: ["categorie", "category"],
};
const REQUIRED: readonly RowField[] = ["indicator", "period", "value"];
const FIELDS = Object.keys(COLUMNS) as RowField[];

export interface CsvRows {
  /**
   * Read as they are iterated, once (the file's records are not all held at once; see csvRecords).
   * `issues` is complete only after that.
   */
  rows: Iterable<RawRow>;
  issues: ValidationIssue[];
  pointsAsThousands: boolean;
}

const DELIMITER_NAMES: Record<string, { nl: string; en: string }> = {
  ";": { nl: "puntkomma", en: "semicolon" },
  ",": { nl: "komma", en: "comma" },
  "\t": { nl: "tab", en: "tab" },
};

function fieldOf(header: string): RowField | undefined {
  return FIELDS.find((f) => COLUMNS[f].includes(header));
}

export function csvRows(text: string, file: string): CsvRows {
  const issues: ValidationIssue[] = [];
  const issue = (line: number | undefined, field: string, nl: string, en: string) =>
    issues.push({ file, line, field, message: nl, messageEn: en });
  // Checked on the raw text, before the header: a UTF-16 file without BOM has a NUL in every line.
  const nulLines = linesWithNul(text);
  if (nulLines.length > 0) {
    for (const line of nulLines) issue(line, "csv", `regel ${NUL_PROBLEM.nl}`, `line ${NUL_PROBLEM.en}`);
    return { rows: [], issues, pointsAsThousands: false };
  }
  const csv = csvRecords(text);
  const pointsAsThousands = csv.delimiter === ";";
  // Known only once every record is read; it comes first among the issues, as when it was read first.
  const unclosedQuote = () => {
    const line = csv.unclosedQuoteLine();
    if (line === undefined) return;
    issues.unshift({
      file,
      line,
      field: "csv",
      message: 'aanhalingsteken (") wordt nergens gesloten; de rest van het bestand is als één veld gelezen',
      messageEn: 'quote (") is never closed; the rest of the file was read as one field',
    });
  };
  const first = csv.records.next();
  if (first.done) {
    unclosedQuote();
    issue(1, "file", "het bestand is leeg", "the file is empty");
    return { rows: [], issues, pointsAsThousands };
  }
  const header = first.value;

  const names = header.fields.map((h) => h.trim());
  const columnOf = new Map<RowField, number>();
  const unknown: string[] = [];
  names.forEach((name, index) => {
    const f = fieldOf(name.toLowerCase());
    if (f === undefined) {
      if (name !== "") unknown.push(name);
      return;
    }
    const earlier = columnOf.get(f);
    if (earlier !== undefined) {
      issue(header.line, name, `kolom "${name}" staat dubbel (ook "${names[earlier]}")`, `column "${name}" appears twice (also "${names[earlier]}")`);
    } else columnOf.set(f, index);
  });

  const found = names.map((n) => `"${n}"`).join(", ");
  for (const f of FIELDS) {
    if (columnOf.has(f)) continue;
    const [main, ...aliases] = COLUMNS[f];
    const alsoNl = aliases.length > 0 ? ` (of "${aliases.join('", "')}")` : "";
    const alsoEn = aliases.length > 0 ? ` (or "${aliases.join('", "')}")` : "";
    const near = unknown.flatMap((name) => {
      const column = suggest(name.toLowerCase(), COLUMNS[f]);
      return column === undefined ? [] : [{ name, column }];
    });
    if (REQUIRED.includes(f)) {
      const typo = near[0];
      const hintNl = typo !== undefined ? `; is "${typo.name}" een tikfout?` : "";
      const hintEn = typo !== undefined ? `; is "${typo.name}" a typo?` : "";
      issue(
        header.line,
        main,
        `kolom "${main}"${alsoNl} ontbreekt in de kop; gevonden: ${found}${hintNl}`,
        `column "${main}"${alsoEn} is missing from the header; found: ${found}${hintEn}`,
      );
      continue;
    }
    // Optional columns: only near-misses sharing the first letter ("opmerkingen", "notes"), so an
    // unrelated extra column such as "code" does not block an import for being close to "note".
    const typo = near.find((n) => n.name.toLowerCase()[0] === n.column[0]);
    if (typo !== undefined) {
      issue(
        header.line,
        typo.name,
        `onbekende kolom "${typo.name}"; bedoelt u "${typo.column}"? Anders gaan de gegevens erin verloren`,
        `unknown column "${typo.name}"; did you mean "${typo.column}"? Otherwise its data would be lost`,
      );
    }
  }
  if (REQUIRED.some((f) => !columnOf.has(f))) {
    while (!csv.records.next().done); // read to the end: an unclosed quote is still reported
    unclosedQuote();
    return { rows: [], issues, pointsAsThousands };
  }

  const fieldNames = Object.fromEntries(
    FIELDS.map((f) => {
      const col = columnOf.get(f);
      return [f, col === undefined ? COLUMNS[f][0] : (names[col] ?? COLUMNS[f][0])];
    }),
  ) as Record<RowField, string>;
  const delimiterName = DELIMITER_NAMES[csv.delimiter] ?? { nl: csv.delimiter, en: csv.delimiter };

  // Column positions looked up once, not per row (50,000 rows in a large import).
  const at = (f: RowField) => columnOf.get(f) ?? -1;
  const [indicatorAt, periodAt, valueAt, sourceAt, noteAt] = [at("indicator"), at("period"), at("value"), at("source"), at("note")];
  // A comparison area and a breakdown (#21): optional columns, absent in most files.
  const contextAt = (["area", "dimension", "category"] as const).map((f) => [f, at(f)] as const).filter(([, i]) => i >= 0);
  function* rows(): Generator<RawRow, void, undefined> {
    let count = 0;
    for (const record of csv.records) {
      count++;
      const fields = record.fields;
      if (fields.length > names.length && fields.slice(names.length).some((f) => f.trim() !== "")) {
        // Usually a decimal comma in a comma-separated file: the values would shift, so skip the row.
        issue(
          record.line,
          "row",
          `regel heeft ${fields.length} velden maar de kop ${names.length} kolommen; staat er een ${delimiterName.nl} in een waarde? Zet die waarde dan tussen aanhalingstekens`,
          `row has ${fields.length} fields but the header ${names.length} columns; does a value contain a ${delimiterName.en}? Then put that value in quotes`,
        );
        continue;
      }
      const row: RawRow = { line: record.line, origin: `${file}:${record.line}`, fieldNames };
      const indicator = fields[indicatorAt];
      const period = fields[periodAt];
      const value = fields[valueAt];
      const source = sourceAt < 0 ? undefined : fields[sourceAt];
      const note = noteAt < 0 ? undefined : fields[noteAt];
      for (const [f, i] of contextAt) {
        const text = fields[i];
        if (text !== undefined) row[f] = text;
      }
      if (indicator !== undefined) row.indicator = indicator;
      if (period !== undefined) row.period = period;
      if (value !== undefined) row.value = value;
      if (source !== undefined) row.source = source;
      if (note !== undefined) row.note = note;
      yield row;
    }
    if (count === 0) issue(header.line, "file", "het bestand bevat geen metingen, alleen een kop", "the file holds no measurements, only a header");
    unclosedQuote();
  }
  return { rows: rows(), issues, pointsAsThousands };
}
