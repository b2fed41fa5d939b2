// Proves the embedded database starts with a small buffer pool (16 MB instead of PGlite's server-sized
// 128 MB, which cost ~110–170 MB of idle memory) while keeping PGlite's own start parameters.
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.ts";

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
});
