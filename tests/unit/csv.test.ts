// Proves the CSV reader follows RFC 4180 (quotes, "" escapes, line breaks in quotes, CRLF/LF/CR), detects ";", "," and tab, and keeps each record's true starting line.
import { describe, expect, it } from "vitest";
import { detectDelimiter, readCsv } from "../../src/domain/csv.ts";

describe("detectDelimiter", () => {
  it.each([
    ["indicator;periode;waarde", ";"],
    ["indicator,period,value", ","],
    ["indicator\tperiode\twaarde", "\t"],
    ['"a,b";c;d', ";"],
    ["indicator", ","],
  ] as const)("%j → %j", (header, expected) => {
    expect(detectDelimiter(header)).toBe(expected);
  });
});

describe("readCsv", () => {
  it("strips a BOM and reads CRLF records with their lines", () => {
    const result = readCsv("\uFEFFa;b\r\n1;2\r\n3;4\r\n");
    expect(result.delimiter).toBe(";");
    expect(result.records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
      { line: 3, fields: ["3", "4"] },
    ]);
  });

  it("handles quotes, doubled quotes, embedded delimiters and line breaks, and counts lines inside them", () => {
    const text = 'a,b,c\n"x, y","he said ""hi""","line 1\r\nline 2\nline 3"\nnext,2,3\n';
    expect(readCsv(text).records).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["x, y", 'he said "hi"', "line 1\nline 2\nline 3"] },
      { line: 5, fields: ["next", "2", "3"] },
    ]);
  });

  it("skips empty lines and delimiter-only lines but keeps counting them", () => {
    const text = "a;b\n\n;;\n  \n1;2";
    expect(readCsv(text).records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 5, fields: ["1", "2"] },
    ]);
  });

  it("accepts old Mac CR line ends and empty fields", () => {
    expect(readCsv("a,b\r1,\r,2").records).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", ""] },
      { line: 3, fields: ["", "2"] },
    ]);
  });

  it("keeps a quote inside an unquoted field as text", () => {
    expect(readCsv('a;b\n12" scherm;x').records[1]?.fields).toEqual(['12" scherm', "x"]);
  });

  it("reports the line where an unclosed quote opens", () => {
    const result = readCsv('a;b\n1;2\n3;"oops\n4;5\n');
    expect(result.unclosedQuoteLine).toBe(3);
    expect(result.records.at(-1)?.fields).toEqual(["3", "oops\n4;5\n"]);
  });

  it("uses tab when asked and returns nothing for an empty text", () => {
    expect(readCsv("a\tb\n1\t2").records[1]?.fields).toEqual(["1", "2"]);
    expect(readCsv("")).toEqual({ delimiter: ",", records: [] });
  });
});
