// Proves the test databases (tests/support/db.ts) are what every other test assumes: each open() is in
// the just-migrated state even though a test process reuses its databases (no rows, ids from 1, the
// schema as migrated), a disposed one refuses use, and a database created from nothing gets every
// migration (the reused ones start from a template or a schema migrated once per file).
import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { openDatabase, type DatabaseTarget } from "../../src/store/database.ts";
import { MIGRATIONS_DIR } from "../../src/store/migrate.ts";
import { TEST_DATABASE_URL, testRuntimes } from "../support/db.ts";
import { seedDin } from "../support/sessionWorld.ts";

type Opened = Awaited<ReturnType<ReturnType<typeof testRuntimes>[number]["open"]>>;

const columns = async (s: Opened, table: string) =>
  (
    await s.db.prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT column_name::text AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
      table,
    )
  ).map((r) => r.name);

for (const runtime of testRuntimes()) {
  describe(`test databases on ${runtime.name}`, () => {
    it("hands out the just-migrated state again after a test wrote rows: no rows, ids from 1", async () => {
      const first = await runtime.open();
      await seedDin(first);
      const [din] = await first.db.prisma.din.findMany();
      expect(din?.id).toBe(1);
      const slug = din!.slug;
      expect(await first.db.prisma.indicator.count()).toBeGreaterThan(0);
      await first.dispose();

      const second = await runtime.open();
      try {
        expect(await second.dins.listDinSlugs()).toEqual([]);
        expect(await second.db.prisma.indicator.count()).toBe(0);
        await seedDin(second);
        expect((await second.db.prisma.din.findMany()).map((d) => [d.id, d.slug])).toEqual([[1, slug]]);
      } finally {
        await second.dispose();
      }
    });

    it("does not hand out a database whose schema a test changed", async () => {
      const first = await runtime.open();
      await first.db.raw.execute(`ALTER TABLE "Din" ADD COLUMN "extra" INTEGER`, []);
      expect(await columns(first, "Din")).toContain("extra");
      await first.dispose();

      const second = await runtime.open();
      try {
        expect(await columns(second, "Din")).not.toContain("extra");
      } finally {
        await second.dispose();
      }
    });

    it("refuses use after dispose, so a late write cannot land in the next test's database", async () => {
      const s = await runtime.open();
      await s.dispose();
      await expect(s.dins.listDinSlugs()).rejects.toThrow();
    });

    it("gives two databases open at once their own data", async () => {
      const [a, b] = await Promise.all([runtime.open(), runtime.open()]);
      try {
        await seedDin(a);
        expect(await a.dins.listDinSlugs()).toHaveLength(1);
        expect(await b.dins.listDinSlugs()).toEqual([]);
      } finally {
        await Promise.all([a.dispose(), b.dispose()]);
      }
    });
  });
}

describe("a database created from nothing", () => {
  const targets: { name: string; target: () => DatabaseTarget; cleanup?: (t: DatabaseTarget) => Promise<void> }[] = [
    { name: "pglite", target: () => ({ kind: "pglite" }) },
  ];
  const url = TEST_DATABASE_URL;
  if (url) targets.push({ name: "postgres", target: () => ({ kind: "postgres", url, schema: `scratch_${randomBytes(4).toString("hex")}` }) });

  for (const { name, target } of targets) {
    it(`gets every migration, in order, on ${name}; a second start applies none`, async () => {
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
