// Proves the stelselindicatoren: per opgave its headline indicators with an arrow (direction and tone, flat
// under 1%), no arrow where a small number would be given away, and the voorblad showing them with symbol
// and words (not colour alone), public editions included.
import { describe, expect, it } from "vitest";
import type { PeriodValue } from "../../src/domain/din.ts";
import { composeReport, type ComposeInput } from "../../src/domain/report/compose.ts";
import { arrowOf, stelselArrows } from "../../src/domain/stelsel.ts";
import { voorblad } from "../../src/report/voorblad.ts";
import { buildDin, buildIndicator } from "../support/factories.ts";

const series = (entries: Record<string, number>): PeriodValue[] => Object.entries(entries).map(([period, value]) => ({ period, value }));

const DIN = buildDin({
  opgaven: [
    { id: "kansen", name: "Kansengelijkheid" },
    { id: "bestaan", name: "Bestaanszekerheid" },
  ],
  goals: [
    { id: "opgroeien", name: "Gezond opgroeien", opgaveId: "kansen" },
    { id: "middelen", name: "Voldoende middelen", opgaveId: "bestaan" },
  ],
  indicators: [
    buildIndicator({ id: "jeugd", name: "Jongeren met jeugdhulp", goalId: "opgroeien", direction: "lager-is-beter", stelsel: true }),
    buildIndicator({ id: "meldingen", name: "Meldingen", goalId: "opgroeien", unit: "aantal", count: true, stelsel: true }),
    buildIndicator({ id: "school", name: "Schoolverlaters", goalId: "opgroeien" }),
    buildIndicator({ id: "schulden", name: "Huishoudens met schulden", goalId: "middelen", direction: "lager-is-beter" }),
  ],
});

describe("arrowOf", () => {
  it("direction and tone from the newest value against the one before it", () => {
    const lower = buildIndicator({ direction: "lager-is-beter" });
    expect(arrowOf(lower, series({ "2024": 10, "2023": 12 }))).toEqual({ direction: "down", tone: "good", period: "2024", from: "2023" });
    expect(arrowOf(lower, series({ "2023": 10, "2024": 12 }))).toMatchObject({ direction: "up", tone: "bad" });
    expect(arrowOf(buildIndicator({ direction: "neutraal" }), series({ "2023": 10, "2024": 12 }))).toMatchObject({ direction: "up", tone: "neutral" });
    expect(arrowOf(lower, series({ "2023": 10, "2024": 10.05 }))).toMatchObject({ direction: "flat", tone: "neutral" });
    expect(arrowOf(lower, series({ "2024": 10 }))).toBeUndefined();
  });

  it("no arrow for an external audience when either value is a hidden small number", () => {
    const count = buildIndicator({ unit: "aantal", count: true });
    expect(arrowOf(count, series({ "2023": 20, "2024": 6 }), "extern")).toBeUndefined();
    expect(arrowOf(count, series({ "2023": 6, "2024": 20 }), "extern")).toBeUndefined();
    expect(arrowOf(count, series({ "2023": 6, "2024": 20 }), "intern")).toMatchObject({ direction: "up" });
  });
});

describe("stelselArrows (for the voorblad and the weekly digest)", () => {
  it("lists per opgave only its stelselindicatoren, in DIN order, and leaves out opgaven without any", () => {
    const values = new Map([
      ["jeugd", series({ "2023": 12, "2024": 11 })],
      ["meldingen", series({ "2023": 20, "2024": 6 })],
      ["school", series({ "2023": 2, "2024": 3 })],
    ]);
    expect(stelselArrows(DIN, values)).toEqual([
      {
        opgaveId: "kansen",
        opgaveName: "Kansengelijkheid",
        indicators: [
          { indicatorId: "jeugd", name: "Jongeren met jeugdhulp", arrow: { direction: "down", tone: "good", period: "2024", from: "2023" } },
          { indicatorId: "meldingen", name: "Meldingen", arrow: { direction: "down", tone: "good", period: "2024", from: "2023" } },
        ],
      },
    ]);
    expect(stelselArrows(DIN, values, "extern")[0]!.indicators[1]).toEqual({ indicatorId: "meldingen", name: "Meldingen" });
  });
});

describe("voorblad", () => {
  const recorded = new Date("2025-02-01T00:00:00Z");
  const input = (isPublic: boolean): ComposeInput => ({
    din: DIN,
    dinSlug: "hilversum",
    edition: 2024,
    public: isPublic,
    cutoff: new Date("2025-04-01T00:00:00Z"),
    history: new Map([
      ["jeugd", [{ period: "2023", value: 12, recordedAt: recorded }, { period: "2024", value: 13, recordedAt: recorded }]],
      ["meldingen", [{ period: "2023", value: 20, recordedAt: recorded }, { period: "2024", value: 6, recordedAt: recorded }]],
    ]),
    sessions: [],
  });

  it("shows the stelselindicatoren at their opgave with symbol and words", () => {
    const html = voorblad(composeReport(input(false)), "nl");
    expect(html).toContain('<h4>Stelselindicatoren</h4>');
    expect(html).toContain('<a href="#indicator-jeugd">Jongeren met jeugdhulp</a>: <span class="mark arrow-bad"><span aria-hidden="true">▲</span> gestegen, slechter</span> (2024 t.o.v. 2023)');
    expect(html).toContain('<a href="#indicator-meldingen">Meldingen</a>: <span class="mark arrow-good"><span aria-hidden="true">▼</span> gedaald, beter</span>');
    expect(voorblad(composeReport(input(false)), "en")).toContain("▲</span> up, worse</span> (2024 vs 2023)");
    // Only Kansengelijkheid has stelselindicatoren.
    expect(html.match(/Stelselindicatoren/g)).toHaveLength(1);
  });

  it("a public edition gives no arrow for a hidden small number", () => {
    const html = voorblad(composeReport(input(true)), "nl");
    expect(html).toContain('<a href="#indicator-meldingen">Meldingen</a>: nog geen vergelijking');
    expect(html).toContain("gestegen, slechter");
  });
});
