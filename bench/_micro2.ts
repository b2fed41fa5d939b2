import { PGlite } from "@electric-sql/pglite";
import { readdirSync, readFileSync } from "node:fs";
import { PGLITE_START_PARAMS } from "/work/wt/perf/src/store/database.ts";
const variant = process.argv[2] ?? "base";
const pg = new PGlite({ startParams: PGLITE_START_PARAMS });
await pg.waitReady;
const dir = "/work/wt/perf/prisma/migrations";
for (const d of readdirSync(dir).filter((d) => /^\d/.test(d)).sort()) await pg.exec(readFileSync(`${dir}/${d}/migration.sql`, "utf8"));
await pg.exec(`INSERT INTO "Din"(slug,name) VALUES ('b','B')`);
await pg.exec(`INSERT INTO "Indicator"("dinId",slug,name,definition,"firstYear","lastYear") SELECT 1,'indicator-'||g,'I','{}',2025,2025 FROM generate_series(0,4999) g`);
await pg.exec(`INSERT INTO "MeasurementImport"("dinId",via,"fileName","contentHash","newCount","correctionCount","unchangedCount") VALUES (1,'cli','x','h',0,0,0)`);
if (variant.includes("nofk")) await pg.exec(`ALTER TABLE "Measurement" DROP CONSTRAINT "Measurement_indicatorId_fkey"; ALTER TABLE "Measurement" DROP CONSTRAINT "Measurement_importId_fkey"`);
if (variant.includes("noidx")) await pg.exec(`DROP INDEX "Measurement_indicatorId_period_idx"`);
const n = 50000;
const ind = [], per = [], ps = [], val = [], src = [], note = [], org = [], imp = [], rec = [];
const now = new Date().toISOString();
for (let i = 0; i < n; i++) { ind.push(1 + (i % 5000)); per.push(String(2015 + Math.floor(i / 5000))); ps.push(new Date(Date.UTC(2015 + Math.floor(i / 5000), 0, 1)).toISOString()); val.push(Math.random() * 100); src.push("Bench"); note.push(null); org.push(`bench.csv:${i + 2}`); imp.push(1); rec.push(now); }
const lit = (a: unknown[]) => "{" + a.map((v) => v === null ? "NULL" : typeof v === "number" ? String(v) : '"' + String(v).replace(/["\\]/g, "\\$&") + '"').join(",") + "}";
let t = performance.now();
const params = variant.includes("lit") ? [ind, per, ps, val, src, note, org, imp, rec].map(lit) : [ind, per, ps, val, src, note, org, imp, rec];
const ser = performance.now() - t;
t = performance.now(); const c0 = process.cpuUsage();
await pg.transaction(async (tx) => {
    await tx.query(`INSERT INTO "Measurement" ("indicatorId","period","periodStart","value","source","note","origin","importId","recordedAt")
      SELECT * FROM unnest($1::int[],$2::text[],$3::timestamp(3)[],$4::float8[],$5::text[],$6::text[],$7::text[],$8::int[],$9::timestamp(3)[])`, params);
});
const ms = performance.now() - t; const cu = process.cpuUsage(c0);
console.log(variant, "serialise", ser.toFixed(0), "insert", ms.toFixed(0), "ms cpu", ((cu.user+cu.system)/1000).toFixed(0));
