// Proves that measurement files (CSV in Dutch and English spreadsheet styles, JSON in both shapes) and API bodies become MeasurementInputs, and that every bad row is reported with file, exact line, field and a Dutch message.
import { describe, expect, it } from "vitest";
import { parseMeasurementFile, parseMeasurementsJson } from "../../src/domain/measurementFile.ts";
import type { MeasurementInput } from "../../src/domain/measurement.ts";
import { formatIssue } from "../../src/domain/validation.ts";
import type { ValidationIssue } from "../../src/domain/validation.ts";
import type { ValueRules } from "../../src/domain/valueRules.ts";

// No plausibility rules here: these tests are about reading; "plausibility" below adds units and frequencies.
const known = { indicatorIds: ["jeugdhulp-gebruik", "schuldhulp-aanmeldingen", "wmo-tevredenheid"], rules: new Map() };

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

  it("reports an unclosed quote first on its line and after a header without a required column (rows are read one by one)", () => {
    const unclosed = 'csv: aanhalingsteken (") wordt nergens gesloten; de rest van het bestand is als één veld gelezen';
    expect(issuesOf('indicator;"periode;waarde\njeugdhulp-gebruik;2024;5\n', "m.csv")).toEqual([
      `m.csv:1: ${unclosed}`,
      'm.csv:1: periode: kolom "periode" (of "period") ontbreekt in de kop; gevonden: "indicator", "periode;waarde\njeugdhulp-gebruik;2024;5"',
      'm.csv:1: waarde: kolom "waarde" (of "value") ontbreekt in de kop; gevonden: "indicator", "periode;waarde\njeugdhulp-gebruik;2024;5"',
    ]);
    expect(issuesOf('indicator;periode\njeugdhulp-gebruik;2024;"x\n', "m.csv")).toEqual([
      'm.csv:1: waarde: kolom "waarde" (of "value") ontbreekt in de kop; gevonden: "indicator", "periode"',
      `m.csv:2: ${unclosed}`,
    ]);
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

describe("plausibility: range per unit and period per frequency (CSV, JSON file and API alike)", () => {
  const rules = new Map<string, ValueRules>([
    ["huisuitzettingen", { unit: "aantal", frequency: "jaarlijks" }],
    ["clienten", { unit: "aantal personen", count: true, frequency: "kwartaal" }],
    ["tevredenheid", { unit: "%", frequency: "jaarlijks" }],
    ["groei", { unit: "%", range: [-100, 500], frequency: "maand" }],
    ["inkomen", { unit: "€", frequency: "jaarlijks" }],
  ]);
  const strict = { indicatorIds: [...rules.keys()], rules };
  const csvIssues = (rows: string) => {
    const result = parseMeasurementFile(`indicator;periode;waarde\n${rows}`, "m.csv", strict);
    return result.ok ? [] : result.issues.map((i) => formatIssue(i));
  };

  it("refuses a negative count, a percentage above 100 and a month for a yearly indicator, with file:line", () => {
    expect(csvIssues("huisuitzettingen;2024;-5\ntevredenheid;2024;150\nhuisuitzettingen;2025-03;4\nclienten;2024;-1\n")).toEqual([
      "m.csv:2: waarde: waarde -5 kan niet: een aantal is minstens 0; klopt het toch, zet dan range: [min, max] bij de indicator in de DIN",
      "m.csv:3: waarde: waarde 150 kan niet: een percentage is van 0 tot en met 100; klopt het toch, zet dan range: [min, max] bij de indicator in de DIN",
      "m.csv:4: periode: periode 2025-03 is een maand, maar deze indicator is jaarlijks: verwacht een jaar, bijv. 2025",
      "m.csv:5: periode: periode 2024 is een jaar, maar deze indicator is kwartaal: verwacht een kwartaal, bijv. 2025-Q1",
      "m.csv:5: waarde: waarde -1 kan niet: een aantal is minstens 0; klopt het toch, zet dan range: [min, max] bij de indicator in de DIN",
    ]);
  });

  it("accepts the bounds, zero counts, a DIN range beyond 0-100 and negative amounts of other units", () => {
    expect(csvIssues("huisuitzettingen;2024;0\ntevredenheid;2024;100\ngroei;2024-03;250\ngroei;2024-04;-12,5\ninkomen;2024;-300\nclienten;2024-Q4;3\n")).toEqual([]);
    expect(csvIssues("groei;2024-05;501\n")).toEqual(["m.csv:2: waarde: waarde 501 kan niet: het bereik uit de DIN is van -100 tot en met 500"]);
  });

  it("applies the same checks to JSON files and API bodies, in English too", () => {
    const file = parseMeasurementFile('[\n  {"indicator": "tevredenheid", "periode": "2024-Q1", "waarde": 101}\n]', "m.json", strict);
    expect(file.ok ? [] : file.issues.map((i) => formatIssue(i, "en"))).toEqual([
      "m.json:2: [0].periode: period 2024-Q1 is a quarter, but this indicator is yearly: expected a year, e.g. 2025",
      "m.json:2: [0].waarde: value 101 is implausible: a percentage is from 0 to 100; if it is right after all, set range: [min, max] on the indicator in the DIN",
    ]);
    const api = parseMeasurementsJson([{ indicator: "huisuitzettingen", period: 2024, value: -5 }], "api", strict);
    expect(api.ok ? [] : api.issues.map((i) => formatIssue(i))).toEqual([
      "api: [0].value: waarde -5 kan niet: een aantal is minstens 0; klopt het toch, zet dan range: [min, max] bij de indicator in de DIN",
    ]);
  });
});

describe("NUL characters are refused at the boundary (no database error later)", () => {
  const nul = "bevat een NUL-teken (\\0), dat niet opgeslagen kan worden";

  it("names every CSV line with a NUL and reads nothing", () => {
    const result = parseMeasurementFile("indicator;periode;waarde;bron\njeugdhulp-gebruik;2024;1;CB\0S\njeugdhulp-gebruik;2023;2;x\0\n", "m.csv", known);
    const issues = result.ok ? [] : result.issues.map((i) => formatIssue(i));
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatch(/^m\.csv:2: csv: regel bevat een NUL-teken/);
    expect(issues[1]).toMatch(/^m\.csv:3: csv: regel bevat een NUL-teken/);
  });

  it("names the JSON field holding an escaped NUL, in files and API bodies", () => {
    const file = parseMeasurementFile('[\n  {"indicator": "jeugdhulp-gebruik", "periode": 2024, "waarde": 1, "opmerking": "a\\u0000b"}\n]', "m.json", known);
    expect(file.ok ? [] : file.issues.map((i) => formatIssue(i))[0]).toContain(`m.json:2: [0].opmerking: ${nul}`);
    const api = parseMeasurementsJson({ measurements: [{ indicator: "jeugdhulp-gebruik", period: "2024", value: "1", source: "x\0" }] }, "api", known);
    expect(api.ok ? [] : api.issues.map((i) => formatIssue(i))).toEqual([expect.stringContaining(`api: measurements[0].source: ${nul}`)]);
  });
});

describe("comparison areas (gebied) and breakdowns (dimensie, categorie)", () => {
  it("reads gebied, dimensie and categorie in CSV; a known area gets its usual spelling; empty means the municipality", () => {
    const text =
      "indicator;periode;waarde;gebied;dimensie;categorie\n" +
      "jeugdhulp-gebruik;2024;12,5;;;\n" +
      "jeugdhulp-gebruik;2024;11;nederland;;\n" +
      "jeugdhulp-gebruik;2024;13;  regio Gooi  en Vechtstreek ;;\n" +
      "jeugdhulp-gebruik;2024;9;;leeftijdsgroep;0-11 jaar\n" +
      "jeugdhulp-gebruik;2024;10;Noord-Holland;leeftijdsgroep;0-11 jaar\n";
    expect(valuesOf(text, "m.csv").map((v) => [v.value, v.area, v.dimension, v.category])).toEqual([
      [12.5, undefined, undefined, undefined],
      [11, "Nederland", undefined, undefined],
      [13, "regio Gooi en Vechtstreek", undefined, undefined],
      [9, undefined, "leeftijdsgroep", "0-11 jaar"],
      [10, "Noord-Holland", "leeftijdsgroep", "0-11 jaar"],
    ]);
  });

  it("reads English column names and JSON keys in both languages", () => {
    expect(valuesOf("indicator,period,value,area,dimension,category\njeugdhulp-gebruik,2024,3,Utrecht,wijk,Centrum\n", "m.csv")[0]).toMatchObject({ area: "Utrecht", dimension: "wijk", category: "Centrum" });
    const json = JSON.stringify([{ indicator: "jeugdhulp-gebruik", periode: 2024, waarde: 3, gebied: "NEDERLAND", dimensie: "wijk", categorie: "Oost" }, { indicator: "jeugdhulp-gebruik", period: 2024, value: 4, area: "Fryslân" }]);
    expect(valuesOf(json, "m.json").map((v) => [v.area, v.dimension, v.category])).toEqual([["Nederland", "wijk", "Oost"], ["Fryslân", undefined, undefined]]);
  });

  it("refuses a label with control or text-direction characters, which would reorder or hide what chat, web and report show", () => {
    const text =
      "indicator;periode;waarde;gebied;dimensie;categorie\n" +
      "jeugdhulp-gebruik;2024;1;;wijk;Oost\u202eTSEW\n" +
      "jeugdhulp-gebruik;2024;2;Neder\u0007land;;\n" +
      "jeugdhulp-gebruik;2024;3;;wijk\u2066;Noord\n" +
      "jeugdhulp-gebruik;2024;4;;wijk;Zuid-Oost\n";
    expect(issuesOf(text, "m.csv")).toEqual([
      "m.csv:2: categorie: categorie bevat een stuur- of tekstrichtingsteken (U+202E); laat dat weg",
      "m.csv:3: gebied: gebied bevat een stuur- of tekstrichtingsteken (U+0007); laat dat weg",
      "m.csv:4: dimensie: dimensie bevat een stuur- of tekstrichtingsteken (U+2066); laat dat weg",
    ]);
    const api = parseMeasurementsJson({ measurements: [{ indicator: "jeugdhulp-gebruik", periode: "2024", waarde: 1, dimensie: "wijk", categorie: "O\u200fost" }] }, "api", known);
    expect(api.ok ? [] : api.issues.map((i) => `${i.field}: ${i.messageEn}`)).toEqual(["measurements[0].categorie: category holds a control or text-direction character (U+200F); leave it out"]);
  });

  it("refuses a dimensie without categorie and the reverse, an overlong label, and the same series and period twice, with line and field", () => {
    const text =
      "indicator;periode;waarde;gebied;dimensie;categorie\n" +
      "jeugdhulp-gebruik;2024;1;;wijk;\n" +
      "jeugdhulp-gebruik;2024;2;;;Oost\n" +
      `jeugdhulp-gebruik;2024;3;${"x".repeat(101)};;\n` +
      "jeugdhulp-gebruik;2024;4;Nederland;;\n" +
      "jeugdhulp-gebruik;2024;5;nederland;;\n" +
      "jeugdhulp-gebruik;2024;6;;;\n";
    expect(issuesOf(text, "m.csv")).toEqual([
      'm.csv:2: categorie: categorie ontbreekt: een uitsplitsing naar "wijk" noemt ook de categorie',
      'm.csv:3: dimensie: dimensie ontbreekt: bij categorie "Oost" hoort een dimensie (bijv. leeftijdsgroep)',
      "m.csv:4: gebied: gebied is langer dan 100 tekens",
      'm.csv:6: periode: indicator "jeugdhulp-gebruik" heeft al een waarde voor periode 2024 (gebied Nederland) op regel 5',
    ]);
    const api = parseMeasurementsJson({ measurements: [{ indicator: "jeugdhulp-gebruik", periode: "2024", waarde: 1, categorie: "Oost" }] }, "api", known);
    expect(api.ok ? [] : api.issues.map((i) => `${i.field}: ${i.messageEn}`)).toEqual(['measurements[0].dimensie: dimension is missing: category "Oost" needs a dimension (e.g. age group)']);
  });
});
