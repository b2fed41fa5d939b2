// Proves the ready database (src/store/readyDatabase.ts): the committed dump is current and holds exactly
// what initdb plus every migration makes; a first start on an empty folder loads it and is migrated; a
// dump that does not fit (other PGlite, edited, renamed or unknown migration) is never loaded.
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "../../src/store/database.ts";
import { copyTemplateFolder } from "../support/dbTemplate.ts";
import { readMigrations } from "../../src/store/migrate.ts";
import {
  extractReadyDump,
  loadReadyDump,
  pgliteVersion,
  READY_DIR,
  READY_DUMP_FILE,
  READY_MANIFEST_FILE,
  staleReason,
  type ReadyManifest,
} from "../../src/store/readyDatabase.ts";

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "duidbot-ready-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

type Rows = (sql: string) => Promise<{ line: string }[]>;

/** Tables, columns, indexes and constraints of the public schema and the applied migrations, in a stable order. */
async function schemaOf(rows: Rows): Promise<string[]> {
  const lines = async (sql: string) => (await rows(sql)).map((r) => r.line);
  return [
    ...(await lines(`SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
      FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`)),
    ...(await lines(`SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`)),
    ...(await lines(`SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1`)),
    ...(await lines(`SELECT name || ' ' || checksum AS line FROM "_duidbot_migrations" ORDER BY 1`)),
  ];
}

describe("the ready database", () => {
  it("is current: written by the installed PGlite, with every migration in prisma/migrations (else: npm run db:ready)", async () => {
    const manifest = JSON.parse(await readFile(path.join(READY_DIR, READY_MANIFEST_FILE), "utf8")) as ReadyManifest;
    const migrations = (await readMigrations()).map(({ name, checksum }) => ({ name, checksum }));
    expect({ pglite: manifest.pglite, migrations: manifest.migrations }, "prisma/ready is stale: run npm run db:ready").toEqual({
      pglite: await pgliteVersion(),
      migrations,
    });
  });

  // On disk, as a user's first start: PGlite's own loadDataDir (in memory) unpacks a dump through its
  // WebAssembly file system, ~1.3 s of CPU each for this one and the template (issue #14).
  it("is what a first start on an empty folder loads: the schema initdb plus every migration makes (the tests' template), no migration to apply; the next start finds it there", { timeout: 60_000 }, async () => {
    const templateDir = path.join(scratch, "template");
    await copyTemplateFolder(inject("pgliteTemplate"), templateDir);
    const fromMigrations = new PGlite(templateDir);
    const dir = path.join(scratch, "first-start");
    const first = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      expect(first.origin).toEqual({ kind: "ready" });
      const all = (await readMigrations()).length;
      expect(await first.migrate()).toEqual({ applied: [], alreadyApplied: all });
      const readySchema = await schemaOf((sql) => first.prisma.$queryRawUnsafe(sql));
      expect(readySchema.length).toBeGreaterThan(50);
      expect(readySchema).toEqual(await schemaOf(async (sql) => (await fromMigrations.query<{ line: string }>(sql)).rows));
      await first.prisma.$executeRawUnsafe(`INSERT INTO "_duidbot_migrations" (name, checksum) VALUES ('zz_marker', 'x')`);
    } finally {
      await first.close();
      await fromMigrations.close();
    }
    const again = await openDatabase({ kind: "pglite", dataDir: dir });
    try {
      expect(again.origin).toEqual({ kind: "existing" });
      expect(await again.prisma.$queryRawUnsafe(`SELECT name FROM "_duidbot_migrations" WHERE name = 'zz_marker'`)).toEqual([{ name: "zz_marker" }]);
    } finally {
      await again.close();
    }
  });

  describe("is refused when it does not fit", () => {
    const current = [
      { name: "1_init", checksum: "a".repeat(64) },
      { name: "2_more", checksum: "b".repeat(64) },
    ];
    const manifest = (migrations: ReadyManifest["migrations"], pglite = "0.5.17"): ReadyManifest => ({ pglite, migrations });

    it("fits when its migrations are the first ones, same checksums (later ones are applied on top)", () => {
      expect(staleReason(manifest(current), "0.5.17", current)).toBeUndefined();
      expect(staleReason(manifest(current.slice(0, 1)), "0.5.17", current)).toBeUndefined();
    });

    it("says why not: another PGlite, an edited, renamed or unknown migration", () => {
      expect(staleReason(manifest(current, "0.5.16"), "0.5.17", current)).toBe("written by PGlite 0.5.16, this is 0.5.17");
      expect(staleReason(manifest([current[0]!, { name: "2_more", checksum: "c".repeat(64) }]), "0.5.17", current)).toBe("migration 2_more changed since it was written");
      expect(staleReason(manifest([{ name: "1_start", checksum: "a".repeat(64) }]), "0.5.17", current)).toBe("migration 1 is 1_start there, 1_init here");
      expect(staleReason(manifest([...current, { name: "3_new", checksum: "d".repeat(64) }]), "0.5.17", current)).toBe(
        "it holds 3 migrations, prisma/migrations has 2",
      );
    });

    it("refuses a manifest that is missing, not JSON or malformed, naming the file", async () => {
      const dir = path.join(scratch, "bad-manifest");
      expect(await loadReadyDump(dir)).toEqual({ tar: undefined, reason: `${path.join(dir, READY_MANIFEST_FILE)} does not exist` });
      await cp(READY_DIR, dir, { recursive: true });
      await writeFile(path.join(dir, READY_MANIFEST_FILE), "{ nee");
      expect((await loadReadyDump(dir)).tar).toBeUndefined();
      await writeFile(path.join(dir, READY_MANIFEST_FILE), JSON.stringify({ pglite: "0.5.17", migrations: [{ name: "x", checksum: "kort" }] }));
      const result = await loadReadyDump(dir);
      expect(result.tar === undefined && result.reason).toMatch(/manifest\.json: migrations\.0\.checksum: /);
    });

    it("a first start with a stale dump runs initdb and every migration instead, never reading the dump", { timeout: 120_000 }, async () => {
      const dir = path.join(scratch, "stale");
      await cp(READY_DIR, dir, { recursive: true });
      const stale = JSON.parse(await readFile(path.join(dir, READY_MANIFEST_FILE), "utf8")) as ReadyManifest;
      stale.migrations[0]!.checksum = "0".repeat(64); // as if the first migration had been edited since
      await writeFile(path.join(dir, READY_MANIFEST_FILE), JSON.stringify(stale));
      await writeFile(path.join(dir, READY_DUMP_FILE), "not a dump: reading it would fail the open");
      const db = await openDatabase({ kind: "pglite", ready: dir });
      try {
        expect(db.origin?.kind).toBe("initdb");
        expect(db.origin?.reason).toContain(`migration ${stale.migrations[0]!.name} changed since it was written`);
        // Also the proof that a PGlite created from nothing gets every migration, in order, and a second
        // start applies none (tests/integration/migrations.test.ts proves the same on PostgreSQL): one
        // initdb less in the suite.
        const all = (await readMigrations()).map((m) => m.name);
        expect(await db.migrate()).toEqual({ applied: all, alreadyApplied: 0 });
        expect(await db.migrate()).toEqual({ applied: [], alreadyApplied: all.length });
      } finally {
        await db.close();
      }
    });
  });

  it("writes PG_VERSION, the mark of an existing database, after every other file", async () => {
    // A tar with PG_VERSION first and a second file after it; a stop in between must leave no PG_VERSION.
    const entry = (name: string, body: string) => {
      const header = new Uint8Array(512);
      const put = (at: number, text: string) => header.set(new TextEncoder().encode(text), at);
      put(0, name);
      put(124, `${body.length.toString(8).padStart(11, "0")}\0`);
      put(156, "0");
      const data = new Uint8Array(Math.ceil(body.length / 512) * 512);
      data.set(new TextEncoder().encode(body));
      return [header, data];
    };
    const tar = new Uint8Array(Buffer.concat([...entry("/PG_VERSION", "17\n"), ...entry("/base/1/x", "data"), new Uint8Array(1024)]));
    const dir = path.join(scratch, "order");
    await mkdir(dir);
    // A file where the folder base/ must go: writing base/1/x fails there, as a crash at that point would stop it.
    await writeFile(path.join(dir, "base"), "");
    expect(() => extractReadyDump(tar, dir)).toThrow();
    expect(existsSync(path.join(dir, "PG_VERSION"))).toBe(false);
    await rm(path.join(dir, "base"));
    extractReadyDump(tar, dir);
    expect(await readFile(path.join(dir, "PG_VERSION"), "utf8")).toBe("17\n");
    expect(await readFile(path.join(dir, "base", "1", "x"), "utf8")).toBe("data");
  });

  it("refuses a path that leaves the data folder", () => {
    const header = new Uint8Array(512 * 3);
    header.set(new TextEncoder().encode("/../evil"), 0);
    header.set(new TextEncoder().encode("00000000000\0"), 124);
    header.set(new TextEncoder().encode("0"), 156);
    expect(() => extractReadyDump(header, path.join(scratch, "evil"))).toThrow("ready dump: unsafe path ../evil");
  });
});
