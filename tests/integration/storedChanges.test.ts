// Proves the compact stored form of changes (issue #15) on PGlite and PostgreSQL: the news selected in
// SQL is exactly what newsworthy() keeps of all changes; the announce pass and `changes --alle` get back
// exactly what the imports returned; and the migration converts the old Change rows into the columns.
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { importDin } from "../../src/app/din/importDin.ts";
import { importMeasurements, type ImportMeasurementsResult, type ImportSummary } from "../../src/app/measurements/importMeasurements.ts";
import { changesFromRecords } from "../../src/app/measurements/storedChanges.ts";
import { changeFromRecord } from "../../src/domain/changeRecord.ts";
import { detectChange } from "../../src/domain/changes.ts";
import { newsworthy } from "../../src/domain/newsworthy.ts";
import { PrismaAnnouncementStore } from "../../src/store/announcementStore.ts";
import { toChangeRecord, type ChangeTuple } from "../../src/store/changeQueries.ts";
import { applyMigrations, MIGRATIONS_DIR, type SqlRunner } from "../../src/store/migrate.ts";
import { buildIndicator } from "../support/factories.ts";
import { fixedClock, testRuntimes } from "../support/db.ts";
import { BytesBlob } from "../../src/store/bytesBlob.ts";

const DIN = `municipality: Teststad
year: 2024
mission: "Iedereen doet mee."
opgaven:
  - id: bestaanszekerheid
    name: Bestaanszekerheid
    goals:
      - id: financieel-gezond
        name: Inwoners zijn financieel gezond
indicators:
  - id: jaar
    name: Jaarcijfer
    kind: effect
    goal: financieel-gezond
    unit: "%"
    direction: lager-is-beter
    target: { period: 2026, value: 6.5 }
    frequency: jaarlijks
    visibility: openbaar
  - id: week
    name: Weekcijfer
    kind: effect
    goal: financieel-gezond
    unit: aantal
    direction: hoger-is-beter
    baseline: { period: 2022, value: 40 }
    frequency: week
    visibility: openbaar
`;

function ok(result: ImportMeasurementsResult): ImportSummary {
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.line}: ${i.message}`).join("\n"));
  return result;
}

for (const runtime of testRuntimes()) {
  describe(`stored changes on ${runtime.name}`, () => {
    let s: Awaited<ReturnType<typeof runtime.open>>;
    const clock = fixedClock("2025-03-01T10:00:00Z");
    beforeEach(async () => {
      s = await runtime.open(clock);
      await importDin(s, { text: DIN, fileName: "din.yaml" });
    });
    afterEach(async () => {
      await s.dispose();
    });
    const csv = (lines: string[]) =>
      importMeasurements(s, { source: { kind: "file", text: ["indicator;periode;waarde", ...lines].join("\n"), fileName: "m.csv" }, via: "cli" });

    it("selects the news in SQL exactly as newsworthy() does, and rebuilds every change as the import returned it", async () => {
      const returned: ImportSummary["changes"] = [];
      const weeks = (from: number, to: number, base: number) =>
        Array.from({ length: to - from + 1 }, (_, i) => `week;2023-W${String(from + i).padStart(2, "0")};${base + i}`);
      returned.push(...ok(await csv(["jaar;2021;8", "jaar;2022;7,5", "jaar;2023;7,1", ...weeks(1, 30, 40)])).changes);
      clock.set("2025-03-08T10:00:00Z");
      // A backfill of older periods, a correction, and newer weeks.
      returned.push(...ok(await csv(["jaar;2020;9", "jaar;2022;7,9", ...weeks(31, 40, 60), "week;2022-W35;12"])).changes);
      clock.set("2025-03-15T10:00:00Z");
      returned.push(...ok(await csv(["week;2023-W05;1", "week;2023-W39;2"])).changes);
      const din = (await s.dins.loadDin())!;

      const all = changesFromRecords(din, await s.measurements.changesSince("teststad", undefined));
      expect(all).toEqual(returned);
      const news = changesFromRecords(din, await s.measurements.changesSince("teststad", undefined, { newsOnly: true }));
      expect(news).toEqual(newsworthy(all));
      expect(news.map((c) => `${c.indicatorId}:${c.period}:${c.kind}`)).toEqual([
        "jaar:2023:new",
        "jaar:2022:correction",
        "week:2023-W40:new",
        "week:2023-W05:correction",
        "week:2023-W39:correction",
      ]);
      const since = new Date("2025-03-08T10:00:00Z");
      const recent = changesFromRecords(din, await s.measurements.changesSince("teststad", since, { newsOnly: true }));
      expect(recent).toEqual(newsworthy(all.slice(33)));

      // The announce pass reads an import's changes back in the order the import returned them.
      const announcements = new PrismaAnnouncementStore(s.db.prisma);
      const [first] = await announcements.recentImports(new Date("2025-01-01"), 10);
      expect(changesFromRecords(din, await announcements.changesOfImport(first!.importId))).toEqual(returned.slice(0, 33));
    });

    it("on a tie of period starts (a frequency that changed), keeps the first detected, like newsworthy()", async () => {
      ok(await csv(["jaar;2023;7", "jaar;2024;6"]));
      const [{ id }] = (await s.db.raw.query<{ id: number }>(`SELECT "id" FROM "Indicator" WHERE "slug" = 'jaar'`)) as [{ id: number }];
      const [{ importId }] = (await s.db.raw.query<{ importId: number }>(`SELECT max("importId") AS "importId" FROM "Measurement"`)) as [{ importId: number }];
      // A monthly value starting on the same day as 2024, written as a later import would write it.
      await s.db.raw.execute(
        `INSERT INTO "Measurement" ("indicatorId", "period", "periodStart", "value", "origin", "importId", "recordedAt", "figureChanged")
         VALUES ($1, '2024-01', '2024-01-01', 5, 'm.csv:2', $2, '2025-03-01T10:00:00', true)`,
        [id, importId],
      );
      const records = await s.measurements.changesSince("teststad", undefined);
      const din = (await s.dins.loadDin())!;
      const all = records.map((r) => changeFromRecord(din.indicators.find((i) => i.indicator.id === r.indicatorId)!.indicator, r));
      const news = await s.measurements.changesSince("teststad", undefined, { newsOnly: true });
      expect(news.map((r) => r.period)).toEqual(newsworthy(all).map((c) => c.period));
      expect(news.map((r) => r.period)).toEqual(["2024"]);
    });
  });
}

describe("the migration to compact changes", () => {
  const runner = (pglite: PGlite): SqlRunner => ({
    exec: async (sql) => void (await pglite.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
    transaction: (fn) => pglite.transaction((tx) => fn({ ...runner(pglite), exec: async (sql) => void (await tx.exec(sql)), query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows })),
  });
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("turns every Change row into the columns of its measurement, the same change when rebuilt", { timeout: 60_000 }, async () => {
    const names = (await readdir(MIGRATIONS_DIR)).filter((n) => /^\d/.test(n)).sort();
    const target = names.findIndex((n) => n.endsWith("_compact_changes"));
    dir = await mkdtemp(path.join(tmpdir(), "duidbot-migrations-"));
    for (const name of names.slice(0, target)) await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    // A database as initdb leaves it (the template's dump of one: this test is about the migration, not initdb).
    const pglite = new PGlite({ loadDataDir: new BytesBlob(await readFile(inject("pgliteTemplate").initdb)) });
    try {
      const sql = runner(pglite);
      await applyMigrations(sql, dir);
      const indicator = buildIndicator({ id: "week", frequency: "week", target: { period: "2026", value: 20 }, baseline: { period: "2022", value: 25 } });
      const series = [{ period: "2023-W10", value: 30 }, { period: "2024-W08", value: 18 }, { period: "2024-W10", value: 19 }];
      const fresh = detectChange(indicator, series, "2024-W10");
      const corrected = detectChange(indicator, [...series.slice(0, 2), { period: "2024-W10", value: 22 }], "2024-W10", { correctedFrom: 19 });
      await pglite.exec(`
        INSERT INTO "Din" ("id", "slug", "name") VALUES (1, 'teststad', 'Teststad');
        INSERT INTO "Indicator" ("id", "dinId", "slug", "name", "definition", "firstYear", "lastYear") VALUES (1, 1, 'week', 'Week', '${JSON.stringify(indicator)}', 2024, 2024);
        INSERT INTO "MeasurementImport" ("id", "dinId", "via", "fileName", "contentHash", "newCount", "correctionCount", "unchangedCount") VALUES (1, 1, 'cli', 'm.csv', 'h', 3, 1, 0);
        INSERT INTO "Measurement" ("id", "indicatorId", "period", "periodStart", "value", "origin", "importId", "supersededAt") VALUES
          (1, 1, '2023-W10', '2023-03-06', 30, 'm.csv:2', 1, NULL), (2, 1, '2024-W08', '2024-02-19', 18, 'm.csv:3', 1, NULL),
          (3, 1, '2024-W10', '2024-03-04', 19, 'm.csv:4', 1, now()), (4, 1, '2024-W10', '2024-03-04', 22, 'c.csv:2', 1, now()),
          (5, 1, '2024-W10', '2024-03-04', 22, 'c.csv:2', 1, NULL);
        INSERT INTO "Change" ("indicatorId", "measurementId", "importId", "period", "kind", "significant", "detail") VALUES
          (1, 3, 1, '2024-W10', 'new', true, '${JSON.stringify(fresh)}'), (1, 4, 1, '2024-W10', 'correction', true, '${JSON.stringify(corrected)}');`);
      expect((await applyMigrations(sql)).applied).toEqual(names.slice(target));
      const rows = await sql.query<{ id: number; figureChanged: boolean; slug: string; period: string; value: number; correctedFrom: number | null; previousPeriod: string | null; previousValue: number | null; yearEarlierValue: number | null }>(
        `SELECT m."id", m."figureChanged", i."slug", m."period", m."value", m."correctedFrom", m."previousPeriod", m."previousValue", m."yearEarlierValue"
           FROM "Measurement" m JOIN "Indicator" i ON i."id" = m."indicatorId" ORDER BY m."id"`,
      );
      expect(rows.map((r) => r.figureChanged)).toEqual([false, false, true, true, false]);
      expect(rows.filter((r) => r.figureChanged).map((r) => changeFromRecord(indicator, toChangeRecord([r.slug, r.period, r.value, r.correctedFrom, r.previousPeriod, r.previousValue, r.yearEarlierValue] satisfies ChangeTuple)))).toEqual([fresh, corrected]);
      expect(await sql.query(`SELECT 1 FROM pg_tables WHERE tablename = 'Change'`)).toEqual([]);
    } finally {
      await pglite.close();
    }
  });
});
