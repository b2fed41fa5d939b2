// Proves the `duidbot` command on the real Huizen figures (in this process, src/cli/run.ts): the DIN and
// the figures imported, changes with their comparison areas, an indicator, the report. On a migrated test
// database in memory (the folder is incidental here); cli.test.ts proves a folder created from nothing.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inMemoryDatabases, runDuidbotHere as runHere } from "../support/cli.ts";

describe("duidbot CLI on the Huizen figures", () => {
  it("imports the real Huizen figures with sensible changes", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "duidbot-huizen-"));
    const kept = inMemoryDatabases();
    const runDuidbotHere = (args: string[], env: Record<string, string>) => runHere(args, env, kept);
    try {
      const env = { DUIDBOT_DATA_DIR: dir };
      expect((await runDuidbotHere(["din", "import", "examples/huizen/din.yaml"], env)).code).toBe(0);
      const r = await runDuidbotHere(["measurements", "import", "examples/huizen/metingen.csv"], env);
      expect(r.code).toBe(0);
      const changes = await runDuidbotHere(["changes", "--alle"], env);
      // Jeugdhulptrajecten langer dan een jaar: 14% (2016) → 27,4% (2019), a gap of two years.
      // Beside Noord-Holland and Nederland, which rose more (the report's comparison figures, now measurements).
      expect(changes.stdout).toMatch(/27,4% \(2019; Noord-Holland 35,4%, Nederland 32%\) · ▲ \+13,4 procentpunt t\.o\.v\. 2016/);
      expect(r.stdout).toContain("34 vergelijkings- of uitsplitsingswaarde(n)");
      const indicator = await runDuidbotHere(["indicator", "jeugdhulptrajecten-langer-dan-een-jaar"], env);
      expect(indicator.stdout).toContain("Vergelijking:\n  Noord-Holland: 2016 23,9% · 2019 35,4%\n  Nederland: 2016 23% · 2019 32%");
      // And in the report: the comparison table and the areas' lines in the chart.
      const out = path.join(dir, "rapport.html");
      expect((await runDuidbotHere(["report", "--edition", "2019", "--out", out], env)).code).toBe(0);
      const html = await readFile(out, "utf8");
      expect(html).toContain('<th scope="row">2019</th><td class="num">27,4%</td><td class="num">35,4%</td><td class="num">32%</td>');
      expect(html).toMatch(/<svg[^]*Noord-Holland[^]*<\/svg>/);
      expect(changes.stdout).toMatch(/€ 181 \(2019; Gemeenten 20\.000-50\.000 inwoners € 170, Nederland € 189\) · ▲ \+€ 50 \(\+38,2%\) t\.o\.v\. 2018/);
                  // Less noise: no first value is "opvallend" (all 24 were), only real moves of the 5 indicators with an earlier year.
      expect(r.stdout).toContain("24 nieuwe waarde(n), 0 correctie(s), 0 ongewijzigd; 34 vergelijkings- of uitsplitsingswaarde(n); 5 opvallende verandering(en).");
      const lines = changes.stdout.split("\n");
      expect(lines.filter((l) => l.includes("eerste meting"))).toHaveLength(19);
      expect(lines.filter((l) => l.includes("eerste meting") && l.includes("[opvallend]"))).toEqual([]);
      // The source is a one-off report (status: eenmalig in the DIN): nothing is late, not "1.979 dagen te laat".
      expect(changes.stdout).not.toContain("Cijfers te laat");
      expect((await runDuidbotHere(["indicator", "werkloosheid"], env)).stdout).toContain("eenmalige bron: geen nieuwe cijfers verwacht");
    } finally {
      await kept.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
