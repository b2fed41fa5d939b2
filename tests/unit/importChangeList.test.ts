// The web import page's list of changes (adapters/web/workspace/importPage.ts): the news of an import
// (the newest period per indicator and every correction), at most MAX_SHOWN_CHANGES, with how many there
// were; a backfill of 50,000 values is no page of megabytes.
import { describe, expect, it } from "vitest";
import { changeList, MAX_SHOWN_CHANGES } from "../../adapters/web/workspace/importPage.ts";
import type { IndicatorChange } from "../../src/domain/changes.ts";
import { buildIndicator } from "../support/factories.ts";

const ctx = { lang: "nl" as const, path: "/import", isAdmin: false, csrf: "x" };
const indicators = new Map(Array.from({ length: 80 }, (_, i) => [`ind-${i}`, buildIndicator({ id: `ind-${i}`, name: `Indicator ${i}` })]));
const change = (i: number): IndicatorChange => ({ indicatorId: `ind-${i}`, goalId: "doel", period: "2024", value: i, kind: "new", significant: false, significanceReasons: [] });

describe("the import page's changes", () => {
  it("lists every change of a small import, without a count line", () => {
    const page = changeList(ctx, { news: [change(1), change(2)], changeCount: 2 }, indicators).toString();
    expect(page.match(/<li>/g)).toHaveLength(2);
    expect(page).toContain("Indicator 1: <strong>");
    expect(page).not.toContain("van de");
    expect(page).not.toContain("niet getoond");
  });

  it("says how many of all changes are news, and shows at most MAX_SHOWN_CHANGES of them", () => {
    const news = Array.from({ length: 70 }, (_, i) => change(i));
    const page = changeList(ctx, { news, changeCount: 700 }, indicators).toString();
    expect(page).toContain("De nieuwste periode per indicator en elke correctie: 70 van de 700 veranderingen.");
    expect(page.match(/<li>/g)).toHaveLength(MAX_SHOWN_CHANGES);
    expect(page).toContain(`… en nog ${70 - MAX_SHOWN_CHANGES}, niet getoond.`);
    expect(changeList({ ...ctx, lang: "en" }, { news, changeCount: 700 }, indicators).toString()).toContain("70 of the 700 changes");
  });

  it("shows nothing for an import without changes", () => {
    expect(changeList(ctx, { news: [], changeCount: 0 }, indicators).toString()).toBe("");
  });
});
