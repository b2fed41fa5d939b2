import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "./src/store/database.ts";
const dir = path.join(await mkdtemp(path.join(tmpdir(), "p-")), "data");
await (await openDatabase({ kind: "pglite", dataDir: dir })).close();
const ru = () => { const r = process.resourceUsage(); return [r.userCPUTime / 1000, r.systemCPUTime / 1000]; };
for (let i = 0; i < 12; i++) {
  const a = ru(); const t0 = performance.now();
  const db = await openDatabase({ kind: "pglite", dataDir: dir });
  const b = ru(); const t1 = performance.now();
  await db.migrate();
  await db.prisma.$queryRawUnsafe("select 1");
  const c = ru(); const t2 = performance.now();
  await db.close();
  const d = ru(); const t3 = performance.now();
  const f = (x: number[], y: number[]) => `u${Math.round(y[0]! - x[0]!)} s${Math.round(y[1]! - x[1]!)}`;
  console.log(`open ${Math.round(t1 - t0)}ms ${f(a, b)} | migrate+q ${Math.round(t2 - t1)}ms ${f(b, c)} | close ${Math.round(t3 - t2)}ms ${f(c, d)}`);
}
