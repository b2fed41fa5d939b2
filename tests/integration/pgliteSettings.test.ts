// Proves the embedded database's memory settings: a small buffer pool (16 MB instead of PGlite's
// server-sized 128 MB, which cost ~110–170 MB of idle memory) with PGlite's own start parameters kept,
// and Node run with --liftoff-only wherever the bot runs (without it V8's optimising compiler takes
// ~600 MB for one of PGlite's functions: docs/database.md).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.ts";

const root = path.join(import.meta.dirname, "..", "..");

describe("the embedded database's settings", () => {
  it("runs with shared_buffers 16MB and PGlite's defaults (single worker, public search path)", { timeout: 60_000 }, async () => {
    const db = await openDatabase({ kind: "pglite" });
    try {
      const show = async (name: string) => ((await db.prisma.$queryRawUnsafe(`SHOW ${name}`)) as Record<string, string>[])[0]?.[name];
      expect(await show("shared_buffers")).toBe("16MB");
      expect(await show("max_worker_processes")).toBe("0");
      expect(await show("search_path")).toBe("public");
    } finally {
      await db.close();
    }
  });

  it("npm start, npm run duidbot, npm run db:ready and the duidbot executable run Node with --liftoff-only", async () => {
    const pkg = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    for (const script of ["start", "duidbot", "db:ready"]) expect(pkg.scripts[script], script).toMatch(/^node --liftoff-only /);
    const shebang = (await readFile(path.join(root, "src", "cli", "duidbot.js"), "utf8")).split("\n")[0];
    expect(shebang).toBe("#!/usr/bin/env -S node --liftoff-only");
  });
});
