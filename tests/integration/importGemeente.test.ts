// Proves the choice of municipality when one database holds several DINs (PGlite and PostgreSQL):
// without a gemeente the import is refused with the known ones listed (never silently the first),
// a named one is used (matched as a slug), an unknown one is refused with the list.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDin } from "../../src/app/din/importDin.ts";
import { importMeasurements } from "../../src/app/measurements/importMeasurements.ts";
import { formatIssue } from "../../src/domain/validation.ts";
import { testRuntimes } from "../support/db.ts";

const dinFile = path.join(import.meta.dirname, "..", "fixtures", "din-2024.yaml");
const body = { measurements: [{ indicator: "betalingsachterstand", periode: "2024", waarde: 6.4 }] };

for (const runtime of testRuntimes()) {
  describe(`choosing the gemeente on ${runtime.name}`, () => {
    let s: Awaited<ReturnType<typeof runtime.open>>;
    beforeAll(async () => {
      s = await runtime.open();
      const text = await readFile(dinFile, "utf8");
      await importDin(s, { text, fileName: "din-2024.yaml" });
    });
    afterAll(async () => {
      await s.dispose();
    });
    const post = (dinSlug?: string) =>
      importMeasurements(s, { source: { kind: "json", body, origin: "api" }, via: "api", ...(dinSlug !== undefined ? { dinSlug } : {}) });

    it("with one DIN, naming it is optional", async () => {
      expect(await post()).toMatchObject({ ok: true, dinSlug: "teststad", newCount: 1 });
    });

    it("with two DINs, refuses an import that names none, listing both", async () => {
      const text = (await readFile(dinFile, "utf8")).replace("municipality: Teststad", "municipality: Anderstad");
      await importDin(s, { text, fileName: "anderstad.yaml" });
      const result = await post();
      expect(result).toMatchObject({ ok: false, din: { reason: "ambiguous", known: ["anderstad", "teststad"] } });
      if (result.ok) return;
      expect(formatIssue(result.issues[0]!)).toBe('api: gemeente: deze database bevat meerdere gemeenten (anderstad, teststad): kies er één met "gemeente"');
      expect(formatIssue(result.issues[0]!, "en")).toContain("several municipalities (anderstad, teststad)");
    });

    it("imports into the named DIN, matched as a slug", async () => {
      expect(await post("Anderstad")).toMatchObject({ ok: true, dinSlug: "anderstad", newCount: 1 });
      expect(await s.measurements.currentValues("anderstad", ["betalingsachterstand"])).toHaveLength(1);
      expect(await s.measurements.currentValues("teststad", ["betalingsachterstand"])).toHaveLength(1);
    });

    it("refuses an unknown gemeente, listing the known ones", async () => {
      const result = await post("utrecht");
      expect(result).toMatchObject({ ok: false, din: { reason: "unknown", given: "utrecht" } });
      if (result.ok) return;
      expect(result.issues[0]).toMatchObject({
        field: "gemeente",
        message: 'onbekende gemeente "utrecht"; bekend: anderstad, teststad',
        messageEn: 'unknown gemeente "utrecht"; known: anderstad, teststad',
      });
    });
  });
}
