// Proves what the `duidbot` command does with bad and unusual input, as a user meets it: Excel's
// encodings, implausible figures, NUL bytes and many errors. On a migrated test database with the Hilversum
// example loaded (in memory: the folder is incidental here; cli.test.ts proves a folder created from
// nothing). The commands run in this process (src/cli/run.ts, as the executable runs it). The alias bomb, count-like units and
// several municipalities are in cliInputFolders.test.ts.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inMemoryDatabases, runDuidbotHere } from "../support/cli.ts";

let dataDir: string;

/** In this process (see runDuidbotHere): what the command says and does; the alias bomb needs a real process. */
const kept = inMemoryDatabases();
const duidbot = (args: string[], env: Record<string, string> = {}) => runDuidbotHere(args, { DUIDBOT_DATA_DIR: dataDir, ...env }, kept);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "duidbot-cli-input-"));
  for (const file of ["examples/hilversum/din.yaml", "examples/hilversum/metingen.csv"]) {
    const r = await duidbot(file.endsWith(".yaml") ? ["din", "import", file] : ["measurements", "import", file]);
    if (r.code !== 0) throw new Error(`${file}: ${r.stderr}`);
  }
}, 240_000);
afterAll(async () => {
  await kept.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("duidbot CLI with bad and unusual input", () => {
  it("reads Excel exports: Windows-1252 CSV and UTF-16 'Unicode-tekst', saying which encoding; shows bron and opmerking", async () => {
    // Excel's plain "CSV" on Dutch Windows: Windows-1252, where € is byte 0x80.
    const cp1252 = (text: string) => Buffer.from([...text].map((ch) => (ch === "€" ? 0x80 : ch.charCodeAt(0))));
    const ansi = path.join(dataDir, "excel.csv");
    await writeFile(ansi, cp1252("indicator;periode;waarde;bron;opmerking\r\ngestandaardiseerd-inkomen;2025;€ 44.100;Gemeente Súdwest-Fryslân;raming\r\n"));
    const r = await duidbot(["measurements", "import", ansi]);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stderr).toContain("excel.csv: Tekenset: gelezen als Windows-1252");
    expect(r.stdout).toMatch(/^1 nieuwe waarde\(n\)/);

    const unicode = path.join(dataDir, "unicode.txt");
    await writeFile(unicode, Buffer.from("\uFEFFindicator\tperiode\twaarde\tbron\r\ndeelnemers-valpreventie\t2025\t91\tWelzijn Hilversum – Móvisie\r\n", "utf16le"));
    const u = await duidbot(["measurements", "import", unicode, "--lang", "en"]);
    expect(u).toMatchObject({ code: 0 });
    expect(u.stderr).toContain("unicode.txt: Encoding: read as UTF-16 LE (Excel: Unicode text).");

    const income = await duidbot(["indicator", "gestandaardiseerd-inkomen"]);
    expect(income.stdout).toContain("2025: € 44.100  [excel.csv:2]\n      bron: Gemeente Súdwest-Fryslân\n      opmerking: raming");
    expect((await duidbot(["indicator", "deelnemers-valpreventie"])).stdout).toContain("bron: Welzijn Hilversum – Móvisie");
  });

  it("refuses implausible figures and NUL bytes with file:line, rc 1 and nothing written", async () => {
    const bad = path.join(dataDir, "onzin.csv");
    await writeFile(bad, "indicator;periode;waarde;opmerking\nhuisuitzettingen;2026;-5;\nnetto-arbeidsparticipatie;2026;150;\nhuisuitzettingen;2026-03;4;\nklachten-sociaal-plein;2026-01;3;a\u0000b\n");
    const r = await duidbot(["measurements", "import", bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("onzin.csv:5: csv: regel bevat een NUL-teken");
    expect(r.stderr).not.toMatch(/prisma|at .*\.ts:\d+/i);
    await writeFile(bad, "indicator;periode;waarde\nhuisuitzettingen;2026;-5\nnetto-arbeidsparticipatie;2026;150\nhuisuitzettingen;2026-03;4\n");
    const implausible = await duidbot(["measurements", "import", bad]);
    expect(implausible.code).toBe(1);
    expect(implausible.stderr).toContain("onzin.csv:2: waarde: waarde -5 kan niet: een aantal is minstens 0");
    expect(implausible.stderr).toContain("onzin.csv:3: waarde: waarde 150 kan niet: een percentage is van 0 tot en met 100");
    expect(implausible.stderr).toContain("onzin.csv:4: periode: periode 2026-03 is een maand, maar deze indicator is jaarlijks");
    expect((await duidbot(["indicator", "huisuitzettingen"])).stdout).not.toMatch(/^ {2}2026: /m);

    const din = path.join(dataDir, "nul.yaml");
    await writeFile(din, "municipality: X\nyear: 2025\nmission: \"m\\0\"\nopgaven: []\nindicators: []\n");
    const d = await duidbot(["din", "import", din]);
    expect(d.code).toBe(1);
    expect(d.stderr).toContain("nul.yaml:3: mission: bevat een NUL-teken");
  });

  it("prints the first 50 problems and a count of the rest", async () => {
    const bad = path.join(dataDir, "veel.csv");
    await writeFile(bad, `indicator;periode;waarde\n${Array.from({ length: 120 }, (_, i) => `onbekend;${1950 + i};1\n`).join("")}`);
    const r = await duidbot(["measurements", "import", bad]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(52);
    expect(lines[49]).toMatch(/^veel\.csv:51: indicator: onbekende indicator "onbekend"/);
    expect(lines.slice(50)).toEqual(["… en nog 70 fout(en), niet getoond.", "120 fout(en) gevonden; er is niets opgeslagen."]);
  });
});
