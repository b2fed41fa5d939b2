// Proves the pure report composition: the DIN version in force, values as of the cutoff with
// corrections and late data, target status, which conclusions an edition attaches (and which as
// revised), and that a public model holds no intern indicator, no small count and no name.
import { describe, expect, it } from "vitest";
import { composeReport, dinForEdition, type ComposeInput } from "../../../src/domain/report/compose.ts";
import type { SessionForReport } from "../../../src/domain/report/editions.ts";
import { targetStatus } from "../../../src/domain/report/targetStatus.ts";
import { buildDin, buildIndicator } from "../../support/factories.ts";

const at = (iso: string) => new Date(iso);
const TEXTS = { herkennen: "H", verklaren: "V", waarderen: "W", verbeteren: "B", overall: "Samen: O" };

const DIN = buildDin({
  speerpunten: [{ id: "sp", name: "Snelle hulp", goalId: "doel-gezond-opgroeien", beleidskader: "Jeugd", indicatorIds: ["wacht"] }],
  indicators: [
    buildIndicator({ id: "jeugd", unit: "%", direction: "lager-is-beter", baseline: { period: "2022", value: 12 }, target: { period: "2026", value: 8 } }),
    buildIndicator({ id: "meldingen", name: "Meldingen", unit: "aantal", count: true }),
    buildIndicator({ id: "wacht", name: "Wachtlijst", kind: "prestatie", unit: "aantal", visibility: "intern" }),
  ],
});

function session(id: number, overrides: Partial<SessionForReport> = {}): SessionForReport {
  return {
    sessionId: id,
    title: `Sessie ${id}`,
    subject: { kind: "indicator", id: "jeugd" },
    indicators: [{ indicatorId: "jeugd", period: "2024" }],
    revisions: [{ version: 1, texts: TEXTS, actions: [{ text: "Actie", owner: "Team Jeugd", due: "2025-12-31", status: "open" }], adoptedAt: at("2025-03-10T00:00:00Z"), adopterPerspective: "uitvoering" }],
    perspectives: [{ perspective: "beleid", count: 12 }, { perspective: "ervaringsdeskundige", count: 2 }],
    ...overrides,
  };
}

const recorded = at("2025-02-01T00:00:00Z");
function input(overrides: Partial<ComposeInput> = {}): ComposeInput {
  return {
    din: DIN,
    dinSlug: "hilversum",
    edition: 2024,
    public: false,
    cutoff: at("2025-04-01T00:00:00Z"),
    history: new Map([
      ["jeugd", [
        { period: "2023", value: 11, recordedAt: recorded },
        { period: "2024", value: 10.5, recordedAt: recorded, supersededAt: at("2025-03-01T00:00:00Z") },
        { period: "2024", value: 10, recordedAt: at("2025-03-01T00:00:00Z") },
        { period: "2025", value: 9, recordedAt: recorded },
      ]],
      ["meldingen", [{ period: "2023", value: 20, recordedAt: recorded }, { period: "2024", value: 6, recordedAt: recorded }]],
      ["wacht", [{ period: "2024", value: 80, recordedAt: recorded }]],
    ]),
    sessions: [session(1)],
    ...overrides,
  };
}

describe("composeReport", () => {
  it("picks the DIN version in force: that year's, else the newest before, else the oldest after", () => {
    const versions = [{ year: 2023 }, { year: 2025 }];
    expect(dinForEdition(versions, 2024)).toEqual({ year: 2023 });
    expect(dinForEdition(versions, 2025)).toEqual({ year: 2025 });
    expect(dinForEdition(versions, 2021)).toEqual({ year: 2023 });
  });

  it("shows values up to the edition year as of the cutoff, with the correction and the tree", () => {
    const model = composeReport(input());
    const jeugd = model.indicators.find((i) => i.id === "jeugd")!;
    expect(jeugd.values).toEqual([{ period: "2023", value: 11 }, { period: "2024", value: 10 }]);
    expect(jeugd.notes).toContainEqual({ kind: "correction", period: "2024", at: "2025-03-01T00:00:00.000Z", previous: 10.5 });
    expect(jeugd.lastUpdate).toBe("2025-03-01T00:00:00.000Z");
    expect(model.opgaven[0]!.goals[0]).toMatchObject({ effectIds: ["jeugd", "meldingen"], speerpunten: [{ id: "sp", indicatorIds: ["wacht"] }] });
    // Before the correction was recorded, the edition shows the old value and no note.
    const before = composeReport(input({ cutoff: at("2025-02-15T00:00:00Z") }));
    expect(before.indicators.find((i) => i.id === "jeugd")!.values.at(-1)).toEqual({ period: "2024", value: 10.5 });
  });

  it("attaches adopted conclusions with per-question texts, role and perspectives, never a name", () => {
    const model = composeReport(input());
    expect(model.conclusions).toEqual([expect.objectContaining({ sessionId: 1, texts: TEXTS, adopterPerspective: "uitvoering", version: 1 })]);
    expect(model.indicators.find((i) => i.id === "jeugd")!.conclusionIds).toEqual([1]);
    expect(JSON.stringify(model)).not.toMatch(/name":"(Ahmed|Sanne)/);
  });

  it("shows each verbeteractie's current status (set after adoption), and the old word 'done' as gereed", () => {
    expect(composeReport(input()).conclusions[0]!.actions).toEqual([{ text: "Actie", owner: "Team Jeugd", due: "2025-12-31", status: "open" }]);
    const later = composeReport(input({ sessions: [session(1, { actionStatuses: ["bezig"] })] }));
    expect(later.conclusions[0]!.actions.map((a) => a.status)).toEqual(["bezig"]);
    const old = session(1);
    old.revisions[0]!.actions = [{ text: "Actie", owner: "Team Jeugd", status: "done" }];
    expect(composeReport(input({ sessions: [old] })).conclusions[0]!.actions.map((a) => a.status)).toEqual(["gereed"]);
  });

  it("attaches only what was adopted since the previous edition; a revision comes again as revised", () => {
    const previous = { edition: 2023, cutoff: at("2025-03-15T00:00:00Z") };
    expect(composeReport(input({ previous })).conclusions).toEqual([]);
    expect(composeReport(input({ previous })).indicators[0]!.earlierConclusions).toBe(1);
    const revised = session(1, {
      revisions: [
        ...session(1).revisions,
        { version: 2, texts: { ...TEXTS, overall: "Herzien" }, actions: [], adoptedAt: at("2025-03-20T00:00:00Z") },
        { version: 3, texts: { ...TEXTS, overall: "Concept" }, actions: [] },
      ],
    });
    const model = composeReport(input({ previous, sessions: [revised] }));
    expect(model.conclusions).toMatchObject([{ version: 2, texts: { overall: "Herzien" }, revisedFrom: { version: 1, adoptedAt: "2025-03-10T00:00:00.000Z" } }]);
    // A draft never reaches the report; nothing adopted by the cutoff: nothing attached.
    expect(composeReport(input({ cutoff: at("2025-03-01T00:00:00Z") })).conclusions).toEqual([]);
  });

  it("public: no intern indicator, small counts without value, small perspective counts hidden", () => {
    const model = composeReport(input({ public: true, sessions: [session(1), session(2, { subject: { kind: "indicator", id: "wacht" }, indicators: [{ indicatorId: "wacht", period: "2024" }] })] }));
    expect(model.indicators.map((i) => i.id)).toEqual(["jeugd", "meldingen"]);
    expect(model.opgaven[0]!.goals[0]!.speerpunten[0]!.indicatorIds).toEqual([]);
    expect(model.indicators[1]!.values).toEqual([{ period: "2023", value: 20 }, { period: "2024" }]);
    expect(model.indicators[1]!.smallNumbers).toBe(10);
    expect(model.conclusions.map((c) => c.sessionId)).toEqual([1]);
    expect(model.conclusions[0]!.perspectives).toEqual([{ perspective: "beleid", count: 12 }, { perspective: "ervaringsdeskundige" }]);
    expect(JSON.stringify(model)).not.toMatch(/"value":6\b|"wacht"/);
  });

  it("reports late data for periods of the edition year", () => {
    const model = composeReport(input({ cutoff: at("2025-12-01T00:00:00Z"), history: new Map([["jeugd", [{ period: "2023", value: 11, recordedAt: recorded }]]]) }));
    expect(model.indicators[0]!.notes).toContainEqual(expect.objectContaining({ kind: "late", duePeriod: "2024", latestPeriod: "2023" }));
  });
});

describe("targetStatus", () => {
  const ind = { direction: "lager-is-beter" as const, baseline: { period: "2022", value: 12 }, target: { period: "2026", value: 8 } };
  it.each([
    ["no values", [], "no-data"],
    ["target reached", [{ period: "2024", value: 7.5 }], "on-track"],
    ["ahead of the straight line", [{ period: "2024", value: 9.5 }], "on-track"],
    ["behind it", [{ period: "2024", value: 11.5 }], "off-track"],
  ] as const)("%s → %s", (_name, values, expected) => {
    expect(targetStatus(ind, values)).toBe(expected);
  });
  it("without target or with a neutral direction: no target; without baseline: the last step's direction", () => {
    expect(targetStatus({ direction: "lager-is-beter" }, [{ period: "2024", value: 1 }])).toBe("no-target");
    expect(targetStatus({ ...ind, direction: "neutraal" }, [{ period: "2024", value: 1 }])).toBe("no-target");
    const noBase = { direction: "hoger-is-beter" as const, target: { period: "2026", value: 90 } };
    expect(targetStatus(noBase, [{ period: "2023", value: 80 }, { period: "2024", value: 82 }])).toBe("on-track");
    expect(targetStatus(noBase, [{ period: "2023", value: 80 }, { period: "2024", value: 79 }])).toBe("off-track");
  });
});
