// Proves that measurement files (CSV in Dutch and English spreadsheet styles, JSON in both shapes) and API bodies become MeasurementInputs, and that every bad row is reported with file, exact line, field and a Dutch message.
import { describe, expect, it } from "vitest";
import { parseMeasurementFile, parseMeasurementsJson } from "../../src/domain/measurementFile.ts";
import type { MeasurementInput } from "../../src/domain/measurement.ts";
import { formatIssue } from "../../src/domain/validation.ts";
import type { ValidationIssue } from "../../src/domain/validation.ts";

const known = { indicatorIds: ["jeugdhulp-gebruik", "schuldhulp-aanmeldingen", "wmo-tevredenheid"] };

function valuesOf(text: string, fileName: string): MeasurementInput[] {
  const result = parseMeasurementFile(text, fileName, known);
  if (!result.ok) throw new Error(result.issues.map((i) => formatIssue(i)).join("\n"));
  return result.value;
}

function issuesOf(text: string, fileName: string): string[] {
  const result = parseMeasurementFile(text, fileName, known);
  if (result.ok) throw new Error("expected issues");
  return result.issues.map((i) => formatIssue(i));
}

describe("CSV: Dutch and English spreadsheet exports", () => {
  it("reads a BOM, ';', CRLF, decimal comma, thousands points, '%' and '€'", () => {
    const text =
      "\uFEFFIndicator;Periode;Waarde;Bron;Opmerking\r\n" +
      "jeugdhulp-gebruik;2024;12,5;CBS;\r\n" +
      "schuldhulp-aanmeldingen;2024-Q1;1.234;eigen registratie;na correctie\r\n" +
      "wmo-tevredenheid;2024-03;78,5%;;\r\n" +
      "schuldhulp-aanmeldingen;2024-Q2;€ 1.234,50;;\r\n";
    expect(valuesOf(text, "metingen.csv")).toEqual([
      { indicatorId: "jeugdhulp-gebruik", period: "2024", value: 12.5, source: "CBS", origin: "metingen.csv:2" },
      {
        indicatorId: "schuldhulp-aanmeldingen",
        period: "2024-Q1",
        value: 1234,
        source: "eigen registratie",
        note: "na correctie",
        origin: "metingen.csv:3",
      },
      { indicatorId: "wmo-tevredenheid", period: "2024-03", value: 78.5, origin: "metingen.csv:4" },
      { indicatorId: "schuldhulp-aanmeldingen", period: "2024-Q2", value: 1234.5, origin: "metingen.csv:5" },
    ]);
  });

  it("reads ',' with decimal points and English column names in any case", () => {
    const text = "INDICATOR, Period ,Value,Source,Note\njeugdhulp-gebruik,2024,12.5,CBS,\nschuldhulp-aanmeldingen,2024-Q1,1.234,,\n";
    expect(valuesOf(text, "export.csv").map((m) => [m.period, m.value, m.origin])).toEqual([
      ["2024", 12.5, "export.csv:2"],
      // Without ";" a point is a decimal mark: "1.234" stays 1.234.
      ["2024-Q1", 1.234, "export.csv:3"],
    ]);
  });

  it("reads tab-separated .txt files", () => {
    expect(valuesOf("indicator\tperiode\twaarde\njeugdhulp-gebruik\t2024\t3\n", "export.txt")[0]?.value).toBe(3);
  });

  it.each([
    ["2024", "2024"],
    ["2024-Q1", "2024-Q1"],
    ["2024K1", "2024-Q1"],
    ["2024-k3", "2024-Q3"],
    ["2024-03", "2024-03"],
    ["2024-3", "2024-03"],
    ["2024-W12", "2024-W12"],
    ["2024w5", "2024-W05"],
  ])("canonicalises period %j to %j", (raw, key) => {
    expect(valuesOf(`indicator;periode;waarde\njeugdhulp-gebruik;${raw};1`, "p.csv")[0]?.period).toBe(key);
  });

  it("ignores extra columns, blank lines and delimiter-only lines", () => {
    const text = "indicator;periode;waarde;afdeling\n\njeugdhulp-gebruik;2024;1;Jeugd\n;;;\n";
    expect(valuesOf(text, "m.csv")).toEqual([{ indicatorId: "jeugdhulp-gebruik", period: "2024", value: 1, origin: "m.csv:3" }]);
  });

  it("keeps correct line numbers after quoted fields with delimiters and line breaks", () => {
    const text =
      "indicator;periode;waarde;opmerking\n" +
      'jeugdhulp-gebruik;2024;1;"let op; twee regels\nvervolg"\n' +
      'schuldhulp-aanmeldingen;2024;2;"drie\r\nregels\r\nlang"\n' +
      "wmo-tevredenheid;2024;veel;\n";
    expect(issuesOf(text, "m.csv")).toEqual(['m.csv:7: waarde: waarde "veel" is geen getal; schrijf bijv. 12,5 of 1234']);
    const ok = valuesOf(text.replace("veel", "3"), "m.csv");
    expect(ok.map((m) => m.origin)).toEqual(["m.csv:2", "m.csv:4", "m.csv:7"]);
    expect(ok[0]?.note).toBe("let op; twee regels\nvervolg");
  });
});

describe("CSV: problems", () => {
  it("reports all bad rows at once with exact lines", () => {
    const text = [
      "indicator;periode;waarde",
      "jeugdhulp-gebruk;2024;1",
      "jeugdhulp-gebruik;2024-13;2",
      "jeugdhulp-gebruik;2024;",
      "jeugdhulp-gebruik;2023;NaN",
      ";2022;1",
      "jeugdhulp-gebruik;2024-Q1;4",
      "jeugdhulp-gebruik;2024K1;5",
    ].join("\n");
    expect(issuesOf(text, "metingen.csv")).toEqual([
      'metingen.csv:2: indicator: onbekende indicator "jeugdhulp-gebruk"; bedoelt u "jeugdhulp-gebruik"?',
      'metingen.csv:3: periode: ongeldige periode "2024-13": maand moet 1 t/m 12 zijn',
      "metingen.csv:4: waarde: waarde ontbreekt",
      'metingen.csv:5: waarde: waarde "NaN" is geen getal; schrijf bijv. 12,5 of 1234',
      "metingen.csv:6: indicator: indicator ontbreekt",
      'metingen.csv:8: periode: indicator "jeugdhulp-gebruik" heeft al een waarde voor periode 2024-Q1 op regel 7',
    ]);
  });

  it("gives English messages too", () => {
    const result = parseMeasurementFile("indicator;periode;waarde\njeugdhulp-gebruk;2024;1\n", "m.csv", known);
    expect(result.ok ? [] : result.issues.map((i) => formatIssue(i, "en"))).toEqual([
      'm.csv:2: indicator: unknown indicator "jeugdhulp-gebruk"; did you mean "jeugdhulp-gebruik"?',
    ]);
  });

  it("reports a header missing a required column, with the columns found and a typo hint", () => {
    expect(issuesOf("indicator;perode;waarde\njeugdhulp-gebruik;2024;1\n", "m.csv")).toEqual([
      'm.csv:1: periode: kolom "periode" (of "period") ontbreekt in de kop; gevonden: "indicator", "perode", "waarde"; is "perode" een tikfout?',
    ]);
    expect(issuesOf("indicator;periode\n", "m.csv")).toEqual([
      'm.csv:1: waarde: kolom "waarde" (of "value") ontbreekt in de kop; gevonden: "indicator", "periode"',
    ]);
  });

  it("reports a near-miss of an optional column, whose data would otherwise be lost, but not unrelated columns", () => {
    expect(issuesOf("indicator;periode;waarde;opmerkingen;code\njeugdhulp-gebruik;2024;1;x;y\n", "m.csv")).toEqual([
      'm.csv:1: opmerkingen: onbekende kolom "opmerkingen"; bedoelt u "opmerking"? Anders gaan de gegevens erin verloren',
    ]);
  });

  it("reports a duplicate column", () => {
    expect(issuesOf("indicator;periode;waarde;value\njeugdhulp-gebruik;2024;1;2\n", "m.csv")).toEqual([
      'm.csv:1: value: kolom "value" staat dubbel (ook "waarde")',
    ]);
  });

  it("refuses a row with more fields than the header (a decimal comma in a ','-file)", () => {
    const text = "indicator,periode,waarde\njeugdhulp-gebruik,2024,12,5\njeugdhulp-gebruik,2023,\"12,5\"\n";
    expect(issuesOf(text, "m.csv")).toEqual([
      "m.csv:2: row: regel heeft 4 velden maar de kop 3 kolommen; staat er een komma in een waarde? Zet die waarde dan tussen aanhalingstekens",
    ]);
  });

  it("reports an empty file, a header without rows and an unclosed quote", () => {
    expect(issuesOf("", "m.csv")).toEqual(["m.csv:1: file: het bestand is leeg"]);
    expect(issuesOf("\uFEFF\r\n", "m.csv")).toEqual(["m.csv:1: file: het bestand is leeg"]);
    expect(issuesOf("indicator;periode;waarde\r\n", "m.csv")).toEqual(["m.csv:1: file: het bestand bevat geen metingen, alleen een kop"]);
    expect(issuesOf('indicator;periode;waarde\njeugdhulp-gebruik;2024;"5\n', "m.csv")).toContain(
      'm.csv:2: csv: aanhalingsteken (") wordt nergens gesloten; de rest van het bestand is als één veld gelezen',
    );
  });
});

describe("JSON files", () => {
  it("reads a bare array with numbers and Dutch number strings", () => {
    const text = '[\n  {"indicator": "jeugdhulp-gebruik", "periode": 2024, "waarde": "12,5", "bron": "CBS"},\n  {"indicator": "wmo-tevredenheid", "period": "2024K2", "value": 7, "note": null}\n]';
    expect(valuesOf(text, "m.json")).toEqual([
      { indicatorId: "jeugdhulp-gebruik", period: "2024", value: 12.5, source: "CBS", origin: "m.json:2" },
      { indicatorId: "wmo-tevredenheid", period: "2024-Q2", value: 7, origin: "m.json:3" },
    ]);
  });

  it('reads { "measurements": [...] } and { "metingen": [...] }', () => {
    const item = { indicator: "jeugdhulp-gebruik", period: "2024-W12", value: 3, opmerking: "week" };
    for (const key of ["measurements", "metingen"]) {
      const text = JSON.stringify({ [key]: [item] }, null, 2);
      expect(valuesOf(text, "upload.json")).toEqual([
        { indicatorId: "jeugdhulp-gebruik", period: "2024-W12", value: 3, note: "week", origin: "upload.json:3" },
      ]);
    }
  });

  it("reports every bad item with its line and key path", () => {
    const text = [
      "{",
      '  "metingen": [',
      '    { "indicator": "jeugdhulp-gebruik", "periode": "2024", "waarde": 1 },',
      '    { "indicator": "jeugdhulp-gebruk", "periode": "2024", "waarde": 1 },',
      '    { "indicator": "jeugdhulp-gebruik", "periode": true, "waarde": "x", "opmerkin": "?" },',
      "    {",
      '      "indicator": "jeugdhulp-gebruik",',
      '      "periode": "2024"',
      "    },",
      '    { "indicator": "wmo-tevredenheid", "periode": "2024", "period": "2025", "waarde": 1 },',
      "    42",
      "  ]",
      "}",
    ].join("\n");
    expect(issuesOf(text, "m.json")).toEqual([
      'm.json:4: metingen[1].indicator: onbekende indicator "jeugdhulp-gebruk"; bedoelt u "jeugdhulp-gebruik"?',
      "m.json:5: metingen[2].periode: periode moet tekst of een getal zijn, niet true",
      'm.json:5: metingen[2].opmerkin: onbekend veld "opmerkin"; bedoelt u "opmerking"?',
      'm.json:5: metingen[2].waarde: waarde "x" is geen getal; schrijf bijv. 12,5 of 1234',
      "m.json:6: metingen[3].waarde: waarde ontbreekt",
      'm.json:6: metingen[3].periode: indicator "jeugdhulp-gebruik" heeft al een waarde voor periode 2024 op regel 3',
      'm.json:10: metingen[4].periode: gebruik "periode" of "period", niet beide',
      "m.json:11: metingen[5]: een meting moet een object zijn met indicator, periode en waarde",
    ]);
  });

  it("reports invalid JSON with its line, an empty list and a wrong shape", () => {
    expect(issuesOf('[\n  {"indicator": "x",\n  "periode" 2024}\n]', "m.json")[0]).toMatch(/^m\.json:3: json: ongeldige JSON: /);
    expect(issuesOf("[]", "m.json")).toEqual(["m.json:1: measurements: geen metingen gevonden: de lijst is leeg"]);
    expect(issuesOf('{"data": []}', "m.json")).toEqual([
      'm.json:1: : verwacht een lijst metingen, of een object met "measurements" (of "metingen") als lijst',
    ]);
    expect(issuesOf("", "m.json")[0]).toMatch(/^m\.json:1: json: ongeldige JSON/);
  });

  it("sniffs JSON by its first character when the extension says nothing", () => {
    const text = '\uFEFF  [{"indicator": "jeugdhulp-gebruik", "periode": 2024, "waarde": 1}]';
    expect(valuesOf(text, "upload")[0]?.origin).toBe("upload:1");
    expect(valuesOf("indicator;periode;waarde\njeugdhulp-gebruik;2024;1", "upload")[0]?.origin).toBe("upload:2");
  });
});

describe("parseMeasurementsJson (HTTP API)", () => {
  it("validates a parsed body and names rows by their field path (api:measurements[i])", () => {
    const result = parseMeasurementsJson(
      {
        measurements: [
          { indicator: "jeugdhulp-gebruik", period: "2024-Q1", value: 1.5, source: "GGD" },
          { indicator: "jeugdhulp-gebruik", period: "2024-Q2", value: 1.6 },
        ],
      },
      "api",
      known,
    );
    expect(result).toEqual({
      ok: true,
      value: [
        { indicatorId: "jeugdhulp-gebruik", period: "2024-Q1", value: 1.5, source: "GGD", origin: "api:measurements[0]" },
        { indicatorId: "jeugdhulp-gebruik", period: "2024-Q2", value: 1.6, origin: "api:measurements[1]" },
      ],
    });
  });

  it("reports issues without lines, naming the item instead", () => {
    const result = parseMeasurementsJson(
      [
        { indicator: "jeugdhulp-gebruik", period: "2024", value: 1 },
        { indicator: "jeugdhulp-gebruik", period: 2024, value: Number.NaN },
        { indicator: "jeugdhulp-gebruik", period: "2024", value: 2 },
      ],
      "api",
      known,
    );
    const issues: ValidationIssue[] = result.ok ? [] : result.issues;
    expect(issues.map((i) => formatIssue(i))).toEqual([
      "api: [1].value: waarde moet tekst of een getal zijn, niet NaN",
      'api: [1].period: indicator "jeugdhulp-gebruik" heeft al een waarde voor periode 2024 bij api[0]',
      'api: [2].period: indicator "jeugdhulp-gebruik" heeft al een waarde voor periode 2024 bij api[0]',
    ]);
    expect(issues.every((i) => i.line === undefined)).toBe(true);
  });

  it("refuses a body that is not a list of measurements", () => {
    const result = parseMeasurementsJson("hallo", "api", known);
    expect(result.ok).toBe(false);
  });
});
