// Proves a database created from nothing gets every migration, in order, and a second start applies
// none, on PostgreSQL. The tests' own databases skip this (tests/support/db.ts: a migrated template,
// reused between tests), so it is proven here; on PGlite the stale-dump test in readyDatabase.test.ts
// proves it (a PGlite from nothing runs initdb: seconds of CPU, so the suite does it once, there).
import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { openDatabase, type DatabaseTarget } from "../../src/store/database.ts";
import { MIGRATIONS_DIR } from "../../src/store/migrate.ts";
import { TEST_DATABASE_URL } from "../support/db.ts";

const url = TEST_DATABASE_URL;

// Skipped without TEST_DATABASE_URL: no PostgreSQL to migrate (CI always sets it: tests/support/globalSetup.ts).
describe.runIf(url)("a database created from nothing", () => {
  const targets: { name: string; target: () => DatabaseTarget }[] = url
    ? [{ name: "postgres", target: () => ({ kind: "postgres", url, schema: `scratch_${randomBytes(4).toString("hex")}` }) }]
    : [];

  for (const { name, target } of targets) {
    it(`gets every migration, in order, on ${name}; a second start applies none`, { timeout: 120_000 }, async () => {
      const all = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
      const t = target();
      const db = await openDatabase(t);
      try {
        expect(await db.migrate()).toEqual({ applied: all, alreadyApplied: 0 });
        expect(await db.migrate()).toEqual({ applied: [], alreadyApplied: all.length });
      } finally {
        if (t.kind === "postgres") await db.prisma.$executeRawUnsafe(`DROP SCHEMA "${t.schema}" CASCADE`);
        await db.close();
      }
    });
  }
});
