/**
 * Start-up and memory of `duidbot serve` as `npm start` runs it (the node flags of package.json's start
 * script), each beside a baseline from the same run: cold start on an empty data folder to the first 200
 * on /healthz, warm start, peak RSS creating the database and loading the example, idle RSS 30 s after
 * a start with 50,000 values. `node bench/startup.ts` on its own; `npm run bench` calls printStartup().
 * BENCH_IDLE_S shortens the idle wait (default 30); BENCH_DATABASE_URL adds a warm start on PostgreSQL.
 * Linux only for the memory figures (/proc/<pid>/status).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.join(import.meta.dirname, "..");
const cli = path.join(root, "src", "cli", "duidbot.js");

/** The node flags `npm start` passes (package.json), so the bench measures what users run. */
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const words = (pkg.scripts.start ?? "").split(/\s+/);
  return words.slice(words.indexOf("node") + 1, words.indexOf("src/cli/duidbot.js"));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** VmRSS (now) and VmHWM (peak) of a live process, in MB. */
async function memoryOf(pid: number): Promise<{ rssMb: number; peakMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

interface Started {
  child: ChildProcess;
  readyMs: number;
  /** What /healthz answered before the 200 (e.g. 503 starting), and how often. */
  before: Record<string, number>;
}

/** `duidbot serve` on a random loopback port; resolves at the first 200 on /healthz. */
async function serve(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [...startFlags(), cli, "serve"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", HOST: "127.0.0.1", PORT: String(port), DUIDBOT_CONFIG: path.join(tmpdir(), "geen-duidbot.yaml"), ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => void (stderr += d.toString()));
  const before: Record<string, number> = {};
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}: ${stderr}`);
    if (performance.now() - t0 > 300_000) throw new Error("serve not ready after 300 s");
    const answer = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      async (r) => (r.status === 200 ? "200" : `${r.status} ${JSON.stringify(await r.json())}`),
      () => "refused",
    );
    if (answer === "200") return { child, readyMs: performance.now() - t0, before };
    before[answer] = (before[answer] ?? 0) + 1;
    await sleep(10);
  }
}

async function nodeFigure<T>(args: string[]): Promise<T> {
  const child = spawn(process.execPath, [...startFlags(), import.meta.filename, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => void (out += d.toString()));
  const code = await new Promise((r) => child.once("exit", r));
  if (code !== 0) throw new Error(`bench/startup.ts ${args.join(" ")} exited ${String(code)}`);
  return JSON.parse(out.trim().split("\n").at(-1)!) as T;
}

async function bareNodeMs(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((r) => child.once("exit", r));
    times.push(performance.now() - t0);
  }
  return median(times);
}

interface Created {
  ms: number;
  peakMb: number;
}

export interface StartupFigures {
  flags: string[];
  nodeStartMs: number;
  bare: { readyMs: number; rssMb: number; peakMb: number };
  /** A new data folder opened and migrated, nothing else: from the ready dump, and from initdb (the old way). */
  create: { ready: Created; initdb: Created };
  cold: { readyMs: number; peakMb: number; before: Record<string, number> };
  warm: { readyMs: number };
  idleExampleRssMb: number;
  fill: { ms: number; peakMb: number };
  idle50kRssMb: number;
  idleSeconds: number;
  postgres?: { warmReadyMs: number; idleRssMb: number };
}

export async function benchStartup(idleSeconds = Number(process.env.BENCH_IDLE_S ?? 30)): Promise<StartupFigures> {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "duidbot-startup-"));
    dirs.push(dir);
    return dir;
  };
  try {
    const nodeStartMs = await bareNodeMs();
    const exampleDir = await tempDir();
    const cold = await serve({ DUIDBOT_DATA_DIR: exampleDir });
    const coldPeak = (await memoryOf(cold.child.pid!)).peakMb;
    await stop(cold.child);
    const warm = await serve({ DUIDBOT_DATA_DIR: exampleDir });
    await sleep(idleSeconds * 1000);
    const idleExampleRssMb = (await memoryOf(warm.child.pid!)).rssMb;
    await stop(warm.child);
    // The baseline engine: PGlite alone on the folder serve left, its defaults, after one query.
    const bare = await nodeFigure<StartupFigures["bare"]>(["bare", exampleDir]);
    const create = {
      ready: await nodeFigure<Created>(["create", "ready", path.join(await tempDir(), "data")]),
      initdb: await nodeFigure<Created>(["create", "initdb", path.join(await tempDir(), "data")]),
    };
    const bigDir = await tempDir();
    const fill = await nodeFigure<StartupFigures["fill"]>(["fill", bigDir]);
    const big = await serve({ DUIDBOT_DATA_DIR: bigDir });
    await sleep(idleSeconds * 1000);
    const idle50kRssMb = (await memoryOf(big.child.pid!)).rssMb;
    await stop(big.child);
    const figures: StartupFigures = {
      flags: startFlags(),
      nodeStartMs,
      bare,
      create,
      cold: { readyMs: cold.readyMs, peakMb: coldPeak, before: cold.before },
      warm: { readyMs: warm.readyMs },
      idleExampleRssMb,
      fill,
      idle50kRssMb,
      idleSeconds,
    };
    const url = process.env.BENCH_DATABASE_URL;
    if (url) figures.postgres = await postgresWarm(url, idleSeconds);
    return figures;
  } finally {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * serve on PostgreSQL in a database of its own, as a user sets it up (example loaded by a first start,
 * then a warm start measured). Not a schema on search_path: Prisma names the schema in its queries
 * ("public"), so serve would migrate one schema and query another.
 */
async function postgresWarm(url: string, idleSeconds: number): Promise<NonNullable<StartupFigures["postgres"]>> {
  const database = `bench_startup_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${database}"`);
    const u = new URL(url);
    u.pathname = `/${database}`;
    const env = { DATABASE_URL: u.toString() };
    await stop((await serve(env)).child);
    const warm = await serve(env);
    await sleep(idleSeconds * 1000);
    const idleRssMb = (await memoryOf(warm.child.pid!)).rssMb;
    await stop(warm.child);
    return { warmReadyMs: warm.readyMs, idleRssMb };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
}

const ms = (x: number) => `${Math.round(x)} ms`;
const mb = (x: number) => `${Math.round(x)} MB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

export function startupLines(f: StartupFigures): string[] {
  const lines = [
    `  node-vlaggen / flags van npm start: ${f.flags.join(" ") || "(geen / none)"}; basis / baseline: kale node-start ${ms(f.nodeStartMs)}, ` +
      `kale PGlite (standaardinstellingen) na één query / bare PGlite after one query: ${ms(f.bare.readyMs)}, RSS ${mb(f.bare.rssMb)}, piek ${mb(f.bare.peakMb)}`,
    `  koude start (lege map → 200 op /healthz, voorbeeld geladen) / cold start: ${ms(f.cold.readyMs)} (${ratio(f.cold.readyMs, f.nodeStartMs)} node-start, ` +
      `${ratio(f.cold.readyMs, f.bare.readyMs)} kale PGlite); daarvoor / before: ${Object.entries(f.cold.before).map(([k, n]) => `${n}× ${k}`).join(", ") || "-"}`,
    `  nieuwe database openen + migreren / new database opened and migrated: kant-en-klaar / ready dump ${ms(f.create.ready.ms)}, piek ${mb(f.create.ready.peakMb)}; ` +
      `initdb (zoals voorheen / as before) ${ms(f.create.initdb.ms)}, piek ${mb(f.create.initdb.peakMb)} (${ratio(f.create.initdb.ms, f.create.ready.ms)} trager, ${ratio(f.create.initdb.peakMb, f.create.ready.peakMb)} piek)`,
    `  warme start / warm start: ${ms(f.warm.readyMs)} (${ratio(f.warm.readyMs, f.nodeStartMs)} node-start, ${ratio(f.warm.readyMs, f.bare.readyMs)} kale PGlite)`,
    `  piek-RSS database aanmaken + voorbeeld laden / peak RSS creating the database and loading the example: ${mb(f.cold.peakMb)} (${ratio(f.cold.peakMb, f.bare.peakMb)} kale PGlite)`,
    `  RSS ${f.idleSeconds} s na start / after start, met het voorbeeld / with the example: ${mb(f.idleExampleRssMb)} (${ratio(f.idleExampleRssMb, f.bare.rssMb)} kale PGlite)`,
    `  RSS ${f.idleSeconds} s na start met 50.000 waarden / with 50,000 values: ${mb(f.idle50kRssMb)} (${ratio(f.idle50kRssMb, f.bare.rssMb)} kale PGlite); ` +
      `die importeren / importing them (DIN + cijfers, eigen proces): ${ms(f.fill.ms)}, piek ${mb(f.fill.peakMb)}`,
  ];
  if (f.postgres) {
    lines.push(`  PostgreSQL: warme start ${ms(f.postgres.warmReadyMs)} (${ratio(f.postgres.warmReadyMs, f.nodeStartMs)} node-start); RSS na ${f.idleSeconds} s ${mb(f.postgres.idleRssMb)}`);
  }
  return lines;
}

/** What `npm run bench` calls: the heading and the figures. */
export async function printStartup(): Promise<void> {
  console.log("\nStart en geheugen van duidbot serve / start-up and memory (node bench/startup.ts)");
  for (const line of startupLines(await benchStartup())) console.log(line);
}

/** 5,000 synthetic indicators × 10 years through the import use cases. */
async function fill50k(dir: string): Promise<void> {
  const { openServices } = await import("../src/main/services.ts");
  const { importDin } = await import("../src/app/din/importDin.ts");
  const { importAndAnnounce } = await import("../src/app/measurements/importAndAnnounce.ts");
  const { syntheticCsv, syntheticDinYaml } = await import("./syntheticDin.ts");
  const services = await openServices({ kind: "pglite", dataDir: dir });
  try {
    const din = await importDin(services, { text: syntheticDinYaml(5_000, 2025), fileName: "bench-din.yaml" });
    if (!din.ok) throw new Error("synthetic DIN invalid");
    const csv = syntheticCsv(5_000, 2015, 10);
    // As `duidbot measurements import` does: announced at once, so serve finds nothing left to announce.
    const figures = await importAndAnnounce(services, { source: { kind: "file", text: csv, fileName: "bench.csv" }, via: "cli" });
    if (!figures.ok) throw new Error("synthetic CSV invalid");
  } finally {
    await services.close();
  }
}

// Child roles: `bare <dir>` (PGlite alone on a data folder), `create ready|initdb <dir>` (a new database
// opened and migrated) and `fill <dir>` (50,000 values imported).
if (import.meta.main) {
  const [role, dir] = process.argv.slice(2);
  if (role === "bare") {
    const { PGlite } = await import("@electric-sql/pglite");
    const t0 = performance.now();
    const db = new PGlite(dir!);
    await db.query("SELECT 1");
    const readyMs = performance.now() - t0;
    const { rssMb, peakMb } = await memoryOf(process.pid);
    await db.close();
    console.log(JSON.stringify({ readyMs, rssMb, peakMb }));
  } else if (role === "create") {
    const { openDatabase } = await import("../src/store/database.ts");
    const t0 = performance.now();
    const db = await openDatabase({ kind: "pglite", dataDir: process.argv[4]!, ...(dir === "initdb" ? { ready: false as const } : {}) });
    await db.migrate();
    const ms = performance.now() - t0;
    await db.close();
    console.log(JSON.stringify({ ms, peakMb: (await memoryOf(process.pid)).peakMb }));
  } else if (role === "fill") {
    const t0 = performance.now();
    await fill50k(dir!);
    console.log(JSON.stringify({ ms: performance.now() - t0, peakMb: (await memoryOf(process.pid)).peakMb }));
  } else {
    await printStartup();
  }
}
