// Proves that the trend words reach every face through the one function (trend.ts): the change post in
// a channel (and the session root), `duidbot indicator` and the report's indicator page. The web
// indicator page is covered in tests/e2e/webWorkspace.test.ts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderEdition } from "../../src/app/report/renderEdition.ts";
import { postChanges } from "../../src/app/sessions/index.ts";
import { presentIndicator } from "../../src/cli/indicator.ts";
import { fixedClock, memoryRuntime } from "../support/db.ts";
import { cheapChartRenderer } from "../support/cheapCharts.ts";
import { reportDeps } from "../support/reportWorld.ts";
import { GAST, importFigures, LEERKRING, openFreshWorld, type World } from "../support/sessionWorld.ts";

const START = "2025-03-03T09:00:00Z";
// jeugdhulp: lager-is-beter, referentiewaarde 11% (2022), streefwaarde 10% (2026); rising three years.
const HISTORY = "indicator;periode;waarde\njeugdhulp;2021;8\njeugdhulp;2022;9\nveilig-thuis;2021;30\nveilig-thuis;2022;25\n";
const WORDS = "stijgt al 3 jaar";
const PACE = "streefwaarde 10% (2026) niet meer gehaald, op dit tempo niet gehaald in 2026";
const BASELINE = "1 procentpunt boven referentiewaarde 11% (2022)";

describe("trend words on every face", () => {
  const clock = fixedClock(START);
  let w: World;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ world: w, dispose } = await openFreshWorld(memoryRuntime, clock, START));
    await importFigures(w.s, HISTORY);
  });
  afterEach(() => dispose());

  it("in the change post (session root) for staff and guests, in `duidbot indicator` and in the report", async () => {
    const imported = await importFigures(w.s);
    const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
    expect(posted.status).toBe("posted");
    await w.dispatch();
    const staff = w.chat.textIn(LEERKRING);
    expect(staff).toContain(`Jongeren met jeugdhulp: 12% (2024) · ▲ +2 procentpunt t.o.v. 2023 · ${WORDS} · ${PACE} · ${BASELINE}`);
    // veilig-thuis fell 30 → 25 → 20 → 6: guests see "< 10", so no words about its run either.
    expect(staff).toContain("daalt al 3 jaar");
    const guests = w.chat.textIn(GAST);
    expect(guests).toContain(WORDS);
    expect(guests).not.toContain("daalt al");

    const cli = await presentIndicator(w.s, "jeugdhulp", "nl");
    expect(cli).toContain(`trend: ${WORDS} · op dit tempo niet gehaald in 2026 · ${BASELINE}`);
    expect(await presentIndicator(w.s, "jeugdhulp", "en")).toContain("trend: rising for 3 years · at this pace not reached by 2026 · 1 percentage point above baseline 11% (2022)");

    clock.set("2025-03-20T09:00:00Z");
    const draft = await renderEdition(reportDeps(w, cheapChartRenderer()), { edition: 2024, lang: "nl", public: true });
    const html = new TextDecoder().decode((draft as { html: Uint8Array }).html);
    expect(html).toContain(`<p class="trend">${WORDS} · op dit tempo niet gehaald in 2026 · ${BASELINE}</p>`);
    // The public edition hides 6 (< 10): its page says nothing of the fall that ends there.
    expect(html).not.toContain("daalt al");
  });
});
