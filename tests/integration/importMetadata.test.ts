// Proves on PGlite and PostgreSQL that a changed bron/opmerking on an equal value is stored as a
// correction of the metadata: the old text stays readable in the history, a garbled text is repaired
// by a later correct import, nothing is announced as a figure change, and an absent bron keeps the stored one.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDin } from "../../src/app/din/importDin.ts";
import { importAndAnnounce } from "../../src/app/measurements/importAndAnnounce.ts";
import type { ImportMeasurementsResult, ImportSummary } from "../../src/app/measurements/importMeasurements.ts";
import { PrismaAnnouncementStore } from "../../src/store/announcementStore.ts";
import { fixedClock, testRuntimes } from "../support/db.ts";

const dinFile = path.join(import.meta.dirname, "..", "fixtures", "din-2024.yaml");

function ok(result: ImportMeasurementsResult): ImportSummary {
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.field}: ${i.message}`).join("\n"));
  return result;
}

for (const runtime of testRuntimes()) {
  describe(`bron/opmerking corrections on ${runtime.name}`, () => {
    let s: Awaited<ReturnType<typeof runtime.open>>;
    const clock = fixedClock("2025-03-01T10:00:00Z");
    beforeAll(async () => {
      s = await runtime.open(clock);
      await importDin(s, { text: await readFile(dinFile, "utf8"), fileName: "din-2024.yaml" });
    });
    afterAll(async () => {
      await s.dispose();
    });
    const csv = (text: string, fileName: string) =>
      importAndAnnounce(s, { source: { kind: "file", text: `indicator;periode;waarde;bron;opmerking\n${text}\n`, fileName }, via: "cli" });

    it("stores a changed bron as a correction of the metadata, keeps the old one, announces nothing", async () => {
      ok(await csv("betalingsachterstand;2024;6,4;CBS;voorlopig", "eerst.csv"));
      clock.set("2025-03-02T10:00:00Z");
      const result = await csv("betalingsachterstand;2024;6,4;CBS Statline;", "bron.csv");
      expect(ok(result)).toMatchObject({ newCount: 0, correctionCount: 0, metadataCount: 1, unchangedCount: 0, changes: [] });
      expect(ok(result).importId).toBeDefined();
      expect(result).not.toHaveProperty("announced");

      const history = await s.measurements.history("teststad", "betalingsachterstand");
      expect(history.map((h) => [h.value, h.source, h.note, h.supersededAt !== undefined])).toEqual([
        [6.4, "CBS", "voorlopig", true],
        // The opmerking was not given again: the stored one is kept.
        [6.4, "CBS Statline", "voorlopig", false],
      ]);
      // One change (the new value), none for the metadata; the import is not pending announcement.
      expect(await s.db.prisma.measurement.count({ where: { period: "2024", figureChanged: true } })).toBe(1);
      const pending = await new PrismaAnnouncementStore(s.db.prisma).recentImports(new Date("2025-01-01"), 10);
      expect(pending.map((p) => p.importId)).not.toContain(ok(result).importId);
      const stored = await s.db.prisma.measurementImport.findUnique({ where: { id: ok(result).importId! } });
      expect(stored).toMatchObject({ newCount: 0, correctionCount: 0, metadataCount: 1, unchangedCount: 0 });
    });

    it("repairs a garbled opmerking with a later correct import", async () => {
      ok(await csv("jeugdhulp-lang;2024;8;GGD;daling na coÃ¶rdinatie", "latin1.csv"));
      const repaired = ok(await csv("jeugdhulp-lang;2024;8;GGD;daling na coördinatie", "utf8.csv"));
      expect(repaired).toMatchObject({ metadataCount: 1, unchangedCount: 0 });
      const history = await s.measurements.history("teststad", "jeugdhulp-lang");
      expect(history.map((h) => h.note)).toEqual(["daling na coÃ¶rdinatie", "daling na coördinatie"]);
    });

    it("counts an equal value without bron/opmerking as unchanged (the stored ones stay)", async () => {
      const again = ok(await csv("jeugdhulp-lang;2024;8;;", "kaal.csv"));
      expect(again).toMatchObject({ metadataCount: 0, unchangedCount: 1 });
      expect(again.importId).toBeUndefined();
      expect((await s.measurements.currentValues("teststad", ["jeugdhulp-lang"])).map((v) => v.value)).toEqual([8]);
      expect((await s.measurements.history("teststad", "jeugdhulp-lang")).at(-1)?.source).toBe("GGD");
    });
  });
}
