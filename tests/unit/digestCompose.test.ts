// The digest's composition: sections in order, significant figures first and the rest counted, the
// guest version (no intern indicators, no small counts, no staff contributions, no steering), the
// verbeteracties window, report progress, numbered items and "empty".
import { describe, expect, it } from "vitest";
import type { IndicatorChange } from "../../src/domain/changes.ts";
import { composeDigest, conclusionKey, type DigestInput, type DigestSessionInput } from "../../src/domain/digest/compose.ts";
import { pickDigestItem } from "../../src/domain/digest/reply.ts";
import { buildDin, buildIndicator } from "../support/factories.ts";

const GOAL = "doel-gezond-opgroeien";
const OTHER = "doel-armoede";
const din = buildDin({
  opgaven: [
    { id: "opgave-kansen", name: "Kansengelijkheid" },
    { id: "opgave-bestaan", name: "Bestaanszekerheid" },
  ],
  goals: [
    { id: GOAL, name: "Kinderen groeien gezond op", opgaveId: "opgave-kansen" },
    { id: OTHER, name: "Niemand leeft in armoede", opgaveId: "opgave-bestaan" },
  ],
  indicators: [
    buildIndicator({ id: "jeugdhulp", name: "Jongeren met jeugdhulp", unit: "%", target: { period: "2026", value: 10 } }),
    buildIndicator({ id: "veilig-thuis", name: "Meldingen Veilig Thuis", unit: "aantal" }),
    buildIndicator({ id: "wachtlijst", name: "Wachtlijst jeugdteam", unit: "aantal", visibility: "intern" }),
    buildIndicator({ id: "armoede", name: "Huishoudens in armoede", unit: "%", goalId: OTHER }),
  ],
});

const change = (indicatorId: string, value: number, previous: number, extra: Partial<IndicatorChange> = {}): IndicatorChange => ({
  indicatorId,
  goalId: din.indicators.find((i) => i.id === indicatorId)!.goalId,
  period: "2024",
  value,
  kind: "new",
  previous: { period: "2023", value: previous, absolute: value - previous, relative: (value - previous) / previous, gap: false },
  assessment: value < previous ? "beter" : "slechter",
  significant: true,
  significanceReasons: ["threshold"],
  ...extra,
});

const NOW = new Date("2026-12-07T08:00:00Z");
const session = (extra: Partial<DigestSessionInput> = {}): DigestSessionInput => ({
  id: 1,
  title: "Duiding Jongeren met jeugdhulp",
  subject: { kind: "indicator", id: "jeugdhulp" },
  current: "verklaren",
  openedAt: new Date("2026-12-01T08:00:00Z"),
  indicatorIds: ["jeugdhulp"],
  counts: [
    { question: "herkennen", audience: "leerkring", count: 3 },
    { question: "herkennen", audience: "gast", count: 1 },
  ],
  channels: ["memory:leerkring", "memory:gast"],
  ...extra,
});

function input(extra: Partial<DigestInput> = {}): DigestInput {
  return {
    lang: "nl",
    channel: { key: "memory:digest", audience: "digest", scope: { opgaven: [], doelen: [], indicators: [] } },
    din,
    retired: new Set(),
    now: NOW,
    changes: [],
    late: [],
    openSessions: [],
    adopted: [],
    actions: [],
    report: { year: 2026, latestPeriods: new Map(), concluded: new Set() },
    ...extra,
  };
}

const text = (d: ReturnType<typeof composeDigest>) => d.sections.map((s) => [s.title, ...s.lines].join("\n")).join("\n\n");

describe("composeDigest", () => {
  it("lists significant figures per opgave › doel with tone and target crossing, and counts the rest", () => {
    const d = composeDigest(
      input({
        changes: [
          change("jeugdhulp", 9.5, 12, { target: { period: "2026", value: 10, distance: -0.5, reached: true, crossing: "reached" } }),
          change("veilig-thuis", 21, 20, { significant: false, significanceReasons: [] }),
          change("armoede", 7.1, 7, { significant: false, significanceReasons: [] }),
        ],
      }),
    );
    expect(d.sections[0]?.kind).toBe("figures");
    expect(d.sections[0]?.lines).toEqual([
      "[1] Kansengelijkheid › Kinderen groeien gezond op",
      expect.stringMatching(/^ {3}🟢 Jongeren met jeugdhulp: 9,5% \(2024\) · ▼ -2,5 procentpunt t\.o\.v\. 2023 · streefwaarde 10% \(2026\) gehaald ✓ \(nieuw\)$/),
      "   + 1 andere wijziging zonder grote verschuiving",
      "+ 1 kleinere wijziging bij 1 ander doel",
    ]);
    expect(d.items).toEqual([{ n: 1, subject: { kind: "doel", id: GOAL }, label: "Kinderen groeien gezond op" }]);
    expect(d.summary).toBe("Weekoverzicht: 3 nieuwe cijfers");
    expect(d.empty).toBe(false);
  });

  it("gives guests no intern indicator, no small count and no staff contributions or steering", () => {
    const guest = { key: "memory:gast", audience: "gast" as const, scope: { opgaven: [], doelen: [], indicators: [] } };
    const all = input({
      changes: [change("wachtlijst", 80, 50), change("veilig-thuis", 6, 20), change("jeugdhulp", 12, 10)],
      late: [{ indicatorId: "wachtlijst", goalId: GOAL, frequency: "jaarlijks", duePeriod: "2025", dueSince: NOW, daysOverdue: 3, periodsOverdue: 1 }],
      openSessions: [session(), session({ id: 2, title: "Duiding Wachtlijst", subject: { kind: "indicator", id: "armoede" }, indicatorIds: ["armoede"], channels: ["memory:leerkring"] })],
      actions: [{ title: "Duiding jeugdhulp", indicatorIds: ["jeugdhulp"], text: "Gesprek met GGD", owner: "Sanne", due: "2026-12-10", status: "open" }],
      report: { year: 2026, latestPeriods: new Map([["jeugdhulp", "2024"]]), concluded: new Set([conclusionKey("jeugdhulp", "2024")]) },
    });
    const staff = text(composeDigest(all));
    expect(staff).toContain("Wachtlijst jeugdteam");
    expect(staff).toContain("Meldingen Veilig Thuis: 6 (2024)");
    expect(staff).toContain("herkennen 4");
    expect(staff).toContain("Gesprek met GGD — Sanne");
    expect(staff).toContain("1 van 4 indicatoren");

    const d = composeDigest({ ...all, channel: guest });
    const shown = text(d);
    expect(shown).not.toContain("Wachtlijst");
    expect(shown).not.toContain("Veilig Thuis");
    expect(shown).toContain("Jongeren met jeugdhulp: 12% (2024)");
    expect(shown).toContain("bijdragen herkennen 1"); // the guest's own, not the three of staff
    expect(shown).not.toContain("Duiding Wachtlijst"); // a session without a thread in the guest channel
    expect(shown).not.toContain("Sanne");
    expect(d.sections.map((s) => s.kind)).toEqual(["figures", "open"]);
  });

  it("puts sessions waiting for a conclusion or adoption apart, with the number their subject has", () => {
    const d = composeDigest(
      input({
        openSessions: [
          session(),
          session({ id: 2, title: "Duiding armoede", subject: { kind: "doel", id: OTHER }, indicatorIds: ["armoede"], current: "verbeteren" }),
          session({ id: 3, title: "Duiding veilig", subject: { kind: "indicator", id: "veilig-thuis" }, indicatorIds: ["veilig-thuis"], conclusion: "draft" }),
        ],
        changes: [change("armoede", 9, 7)],
      }),
    );
    expect(d.sections.map((s) => s.kind)).toEqual(["figures", "open", "waiting", "report"]);
    expect(d.sections[1]?.lines[0]).toBe("[2] Duiding Jongeren met jeugdhulp · vraag: Verklaren · 6 dagen open");
    // The doel of the figures and the session about it share number 1.
    expect(d.sections[2]?.lines).toEqual(["[1] Duiding armoede: conclusie nog te schrijven", "[3] Duiding veilig: conclusie wacht op vaststelling"]);
    expect(d.items.map((i) => i.n)).toEqual([1, 2, 3]);
  });

  it("lists open and bezig verbeteracties due within two weeks or overdue, not later, gereed or vervallen ones", () => {
    type Status = "open" | "bezig" | "gereed" | "vervallen" | "done";
    const action = (due: string, status: Status = "open") => ({ title: "Duiding jeugdhulp", indicatorIds: ["jeugdhulp"], text: `actie ${due} ${status}`, owner: "Kim", due, status });
    const d = composeDigest(
      input({ actions: [action("2026-12-21"), action("2026-12-22"), action("2026-11-30"), action("2026-12-01", "done"), action("2026-12-02", "gereed"), action("2026-12-03", "vervallen"), action("2026-12-04", "bezig")] }),
    );
    const lines = d.sections.find((s) => s.kind === "actions")?.lines;
    expect(lines).toEqual([
      "⚠️ actie 2026-11-30 open — Kim, uiterlijk 30 november 2026 (over tijd) · Duiding jeugdhulp",
      "⚠️ actie 2026-12-04 bezig — Kim, uiterlijk 4 december 2026 (over tijd) · Duiding jeugdhulp",
      "actie 2026-12-21 open — Kim, uiterlijk 21 december 2026 · Duiding jeugdhulp",
    ]);
  });

  it("is empty when only late figures and report progress remain, and caps long sections", () => {
    const late = Array.from({ length: 3 }, (_, i) => ({ indicatorId: "jeugdhulp", goalId: GOAL, frequency: "jaarlijks" as const, duePeriod: "2025", dueSince: NOW, daysOverdue: i, periodsOverdue: 1 }));
    const d = composeDigest(input({ late }));
    expect(d.empty).toBe(true);
    expect(d.summary).toBe("Weekoverzicht: niets nieuws");
    const many = composeDigest(input({ openSessions: Array.from({ length: 6 }, (_, i) => session({ id: i, subject: { kind: "indicator", id: `x${i}` } })) }));
    expect(many.sections.find((s) => s.kind === "open")?.lines).toHaveLength(8);
    expect(many.sections.find((s) => s.kind === "open")?.lines.at(-1)).toBe("… en nog 5");
  });

  it("heads with the stelselindicatoren's arrows in words; guests get no intern one and no arrow of a small count; no news by itself", () => {
    const stelselDin = {
      ...din,
      indicators: din.indicators.map((i) => (["jeugdhulp", "veilig-thuis", "wachtlijst", "armoede"].includes(i.id) ? { ...i, stelsel: true } : i)),
    };
    const stelsel = new Map([
      ["jeugdhulp", [{ period: "2023", value: 10 }, { period: "2024", value: 12 }]],
      ["veilig-thuis", [{ period: "2023", value: 30 }, { period: "2024", value: 8 }]],
      ["wachtlijst", [{ period: "2023", value: 40 }, { period: "2024", value: 30 }]],
      ["armoede", [{ period: "2024", value: 7 }]],
    ]);
    const staff = composeDigest(input({ din: stelselDin, stelsel }));
    expect(staff.sections[0]).toEqual({
      kind: "stelsel",
      title: "Stelselindicatoren",
      lines: [
        "▲ Jongeren met jeugdhulp — gestegen, slechter (2024 t.o.v. 2023)",
        "▼ Meldingen Veilig Thuis — gedaald, beter (2024 t.o.v. 2023)",
        "▼ Wachtlijst jeugdteam — gedaald, beter (2024 t.o.v. 2023)",
      ],
    });
    expect(staff.empty).toBe(true);
    const guest = composeDigest(input({ din: stelselDin, stelsel, channel: { key: "memory:gast", audience: "gast", scope: { opgaven: [], doelen: [], indicators: [] } } }));
    expect(guest.sections.find((s) => s.kind === "stelsel")?.lines).toEqual(["▲ Jongeren met jeugdhulp — gestegen, slechter (2024 t.o.v. 2023)"]);
    expect(composeDigest(input({ din: stelselDin, stelsel, lang: "en" })).sections[0]?.lines[0]).toBe("▲ Jongeren met jeugdhulp — up, worse (2024 vs 2023)");
    expect(composeDigest(input({ stelsel })).sections.find((s) => s.kind === "stelsel")).toBeUndefined();
  });

  it("speaks English", () => {
    const d = composeDigest(input({ lang: "en", openSessions: [session()] }));
    expect(d.title).toBe("Weekly digest 7 December 2026");
    expect(d.sections[0]?.lines[0]).toBe("[1] Duiding Jongeren met jeugdhulp · question: Explain · open 6 days");
    expect(d.howTo).toContain("Reply in this thread");
  });
});

describe("pickDigestItem", () => {
  const items = [
    { n: 1, subject: { kind: "doel" as const, id: GOAL }, label: "Kinderen groeien gezond op" },
    { n: 2, subject: { kind: "indicator" as const, id: "jeugdhulp" }, label: "Duiding Jongeren met jeugdhulp" },
  ];
  it.each([
    ["2: dit herkennen we", 2, "dit herkennen we"],
    ["[1] klopt", 1, "klopt"],
    ["1. zo is het", 1, "zo is het"],
    ["Over jeugdhulp: de wachttijd speelt mee", 2, "Over jeugdhulp: de wachttijd speelt mee"],
    ["kinderen groeien gezond op, dat zien we ook", 1, "kinderen groeien gezond op, dat zien we ook"],
  ])("reads %j as item %i", (text, n, rest) => {
    expect(pickDigestItem(text, items)).toEqual({ ok: true, item: items[n - 1], text: rest });
  });
  it.each(["#2 verklaren we zo", "3: bestaat niet", "1:", "goed bezig allemaal", "jeugdhulp en kinderen groeien gezond op"])("does not guess for %j", (text) => {
    expect(pickDigestItem(text, items)).toEqual({ ok: false });
  });
});
