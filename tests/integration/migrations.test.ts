// Proves a database created from nothing gets every migration, in order, and a second start applies
// none, on PGlite and PostgreSQL. The tests' own databases skip this (tests/support/db.ts: a migrated
// template, reused between tests), so it is proven here, once per runtime.
import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { openDatabase, type DatabaseTarget } from "../../src/store/database.ts";
import { MIGRATIONS_DIR } from "../../src/store/migrate.ts";
import { TEST_DATABASE_URL } from "../support/db.ts";

describe("a database created from nothing", () => {
  const targets: { name: string; target: () => DatabaseTarget }[] = [
    // ready: false: from PGlite's initdb, not the ready dump (tests/integration/readyDatabase.test.ts proves that one).
    { name: "pglite", target: () => ({ kind: "pglite", ready: false }) },
  ];
  const url = TEST_DATABASE_URL;
  if (url) targets.push({ name: "postgres", target: () => ({ kind: "postgres", url, schema: `scratch_${randomBytes(4).toString("hex")}` }) });

  for (const { name, target } of targets) {
    // A PGlite created from nothing runs initdb: seconds, and many more on a busy machine.
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
