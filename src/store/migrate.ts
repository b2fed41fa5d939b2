/**
 * Applies prisma/migrations/<name>/migration.sql in order, in-process, each in its own
 * transaction, recording name and checksum. The Prisma CLI cannot apply migrations to an
 * embedded PGlite folder safely (see README, "Database"), so both runtimes use this.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The few raw-SQL operations migrations need; implemented for PGlite and for pg. */
export interface SqlRunner {
  /** Runs one or more statements (simple query protocol). */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` inside BEGIN/COMMIT, rolling back on error. */
  transaction(fn: (tx: SqlRunner) => Promise<void>): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(import.meta.dirname, "..", "..", "prisma", "migrations");

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationChecksumError extends Error {}

export interface Migration {
  name: string;
  sql: string;
  /** sha256 of the SQL, as recorded in _duidbot_migrations. */
  checksum: string;
}

/** The migrations in `dir`, in the order they apply (by folder name). */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export async function applyMigrations(db: SqlRunner, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  await db.exec(`CREATE TABLE IF NOT EXISTS "_duidbot_migrations" (
    name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
  const done = new Map(
    (await db.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "_duidbot_migrations"`)).map(
      (r) => [r.name, r.checksum],
    ),
  );
  const applied: string[] = [];
  for (const { name, sql, checksum } of await readMigrations(dir)) {
    const previous = done.get(name);
    if (previous !== undefined) {
      // An edited migration that already ran would leave databases that differ silently.
      if (previous !== checksum) {
        throw new MigrationChecksumError(
          `Migratie ${name} is gewijzigd nadat hij is uitgevoerd (checksum verschilt) / migration ${name} changed after it was applied`,
        );
      }
      continue;
    }
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query(`INSERT INTO "_duidbot_migrations" (name, checksum) VALUES ($1, $2)`, [name, checksum]);
    });
    applied.push(name);
  }
  return { applied, alreadyApplied: done.size };
}
