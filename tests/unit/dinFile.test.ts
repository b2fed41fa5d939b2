// Proves that parseDinFile maps a valid DIN YAML to a DinDefinition and reports every problem (schema, references, typos, YAML syntax) with its exact line, English key path and Dutch/English message.
import { describe, expect, it } from "vitest";
import { parseDinFile } from "../../src/domain/dinFile.ts";
import { formatIssue } from "../../src/domain/validation.ts";
import type { ValidationIssue } from "../../src/domain/validation.ts";

const VALID = `municipality: Hilversum
year: 2025
mission: "Wij zijn Hilversum, iedereen doet mee."
opgaven:
  - id: bestaanszekerheid
    name: Bestaanszekerheid
    goals:
      - id: financieel-gezond
        name: Hilversummers zijn financieel gezond
      - id: meedoen
        name: Hilversummers doen mee
  - id: kansengelijkheid
    name: Kansengelijkheid
    goals:
      - id: gezond-opgroeien
        name: Kinderen groeien gezond en veilig op
speerpunten:
  - id: vroegsignalering
    name: Vroegsignalering van schulden
    goal: financieel-gezond
    beleidskader: Armoede & Schulden
    indicators: [vroegsignalen-opgevolgd]
indicators:
  - id: huishoudens-met-betalingsachterstand
    name: Huishoudens met een betalingsachterstand
    kind: effect
    goal: financieel-gezond
    unit: "%"
    direction: lager-is-beter
    baseline: { period: 2022, value: "8,1" }
    target: { period: 2026, value: 6.5 }
    source: CBS
    frequency: jaarlijks
    visibility: openbaar
    threshold: { relative: "10%" }
    description: Aandeel huishoudens met een achterstand
  - id: vroegsignalen-opgevolgd
    name: Vroegsignalen opgevolgd
    kind: prestatie
    unit: aantal
    direction: hoger-is-beter
    baseline: { period: 2024K1, value: 120 }
    frequency: kwartaal
    visibility: intern
    smallNumbers: 10
  - id: jeugdhulp-gebruik
    name: Jongeren met jeugdhulp
    kind: effect
    goal: gezond-opgroeien
    unit: per 1.000 jongeren
    direction: neutraal
    frequency: maand
    visibility: openbaar
    threshold: { absolute: 1.5 }
    baseline: { period: "2024-03", value: 41 }
    target: { period: 2025-W12, value: 40 }
`;

/** Replaces one unique snippet of the valid file, failing loudly if the snippet is not unique. */
function edit(from: string, to: string, text = VALID): string {
  expect(text.split(from).length - 1, `snippet "${from}" must occur once`).toBe(1);
  return text.replace(from, to);
}

/** 1-based line of a unique snippet, so expectations read as "the line with ...". */
function lineOf(text: string, snippet: string): number {
  const lines = text.split("\n");
  const hits = lines.flatMap((l, i) => (l.includes(snippet) ? [i + 1] : []));
  expect(hits, `snippet "${snippet}" must be on exactly one line`).toHaveLength(1);
  return hits[0] ?? 0;
}

function issuesOf(text: string): ValidationIssue[] {
  const result = parseDinFile(text, "din.yaml");
  if (result.ok) throw new Error("expected issues, got a valid DIN");
  return result.issues;
}

function only(text: string): ValidationIssue {
  const issues = issuesOf(text);
  expect(issues.map((i) => formatIssue(i))).toHaveLength(1);
  return issues[0]!;
}

describe("parseDinFile: valid file", () => {
  it("maps the whole tree to a DinDefinition", () => {
    const result = parseDinFile(VALID, "din.yaml");
    if (!result.ok) throw new Error(result.issues.map((i) => formatIssue(i)).join("\n"));
    const din = result.value;
    expect(din.municipality).toBe("Hilversum");
    expect(din.year).toBe(2025);
    expect(din.mission).toBe("Wij zijn Hilversum, iedereen doet mee.");
    expect(din.opgaven).toEqual([
      { id: "bestaanszekerheid", name: "Bestaanszekerheid" },
      { id: "kansengelijkheid", name: "Kansengelijkheid" },
    ]);
    expect(din.goals).toEqual([
      { id: "financieel-gezond", name: "Hilversummers zijn financieel gezond", opgaveId: "bestaanszekerheid" },
      { id: "meedoen", name: "Hilversummers doen mee", opgaveId: "bestaanszekerheid" },
      { id: "gezond-opgroeien", name: "Kinderen groeien gezond en veilig op", opgaveId: "kansengelijkheid" },
    ]);
    expect(din.speerpunten).toEqual([
      {
        id: "vroegsignalering",
        name: "Vroegsignalering van schulden",
        goalId: "financieel-gezond",
        beleidskader: "Armoede & Schulden",
        indicatorIds: ["vroegsignalen-opgevolgd"],
      },
    ]);
    expect(din.indicators[0]).toEqual({
      id: "huishoudens-met-betalingsachterstand",
      name: "Huishoudens met een betalingsachterstand",
      kind: "effect",
      goalId: "financieel-gezond",
      unit: "%",
      direction: "lager-is-beter",
      baseline: { period: "2022", value: 8.1 },
      target: { period: "2026", value: 6.5 },
      source: "CBS",
      frequency: "jaarlijks",
      visibility: "openbaar",
      threshold: { relative: 0.1 },
      description: "Aandeel huishoudens met een achterstand",
    });
  });

  it("gives a prestatie-indicator without goal the goal of the speerpunt that names it", () => {
    const result = parseDinFile(VALID, "din.yaml");
    expect(result.ok && result.value.indicators[1]).toEqual({
      id: "vroegsignalen-opgevolgd",
      name: "Vroegsignalen opgevolgd",
      kind: "prestatie",
      goalId: "financieel-gezond",
      unit: "aantal",
      direction: "hoger-is-beter",
      baseline: { period: "2024-Q1", value: 120 },
      frequency: "kwartaal",
      visibility: "intern",
      smallNumbers: 10,
    });
  });

  it("canonicalises month and week periods and keeps an absolute threshold", () => {
    const result = parseDinFile(VALID, "din.yaml");
    const ind = result.ok ? result.value.indicators[2] : undefined;
    expect(ind?.baseline).toEqual({ period: "2024-03", value: 41 });
    expect(ind?.target).toEqual({ period: "2025-W12", value: 40 });
    expect(ind?.threshold).toEqual({ absolute: 1.5 });
  });

  it("reads compare: areas in the usual spelling of known ones, once each; an empty entry names its line", () => {
    const text = VALID.replace("    description: Aandeel huishoudens met een achterstand\n", "    description: Aandeel huishoudens met een achterstand\n    compare: [nederland, noord-holland, Nederland, regio Gooi en Vechtstreek]\n");
    const result = parseDinFile(text, "din.yaml");
    expect(result.ok && result.value.indicators[0]?.compare).toEqual(["Nederland", "Noord-Holland", "regio Gooi en Vechtstreek"]);
    expect(result.ok && result.value.indicators[1]?.compare).toBeUndefined();
    const bad = parseDinFile(text.replace("compare: [nederland,", 'compare: ["",'), "din.yaml");
    expect(bad.ok ? [] : bad.issues.map((i) => `${i.line}: ${i.field}`)).toEqual([`${lineOf(text, "compare:")}: indicators[0].compare[0]`]);
  });

  it("accepts a file without speerpunten and a UTF-8 BOM", () => {
    const text = VALID.replace(/speerpunten:\n(?: {2,}.*\n)+/, "").replace("    kind: prestatie\n", "    kind: prestatie\n    goal: meedoen\n");
    const result = parseDinFile(`\uFEFF${text}`, "din.yaml");
    expect(result.ok && result.value.speerpunten).toEqual([]);
    expect(result.ok && result.value.indicators[1]?.goalId).toBe("meedoen");
  });
});

describe("parseDinFile: schema problems", () => {
  it("names the allowed directions in Dutch and English", () => {
    const text = edit("direction: neutraal", "direction: omhoog");
    const issue = only(text);
    expect(issue).toEqual({
      file: "din.yaml",
      line: lineOf(text, "direction: omhoog"),
      field: "indicators[2].direction",
      message: 'richting moet "hoger-is-beter", "lager-is-beter" of "neutraal" zijn, niet "omhoog"',
      messageEn: 'direction must be "hoger-is-beter", "lager-is-beter" or "neutraal", not "omhoog"',
    });
    expect(formatIssue(issue)).toBe(
      `din.yaml:${issue.line}: indicators[2].direction: richting moet "hoger-is-beter", "lager-is-beter" of "neutraal" zijn, niet "omhoog"`,
    );
  });

  it("reports a missing required key on the line of its parent mapping", () => {
    const text = edit("    visibility: intern\n", "");
    const issue = only(text);
    expect(issue.field).toBe("indicators[1].visibility");
    expect(issue.line).toBe(lineOf(text, "- id: vroegsignalen-opgevolgd"));
    expect(issue.message).toBe("zichtbaarheid ontbreekt; dit veld is verplicht");
    expect(issue.messageEn).toBe("visibility is missing; this field is required");
  });

  it("reports a missing top-level key on line 1", () => {
    const issue = only(edit('mission: "Wij zijn Hilversum, iedereen doet mee."\n', ""));
    expect([issue.line, issue.field, issue.message]).toEqual([1, "mission", "missie ontbreekt; dit veld is verplicht"]);
  });

  it("protects against typos in keys with a suggestion", () => {
    const text = edit("direction: lager-is-beter", "direciton: lager-is-beter");
    const issues = issuesOf(text);
    const typo = issues.find((i) => i.field === "indicators[0].direciton");
    expect(typo).toMatchObject({
      line: lineOf(text, "direciton"),
      message: 'onbekend veld "direciton"; bedoelt u "direction"?',
      messageEn: 'unknown field "direciton"; did you mean "direction"?',
    });
    // The real key is then missing too: both are reported.
    expect(issues.map((i) => i.field)).toContain("indicators[0].direction");
  });

  it("suggests keys inside nested blocks such as baseline", () => {
    const text = edit("baseline: { period: 2022, value:", "baseline: { periode: 2022, value:");
    const typo = issuesOf(text).find((i) => i.field === "indicators[0].baseline.periode");
    expect(typo?.message).toBe('onbekend veld "periode"; bedoelt u "period"?');
    expect(typo?.line).toBe(lineOf(text, "periode: 2022"));
  });

  it("rejects invalid ids, periods, values, years, thresholds and smallNumbers", () => {
    let text = edit("year: 2025", "year: 1850");
    text = edit("- id: meedoen", "- id: Mee Doen", text);
    text = edit("{ period: 2022, value:", "{ period: 2022-Q5, value:", text);
    text = edit('value: "8,1"', 'value: "veel"', text);
    text = edit('threshold: { relative: "10%" }', "threshold: { relative: 10 }", text);
    text = edit("smallNumbers: 10", "smallNumbers: 2.5", text);
    text = edit("threshold: { absolute: 1.5 }", "threshold: { absolute: 1.5, relative: 0.1 }", text);
    const got = issuesOf(text).map((i) => [i.line, i.field, i.message]);
    expect(got).toEqual([
      [2, "year", "jaar moet minstens 1900 zijn, niet 1850"],
      [lineOf(text, "Mee Doen"), "opgaven[0].goals[1].id", 'id "Mee Doen" is ongeldig: gebruik alleen kleine letters a-z, cijfers en streepjes (bijv. "financieel-gezond")'],
      [lineOf(text, "2022-Q5"), "indicators[0].baseline.period", 'ongeldige periode "2022-Q5": kwartaal moet 1 t/m 4 zijn'],
      [lineOf(text, "veel"), "indicators[0].baseline.value", '"veel" is geen getal; schrijf bijv. 8,1 of 8.1'],
      [
        lineOf(text, "relative: 10 "),
        "indicators[0].threshold.relative",
        'relatieve drempel moet een fractie groter dan 0 en hoogstens 1 zijn (0.1 of "10%"), niet 10',
      ],
      [lineOf(text, "smallNumbers"), "indicators[1].smallNumbers", "kleine-aantallen-grens moet een geheel getal zijn, niet 2.5"],
      [lineOf(text, "absolute: 1.5"), "indicators[2].threshold", "drempel heeft precies één van absolute of relative nodig, bijv. { relative: 0.05 }"],
    ]);
  });

  it("rejects a negative threshold and a zero smallNumbers", () => {
    let text = edit("threshold: { absolute: 1.5 }", "threshold: { absolute: -1 }");
    text = edit("smallNumbers: 10", "smallNumbers: 0", text);
    expect(issuesOf(text).map((i) => [i.field, i.message])).toEqual([
      ["indicators[1].smallNumbers", "kleine-aantallen-grens moet groter dan 0 zijn, niet 0"],
      ["indicators[2].threshold.absolute", "absolute drempel moet groter dan 0 zijn, niet -1"],
    ]);
  });

  it("says what type was expected", () => {
    const text = edit("    goals:\n      - id: gezond-opgroeien\n        name: Kinderen groeien gezond en veilig op\n", "    goals: geen\n");
    expect(issuesOf(text).map((i) => [i.line, i.field, i.message])).toEqual([
      [14, "opgaven[1].goals", 'doelen moet een lijst zijn, niet "geen"'],
      // Its goal is gone, so the indicator under it now points nowhere: reported in the same run.
      [lineOf(text, "goal: gezond-opgroeien"), "indicators[2].goal", 'onbekend doel "gezond-opgroeien"'],
    ]);
  });
});

describe("parseDinFile: count and range", () => {
  it("reads count and range into the indicator", () => {
    const text = edit("    unit: per 1.000 jongeren\n", "    unit: per 1.000 jongeren\n    count: false\n    range: [0, 1000]\n");
    const result = parseDinFile(text, "din.yaml");
    expect(result.ok && [result.value.indicators[2]?.count, result.value.indicators[2]?.range]).toEqual([false, [0, 1000]]);
    expect(result.ok && result.warnings).toBeUndefined();
  });

  it("warns about a count-like unit without count, on the unit's line, but not about plain aantal", () => {
    const text = edit("    unit: aantal\n", "    unit: aantal personen\n");
    const result = parseDinFile(text, "din.yaml");
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.indicators[1]?.count).toBeUndefined();
    expect(result.ok && (result.warnings ?? []).map((w) => formatIssue(w))).toEqual([
      `din.yaml:${lineOf(text, "aantal personen")}: indicators[1].unit: eenheid "aantal personen" lijkt een aantal: indicator vroegsignalen-opgevolgd wordt als telling behandeld (kleine aantallen zijn voor gasten verborgen); zet count: true, of count: false als het geen aantal mensen of zaken is`,
    ]);
    const explicit = parseDinFile(edit("    unit: aantal\n", "    unit: aantal personen\n    count: true\n"), "din.yaml");
    expect(explicit.ok && explicit.warnings).toBeUndefined();
    expect(parseDinFile(VALID, "din.yaml")).not.toHaveProperty("warnings");
  });

  it("rejects a range that is not [min, max] and a baseline or target outside the range", () => {
    const badRange = edit("    unit: per 1.000 jongeren\n", "    unit: per 1.000 jongeren\n    range: [100, 0]\n");
    expect(only(badRange).message).toBe("bereik [100, 0] moet als [minimum, maximum] geschreven worden, met het minimum kleiner dan het maximum");
    expect(only(edit("    unit: per 1.000 jongeren\n", "    unit: per 1.000 jongeren\n    range: [0]\n")).field).toBe("indicators[2].range");

    let text = edit("target: { period: 2026, value: 6.5 }", "target: { period: 2026, value: 150 }");
    text = edit("baseline: { period: 2024K1, value: 120 }", "baseline: { period: 2024K1, value: -120 }", text);
    text = edit("    target: { period: 2025-W12, value: 40 }\n", "    target: { period: 2025-W12, value: 40 }\n    range: [0, 30]\n", text);
    expect(issuesOf(text).map((i) => [i.line, i.field, i.message])).toEqual([
      [lineOf(text, "value: 150"), "indicators[0].target.value", "waarde 150 kan niet: een percentage is van 0 tot en met 100; klopt het toch, zet dan range: [min, max] bij de indicator in de DIN"],
      [lineOf(text, "value: -120"), "indicators[1].baseline.value", "waarde -120 kan niet: een aantal is minstens 0; klopt het toch, zet dan range: [min, max] bij de indicator in de DIN"],
      [lineOf(text, "value: 41"), "indicators[2].baseline.value", "waarde 41 kan niet: het bereik uit de DIN is van 0 tot en met 30"],
      [lineOf(text, "value: 40"), "indicators[2].target.value", "waarde 40 kan niet: het bereik uit de DIN is van 0 tot en met 30"],
    ]);
  });
});

describe("parseDinFile: references", () => {
  it("reports a duplicate id on the second occurrence, naming the line of the first", () => {
    const text = edit("  - id: jeugdhulp-gebruik", "  - id: vroegsignalen-opgevolgd");
    const issue = issuesOf(text).find((i) => i.field === "indicators[2].id");
    expect(issue).toEqual({
      file: "din.yaml",
      line: 46,
      field: "indicators[2].id",
      message: 'dubbele id "vroegsignalen-opgevolgd" bij indicatoren; eerder gebruikt op regel 37',
      messageEn: 'duplicate indicator id "vroegsignalen-opgevolgd"; first used on line 37',
    });
  });

  it("reports duplicate opgave, goal and speerpunt ids with exact lines", () => {
    let text = edit("  - id: kansengelijkheid", "  - id: bestaanszekerheid");
    text = edit("      - id: gezond-opgroeien", "      - id: meedoen", text);
    text = edit("    goal: gezond-opgroeien\n", "    goal: meedoen\n", text);
    // A second speerpunt in flow style at line 18 pushes the first one down to line 19.
    text = edit("speerpunten:\n", "speerpunten:\n  - { id: vroegsignalering, name: X, goal: meedoen, beleidskader: Jeugd }\n", text);
    const dupes = issuesOf(text);
    expect(dupes.map((i) => [i.line, i.field, i.message])).toEqual([
      [12, "opgaven[1].id", 'dubbele id "bestaanszekerheid" bij opgaven; eerder gebruikt op regel 5'],
      [15, "opgaven[1].goals[0].id", 'dubbele id "meedoen" bij doelen; eerder gebruikt op regel 10'],
      [19, "speerpunten[1].id", 'dubbele id "vroegsignalering" bij speerpunten; eerder gebruikt op regel 18'],
    ]);
    expect(dupes[0]?.messageEn).toBe('duplicate opgave id "bestaanszekerheid"; first used on line 5');
  });

  it("suggests the closest goal for an unknown goal reference", () => {
    const text = edit("    goal: financieel-gezond\n    beleidskader", "    goal: financieel-gezon\n    beleidskader");
    expect(only(text)).toEqual({
      file: "din.yaml",
      line: 20,
      field: "speerpunten[0].goal",
      message: 'onbekend doel "financieel-gezon"; bedoelt u "financieel-gezond"?',
      messageEn: 'unknown goal "financieel-gezon"; did you mean "financieel-gezond"?',
    });
  });

  it("leaves out a suggestion when nothing is close", () => {
    const issue = only(edit("goal: gezond-opgroeien", "goal: wonen"));
    expect(issue.message).toBe('onbekend doel "wonen"');
  });

  it("reports a speerpunt naming an unknown or an effect indicator", () => {
    const text = edit("indicators: [vroegsignalen-opgevolgd]", "indicators: [vroegsignalen-opgevold, jeugdhulp-gebruik]");
    const line = lineOf(text, "indicators: [");
    expect(issuesOf(text).map((i) => [i.line, i.field, i.message])).toEqual([
      [line, "speerpunten[0].indicators[0]", 'onbekende indicator "vroegsignalen-opgevold"; bedoelt u "vroegsignalen-opgevolgd"?'],
      [
        line,
        "speerpunten[0].indicators[1]",
        '"jeugdhulp-gebruik" is een effect-indicator; een speerpunt noemt alleen prestatie-indicatoren (effect-indicatoren horen bij een doel via goal)',
      ],
      // The prestatie-indicator is now named by no speerpunt and has no goal.
      [lineOf(text, "- id: vroegsignalen-opgevolgd"), "indicators[1].goal", expect.stringContaining('prestatie-indicator "vroegsignalen-opgevolgd" hoort bij geen speerpunt')],
    ]);
  });

  it("requires a goal for an effect-indicator", () => {
    const text = edit("    goal: gezond-opgroeien\n", "");
    const issue = only(text);
    expect([issue.line, issue.field, issue.message]).toEqual([
      lineOf(text, "- id: jeugdhulp-gebruik"),
      "indicators[2].goal",
      'effect-indicator "jeugdhulp-gebruik" heeft een doel nodig: vul goal in',
    ]);
  });
});

describe("parseDinFile: whole-file problems", () => {
  it("reports many problems at once, sorted by line", () => {
    let text = edit("year: 2025", "year: 3000");
    text = edit("direction: neutraal", "direction: omhoog", text);
    text = edit("visibility: intern", "visiblity: intern", text);
    text = edit("goal: gezond-opgroeien", "goal: gezond-opgroeie", text);
    const issues = issuesOf(text);
    expect(issues.map((i) => i.field)).toEqual([
      "year",
      "indicators[1].visibility",
      "indicators[1].visiblity",
      "indicators[2].goal",
      "indicators[2].direction",
    ]);
    const lines = issues.map((i) => i.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it("reports a YAML syntax error with its line and stops there", () => {
    const text = edit("    name: Vroegsignalen opgevolgd", '    name: "Vroegsignalen opgevolgd');
    const issues = issuesOf(text);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]?.field).toBe("yaml");
    expect(issues[0]?.message).toMatch(/^YAML-fout: /);
    expect(issues[0]?.line).toBeGreaterThanOrEqual(lineOf(text, '"Vroegsignalen opgevolgd'));
  });

  it("reports a duplicate key in one block as a YAML error on that line", () => {
    const text = edit("    unit: aantal\n", "    unit: aantal\n    unit: stuks\n");
    const issue = only(text);
    expect(issue.line).toBe(lineOf(text, "unit: stuks"));
    expect(issue.message).toMatch(/^YAML-fout: hetzelfde veld staat twee keer in dit blok/);
  });

  it("turns an exponential alias bomb into an issue instead of throwing", () => {
    let text = "a: &a [x, x, x, x, x, x, x, x, x]\n";
    for (let i = 0, prev = "a"; i < 8; prev = `b${i}`, i++) text += `b${i}: &b${i} [${Array(9).fill(`*${prev}`).join(", ")}]\n`;
    const issue = only(text);
    expect(issue.message).toMatch(/^YAML-fout: de aliassen \(\*naam\) maken de gegevens \d+ keer zo groot als wat er staat \(meer dan 10 keer\)/);
    expect(issue.line).toBe(9);
  });

  it("refuses a flat block referenced by many aliases, fast, with one issue and no expansion", () => {
    const goals = Array.from({ length: 5_000 }, (_, i) => `      - {id: d${i}, name: D}\n`).join("");
    const text = `municipality: X\nyear: 2025\nmission: x\nopgaven:\n  - &o\n    id: a\n    name: A\n    goals:\n${goals}${"  - *o\n".repeat(99)}indicators: []\n`;
    const started = Date.now();
    const issues = issuesOf(text);
    // Expanded, this is 500,000 doelen and as many duplicate-id errors; measured, it is one pass over the file.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.line).toBe(5_009);
    expect(issues[0]?.messageEn).toMatch(/^YAML error: the aliases \(\*name\) make the data 100 times as large as what is written/);
  });

  it("accepts a few shared snippets, and refuses an alias inside its own block", () => {
    const shared = edit("    threshold: { absolute: 1.5 }", "    threshold: *t", edit('    threshold: { relative: "10%" }', '    threshold: &t { relative: "10%" }'));
    const result = parseDinFile(shared, "din.yaml");
    expect(result.ok && result.value.indicators[2]?.threshold).toEqual({ relative: 0.1 });
    const cycle = only("a: &a\n  b: *a\n");
    expect([cycle.line, cycle.message]).toEqual([2, "YAML-fout: een alias (*naam) verwijst naar het blok waar hij zelf in staat; schrijf de gegevens uit"]);
  });

  it("refuses NUL characters in keys and values, naming their lines", () => {
    const text = edit("    source: CBS", '    source: "CB\\0S"');
    const issue = only(text);
    expect([issue.line, issue.field]).toEqual([lineOf(text, "CB\\0S"), "indicators[0].source"]);
    expect(issue.message).toMatch(/^bevat een NUL-teken/);
  });

  it("reports an empty file and a file that is not a block of fields", () => {
    expect(only("").message).toBe("het DIN-bestand is leeg");
    expect(only("# alleen commentaar\n").line).toBe(1);
    const list = only("- a\n- b\n");
    expect([list.line, list.message]).toEqual([1, "het bestand moet een blok met velden (naam: waarde) zijn, niet een lijst"]);
  });
});
