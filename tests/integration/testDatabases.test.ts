// Proves the test databases (tests/support/db.ts) are what every other test assumes: each open() is in
// the just-migrated state even though a test process reuses its databases (no rows, ids from 1, the
// schema as migrated), and a disposed one refuses use. tests/integration/migrations.test.ts proves a
// database created from nothing (the reused ones start from a template or a schema migrated once per file).
import { describe, expect, it } from "vitest";
import { testRuntimes } from "../support/db.ts";
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
