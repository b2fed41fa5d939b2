/**
 * The DinStore, MeasurementStore and AnnouncementStore contract, run on the memory store, PGlite and
 * (with TEST_DATABASE_URL) PostgreSQL, through the importMeasurements use case where it writes: DIN
 * versions (created/unchanged/updated, the newest definition wins, added and retired indicators),
 * values with their correction history, changes in order, an import that fails or changes nothing
 * writes nothing, and the announce pass's recent imports and processed-event keys.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AnnouncementStore } from "../../src/app/measurements/ports.ts";
import { PrismaAnnouncementStore } from "../../src/store/announcementStore.ts";
import { MemoryAnnouncementStore } from "../../src/store/memory/memoryAnnouncementStore.ts";
import type { Services } from "../../src/main/services.ts";
import { allRuntimes } from "../support/db.ts";
import { buildIndicator } from "../support/factories.ts";
import { DIN, importFigures } from "../support/sessionWorld.ts";
import { openContract, T0, type Contract } from "./contractWorld.ts";

const announcements = (s: Services): AnnouncementStore =>
  s.db.kind === "memory" ? new MemoryAnnouncementStore(s.db.memory) : new PrismaAnnouncementStore(s.db.prisma);

for (const runtime of allRuntimes()) {
  describe(`DIN and measurement store contract on ${runtime.name}`, () => {
    let c: Contract;
    beforeEach(async () => {
      c = await openContract(runtime);
    });
    afterEach(() => c.s.dispose());

    it("saves DIN versions: unchanged by hash, the newest year's definition wins, added and retired against the year before", async () => {
      const { dins } = c.s;
      expect(await dins.saveDinVersion(DIN, { fileName: "din.yaml", contentHash: "contract" })).toMatchObject({ status: "unchanged", slug: "hilversum" });
      const next = { ...DIN, year: 2026, indicators: [...DIN.indicators.filter((i) => i.id !== "wachtlijst"), buildIndicator({ id: "nieuw", name: "Nieuw" })] };
      expect(await dins.saveDinVersion(next, { fileName: "din-2026.yaml", contentHash: "h2026" })).toEqual({ status: "created", year: 2026, slug: "hilversum", added: ["nieuw"], retired: ["wachtlijst"] });
      const older = { ...DIN, year: 2024, indicators: DIN.indicators.map((i) => ({ ...i, name: `${i.name} (2024)` })) };
      expect(await dins.saveDinVersion(older, { fileName: "din-2024.yaml", contentHash: "h2024" })).toMatchObject({ status: "created", added: [], retired: [] });
      expect(await dins.saveDinVersion({ ...next, mission: "anders" }, { fileName: "din-2026.yaml", contentHash: "h2026b" })).toMatchObject({ status: "updated" });
      const state = await dins.loadDin("hilversum");
      expect(state?.latest.mission).toBe("anders");
      expect(state?.versions.map((v) => [v.year, v.fileName])).toEqual([
        [2024, "din-2024.yaml"],
        [2025, "din.yaml"],
        [2026, "din-2026.yaml"],
      ]);
      expect(state?.indicators.map((i) => [i.indicator.id, i.indicator.name, i.firstYear, i.lastYear, i.retired])).toEqual([
        ["jeugdhulp", "Jongeren met jeugdhulp", 2024, 2026, false],
        ["veilig-thuis", "Meldingen Veilig Thuis", 2024, 2026, false],
        ["wachtlijst", "Wachtlijst jeugdteam (intern)", 2024, 2025, true],
        ["nieuw", "Nieuw", 2026, 2026, false],
      ]);
      await dins.saveDinVersion({ ...DIN, municipality: "Almere" }, { fileName: "a.yaml", contentHash: "a" });
      expect(await dins.listDinSlugs()).toEqual(["almere", "hilversum"]);
      expect((await dins.loadDin())?.slug).toBe("hilversum");
      expect(await dins.loadDin("bestaat-niet")).toBeUndefined();
    });

    it("keeps values with their correction history and the changes in import order", async () => {
      const { measurements } = c.s;
      expect(await measurements.isEmpty()).toBe(false);
      const first = await importFigures(c.s);
      c.clock.set("2025-04-01T09:00:00Z");
      const second = await importFigures(c.s, "indicator;periode;waarde;bron\njeugdhulp;2024;13;CBS\njeugdhulp;2025;14;CBS\n");
      expect(second.importId).toBeGreaterThan(first.importId!);
      expect((await measurements.currentValues("hilversum", ["jeugdhulp", "wachtlijst"])).sort((a, b) => (a.indicatorId + a.period).localeCompare(b.indicatorId + b.period))).toEqual([
        { indicatorId: "jeugdhulp", period: "2023", value: 10 },
        { indicatorId: "jeugdhulp", period: "2024", value: 13 },
        { indicatorId: "jeugdhulp", period: "2025", value: 14 },
        { indicatorId: "wachtlijst", period: "2023", value: 50 },
        { indicatorId: "wachtlijst", period: "2024", value: 80 },
      ]);
      expect(Object.fromEntries(await measurements.latestPeriods("hilversum"))).toEqual({ jeugdhulp: "2025", "veilig-thuis": "2024", wachtlijst: "2024" });
      const history = await measurements.history("hilversum", "jeugdhulp");
      expect(history.map((h) => [h.period, h.value, h.source, h.supersededAt?.toISOString(), h.origin])).toEqual([
        ["2023", 10, undefined, undefined, "metingen.csv:2"],
        ["2024", 12, undefined, "2025-04-01T09:00:00.000Z", "metingen.csv:3"],
        ["2024", 13, "CBS", undefined, "metingen.csv:2"],
        ["2025", 14, "CBS", undefined, "metingen.csv:3"],
      ]);
      const changes = await measurements.changesSince("hilversum", undefined);
      expect(changes.map((ch) => [ch.indicatorId, ch.period, ch.correctedFrom])).toEqual([
        ...first.changes.map((ch) => [ch.indicatorId, ch.period, undefined]),
        ["jeugdhulp", "2024", 12],
        ["jeugdhulp", "2025", undefined],
      ]);
      // The comparison points are stored exactly (the rest of a change is rebuilt from the DIN).
      expect(changes.at(-1)).toEqual({ indicatorId: "jeugdhulp", period: "2025", value: 14, previous: { period: "2024", value: 13 } });
      expect((await measurements.changesSince("hilversum", new Date("2025-04-01T09:00:00Z"))).map((ch) => ch.period)).toEqual(["2024", "2025"]);
      // News only: every correction, and per indicator its newest new period.
      const news = await measurements.changesSince("hilversum", undefined, { newsOnly: true });
      expect(news.filter((ch) => ch.indicatorId === "jeugdhulp").map((ch) => [ch.period, ch.correctedFrom])).toEqual([
        ["2024", 12],
        ["2025", undefined],
      ]);
      expect(news.filter((ch) => ch.indicatorId === "wachtlijst").map((ch) => ch.period)).toEqual(["2024"]);
      expect(await measurements.changesSince("almere", undefined)).toEqual([]);
    });

    it("keeps comparison and breakdown values beside the total: never a change, corrections kept exactly", async () => {
      const { measurements } = c.s;
      const first = await importFigures(c.s);
      c.clock.set("2025-04-01T09:00:00Z");
      const series = await importFigures(
        c.s,
        "indicator;periode;waarde;gebied;dimensie;categorie\n" +
          "jeugdhulp;2024;9;nederland;;\njeugdhulp;2024;11;Noord-Holland;;\n" +
          "jeugdhulp;2024;7;;leeftijd;0-11\njeugdhulp;2024;5;;leeftijd;12-17\njeugdhulp;2024;8;Nederland;leeftijd;0-11\n",
      );
      expect(series).toMatchObject({ newCount: 0, correctionCount: 0, metadataCount: 0, contextCount: 5, changes: [] });
      // The total is untouched: current values, latest periods and history read only the municipality's total.
      expect((await measurements.currentValues("hilversum", ["jeugdhulp"])).map((v) => [v.period, v.value]).sort()).toEqual([["2023", 10], ["2024", 12]]);
      expect((await measurements.latestPeriods("hilversum")).get("jeugdhulp")).toBe("2024");
      expect((await measurements.history("hilversum", "jeugdhulp")).map((h) => h.value)).toEqual([10, 12]);
      const byKey = (vs: Awaited<ReturnType<typeof measurements.contextValues>>) =>
        vs.map((v) => `${v.area ?? ""}|${v.dimension ?? ""}|${v.category ?? ""}|${v.period}=${v.value}`).sort();
      expect(byKey(await measurements.contextValues("hilversum", ["jeugdhulp"]))).toEqual([
        "Nederland|leeftijd|0-11|2024=8",
        "Nederland|||2024=9",
        "Noord-Holland|||2024=11",
        "|leeftijd|0-11|2024=7",
        "|leeftijd|12-17|2024=5",
      ]);
      // A newer period of an area alone is no newer figure of the municipality (late data looks at the total).
      await importFigures(c.s, "indicator;periode;waarde;gebied\njeugdhulp;2030;1;Nederland\nveilig-thuis;2030;1;Nederland\n");
      expect(Object.fromEntries(await measurements.latestPeriods("hilversum"))).toEqual({ jeugdhulp: "2024", "veilig-thuis": "2024", wachtlijst: "2024" });
      // A correction of one cell replaces that cell only, keeps the value it replaced, and is no change.
      c.clock.set("2025-05-01T09:00:00Z");
      const fix = await importFigures(c.s, "indicator;periode;waarde;gebied;dimensie;categorie\njeugdhulp;2024;6;;leeftijd;12-17\njeugdhulp;2024;9;NEDERLAND;;\n");
      expect(fix).toMatchObject({ newCount: 0, correctionCount: 0, contextCount: 1, unchangedCount: 1, changes: [] });
      expect(byKey(await measurements.contextValues("hilversum", ["jeugdhulp"]))).toContain("|leeftijd|12-17|2024=6");
      expect(byKey(await measurements.contextValues("hilversum", ["jeugdhulp"]))).not.toContain("|leeftijd|12-17|2024=5");
      expect(await measurements.changesSince("hilversum", new Date("2025-04-01T00:00:00Z"))).toEqual([]);
      expect(await announcements(c.s).recentImports(new Date(0), 10)).toEqual([{ importId: first.importId, dinSlug: "hilversum", recordedAt: new Date(T0) }]);
      // A new total beside them is still detected against the total's own previous value.
      const next = await importFigures(c.s, "indicator;periode;waarde\njeugdhulp;2025;14\n");
      expect(next.changes.map((ch) => [ch.period, ch.previous?.value])).toEqual([["2025", 12]]);
      expect(await measurements.contextValues("almere", ["jeugdhulp"])).toEqual([]);
    });

    it("writes nothing for a plan that fails or has no rows, and refuses an unknown DIN", async () => {
      const { measurements } = c.s;
      await expect(
        measurements.importInTurn("hilversum", ["jeugdhulp"], (current) => {
          expect(current).toEqual([]);
          throw new Error("plan failed");
        }),
      ).rejects.toThrow("plan failed");
      const none = await measurements.importInTurn("hilversum", ["jeugdhulp"], () => ({
        dinSlug: "hilversum", via: "cli", fileName: "x", contentHash: "x", recordedAt: c.clock.now(), unchangedCount: 0, rows: [],
      }));
      expect(none.importId).toBeUndefined();
      await expect(measurements.importInTurn("almere", [], () => none.plan)).rejects.toThrow("DIN almere bestaat niet");
      const bad = importFigures(c.s, "indicator;periode;waarde\njeugdhulp;2024;12\n").then(() =>
        measurements.importInTurn("hilversum", ["jeugdhulp"], (current) => ({ ...none.plan, rows: [{ indicatorId: "bestaat-niet", period: "2024", periodStart: new Date("2024-01-01"), value: 1, origin: "x", correction: false }], unchangedCount: current.length })),
      );
      await expect(bad).rejects.toThrow("indicator bestaat-niet bestaat niet");
      expect(await measurements.history("hilversum", "jeugdhulp")).toHaveLength(1);
      expect(await announcements(c.s).recentImports(new Date(0), 10)).toHaveLength(1);
    });

    it("lists recent imports with changes oldest first, their changes in order, and prunes processed keys", async () => {
      const store = announcements(c.s);
      const first = await importFigures(c.s);
      c.clock.set("2025-03-04T09:00:00Z");
      // Only bron changed: stored as history, nothing to announce.
      const metadata = await importFigures(c.s, "indicator;periode;waarde;bron\njeugdhulp;2023;10;CBS\n");
      expect(metadata.importId).toBeDefined();
      const second = await importFigures(c.s, "indicator;periode;waarde\njeugdhulp;2025;15\n");
      expect(await store.recentImports(new Date(0), 10)).toEqual([
        { importId: first.importId, dinSlug: "hilversum", recordedAt: new Date(T0) },
        { importId: second.importId, dinSlug: "hilversum", recordedAt: new Date("2025-03-04T09:00:00Z") },
      ]);
      expect((await store.recentImports(new Date(0), 1)).map((i) => i.importId)).toEqual([second.importId]);
      expect(await store.recentImports(new Date("2025-03-05T00:00:00Z"), 10)).toEqual([]);
      expect((await store.changesOfImport(first.importId!)).map((ch) => `${ch.indicatorId}:${ch.period}`)).toEqual(first.changes.map((ch) => `${ch.indicatorId}:${ch.period}`));

      c.clock.set(T0);
      for (const key of ["import:1", "ev:a", "ev:b"]) await c.tx((tx) => tx.claimEvent(key, c.clock.now()));
      c.clock.set("2025-03-10T09:00:00Z");
      await c.tx((tx) => tx.claimEvent("ev:new", c.clock.now()));
      expect(await store.processedKeys(["ev:a", "ev:x", "ev:new"])).toEqual(new Set(["ev:a", "ev:new"]));
      expect(await store.processedKeys([])).toEqual(new Set());
      expect(await store.pruneProcessedKeys(new Date("2025-03-05T00:00:00Z"), ["import:"])).toBe(2);
      expect(await store.processedKeys(["import:1", "ev:a", "ev:b", "ev:new"])).toEqual(new Set(["import:1", "ev:new"]));
    });
  });
}
