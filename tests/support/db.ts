/**
 * Test databases: always an in-memory PGlite; also PostgreSQL when TEST_DATABASE_URL is set
 * (CI sets it); and the memory store (no database) for tests that are not about the database. Every open() gets a database of its own in the just-migrated state, with the
 * migration check run as on every real start.
 *
 * Where that database comes from (issue #14: this set-up was 519 of 520 summed seconds): a test
 * process keeps the databases its tests disposed and resets them for the next open()
 * (tests/support/dbReset.ts); a new one is a PGlite loaded from the migrated template (globalSetup,
 * tests/support/dbTemplate.ts) or a new PostgreSQL schema, migrated from scratch. A disposed
 * database refuses further use, so a test that keeps writing after dispose() fails rather than
 * writing into the next test's data.
 */
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, pgliteDatabase, type Database, type DatabaseTarget } from "../../src/store/database.ts";
import { openMemoryServices, servicesOn, type DbServices, type Services } from "../../src/main/services.ts";
import type { Clock } from "../../src/app/ports.ts";
import { resetToMigrated, schemaFingerprint, type ResetSql } from "./dbReset.ts";
import { pgliteSql } from "./dbTemplate.ts";
import { BytesBlob } from "../../src/store/bytesBlob.ts";

/** Where a test's services live; `S` is DbServices on a real database (its Prisma client at hand). */
export interface TestRuntime<S extends Services = DbServices> {
  name: "pglite" | "postgres" | "memory";
  open(clock?: Clock): Promise<S & { dispose(): Promise<void> }>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

type Opened = DbServices & { dispose(): Promise<void> };

/** A database a disposed test left behind, with the schema fingerprint it had when freshly migrated. */
interface Idle<T> {
  handle: T;
  fingerprint: string;
}

/** PGlites (each with its Database: the Prisma client too) that disposed tests left behind. */
const idlePglites: Idle<{ pglite: PGlite; db: Database }>[] = [];
let templateDump: Promise<Blob> | undefined;

async function newPglite(): Promise<PGlite> {
  const template = inject("pgliteTemplate");
  templateDump ??= readFile(template.dump).then((bytes) => new BytesBlob(bytes));
  const pglite = new PGlite({ loadDataDir: await templateDump });
  await pglite.waitReady;
  return pglite;
}

const pgliteReuse: ReuseHow<{ pglite: PGlite; db: Database }> = {
  target: () => ({ kind: "pglite" }),
  sql: (handle) => pgliteSql(handle.pglite),
  create: async () => {
    const pglite = await newPglite();
    // One Prisma client per PGlite, not per test: a new client's first query costs ~8 ms of CPU.
    return { pglite, db: pgliteDatabase(pglite, () => pglite.close()) };
  },
  discard: (handle) => handle.db.close(),
};

function openPglite(clock: Clock | undefined): Promise<Opened> {
  return openReused(idlePglites, clock, pgliteReuse);
}

/**
 * An in-memory PGlite from the same pool, just migrated, as a bare Database: for `duidbot` commands run
 * in the test process (tests/support/cli.ts), which build their own services on it. close() hands it
 * back. Issue #14: a copied data folder and its PGlite start cost ~0.5 s of CPU; a reset a few ms.
 */
export async function leaseEmbeddedDatabase(): Promise<Database> {
  return (await leaseReused(idlePglites, pgliteReuse)).lease;
}

/**
 * A database from `idle` reset to its just-migrated state (one whose reset fails, e.g. after a test
 * changed the schema, is discarded), or a new one; the test gets it behind fenceDatabase, and its
 * dispose() puts it back in `idle` with the schema fingerprint it had when handed out.
 */
async function openReused<H extends { db: Database }>(idle: Idle<H>[], clock: Clock | undefined, how: ReuseHow<H>): Promise<Opened> {
  const { handle, lease } = await leaseReused(idle, how);
  const services = await servicesOn(lease, how.target(handle), clock);
  return { ...services, dispose: () => services.close() };
}

interface ReuseHow<H> {
  target(handle: H): DatabaseTarget;
  sql(handle: H): ResetSql;
  create(): Promise<H>;
  discard(handle: H): Promise<void>;
}

/** The database itself (see openReused); its close() hands it back. */
async function leaseReused<H extends { db: Database }>(idle: Idle<H>[], how: ReuseHow<H>): Promise<{ handle: H; lease: Database }> {
  let reused: Idle<H> | undefined;
  while (!reused && idle.length > 0) {
    const candidate = idle.pop()!;
    if (await resetToMigrated(how.sql(candidate.handle), candidate.fingerprint).catch(() => false)) reused = candidate;
    else await how.discard(candidate.handle).catch(() => {});
  }
  const handle = reused?.handle ?? (await how.create());
  // A new one is migrated already (the template, or migrate() in create): this is its migrated schema.
  let fingerprint: string | undefined = reused?.fingerprint ?? (await schemaFingerprint(how.sql(handle)));
  const lease = fenceDatabase(handle.db, async () => {
    if (fingerprint !== undefined) idle.push({ handle, fingerprint });
    fingerprint = undefined; // released once, even if dispose() runs twice
  });
  return { handle, lease };
}

/**
 * PostgreSQL databases (a schema each, its pools and Prisma client still connected) that disposed tests
 * left behind. A new connection costs ~25 ms here (a backend start, its catalog caches, the close) and
 * a test opened five (migrate, Prisma, raw, transactions, the reset): ~115 ms per test, most of the
 * suite's waiting (issue #14). Kept connected, a reset is two statements on a connection that is open.
 */
const idlePostgres: Idle<{ db: Database; schema: string }>[] = [];
let schemaCount = 0;

async function withSchema<T>(url: string, schema: string, fn: (sql: ResetSql) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path="${schema}"` });
  await client.connect();
  try {
    return await fn({ rows: async (sql) => (await client.query(sql)).rows, exec: async (sql) => void (await client.query(sql)) });
  } finally {
    await client.end();
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  await withSchema(url, "public", (sql) => sql.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}

/** The reset's SQL on the database's own raw connection (its search_path is the schema). */
const rawResetSql = (db: Database): ResetSql => ({ rows: (sql) => db.raw.query(sql), exec: (sql) => db.raw.execute(sql, []) });

async function openPostgres(url: string, clock: Clock | undefined): Promise<Opened> {
  return openReused(idlePostgres, clock, {
    target: ({ schema }) => ({ kind: "postgres", url, schema }),
    sql: (handle) => rawResetSql(handle.db),
    create: async () => {
      const schema = newSchemaName();
      const db = await openDatabase({ kind: "postgres", url, schema });
      await db.migrate();
      return { schema, db };
    },
    discard: async (handle) => {
      await handle.db.close().catch(() => {});
      await dropSchema(url, handle.schema);
    },
  });
}

/**
 * The database as one test sees it: close() hands it back (`release`) instead of disconnecting, and
 * from then on every use through this handle fails, so a test that keeps writing after dispose() fails
 * rather than writing into the next test's data.
 */
function fenceDatabase(db: Database, release: () => Promise<void>): Database {
  let revoked = false;
  const check = () => {
    if (revoked) throw new Error("This test database was disposed (tests/support/db.ts); it is not usable any more");
  };
  const fenced = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property) {
        check();
        const value: unknown = Reflect.get(object, property, object);
        return typeof value === "function"
          ? (...args: unknown[]) => {
              check();
              return (value as (...a: unknown[]) => unknown).apply(object, args);
            }
          : value;
      },
    });
  return {
    ...db,
    prisma: fenced(db.prisma),
    raw: fenced(db.raw),
    migrate: () => (check(), db.migrate()),
    close: async () => {
      if (revoked) return;
      revoked = true;
      await release();
    },
  };
}

/** globalSetup drops this run's schemas (by prefix) when the run ends. */
function newSchemaName(): string {
  return `${inject("pgSchemaPrefix")}${process.pid}_${schemaCount++}`;
}

/**
 * The in-memory store (src/store/memory): no database at all, for tests that are not about the
 * database. tests/contract/ proves it behaves like the real ones.
 */
export const memoryRuntime: TestRuntime<Services> = {
  name: "memory",
  open: async (clock) => {
    const services = await openMemoryServices(clock);
    return { ...services, dispose: () => services.close() };
  },
};

/** The memory store and the real databases: for suites about the store ports (tests/contract). */
export function allRuntimes(): TestRuntime<Services>[] {
  return [memoryRuntime, ...testRuntimes()];
}

/** The real databases: PGlite, and PostgreSQL when TEST_DATABASE_URL is set. */
export function testRuntimes(): TestRuntime[] {
  const runtimes: TestRuntime[] = [{ name: "pglite", open: openPglite }];
  const url = TEST_DATABASE_URL;
  if (url) runtimes.push({ name: "postgres", open: (clock) => openPostgres(url, clock) });
  return runtimes;
}

/**
 * PGlite alone, the embedded default a user runs: for adapter tests whose database work is the same SQL
 * on PostgreSQL, where the contract suites (tests/contract) and the database-specific end-to-end files
 * (sessionsOnDatabase, slackInbox, slackInboxWrites, slackInboxNul, announcePending) run it. Issue #14: a second runtime
 * for such a file doubled its time and proved nothing the contract suites do not.
 */
export function embeddedRuntime(): TestRuntime {
  return testRuntimes()[0]!;
}

/** A clock tests move by hand. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => now, set: (next) => void (now = new Date(next)) };
}
