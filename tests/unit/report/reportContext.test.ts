// Proves that the report shows the municipality beside its comparison areas (table and chart lines) and
// its newest breakdown per dimension, and that the public edition's stored model holds no small
// comparison count and no suppressed cell (of any period, for the small multiples), secondary suppression included.
import { describe, expect, it } from "vitest";
import { composeReport, type ComposeInput } from "../../../src/domain/report/compose.ts";
import type { SeriesValue } from "../../../src/domain/comparison.ts";
import { chartDataOf } from "../../../src/report/document.ts";
import { indicatorPage } from "../../../src/report/indicatorPage.ts";
import { buildDin, buildIndicator } from "../../support/factories.ts";

const DIN = buildDin({
  municipality: "Huizen",
  indicators: [
    buildIndicator({ id: "duur", name: "Lange trajecten", unit: "%", compare: ["noord-holland", "nederland"] }),
    buildIndicator({ id: "meldingen", name: "Meldingen", unit: "aantal", count: true, compare: ["Laren"] }),
  ],
});
const recorded = new Date("2025-02-01T00:00:00Z");
const ctx = (indicatorId: string, period: string, value: number, extra: Partial<SeriesValue>): SeriesValue => ({ indicatorId, period, value, ...extra });
const input = (isPublic: boolean): ComposeInput => ({
  din: DIN,
  dinSlug: "huizen",
  edition: 2019,
  public: isPublic,
  cutoff: new Date("2025-04-01T00:00:00Z"),
  history: new Map([
    ["duur", [{ period: "2016", value: 14, recordedAt: recorded }, { period: "2019", value: 27.4, recordedAt: recorded }]],
    ["meldingen", [{ period: "2019", value: 60, recordedAt: recorded }]],
  ]),
  context: new Map([
    ["duur", [ctx("duur", "2016", 23.9, { area: "Noord-Holland" }), ctx("duur", "2019", 35.4, { area: "Noord-Holland" }), ctx("duur", "2016", 23, { area: "Nederland" }), ctx("duur", "2019", 32, { area: "Nederland" }), ctx("duur", "2020", 40, { area: "Nederland" })]],
    ["meldingen", [
      ctx("meldingen", "2019", 4, { area: "Laren" }),
      ctx("meldingen", "2018", 30, { dimension: "wijk", category: "Oost" }),
      ctx("meldingen", "2019", 35, { dimension: "wijk", category: "Oost" }),
      ctx("meldingen", "2019", 3, { dimension: "wijk", category: "West" }),
      ctx("meldingen", "2019", 12, { dimension: "wijk", category: "Noord" }),
      ctx("meldingen", "2019", 10, { dimension: "wijk", category: "Zuid" }),
    ]],
  ]),
  sessions: [],
});

describe("report: comparisons and breakdowns", () => {
  it("shows Huizen beside Noord-Holland and Nederland up to the edition year, in a table and as chart lines", () => {
    const model = composeReport(input(false));
    const duur = model.indicators.find((i) => i.id === "duur")!;
    expect(duur.comparisons).toEqual([
      { area: "Noord-Holland", values: [{ period: "2016", value: 23.9 }, { period: "2019", value: 35.4 }] },
      { area: "Nederland", values: [{ period: "2016", value: 23 }, { period: "2019", value: 32 }] },
    ]);
    const html = indicatorPage(duur, model, undefined, "nl");
    expect(html).toContain("<caption>Vergelijking: Lange trajecten</caption>");
    expect(html).toMatch(/<th scope="col" class="num">Huizen<\/th><th scope="col" class="num">Noord-Holland<\/th><th scope="col" class="num">Nederland<\/th>/);
    expect(html).toMatch(/<th scope="row">2019<\/th><td class="num">27,4%<\/td><td class="num">35,4%<\/td><td class="num">32%<\/td>/);
    expect(chartDataOf(duur, "nl")?.comparisons?.map((c) => c.label)).toEqual(["Noord-Holland", "Nederland"]);
  });

  it("the public model holds no small comparison count and no suppressed breakdown cell; the internal one holds all", () => {
    const pub = composeReport(input(true)).indicators.find((i) => i.id === "meldingen")!;
    expect(pub.comparisons).toEqual([{ area: "Laren", values: [{ period: "2019" }] }]);
    expect(pub.breakdowns).toEqual([
      {
        dimension: "wijk",
        period: "2019",
        cells: [{ category: "Oost", value: 35 }, { category: "West", hidden: "klein" }, { category: "Noord", value: 12 }, { category: "Zuid", hidden: "secundair" }],
        hiddenCount: 2,
      },
    ]);
    // Over time (small multiples): every period through the rule on its own; the stored model holds no hidden cell of any period.
    expect(pub.breakdownHistory?.map((b) => [b.period, b.hiddenCount])).toEqual([["2018", 0], ["2019", 2]]);
    expect(pub.breakdownHistory?.[1]).toEqual(pub.breakdowns?.[0]);
    expect(JSON.stringify(pub)).not.toMatch(/"value":(3|4|10)\b/);
    const html = indicatorPage(pub, composeReport(input(true)), undefined, "nl");
    expect(html).toContain("Uitsplitsing naar wijk (2019)");
    // The small cell and the one hidden to protect it read the same: which one is small would narrow it down.
    expect(html).toContain("<td>West</td><td class=\"num\">— niet getoond: een klein aantal, of nodig om een klein aantal te beschermen</td>");
    expect(html).toContain("<td>Zuid</td><td class=\"num\">— niet getoond: een klein aantal, of nodig om een klein aantal te beschermen</td>");
    const internal = composeReport(input(false)).indicators.find((i) => i.id === "meldingen")!;
    expect(internal.breakdowns?.[0]?.hiddenCount).toBe(0);
    expect(internal.breakdownHistory?.every((b) => b.hiddenCount === 0)).toBe(true);
    // One period only: no history, so no small multiples (the table suffices).
    const oneYear = composeReport({ ...input(true), edition: 2018 }).indicators.find((i) => i.id === "meldingen")!;
    expect(oneYear.breakdowns?.map((b) => b.period)).toEqual(["2018"]);
    expect(oneYear.breakdownHistory).toBeUndefined();
    expect(internal.comparisons?.[0]?.values).toEqual([{ period: "2019", value: 4 }]);
  });
});
