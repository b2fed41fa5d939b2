/**
 * Proves that a change post shows the municipality beside its comparison areas (the DIN's compare:)
 * in the text and as extra chart lines, that comparison rows alone never post, and that guests see a
 * small comparison count as "< 10" and not in the chart.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyConfig, postChanges } from "../../src/app/sessions/index.ts";
import { runAction } from "../../src/app/commands/runAction.ts";
import { rerenderForGuests } from "../../src/app/sessions/rerenderForGuests.ts";
import type { Services } from "../../src/main/services.ts";
import { fixedClock, memoryRuntime } from "../support/db.ts";
import { CONFIG, DIN, GAST, importFigures, LEERKRING, openFreshWorld, type World } from "../support/sessionWorld.ts";

const COMPARING = {
  ...DIN,
  indicators: DIN.indicators.map((i) =>
    i.id === "jeugdhulp" ? { ...i, compare: ["nederland", "Noord-Holland", "Utrecht"] } : i.id === "veilig-thuis" ? { ...i, compare: ["Laren"] } : i,
  ),
};
const POSTS_ONLY = { ...CONFIG, channels: CONFIG.channels.map((c) => ({ ...c, autoStart: false })) };
const FIGURES =
  "indicator;periode;waarde;gebied\n" +
  "jeugdhulp;2023;10;\njeugdhulp;2024;12;\njeugdhulp;2023;9,5;Nederland\njeugdhulp;2024;9;Nederland\njeugdhulp;2024;11;Noord-Holland\n" +
  "veilig-thuis;2023;30;\nveilig-thuis;2024;45;\nveilig-thuis;2023;12;Laren\nveilig-thuis;2024;4;Laren\n";

describe("change posts with comparison areas (memory)", () => {
  const clock = fixedClock("2025-03-03T09:00:00Z");
  let w: World<Services>;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ world: w, dispose } = await openFreshWorld(memoryRuntime, clock, "2025-03-03T09:00:00Z", async (s) => {
      await s.dins.saveDinVersion(COMPARING, { fileName: "din.yaml", contentHash: "compare" });
    }));
    await applyConfig(w.s, { config: POSTS_ONLY });
  });
  afterEach(() => dispose());

  const postsOf = (channel: string) => w.chat.postsIn(channel).map((p) => p.current);

  it("shows the areas beside the figure, says a different movement, and draws them in the chart; guests see small comparison counts hidden", async () => {
    const imported = await importFigures(w.s, FIGURES);
    expect(imported.contextCount).toBe(5);
    expect(imported.changes.map((c) => c.indicatorId).sort()).toEqual(["jeugdhulp", "jeugdhulp", "veilig-thuis", "veilig-thuis"]);
    const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
    expect(posted.status).toBe("posted");
    await w.dispatch();

    const staff = JSON.stringify(postsOf(LEERKRING));
    expect(staff).toContain("12% (2024; Nederland 9%, Noord-Holland 11%)");
    expect(staff).toContain("anders dan Nederland: daar daalde het (-0,5 procentpunt)");
    expect(staff).toContain("45 (2024; Laren 4)");
    const chart = postsOf(LEERKRING).flatMap((m) => m.elements).find((e) => e.type === "chart" && e.chart.title === "Jongeren met jeugdhulp");
    expect(chart?.type === "chart" ? chart.chart.comparisons?.map((c) => c.label) : undefined).toEqual(["Nederland", "Noord-Holland"]);

    const guest = JSON.stringify(postsOf(GAST));
    expect(guest).toContain("45 (2024; Laren < 10)");
    expect(guest).not.toContain("anders dan Laren");
    const guestChart = postsOf(GAST).flatMap((m) => m.elements).find((e) => e.type === "chart" && e.chart.title === "Meldingen Veilig Thuis");
    expect(guestChart?.type === "chart" ? guestChart.chart.comparisons?.flatMap((c) => c.points.map((p) => p.value)) : undefined).toEqual([12]);
  });

  it("answers the Uitsplitsing button with a table: guests get small cells and the cell that would give one away hidden, staff every cell", async () => {
    const imported = await importFigures(w.s, FIGURES);
    // The breakdown arrives apart (it is never announced by itself) before the announcement goes out.
    const cells = await importFigures(w.s, "indicator;periode;waarde;dimensie;categorie\nveilig-thuis;2024;25;wijk;Oost\nveilig-thuis;2024;4;wijk;West\nveilig-thuis;2024;16;wijk;Noord\n");
    expect(cells).toMatchObject({ contextCount: 3, changes: [] });
    const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
    if (posted.status !== "posted") throw new Error(posted.status);
    await w.dispatch();
    const buttonIn = (channel: string) =>
      postsOf(channel).flatMap((m) => m.elements).flatMap((e) => (e.type === "actions" ? e.actions : [])).find((a) => a.id === "indicator.breakdown");
    const guestButton = buttonIn(GAST);
    expect(guestButton?.label).toBe("Uitsplitsing");
    expect(buttonIn(LEERKRING)?.value).toMatch(/^\d+:veilig-thuis$/);

    // Each channel's post has its own button value (its change post).
    const click = (channel: string, eventId: string) =>
      runAction(w.s, { eventId, actor: { user: { key: "u1", name: "U" }, channel }, actionId: "indicator.breakdown", value: buttonIn(channel)!.value, lang: "nl" });
    expect(await click(GAST, "e1")).toMatchObject({ kind: "result", result: { status: "breakdown-posted" }, quiet: true });
    expect(await click(GAST, "e1")).toMatchObject({ result: { status: "duplicate" } });
    await click(LEERKRING, "e2");
    const other = await runAction(w.s, { eventId: "e4", actor: { user: { key: "u1", name: "U" }, channel: GAST }, actionId: "indicator.breakdown", value: "999:veilig-thuis", lang: "nl" });
    expect(other).toMatchObject({ result: { status: "not-found" } });
    await w.dispatch();
    const table = (channel: string) => postsOf(channel).find((m) => m.summary === "Uitsplitsing: Meldingen Veilig Thuis");
    const facts = (channel: string) => table(channel)!.elements.flatMap((e) => (e.type === "facts" ? e.facts : []));
    expect(facts(GAST)).toEqual([{ label: "Oost", value: "25" }, { label: "West", value: "niet getoond" }, { label: "Noord", value: "niet getoond" }]);
    expect(JSON.stringify(table(GAST))).toContain("Aantallen onder 10 worden niet getoond");
    expect(table(GAST)!.elements).toContainEqual({ type: "text", title: "Naar wijk (2024)", text: "Totaal: 45" });
    expect(facts(LEERKRING)).toEqual([{ label: "Oost", value: "25" }, { label: "West", value: "4" }, { label: "Noord", value: "16" }]);

    // A stricter DIN before a guest breakdown is sent: rendered again under the new limit; intern: withdrawn.
    const changePostId = Number(buttonIn(GAST)!.value.split(":")[0]);
    const row = { kind: "post" as const, guest: { din: "hilversum", shows: [], source: { kind: "breakdown" as const, changePostId, indicatorId: "veilig-thuis" } } };
    const stricter = (change: object) => ({ ...COMPARING, indicators: COMPARING.indicators.map((i) => (i.id === "veilig-thuis" ? { ...i, ...change } : i)) });
    await w.s.dins.saveDinVersion(stricter({ smallNumbers: 20 }), { fileName: "din.yaml", contentHash: "stricter" });
    const again = await rerenderForGuests(w.s, row);
    expect(again?.elements.flatMap((e) => (e.type === "facts" ? e.facts : []))).toEqual([{ label: "Oost", value: "25" }, { label: "West", value: "niet getoond" }, { label: "Noord", value: "niet getoond" }]);
    // Rendered under the new limit (every hidden cell reads the same, so the explanation shows it).
    expect(JSON.stringify(again)).toContain("Aantallen onder 20 worden niet getoond");
    await w.s.dins.saveDinVersion(stricter({ visibility: "intern" }), { fileName: "din.yaml", contentHash: "intern" });
    expect(await rerenderForGuests(w.s, row)).toBeUndefined();
  });

  it("posts nothing for an import of comparison figures alone", async () => {
    await importFigures(w.s, "indicator;periode;waarde\njeugdhulp;2023;10\n");
    const only = await importFigures(w.s, "indicator;periode;waarde;gebied\njeugdhulp;2024;9;Nederland\n");
    expect(only).toMatchObject({ newCount: 0, contextCount: 1, changes: [] });
  });
});
