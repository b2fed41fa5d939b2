// Proves the DIN's source settings: status (gestopt, eenmalig) and expectedDelay per source or per indicator,
// the indicator's own winning, Dutch and English units, and clear line-exact errors and warnings; plus the
// delay arithmetic (calendar months, clamped days) late data relies on.
import { describe, expect, it } from "vitest";
import { addDelay, formatDelay, parseDelay } from "../../src/domain/delay.ts";
import { parseDinFile } from "../../src/domain/dinFile.ts";
import { formatIssue } from "../../src/domain/validation.ts";

const indicator = (id: string, extra = "") => `  - id: ${id}
    name: Indicator ${id}
    kind: effect
    goal: meedoen
    unit: "%"
    direction: lager-is-beter
    frequency: jaarlijks
    visibility: openbaar
${extra}`;

const din = (sources: string, indicators: string) => `municipality: Huizen
year: 2021
mission: Iedereen doet mee.
opgaven:
  - id: sociaal-domein
    name: Sociaal domein
    goals:
      - id: meedoen
        name: Inwoners doen mee
${sources}indicators:
${indicators}`;

const SOURCES = `sources:
  - name: CBS Statline
    expectedDelay: 9 maanden
  - name: VNG visitatierapport
    status: eenmalig
`;

function lineOf(text: string, snippet: string): number {
  return text.split("\n").findIndex((l) => l.includes(snippet)) + 1;
}

describe("DIN sources: status and expectedDelay", () => {
  it("gives indicators their source's settings; the indicator's own win; names match regardless of case and spacing", () => {
    const text = din(
      SOURCES,
      indicator("a", "    source: cbs  statline\n") +
        indicator("b", "    source: CBS Statline\n    expectedDelay: 2 years\n    status: gestopt\n") +
        indicator("c", "    source: VNG visitatierapport\n") +
        indicator("d", "    source: Eigen registratie\n    expectedDelay: 6 weken\n    stelsel: true\n"),
    );
    const result = parseDinFile(text, "din.yaml");
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const [a, b, c, d] = result.value.indicators;
    expect(a).toMatchObject({ expectedDelay: { amount: 9, unit: "maand" } });
    expect(a).not.toHaveProperty("status");
    expect(b).toMatchObject({ status: "gestopt", expectedDelay: { amount: 2, unit: "jaar" } });
    expect(c).toMatchObject({ status: "eenmalig" });
    expect(c).not.toHaveProperty("expectedDelay");
    expect(d).toMatchObject({ expectedDelay: { amount: 6, unit: "week" }, stelsel: true });
    expect(result.warnings).toBeUndefined();
  });

  it("refuses a delay it does not understand and an unknown status, on their lines, in Dutch and English", () => {
    const text = din("sources:\n  - name: CBS\n    expectedDelay: een half jaar\n", indicator("a", "    source: CBS\n    status: gestaakt\n"));
    const result = parseDinFile(text, "din.yaml");
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    expect(issues.map((i) => formatIssue(i))).toEqual([
      `din.yaml:${lineOf(text, "een half jaar")}: sources[0].expectedDelay: verwachte vertraging "een half jaar" niet begrepen: schrijf een aantal en dagen, weken, maanden of jaar (bijv. "6 maanden")`,
      expect.stringMatching(new RegExp(`^din\\.yaml:${lineOf(text, "gestaakt")}: indicators\\[0\\]\\.status: .*actief.*gestopt.*eenmalig`)),
    ]);
    expect(formatIssue(issues[0]!, "en")).toContain('expected delay "een half jaar" not understood');
  });

  it("refuses a source listed twice, naming the first line; warns about a source no indicator names", () => {
    const twice = din("sources:\n  - name: CBS\n    status: gestopt\n  - name: cbs\n    status: actief\n", indicator("a", "    source: CBS\n"));
    const result = parseDinFile(twice, "din.yaml");
    expect(result.ok ? [] : result.issues.map((i) => formatIssue(i))).toEqual([
      `din.yaml:${lineOf(twice, "name: cbs")}: sources[1].name: bron "cbs" staat al in bronnen (regel ${lineOf(twice, "name: CBS")}); noem elke bron één keer`,
    ]);
    const unused = din("sources:\n  - name: GGD monitor\n    expectedDelay: 1 jaar\n", indicator("a", "    source: CBS\n"));
    const warned = parseDinFile(unused, "din.yaml");
    expect(warned.ok && (warned.warnings ?? []).map((w) => formatIssue(w))).toEqual([
      `din.yaml:${lineOf(unused, "GGD monitor")}: sources[0].name: bron "GGD monitor" wordt door geen indicator genoemd (source:); de naam moet gelijk zijn aan die bij de indicatoren`,
    ]);
  });

  it("suggests the key for a typo inside a source", () => {
    const text = din("sources:\n  - name: CBS\n    expectedDelai: 6 maanden\n", indicator("a", "    source: CBS\n"));
    const result = parseDinFile(text, "din.yaml");
    expect(result.ok ? "" : result.issues.map((i) => formatIssue(i)).join("\n")).toContain('"expectedDelay"');
  });
});

describe("delays", () => {
  it("reads Dutch and English units, singular and plural", () => {
    expect(parseDelay("6 maanden")).toEqual({ amount: 6, unit: "maand" });
    expect(parseDelay(" 1 Maand ")).toEqual({ amount: 1, unit: "maand" });
    expect(parseDelay("90 dagen")).toEqual({ amount: 90, unit: "dag" });
    expect(parseDelay("2 weeks")).toEqual({ amount: 2, unit: "week" });
    expect(parseDelay("1 year")).toEqual({ amount: 1, unit: "jaar" });
    expect(parseDelay("6")).toBeUndefined();
    expect(parseDelay("6,5 maanden")).toBeUndefined();
    expect(parseDelay("6 eeuwen")).toBeUndefined();
  });

  it("adds by the calendar, clamping the day", () => {
    const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
    expect(addDelay(d("2025-01-01"), { amount: 6, unit: "maand" })).toEqual(d("2025-07-01"));
    expect(addDelay(d("2024-01-31"), { amount: 1, unit: "maand" })).toEqual(d("2024-02-29"));
    expect(addDelay(d("2024-12-30"), { amount: 1, unit: "jaar" })).toEqual(d("2025-12-30"));
    expect(addDelay(d("2025-01-01"), { amount: 3, unit: "week" })).toEqual(d("2025-01-22"));
    expect(addDelay(d("2025-01-01"), { amount: 10, unit: "dag" })).toEqual(d("2025-01-11"));
  });

  it("writes itself back in both languages", () => {
    expect(formatDelay({ amount: 6, unit: "maand" }, "nl")).toBe("6 maanden");
    expect(formatDelay({ amount: 1, unit: "jaar" }, "en")).toBe("1 year");
  });
});
