// Proves the `duidbot` command as a user runs it: real processes on a PGlite data folder, exit codes
// (0 ok, 1 invalid input with nothing written, 2 usage), the bundled examples, and `serve` answering /healthz.
import { execFile, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { copyTemplateFolder } from "../support/dbTemplate.ts";

const root = path.join(import.meta.dirname, "..", "..");
const bin = path.join(root, "src", "cli", "duidbot.ts");
const run = promisify(execFile);
// Liftoff only: V8 otherwise recompiles PGlite's 9 MB of WebAssembly with its optimising compiler in
// every short-lived process (measured: 2.7 s of CPU instead of 0.9 s per command). Same code, same results.
const nodeArgs = ["--liftoff-only", bin];

let dataDir: string;

async function duidbot(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [...nodeArgs, ...args], {
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

  it("imports the real Huizen figures with sensible changes", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "duidbot-huizen-"));
    // Starts from the migrated template folder; the Hilversum test above starts from an empty one.
    await copyTemplateFolder(inject("pgliteTemplate"), dir);
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

  it("serves /healthz on the embedded database and refuses a second process on the same folder", async () => {
    const child = spawn(process.execPath, [...nodeArgs, "serve"], {
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
