/**
 * Migrated PGlite templates, built once (globalSetup) and cached in the OS temp folder under a key of
 * everything that shapes them (the migrations, the migration runner, the PGlite version): a dump for
 * in-memory databases (PGlite's loadDataDir) and a data folder to copy for tests that restart on disk.
 * A stale template cannot slip through: every open still runs the migration check.
 */
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { appendFile, cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase, pgliteDatabase } from "../../src/store/database.ts";
import { MIGRATIONS_DIR } from "../../src/store/migrate.ts";
import { pgliteVersion } from "../../src/store/readyDatabase.ts";
import { assertNoSeedRows, type ResetSql } from "./dbReset.ts";

export interface PgliteTemplate {
  /** dumpDataDir() of a migrated in-memory PGlite (uncompressed tar). */
  dump: string;
  /**
   * dumpDataDir() of the same PGlite straight after initdb, before any migration: for tests of one
   * migration's data conversion, which start at an earlier migration (initdb costs ~2.6 s of CPU, loading
   * this dump ~0.75 s). Tests about initdb itself (readyDatabase's stale dump) still run it.
   */
  initdb: string;
  /** A migrated PGlite data folder, closed cleanly; copy it, never open it in place. */
  folder: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: PgliteTemplate;
    /** Prefix of this run's PostgreSQL schemas (globalSetup drops them at the end). */
    pgSchemaPrefix: string;
  }
}

/**
 * The one setting the templates change: PGlite's default 128 MB of shared buffers is zeroed at every
 * start (measured: 0.5 s of CPU and 130 MB of memory per PGlite); test databases hold a few hundred rows.
 */
const TEMPLATE_SETTINGS = "shared_buffers = '8MB'";

async function templateKey(): Promise<string> {
  const hash = createHash("sha256");
  hash.update(TEMPLATE_SETTINGS);
  hash.update(await pgliteVersion());
  hash.update(await readFile(path.join(import.meta.dirname, "..", "..", "src", "store", "migrate.ts")));
  for (const name of (await readdir(MIGRATIONS_DIR)).sort()) {
    hash.update(name);
    hash.update(await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql")).catch(() => Buffer.alloc(0)));
  }
  return hash.digest("hex").slice(0, 16);
}

const run = promisify(execFile);

const exists = (file: string) => stat(file).then(() => true, () => false);

/** Builds what is missing; another run building the same key at the same time is harmless (rename is atomic). */
export async function prepareTemplate(): Promise<PgliteTemplate> {
  const base = path.join(tmpdir(), `duidbot-test-template-${await templateKey()}`);
  const template = { dump: `${base}.tar`, initdb: `${base}-initdb.tar`, folder: base };
  const scratch = `${base}.${process.pid}.${randomBytes(4).toString("hex")}`;
  if (!(await exists(template.dump)) || !(await exists(template.initdb))) {
    const pglite = new PGlite();
    const db = pgliteDatabase(pglite, () => pglite.close());
    try {
      await pglite.exec(`ALTER SYSTEM SET ${TEMPLATE_SETTINGS.replace(" = ", " TO ")}`);
      const bare = await pglite.dumpDataDir("none");
      await writeFile(`${scratch}-initdb.tar`, Buffer.from(await bare.arrayBuffer()));
      await rename(`${scratch}-initdb.tar`, template.initdb);
      await db.migrate();
      await assertNoSeedRows(pgliteSql(pglite));
      const dump = await pglite.dumpDataDir("none");
      await writeFile(`${scratch}.tar`, Buffer.from(await dump.arrayBuffer()));
      await rename(`${scratch}.tar`, template.dump);
    } finally {
      await db.close();
    }
  }
  if (!(await exists(template.folder))) {
    // The production path (openDatabase on a new folder: the ready dump, then migrate), so the copy is what
    // `duidbot` itself leaves behind. The in-memory dump above comes from initdb: the two are compared in
    // tests/integration/readyDatabase.test.ts.
    const db = await openDatabase({ kind: "pglite", dataDir: scratch });
    try {
      await db.migrate();
    } finally {
      await db.close();
    }
    await appendFile(path.join(scratch, "postgresql.auto.conf"), `${TEMPLATE_SETTINGS}\n`);
    await rename(scratch, template.folder).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
      await rm(scratch, { recursive: true, force: true }); // another run was faster
    });
  }
  return template;
}

/** A new data folder at `dir` holding the migrated template (about 40 MB). */
export async function copyTemplateFolder(template: PgliteTemplate, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  // The system's cp where there is one: Node's fs.cp walks the 530 files in JavaScript (150-420 ms of the
  // test process's CPU per copy, ~15 copies a run), cp -a takes ~40 ms and keeps the WAL file sparse.
  try {
    await run("cp", ["-a", `${template.folder}/.`, dir]);
  } catch {
    await cp(template.folder, dir, { recursive: true });
  }
}

export function pgliteSql(pglite: Pick<PGlite, "query" | "exec">): ResetSql {
  return {
    rows: async <T>(sql: string) => (await pglite.query<T>(sql)).rows,
    exec: async (sql) => void (await pglite.exec(sql)),
  };
}
