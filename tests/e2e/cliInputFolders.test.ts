// Proves what the `duidbot` command does with bad input that needs a process or a folder of its own:
// a YAML alias bomb (its memory bound needs a real process), count-like units without `count`, and a
// database with several municipalities. Each on a migrated test database of its own (in memory: the
// folder is incidental here); apart from cliInput.test.ts (which loads the Hilversum example first).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inMemoryDatabases, runDuidbot, runDuidbotHere } from "../support/cli.ts";

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "duidbot-cli-folders-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** In this process (see runDuidbotHere); the tests name their own folder in `env`. */
const kept = inMemoryDatabases();
const duidbot = (args: string[], env: Record<string, string> = {}) => runDuidbotHere(args, { DUIDBOT_DATA_DIR: dataDir, ...env }, kept);

/** A folder of its own, so that its commands get a database of their own (for tests that need one). */
const ownFolder = (prefix: string) => mkdtemp(path.join(tmpdir(), prefix));

describe("duidbot CLI with bad input, each in a process or folder of its own", () => {
  it("refuses a YAML alias bomb within seconds, with one error", async () => {
    // One opgave with 5,000 doelen (about 150 KB) repeated by 99 aliases: half a million doelen once expanded.
    // (20,000 doelen, 2 million expanded, used 2.9 GB; the file's parse alone took ~1 s of the test: issue #14.)
    const goals = Array.from({ length: 5_000 }, (_, i) => `      - {id: d${i}, name: D}\n`).join("");
    const bomb = path.join(dataDir, "bom.yaml");
    await writeFile(bomb, `municipality: Bom\nyear: 2025\nmission: x\nopgaven:\n  - &o\n    id: a\n    name: A\n    goals:\n${goals}${"  - *o\n".repeat(99)}indicators: []\n`);
    const started = Date.now();
    // 160 MB of heap: enough to read the file, far too little to expand it (about 0.7 GB at this size).
    const r = await runDuidbot(["din", "import", bomb], { DUIDBOT_DATA_DIR: dataDir, NODE_OPTIONS: "--max-old-space-size=160" });
    // A few seconds on an idle machine (the database is not even opened); the margin is for a loaded test runner.
    expect(Date.now() - started).toBeLessThan(45_000);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([
      "bom.yaml:5009: yaml: YAML-fout: de aliassen (*naam) maken de gegevens 100 keer zo groot als wat er staat (meer dan 10 keer); schrijf de gegevens uit in plaats van blokken met &anker en *alias te herhalen",
      "1 fout(en) gevonden; er is niets opgeslagen.",
    ]);
  }, 90_000);

  it("warns about a count-like unit without count, and still imports", async () => {
    const dir = await ownFolder("duidbot-count-");
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
      await kept.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("asks for --gemeente when the database holds several municipalities, and refuses an unknown one", async () => {
    const dir = await ownFolder("duidbot-twee-");
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
      await kept.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 240_000); // five commands (slow on a busy machine)
});
