// Proves the DIN and measurement stores on PGlite and PostgreSQL: idempotent DIN import, versions with
// retired indicators, atomic measurement imports, corrections kept as history, and stored changes.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importDin } from "../../src/app/din/importDin.ts";
import { importMeasurements, type ImportMeasurementsResult } from "../../src/app/measurements/importMeasurements.ts";
import { listChanges } from "../../src/app/measurements/listChanges.ts";
import { fixedClock, testRuntimes } from "../support/db.ts";

const fixtures = path.join(import.meta.dirname, "..", "fixtures");
const fixture = (name: string) => readFile(path.join(fixtures, name), "utf8");

function ok<T extends ImportMeasurementsResult>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.file}:${i.line}: ${i.field}: ${i.message}`).join("\n"));
  return result as Extract<T, { ok: true }>;
}

for (const runtime of testRuntimes()) {
  describe(`store on ${runtime.name}`, () => {
    let s: Awaited<ReturnType<typeof runtime.open>>;
    const clock = fixedClock("2025-03-01T10:00:00Z");
    beforeEach(async () => {
      s = await runtime.open(clock);
    });
    afterEach(async () => {
      await s.dispose();
    });

    const csv = (text: string, fileName = "metingen.csv") =>
      importMeasurements(s, { source: { kind: "file", text, fileName }, via: "cli" });
    const indicatorRowId = async (slug: string) => (await s.db.prisma.indicator.findFirstOrThrow({ where: { slug } })).id;

    it("imports a DIN once: the same file again changes nothing", async () => {
      const text = await fixture("din-2024.yaml");
      const first = await importDin(s, { text, fileName: "din-2024.yaml" });
      expect(first).toMatchObject({ ok: true, status: "created", year: 2024, slug: "teststad" });
      const again = await importDin(s, { text: `# reformatted\n${text}`, fileName: "din-2024.yaml" });
      expect(again).toMatchObject({ ok: true, status: "unchanged" });
      expect(await s.db.prisma.dinVersion.count()).toBe(1);
      expect(await s.db.prisma.indicator.count()).toBe(3);
      // Written and read on the driver: the import time comes back as the instant it was (UTC), as Prisma reads it.
      const [version] = (await s.dins.loadDin())!.versions;
      const row = await s.db.prisma.dinVersion.findFirstOrThrow();
      expect(version!.importedAt.toISOString()).toBe(row.importedAt.toISOString());
      expect(Math.abs(version!.importedAt.getTime() - Date.now())).toBeLessThan(10 * 60_000);
    });

    it("keeps history across DIN versions: retired indicators stay readable", async () => {
      await importDin(s, { text: await fixture("din-2024.yaml"), fileName: "din-2024.yaml" });
      await csv(await fixture("metingen.csv"));
      const next = await importDin(s, { text: await fixture("din-2025.yaml"), fileName: "din-2025.yaml" });
      expect(next).toMatchObject({ ok: true, status: "created", year: 2025, added: ["schoolverzuim"], retired: ["jeugdhulp-lang"] });
      const din = await s.dins.loadDin();
      expect(din?.latest.year).toBe(2025);
      expect(din?.versions.map((v) => v.year)).toEqual([2024, 2025]);
      const retired = din?.indicators.find((i) => i.indicator.id === "jeugdhulp-lang");
      expect(retired).toMatchObject({ retired: true, firstYear: 2024, lastYear: 2024 });
      expect(retired?.indicator.name).toBe("Jeugdhulptrajecten langer dan een jaar");
      expect((await s.measurements.history("teststad", "jeugdhulp-lang")).map((h) => h.value)).toEqual([12, 8]);
      // The newest definition wins for indicators in both versions.
      expect(din?.indicators.find((i) => i.indicator.id === "betalingsachterstand")?.indicator.target?.period).toBe("2027");
    });

    it("imports figures, then a re-import of the same file writes nothing", async () => {
      await importDin(s, { text: await fixture("din-2024.yaml"), fileName: "din-2024.yaml" });
      const text = await fixture("metingen.csv");
      const first = ok(await csv(text));
      expect(first).toMatchObject({ newCount: 7, correctionCount: 0, unchangedCount: 0 });
      expect(await s.db.prisma.measurement.count({ where: { figureChanged: true } })).toBe(7);
      const again = ok(await csv(text));
      expect(again).toMatchObject({ newCount: 0, correctionCount: 0, unchangedCount: 7 });
      expect(again.importId).toBeUndefined();
      expect(await s.db.prisma.measurement.count()).toBe(7);
      expect(await s.db.prisma.measurementImport.count()).toBe(1);
      const stored = await s.db.prisma.measurement.findFirst({ where: { period: "2024", indicatorId: await indicatorRowId("betalingsachterstand") } });
      expect(stored).toMatchObject({ value: 6.4, note: "daling; na campagne", origin: "metingen.csv:4", source: "CBS" });
    });

    it("writes nothing when one row is invalid, and names the row", async () => {
      await importDin(s, { text: await fixture("din-2024.yaml"), fileName: "din-2024.yaml" });
      const text = "indicator;periode;waarde\nbetalingsachterstand;2023;7,6\nbetalingsachterstnd;2024;6,4\n";
      const result = await csv(text, "fout.csv");
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({ file: "fout.csv", line: 3 });
      expect(result.issues[0]?.message).toContain('"betalingsachterstand"');
      expect(await s.db.prisma.measurement.count()).toBe(0);
      expect(await s.db.prisma.measurementImport.count()).toBe(0);
    });

    it("keeps the old value as history when a value is corrected, and records the correction as a change", async () => {
      await importDin(s, { text: await fixture("din-2024.yaml"), fileName: "din-2024.yaml" });
      ok(await csv(await fixture("metingen.csv")));
      clock.set("2025-04-01T09:00:00Z");
      const result = ok(await csv("indicator;periode;waarde\nbetalingsachterstand;2024;7,9\n", "correctie.csv"));
      expect(result).toMatchObject({ newCount: 0, correctionCount: 1 });
      expect(result.changes[0]).toMatchObject({ kind: "correction", correctedFrom: 6.4, value: 7.9, period: "2024" });
      const history = await s.measurements.history("teststad", "betalingsachterstand");
      expect(history.map((h) => [h.period, h.value, h.supersededAt !== undefined])).toEqual([
        ["2022", 8, false],
        ["2023", 7.6, false],
        ["2024", 6.4, true],
        ["2024", 7.9, false],
      ]);
      const current = await s.measurements.currentValues("teststad", ["betalingsachterstand"]);
      expect(current.find((c) => c.period === "2024")?.value).toBe(7.9);
      const kinds = await s.db.prisma.measurement.findMany({
        where: { period: "2024", figureChanged: true, indicatorId: await indicatorRowId("betalingsachterstand") },
        orderBy: { id: "asc" },
      });
      expect(kinds.map((k) => (k.correctedFrom === null ? "new" : "correction"))).toEqual(["new", "correction"]);
    });

    it("lists stored changes since a date, grouped per doel, with late data", async () => {
      await importDin(s, { text: await fixture("din-2024.yaml"), fileName: "din-2024.yaml" });
      clock.set("2025-01-10T09:00:00Z");
      ok(await csv(await fixture("metingen.csv")));
      const all = await listChanges(s, { all: true });
      expect(all?.groups.map((g) => g.goal.id)).toEqual(["financieel-gezond", "gezond-opgroeien"]);
      expect(all?.groups[0]?.changes.map((c) => c.indicatorId)).toEqual([
        "betalingsachterstand",
        "betalingsachterstand",
        "betalingsachterstand",
        "vroegsignalen-opgevolgd",
        "vroegsignalen-opgevolgd",
      ]);
      // Without "all", a backfill shows only the newest period per indicator.
      const news = await listChanges(s, {});
      expect(news?.groups.flatMap((g) => g.changes.map((c) => `${c.indicatorId}:${c.period}`))).toEqual([
        "betalingsachterstand:2024",
        "vroegsignalen-opgevolgd:2024-Q4",
        "jeugdhulp-lang:2024",
      ]);
      // Changes are stamped with the time they were detected; a later "since" excludes them.
      expect((await listChanges(s, { since: new Date("2025-02-01T00:00:00Z") }))?.groups).toEqual([]);
      // At 2025-09-01, 2025-Q1 of the quarterly indicator is overdue (2024-Q4 is its last value).
      clock.set("2025-09-01T00:00:00Z");
      const late = await listChanges(s, { since: new Date("2025-09-01T00:00:00Z") });
      expect(late?.late.flatMap((g) => g.lateData.map((l) => [l.indicatorId, l.duePeriod]))).toContainEqual(["vroegsignalen-opgevolgd", "2025-Q1"]);
    });

    it("accepts JSON bodies with the same validation", async () => {
      await importDin(s, { text: await fixture("din-2024.yaml"), fileName: "din-2024.yaml" });
      const result = ok(
        await importMeasurements(s, {
          source: { kind: "json", origin: "api", body: { measurements: [{ indicator: "betalingsachterstand", periode: "2024", waarde: 6.1 }] } },
          via: "api",
        }),
      );
      expect(result.newCount).toBe(1);
      const bad = await importMeasurements(s, {
        source: { kind: "json", origin: "api", body: [{ indicator: "betalingsachterstand", periode: "2024-13", waarde: "x" }] },
        via: "api",
      });
      expect(bad.ok).toBe(false);
      expect(await s.db.prisma.measurement.count()).toBe(1);
    });
  });
}
