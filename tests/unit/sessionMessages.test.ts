// Proves the charts and buttons of session messages: a chart per changed indicator with its series,
// referentie- and streefwaarde and a plain alt text; at most three, significant first; in guest
// channels never an intern indicator and no small counts (fewer than two points left: no chart);
// and "Bijdrage bij andere vraag" for everyone, next to the steering buttons only where people steer;
// "Volgende vraag" carries the question it was shown at (old plain session ids still read).
import { describe, expect, it } from "vitest";
import type { IndicatorChange } from "../../src/domain/changes.ts";
import type { Indicator } from "../../src/domain/din.ts";
import type { MessageElement } from "../../src/app/messages/message.ts";
import { plainText } from "../../src/app/messages/message.ts";
import { altText, chartElements, chartFor, MAX_CHARTS, MAX_POINTS, seriesUpTo } from "../../src/app/sessions/chartElements.ts";
import { changePostMessage, questionMessage, rootMessage } from "../../src/app/sessions/messages.ts";
import type { SessionIndicator, SessionRecord } from "../../src/app/sessions/ports.ts";
import { moveButtonValue, moveRefFromValue } from "../../src/app/sessions/types.ts";
import { buildIndicator } from "../support/factories.ts";

const change = (indicator: Indicator, value: number, significant = true): IndicatorChange =>
  ({ indicatorId: indicator.id, period: "2024", value, significant }) as IndicatorChange;

const years = (values: number[], from = 2021) => values.map((value, i) => ({ period: String(from + i), value }));

const percentage = buildIndicator({ id: "jeugdhulp", name: "Jongeren met jeugdhulp", baseline: { period: "2022", value: 11 }, target: { period: "2026", value: 10 } });
const count = buildIndicator({ id: "veilig-thuis", name: "Meldingen Veilig Thuis", unit: "aantal" });
const intern = buildIndicator({ id: "wachtlijst", name: "Wachtlijst", unit: "aantal", visibility: "intern" });

const charts = (elements: MessageElement[]) => elements.flatMap((e) => (e.type === "chart" ? [e] : []));

describe("a chart per indicator", () => {
  it("draws the series with referentie- and streefwaarde, titled by the indicator, in the channel's language", () => {
    expect(chartFor({ indicator: percentage, series: years([9, 11, 10, 12]) }, "leerkring", "nl")).toEqual({
      type: "chart",
      chart: {
        title: "Jongeren met jeugdhulp",
        unit: "%",
        lang: "nl",
        points: years([9, 11, 10, 12]),
        baseline: { period: "2022", value: 11 },
        target: { period: "2026", value: 10 },
      },
      alt: "Grafiek: Jongeren met jeugdhulp, 2021 t/m 2024; referentiewaarde 11% (2022); streefwaarde 10% (2026)",
    });
    expect(chartFor({ indicator: percentage, series: years([9, 11]) }, "leerkring", "en")?.alt).toBe(
      "Chart: Jongeren met jeugdhulp, 2021 to 2022; baseline 11% (2022); target 10% (2026)",
    );
  });

  it("leaves small counts out for guests, and draws nothing from fewer than two points", () => {
    const series = years([12, 8, 20, 6]);
    expect(chartFor({ indicator: count, series }, "leerkring", "nl")?.chart.points).toEqual(series);
    const guest = chartFor({ indicator: count, series }, "gast", "nl");
    expect(guest?.chart.points).toEqual([
      { period: "2021", value: 12 },
      { period: "2023", value: 20 },
    ]);
    expect(guest?.alt).toBe("Grafiek: Meldingen Veilig Thuis, 2021 t/m 2023; waarden onder 10 weggelaten");
    expect(chartFor({ indicator: count, series: years([20, 6]) }, "gast", "nl")).toBeUndefined();
    expect(chartFor({ indicator: count, series: years([20]) }, "leerkring", "nl")).toBeUndefined();
    expect(chartFor({ indicator: count }, "leerkring", "nl")).toBeUndefined();
    // Zero is a small count too (as in the text): left out, one point remains, so no chart.
    expect(chartFor({ indicator: count, series: years([0, 12]) }, "gast", "nl")).toBeUndefined();
    expect(chartFor({ indicator: count, series: years([0, 12]) }, "leerkring", "nl")?.chart.points).toHaveLength(2);
  });

  it("hides a small referentiewaarde from guests but keeps the streefwaarde (a policy figure)", () => {
    const withSmall = { ...count, baseline: { period: "2021", value: 4 }, target: { period: "2026", value: 3 } };
    const guest = chartFor({ indicator: withSmall, series: years([12, 14]) }, "gast", "nl")?.chart;
    expect(guest?.baseline).toBeUndefined();
    expect(guest?.target).toEqual({ period: "2026", value: 3 });
    expect(chartFor({ indicator: withSmall, series: years([12, 14]) }, "leerkring", "nl")?.chart.baseline).toEqual({ period: "2021", value: 4 });
  });

  it("never draws an intern indicator in a guest channel", () => {
    expect(chartFor({ indicator: intern, series: years([50, 80]) }, "gast", "nl")).toBeUndefined();
    expect(chartFor({ indicator: intern, series: years([50, 80]) }, "digest", "nl")).toBeDefined();
  });

  it("takes the values up to the period, oldest first, at most the newest MAX_POINTS", () => {
    expect(seriesUpTo([{ period: "2024", value: 3 }, { period: "2025", value: 4 }, { period: "2022", value: 1 }], "2024")).toEqual([
      { period: "2022", value: 1 },
      { period: "2024", value: 3 },
    ]);
    const long = Array.from({ length: MAX_POINTS + 5 }, (_, i) => ({ period: `2020-W${String(i + 1).padStart(2, "0")}`, value: i }));
    expect(seriesUpTo(long, "2020-W99")).toEqual(long.slice(5));
  });

  it("says which periods an alt text covers even for quarters", () => {
    const chart = { title: "Vroegsignalen", unit: "%", lang: "nl" as const, points: [{ period: "2024-Q1", value: 50 }, { period: "2024-Q4", value: 61 }] };
    expect(altText(chart, "nl")).toBe("Grafiek: Vroegsignalen, 1e kwartaal 2024 t/m 4e kwartaal 2024");
  });
});

describe("charts in a message", () => {
  const many = [1, 2, 3, 4, 5].map((n) => buildIndicator({ id: `i${n}`, name: `Indicator ${n}` }));

  it(`are at most ${MAX_CHARTS}, the significant changes first`, () => {
    const sources = many.map((indicator, i) => ({ indicator, change: change(indicator, 1, i >= 3), series: years([1, 2]) }));
    expect(charts(chartElements(sources, "leerkring", "nl")).map((c) => c.chart.title)).toEqual(["Indicator 4", "Indicator 5", "Indicator 1"]);
  });

  it("skip an indicator without a chart and take the next", () => {
    const sources = [
      { indicator: count, change: change(count, 6), series: years([20, 6]) },
      { indicator: percentage, change: change(percentage, 12), series: years([10, 12]) },
    ];
    expect(charts(chartElements(sources, "gast", "nl")).map((c) => c.chart.title)).toEqual(["Jongeren met jeugdhulp"]);
  });

  it("come after the figures in a change post, and never show guests an intern indicator, even when handed one", () => {
    const items = [percentage, count, intern].map((indicator) => ({ indicator, change: change(indicator, 12), series: years([10, 12]) }));
    const args = { channel: "memory:gast", lang: "nl" as const, goalName: "Gezond opgroeien", items, changePostId: 7 };
    const guest = changePostMessage({ ...args, audience: "gast" });
    expect(charts(guest.elements).map((c) => c.chart.title)).toEqual(["Jongeren met jeugdhulp", "Meldingen Veilig Thuis"]);
    expect(plainText(guest)).not.toContain("Wachtlijst");
    expect(guest.elements.some((e) => e.type === "actions")).toBe(false);
    const internal = changePostMessage({ ...args, channel: "memory:leerkring", audience: "leerkring" });
    expect(internal.elements.map((e) => e.type)).toEqual(["header", "context", "indicator", "indicator", "indicator", "chart", "chart", "chart", "actions"]);
  });
});

describe("session buttons", () => {
  const indicators: SessionIndicator[] = [{ indicatorId: percentage.id, period: "2024", indicator: percentage, change: change(percentage, 12), series: years([10, 12]) }];
  const session: SessionRecord = {
    id: 12,
    dinSlug: "hilversum",
    title: "Gezond opgroeien (2024)",
    subject: { kind: "doel", id: "doel" },
    status: "open",
    current: "herkennen",
    questionSince: new Date("2025-03-03T09:00:00Z"),
    openedBy: "auto",
    openedAt: new Date("2025-03-03T09:00:00Z"),
    indicators,
    threads: [],
  };
  const counts = { herkennen: 0, verklaren: 0, waarderen: 0, verbeteren: 0 };
  const buttons = (elements: MessageElement[]) => elements.flatMap((e) => (e.type === "actions" ? e.actions.map((a) => [a.id, a.label, a.value]) : []));

  it("offer 'Bijdrage bij andere vraag' under every question, in every thread, valued with the session id", () => {
    for (const lang of ["nl", "en"] as const) {
      const message = questionMessage(session, "verklaren", { channel: "memory:gast", lang }, "next");
      expect(buttons(message.elements)).toEqual([["session.contributeOther", lang === "nl" ? "Bijdrage bij andere vraag" : "Contribute to another question", "12"]]);
    }
  });

  it("on the root: steering where people steer, contributing everywhere", () => {
    const texts = { herkennen: "", verklaren: "", waarderen: "", verbeteren: "", overall: "Samen eerder lichte hulp." };
    const revision = { version: 1, texts, actions: [], writtenBy: { key: "memory:U1", name: "Sanne" }, writtenAt: new Date("2025-03-04T09:00:00Z") };
    const draft = { sessionId: 12, status: "draft" as const, current: revision, revisions: [revision] };
    const root = (audience: "leerkring" | "gast", withDraft: boolean) =>
      buttons(rootMessage({ session, thread: { channel: "memory:x", audience, lang: "nl" }, counts, ...(withDraft ? { conclusion: draft } : {}) }).elements).map(([id]) => id);
    expect(root("leerkring", false)).toEqual(["session.next", "session.contributeOther", "session.conclude", "session.guestLink"]);
    expect(root("leerkring", true)).toEqual(["session.next", "session.contributeOther", "session.conclude", "session.adopt", "session.guestLink"]);
    expect(root("gast", true)).toEqual(["session.contributeOther"]);
    // "Gastlink maken" only when guests would see a figure, and only while the session is open.
    const ids = (s: SessionRecord) => buttons(rootMessage({ session: s, thread: { channel: "memory:x", audience: "leerkring", lang: "nl" }, counts }).elements).map(([id]) => id);
    expect(ids({ ...session, indicators: indicators.map((i) => ({ ...i, indicator: { ...i.indicator, visibility: "intern" as const } })) })).not.toContain("session.guestLink");
    expect(ids({ ...session, status: "closed" })).not.toContain("session.guestLink");
  });

  it("value 'Volgende vraag' with the session id and the question it is shown at; the other buttons with the session id", () => {
    const values = (current: SessionRecord["current"]) =>
      buttons(rootMessage({ session: { ...session, current }, thread: { channel: "memory:x", audience: "leerkring", lang: "nl" }, counts }).elements).map(([id, , value]) => [id, value]);
    expect(values("herkennen")).toEqual([
      ["session.next", "12:herkennen"],
      ["session.contributeOther", "12"],
      ["session.conclude", "12"],
      ["session.guestLink", "12"],
    ]);
    // "Vorige vraag" beside it from the second question on (same value), alone at the last; never for guests.
    expect(values("waarderen").slice(0, 2)).toEqual([
      ["session.next", "12:waarderen"],
      ["session.back", "12:waarderen"],
    ]);
    expect(values("verbeteren")).toEqual([
      ["session.back", "12:verbeteren"],
      ["session.contributeOther", "12"],
      ["session.conclude", "12"],
      ["session.guestLink", "12"],
    ]);
    const guest = buttons(rootMessage({ session: { ...session, current: "verklaren" }, thread: { channel: "memory:x", audience: "gast", lang: "nl" }, counts }).elements);
    expect(guest.map(([id]) => id)).toEqual(["session.contributeOther"]);
  });
});

describe("a session about one indicator that turned intern", () => {
  it("shows guests neither its name nor its figures; staff see both", () => {
    const nowIntern = { ...percentage, visibility: "intern" as const };
    const session: SessionRecord = {
      id: 13,
      dinSlug: "hilversum",
      title: "Jongeren met jeugdhulp (2024)",
      subject: { kind: "indicator", id: percentage.id },
      status: "open",
      current: "herkennen",
      questionSince: new Date("2025-03-03T09:00:00Z"),
      openedBy: "memory:U-fac",
      openedAt: new Date("2025-03-03T09:00:00Z"),
      indicators: [{ indicatorId: percentage.id, period: "2024", indicator: nowIntern, change: change(nowIntern, 12), series: years([10, 12]) }],
      threads: [],
    };
    const counts = { herkennen: 0, verklaren: 0, waarderen: 0, verbeteren: 0 };
    const guest = rootMessage({ session, thread: { channel: "memory:gast", audience: "gast", lang: "nl" }, counts });
    expect(JSON.stringify(guest)).not.toContain("jeugdhulp");
    expect(guest.elements[0]).toEqual({ type: "header", text: "Duiding: cijfers die niet (meer) met gasten gedeeld worden" });
    const staff = rootMessage({ session, thread: { channel: "memory:leerkring", audience: "leerkring", lang: "nl" }, counts });
    expect(staff.elements[0]).toEqual({ type: "header", text: "Duiding: Jongeren met jeugdhulp (2024)" });
    expect(JSON.stringify(staff.elements)).toContain("12%");
  });
});

describe("move button values", () => {
  it("carry the session and the question they were shown at, and read back", () => {
    expect(moveButtonValue(12, "verklaren")).toBe("12:verklaren");
    expect(moveRefFromValue("12:verklaren")).toEqual({ session: { sessionId: 12 }, from: "verklaren" });
  });

  it("still read the plain session id of messages posted before: no question, the move goes as before", () => {
    expect(moveRefFromValue("12")).toEqual({ session: { sessionId: 12 } });
  });

  it.each(["", "abc", "12:", "12:overall", "12:verklaren:x", ":verklaren", "-1"])("reject %o", (value) => {
    expect(moveRefFromValue(value)).toBeUndefined();
  });
});
