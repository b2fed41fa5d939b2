// Proves that files as Excel and other tools write them (UTF-8 with or without BOM, UTF-16 LE/BE with BOM, Windows-1252) decode to the right text, and that the encoding is named unless it is UTF-8.
import { describe, expect, it } from "vitest";
import { parseMeasurementFile } from "../../src/domain/measurementFile.ts";
import { decodeText, encodingNote, linesWithNul } from "../../src/domain/textEncoding.ts";

const TEXT = "indicator;periode;waarde;bron\r\ninkomen;2024;€ 44.100;Gemeente Súdwest-Fryslân\r\n";

/** Windows-1252 bytes: Latin-1 for these letters, 0x80 for €. */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => (ch === "€" ? 0x80 : ch.charCodeAt(0))));
}

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, "utf16le");
  return Uint8Array.from(le.map((_, i) => le[i ^ 1]!));
}

describe("decodeText", () => {
  it.each([
    ["UTF-8", new TextEncoder().encode(TEXT), "utf-8"],
    ["UTF-8 with BOM", new TextEncoder().encode(`\uFEFF${TEXT}`), "utf-8-bom"],
    ["UTF-16 LE with BOM (Excel: Unicode-tekst)", Buffer.from(`\uFEFF${TEXT}`, "utf16le"), "utf-16le"],
    ["UTF-16 BE with BOM", utf16be(`\uFEFF${TEXT}`), "utf-16be"],
    ["Windows-1252 (Excel: CSV)", cp1252(TEXT), "windows-1252"],
  ] as const)("reads %s", (_name, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding });
  });

  it("turns a Windows-1252 Excel export into the right figures and names", () => {
    const { text } = decodeText(cp1252(TEXT));
    const known = { indicatorIds: ["inkomen"], rules: new Map() };
    expect(parseMeasurementFile(text, "excel.csv", known)).toEqual({
      ok: true,
      value: [{ indicatorId: "inkomen", period: "2024", value: 44100, source: "Gemeente Súdwest-Fryslân", origin: "excel.csv:2" }],
    });
  });

  it("names the encoding only when it is not UTF-8", () => {
    expect(encodingNote("utf-8", "nl")).toBeUndefined();
    expect(encodingNote("utf-8-bom", "nl")).toBeUndefined();
    expect(encodingNote("windows-1252", "nl")).toBe(
      "Tekenset: gelezen als Windows-1252 (Excel: CSV met lijstscheidingsteken); sla bij voorkeur op als CSV UTF-8.",
    );
    expect(encodingNote("utf-16le", "en")).toBe("Encoding: read as UTF-16 LE (Excel: Unicode text).");
  });

  it("finds the lines holding a NUL character", () => {
    expect(linesWithNul("a\r\nb\0\nc\rd\0e")).toEqual([2, 4]);
    expect(linesWithNul("geen")).toEqual([]);
  });
});
