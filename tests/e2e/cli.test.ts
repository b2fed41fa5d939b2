// Proves the `duidbot` command as a user runs it: real processes on a PGlite data folder created from
// nothing, exit codes (0 ok, 1 invalid input with nothing written, 2 usage) and the Hilversum example.
// After the first import has created the folder, the story's later commands run in this process
// (src/cli/run.ts, exactly what the executable runs) to keep the file fast.
// The Huizen example and `serve` are in cliHuizen.test.ts and cliServe.test.ts (so the files run side by side).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keptDatabases, runDuidbot, runDuidbotHere } from "../support/cli.ts";

let dataDir: string;

const kept = keptDatabases();
/** A real process; the database this process keeps open is closed first (one process per folder). */
const duidbot = async (args: string[]) => {
  await kept.close();
  return runDuidbot(args, { DUIDBOT_DATA_DIR: dataDir });
};
/** The same command in this process (src/cli/run.ts): for the steps after the process itself is proven. */
const duidbotHere = (args: string[]) => runDuidbotHere(args, { DUIDBOT_DATA_DIR: dataDir }, kept);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "duidbot-cli-"));
});
afterAll(async () => {
  await kept.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("duidbot CLI", () => {
  it("prints usage and exits 2 for an unknown command or option", async () => {
    expect((await duidbot(["vliegen"])).code).toBe(2);
    // The rest in this process: the exit code's way out of a process is proven once, just above.
    const r = await duidbotHere(["changes", "--sinds", "2024-01-01"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Gebruik / usage");
  });

  it("refuses a --since date that does not exist (no roll-over to 1 March)", async () => {
    const r = await duidbotHere(["changes", "--since", "2024-02-30"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--since verwacht een bestaande datum JJJJ-MM-DD / expects an existing date YYYY-MM-DD, niet "2024-02-30"');
  });

  // Creates the data folder from nothing (initdb + every migration): slow on a busy machine, hence its own timeout.
  it("imports the Hilversum example and lists its changes per doel", { timeout: 120_000 }, async () => {
    const din = await duidbot(["din", "import", "examples/hilversum/din.yaml"]);
    expect(din).toMatchObject({ code: 0 });
    expect(din.stdout).toContain("DIN hilversum 2025: created");
    expect((await duidbotHere(["din", "import", "examples/hilversum/din.yaml"])).stdout).toContain("unchanged");

    const figures = await duidbotHere(["measurements", "import", "examples/hilversum/metingen.csv"]);
    expect(figures.code).toBe(0);
    expect(figures.stdout).toMatch(/^167 nieuwe waarde\(n\), 0 correctie\(s\)/);

    const correction = await duidbotHere(["measurements", "import", "examples/hilversum/metingen-2025-q1.json"]);
    expect(correction.stdout).toMatch(/3 nieuwe waarde\(n\), 1 correctie\(s\)/);

    const changes = await duidbotHere(["changes", "--significant"]);
    expect(changes.code).toBe(0);
    expect(changes.stdout).toContain("Bestaanszekerheid › Hilversummers hebben voldoende middelen van bestaan en doen mee");
    expect(changes.stdout).toContain("Aantal huisuitzettingen: 12 (2024) · ▲ +4 (+50%) t.o.v. 2023");
    expect(changes.stdout).toContain("gecorrigeerd (was 70,6%)");
    // kinderen-in-armoede has no 2024 value: it is reported as late, not silently skipped.
    expect(changes.stdout).toMatch(/Cijfers te laat[\s\S]*Kinderen in een huishouden met een laag inkomen/);

    const indicator = await duidbotHere(["indicator", "netto-arbeidsparticipatie", "--lang", "en"]);
    expect(indicator.stdout).toContain("2024: 70.6%  (corrected on");
    expect(indicator.stdout).toContain("2024: 70.3%");

    // No conclusion has verbeteracties yet (tests/e2e/actions.test.ts lists them).
    const actions = await duidbotHere(["acties", "--open", "--eigenaar", "Sanne"]);
    expect(actions).toMatchObject({ code: 0 });
    expect(actions.stdout).toContain("Er staan geen verbeteracties open.");
  });

  it("exits 1 with file:line errors and writes nothing for a bad file", async () => {
    const bad = path.join(dataDir, "fout.csv");
    await writeFile(bad, "indicator;periode;waarde\nhuisuitzettingen;2025;7\nhuisuitzetingen;2025;8\nhuisuitzettingen;2025-13;x\n");
    const r = await duidbotHere(["measurements", "import", bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fout.csv:3: indicator: onbekende indicator "huisuitzetingen"; bedoelt u "huisuitzettingen"?');
    expect(r.stderr).toContain("fout.csv:4:");
    expect(r.stderr).toContain("er is niets opgeslagen");
    const after = await duidbotHere(["indicator", "huisuitzettingen"]);
    expect(after.stdout).not.toContain("2025:");
  });

  it("exits 1 for a DIN file with errors, naming file and line", async () => {
    const bad = path.join(dataDir, "din.yaml");
    await writeFile(bad, "municipality: X\nyear: 2025\nmission: m\nopgaven: []\nindicators:\n  - id: a\n    direction: omhoog\n");
    const r = await duidbot(["din", "import", bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/din\.yaml:7: indicators\[0\]\.direction: /);
  });
});
