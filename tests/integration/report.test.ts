// Proves the DIN report end to end on a real database (PGlite; PostgreSQL when TEST_DATABASE_URL is
// set): the adopted duiding reaches the report with all four questions, role and perspectives but no
// name; a published edition stays byte-identical after a later import and a revised conclusion; the
// next edition attaches only what was adopted since, the revision marked as revised; the public
// edition holds no intern indicator and no small count.
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { composeEdition } from "../../src/app/report/composeEdition.ts";
import { publishEdition } from "../../src/app/report/publishEdition.ts";
import { renderEdition } from "../../src/app/report/renderEdition.ts";
import { allRuntimes, fixedClock } from "../support/db.ts";
import { cheapChartRenderer } from "../support/cheapCharts.ts";
import { adoptedDuiding, NAMES, reportDeps, reviseDuiding } from "../support/reportWorld.ts";
import { importFigures, openFreshWorld, type World } from "../support/sessionWorld.ts";

// The editions' text and bytes, not their charts (tests/integration/chartRender.test.ts, and the CLI's
// edition in tests/e2e/cliHuizen.test.ts draws real ones): a cheap renderer (issue #14).
const deps = (w: Parameters<typeof reportDeps>[0]) => reportDeps(w, cheapChartRenderer());

const START = "2025-03-03T09:00:00Z";
const text = (html: Uint8Array) => new TextDecoder().decode(html);

for (const runtime of allRuntimes()) {
  describe(`DIN report on ${runtime.name}`, () => {
    let w: World;
    let dispose: () => Promise<void>;
    const clock = fixedClock(START);
    beforeEach(async () => {
      ({ world: w, dispose } = await openFreshWorld(runtime, clock, START));
    });
    afterEach(() => dispose());

    it("shows the adopted duiding per question with role and perspective counts, and no name", async () => {
      await adoptedDuiding(w, clock);
      clock.set("2025-03-20T09:00:00Z");
      const draft = await renderEdition(deps(w), { edition: 2024, lang: "nl", public: false });
      expect(draft).toMatchObject({ status: "draft", edition: 2024, dinSlug: "hilversum" });
      const html = text((draft as { html: Uint8Array }).html);
      for (const part of ["We herkennen de stijging", "Meer aanmeldingen", "Niet goed", "Eerder inzetten", "De stijging komt door de campagne"]) expect(html).toContain(part);
      expect(html).toContain("Vastgesteld op 10 maart 2025 door een vaststeller (uitvoering).");
      expect(html).toContain("Bijdragen vanuit: adviesraad: 1 bijdrage; overig: 1 bijdrage");
      expect(html).toContain("Lichte opvoedhulp in elke wijk");
      expect(html).toContain("Terug naar voorblad");
      expect(html).toContain('<html lang="nl">');
      expect(html).not.toMatch(/<script|<link|src="http|url\(/); // self-contained
      for (const name of NAMES) expect(html).not.toContain(name);
      expect((await composeEdition(deps(w), { lang: "nl", public: false })).status).toBe("draft");
    });

    it("a published edition stays byte-identical; the next one attaches only the revision, marked revised", async () => {
      const sessionId = await adoptedDuiding(w, clock);
      clock.set("2025-04-01T09:00:00Z");
      const published = await publishEdition(deps(w), { edition: 2024, lang: "nl", public: false });
      expect(published).toMatchObject({ status: "published", edition: 2024, conclusions: 1 });
      const before = await renderEdition(deps(w), { edition: 2024, lang: "nl", public: false });
      expect(before.status).toBe("published");
      const bytes = (before as { html: Uint8Array }).html;
      expect(createHash("sha256").update(bytes).digest("hex")).toBe((published as { contentHash: string }).contentHash);
      expect(text(bytes)).not.toContain("Concept");

      // Later: a corrected figure, a new one, and a revised conclusion.
      clock.set("2025-05-01T09:00:00Z");
      await importFigures(w.s, "indicator;periode;waarde\njeugdhulp;2024;13\njeugdhulp;2025;9\n");
      await reviseDuiding(w, clock, sessionId, "2025-05-02T09:00:00Z", "Herzien: de stijging zet niet door.");
      const after = await renderEdition(deps(w), { edition: 2024, lang: "nl", public: false });
      expect(Buffer.from((after as { html: Uint8Array }).html).equals(Buffer.from(bytes))).toBe(true);
      expect(await publishEdition(deps(w), { edition: 2024, lang: "nl", public: false })).toMatchObject({ status: "already-published" });

      // The next edition: the revision only, as revised with the date of the version it replaces.
      const next = await composeEdition(deps(w), { lang: "nl", public: false });
      if (next.status !== "draft") throw new Error(next.status);
      expect(next.model.edition).toBe(2025);
      expect(next.model.previous).toEqual({ edition: 2024, cutoff: "2025-04-01T09:00:00.000Z" });
      expect(next.model.conclusions).toMatchObject([{ sessionId, version: 2, revisedFrom: { version: 1, adoptedAt: "2025-03-10T14:00:00.000Z" } }]);
      const html = text(((await renderEdition(deps(w), { lang: "nl", public: false })) as { html: Uint8Array }).html);
      expect(html).toContain("Herzien: vervangt versie 1, vastgesteld op 10 maart 2025, uit een vorige editie.");
      expect(html).toContain("Herzien: de stijging zet niet door.");
      // The correction shows as a data note in the new draft of 2024's figures.
      const redraft = await composeEdition(deps(w), { edition: 2024, lang: "en", public: false });
      if (redraft.status !== "draft") throw new Error(redraft.status);
      expect(redraft.model.cutoff).toBe("2025-04-01T09:00:00.000Z"); // the window of 2024 closed at its first publication
      expect(redraft.model.conclusions).toHaveLength(1);
    });

    it("the public edition has no intern indicator and no small count", async () => {
      await adoptedDuiding(w, clock);
      const result = await renderEdition(deps(w), { edition: 2024, lang: "nl", public: true });
      const html = text((result as { html: Uint8Array }).html);
      expect(html).toContain("Openbare editie");
      expect(html).not.toContain("Wachtlijst jeugdteam");
      expect(html).not.toContain("wachtlijst");
      // Meldingen Veilig Thuis 2024 is 6: shown as "< 10", never as the number.
      expect(html).toContain('<td class="num">&#60; 10</td>');
      expect(html).not.toMatch(/<td class="num">6<\/td>/);
      expect(html).toContain('<td class="num">20</td>');
      for (const name of NAMES) expect(html).not.toContain(name);
    });
  });
}
