/**
 * The web overview of a big DIN (issue #19): 5,000 synthetic indicators × 10 years on a fresh PGlite
 * folder, 100 sessions on them; then, each the median of `runs`: the conclusions read the old way (one
 * indicatorConclusions query per indicator; in one transaction that passed the session store's 30 s
 * timeout on a loaded machine, so here in transactions of 250), dinOverview (one dinConclusions query),
 * and `GET /` of the web workspace — beside the bare database baseline of the same run (the current
 * values in one query, the part of the overview that was always one query). Prints one JSON line; the
 * ratios are what compare across machines and loads. `node bench/overview.ts [runs]` (BENCH_VERBOSE=1:
 * a time stamp after each stage on stderr).
 */
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { importDin } from "../src/app/din/importDin.ts";
import { importMeasurements } from "../src/app/measurements/importMeasurements.ts";
import { startSession } from "../src/app/sessions/index.ts";
import { dinOverview } from "../src/app/workspace/dinOverview.ts";
import { loadConfig } from "../src/main/config.ts";
import { buildHttpApp, listen } from "../src/main/server.ts";
import { openServices } from "../src/main/services.ts";
import { syntheticCsv, syntheticDinYaml } from "./syntheticDin.ts";

const INDICATORS = 5_000;
const SESSIONS = 100;

const stage = (what: string) => process.env.BENCH_VERBOSE && process.stderr.write(`${new Date().toISOString()} ${what}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

export async function benchOverview(runs = 5): Promise<{ indicators: number; sessions: number; perIndicatorMs: number; overviewMs: number; pageMs: number; baselineMs: number; pageBytes: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), "duidbot-bench-overview-"));
  const services = await openServices({ kind: "pglite", dataDir: dir });
  try {
    const din = await importDin(services, { text: syntheticDinYaml(INDICATORS, 2025), fileName: "bench-din.yaml" });
    if (!din.ok) throw new Error("synthetic DIN invalid");
    stage("din");
    const figures = await importMeasurements(services, { source: { kind: "file", text: syntheticCsv(INDICATORS, 2015, 10), fileName: "bench.csv" }, via: "cli" });
    if (!figures.ok) throw new Error("synthetic CSV invalid");
    stage("figures");
    // Sessions from the web's own face (the local user has every role there once the face exists).
    const http = buildHttpApp({ ...loadConfig({ PORT: "0" }), web: { mode: "local" } }, services, { kick: () => undefined });
    const server = await listen(http, "127.0.0.1", 0);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await fetch(`${base}/sessie/1`); // opens the face channel web:werkplek and its people
      for (let i = 0; i < SESSIONS; i++) {
        const started = await startSession(services, { actor: { user: { key: "web:local", name: "Bench" }, channel: "web:werkplek" }, subject: { kind: "indicator", id: `indicator-${i * 50}` } });
        if (started.status !== "started") throw new Error(`session ${i}: ${started.status}`);
      }
      stage("sessions");
      const state = (await services.dins.loadDin())!;
      const ids = state.latest.indicators.map((i) => i.id);
      const perIndicatorMs = await timed(runs, async () => {
        for (let i = 0; i < ids.length; i += 250) {
          await services.sessions.transaction(async (tx) => {
            for (const id of ids.slice(i, i + 250)) await tx.indicatorConclusions(state.slug, id);
          });
        }
      });
      stage("per indicator");
      const baselineMs = await timed(runs, () => services.measurements.currentValues(state.slug, ids));
      const overviewMs = await timed(runs, () => dinOverview(services, state));
      let pageBytes = 0;
      const pageMs = await timed(runs, async () => {
        const res = await fetch(`${base}/`);
        pageBytes = (await res.text()).length;
        if (res.status !== 200) throw new Error(`GET / ${res.status}`);
      });
      return { indicators: INDICATORS, sessions: SESSIONS, perIndicatorMs, overviewMs, pageMs, baselineMs, pageBytes };
    } finally {
      await new Promise((r) => server.close(r));
    }
  } finally {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const runs = Number(process.argv[2] ?? 5);
  console.log(JSON.stringify({ ...(await benchOverview(runs)), peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}
