// Proves the `duidbot` command as a user runs it: real processes on a PGlite data folder, exit codes
// (0 ok, 1 invalid input with nothing written, 2 usage), the bundled examples, and `serve` answering /healthz.
import { execFile, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.join(import.meta.dirname, "..", "..");
const bin = path.join(root, "src", "cli", "duidbot.ts");
const run = promisify(execFile);

let dataDir: string;

async function duidbot(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, DUIDBOT_DATA_DIR: dataDir, DATABASE_URL: "", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "duidbot-cli-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("duidbot CLI", () => {
  it("prints usage and exits 2 for an unknown command or option", async () => {
    expect((await duidbot(["vliegen"])).code).toBe(2);
    const r = await duidbot(["changes", "--sinds", "2024-01-01"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Gebruik / usage");
  });

  it("refuses a --since date that does not exist (no roll-over to 1 March)", async () => {
    const r = await duidbot(["changes", "--since", "2024-02-30"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--since verwacht een bestaande datum JJJJ-MM-DD / expects an existing date YYYY-MM-DD, niet "2024-02-30"');
  });

  it("imports the Hilversum example and lists its changes per doel", async () => {
    const din = await duidbot(["din", "import", "examples/hilversum/din.yaml"]);
    expect(din).toMatchObject({ code: 0 });
    expect(din.stdout).toContain("DIN hilversum 2025: created");
    expect((await duidbot(["din", "import", "examples/hilversum/din.yaml"])).stdout).toContain("unchanged");

    const figures = await duidbot(["measurements", "import", "examples/hilversum/metingen.csv"]);
    expect(figures.code).toBe(0);
    expect(figures.stdout).toMatch(/^167 nieuwe waarde\(n\), 0 correctie\(s\)/);

    const correction = await duidbot(["measurements", "import", "examples/hilversum/metingen-2025-q1.json"]);
    expect(correction.stdout).toMatch(/3 nieuwe waarde\(n\), 1 correctie\(s\)/);

    const changes = await duidbot(["changes", "--significant"]);
    expect(changes.code).toBe(0);
    expect(changes.stdout).toContain("Bestaanszekerheid › Hilversummers hebben voldoende middelen van bestaan en doen mee");
    expect(changes.stdout).toContain("Aantal huisuitzettingen: 12 (2024) · ▲ +4 (+50%) t.o.v. 2023");
    expect(changes.stdout).toContain("gecorrigeerd (was 70,6%)");
    // kinderen-in-armoede has no 2024 value: it is reported as late, not silently skipped.
    expect(changes.stdout).toMatch(/Cijfers te laat[\s\S]*Kinderen in een huishouden met een laag inkomen/);

    const indicator = await duidbot(["indicator", "netto-arbeidsparticipatie", "--lang", "en"]);
    expect(indicator.stdout).toContain("2024: 70.6%  (corrected on");
    expect(indicator.stdout).toContain("2024: 70.3%");
  });

  it("exits 1 with file:line errors and writes nothing for a bad file", async () => {
    const bad = path.join(dataDir, "fout.csv");
    await writeFile(bad, "indicator;periode;waarde\nhuisuitzettingen;2025;7\nhuisuitzetingen;2025;8\nhuisuitzettingen;2025-13;x\n");
    const r = await duidbot(["measurements", "import", bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fout.csv:3: indicator: onbekende indicator "huisuitzetingen"; bedoelt u "huisuitzettingen"?');
    expect(r.stderr).toContain("fout.csv:4:");
    expect(r.stderr).toContain("er is niets opgeslagen");
    const after = await duidbot(["indicator", "huisuitzettingen"]);
    expect(after.stdout).not.toContain("2025:");
  });

  it("exits 1 for a DIN file with errors, naming file and line", async () => {
    const bad = path.join(dataDir, "din.yaml");
    await writeFile(bad, "municipality: X\nyear: 2025\nmission: m\nopgaven: []\nindicators:\n  - id: a\n    direction: omhoog\n");
    const r = await duidbot(["din", "import", bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/din\.yaml:7: indicators\[0\]\.direction: /);
  });

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

  it("refuses a YAML alias bomb within seconds, with one error", async () => {
    // One opgave with 20,000 doelen (about 600 KB) repeated by 99 aliases: 2 million doelen once expanded.
    const goals = Array.from({ length: 20_000 }, (_, i) => `      - {id: d${i}, name: D}\n`).join("");
    const bomb = path.join(dataDir, "bom.yaml");
    await writeFile(bomb, `municipality: Bom\nyear: 2025\nmission: x\nopgaven:\n  - &o\n    id: a\n    name: A\n    goals:\n${goals}${"  - *o\n".repeat(99)}indicators: []\n`);
    const started = Date.now();
    // 160 MB of heap: enough to read the file, far too little to expand it (which used 2.9 GB).
    const r = await duidbot(["din", "import", bomb], { NODE_OPTIONS: "--max-old-space-size=160" });
    // A few seconds on an idle machine (the database is not even opened); the margin is for a loaded test runner.
    expect(Date.now() - started).toBeLessThan(45_000);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([
      "bom.yaml:20009: yaml: YAML-fout: de aliassen (*naam) maken de gegevens 100 keer zo groot als wat er staat (meer dan 10 keer); schrijf de gegevens uit in plaats van blokken met &anker en *alias te herhalen",
      "1 fout(en) gevonden; er is niets opgeslagen.",
    ]);
  }, 90_000);

  it("warns about a count-like unit without count, and still imports", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "duidbot-count-"));
    try {
      const din = path.join(dir, "din.yaml");
      await writeFile(
        din,
        "municipality: Teststad\nyear: 2025\nmission: m\nopgaven:\n  - id: o\n    name: O\n    goals:\n      - id: g\n        name: G\n" +
          "indicators:\n  - id: clienten\n    name: Cliënten\n    kind: effect\n    goal: g\n    unit: aantal personen\n" +
          "    direction: neutraal\n    frequency: jaarlijks\n    visibility: openbaar\n",
      );
      const r = await duidbot(["din", "import", din], { DUIDBOT_DATA_DIR: dir });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('waarschuwing: din.yaml:15: indicators[0].unit: eenheid "aantal personen" lijkt een aantal');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("imports the real Huizen figures with sensible changes", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "duidbot-huizen-"));
    try {
      const env = { DUIDBOT_DATA_DIR: dir };
      expect((await duidbot(["din", "import", "examples/huizen/din.yaml"], env)).code).toBe(0);
      const r = await duidbot(["measurements", "import", "examples/huizen/metingen.csv"], env);
      expect(r.code).toBe(0);
      const changes = await duidbot(["changes", "--alle"], env);
      // Jeugdhulptrajecten langer dan een jaar: 14% (2016) → 27,4% (2019), a gap of two years.
      expect(changes.stdout).toMatch(/27,4% \(2019\) · ▲ \+13,4 procentpunt t\.o\.v\. 2016/);
      expect(changes.stdout).toMatch(/€ 181 \(2019\) · ▲ \+€ 50 \(\+38,2%\) t\.o\.v\. 2018/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("asks for --gemeente when the database holds several municipalities, and refuses an unknown one", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "duidbot-twee-"));
    try {
      const env = { DUIDBOT_DATA_DIR: dir };
      expect((await duidbot(["din", "import", "examples/hilversum/din.yaml"], env)).code).toBe(0);
      expect((await duidbot(["din", "import", "examples/huizen/din.yaml"], env)).code).toBe(0);
      const unnamed = await duidbot(["measurements", "import", "examples/huizen/metingen.csv"], env);
      expect(unnamed.code).toBe(1);
      expect(unnamed.stderr).toContain("deze database bevat meerdere gemeenten (hilversum, huizen): kies er één met --gemeente <naam>");
      const unknown = await duidbot(["changes", "--gemeente", "utrecht", "--lang", "en"], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('unknown gemeente "utrecht"; known: hilversum, huizen');
      const named = await duidbot(["measurements", "import", "examples/huizen/metingen.csv", "--gemeente", "Huizen"], env);
      expect(named.code).toBe(0);
      expect(named.stdout).toMatch(/^\d+ nieuwe waarde\(n\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 240_000); // five processes, each opening the embedded database (slow on a busy machine)

  it("serves /healthz on the embedded database and refuses a second process on the same folder", async () => {
    const child = spawn(process.execPath, [bin, "serve"], {
      cwd: root,
      env: { ...process.env, DUIDBOT_DATA_DIR: dataDir, DATABASE_URL: "", PORT: "0", HOST: "127.0.0.1" },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      });
      const res = await fetch(`${url}/healthz`);
      expect(await res.json()).toEqual({ status: "ok", database: "pglite" });
      const second = await duidbot(["changes"]);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain("is in gebruik door proces");
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  });
});
