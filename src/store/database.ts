/**
 * Opens the database: embedded PGlite in a data folder (default), or PostgreSQL when a URL
 * is given. Both get the same migrations and the same Prisma client (driver adapters).
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaClient, type Prisma } from "@prisma/client";
import type { PoolClient } from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { lockDataDir } from "./dataDirLock.ts";
import { applyMigrations, type MigrationResult, type SqlRunner } from "./migrate.ts";
import { dropPrefetched, pgliteAssets } from "./pgliteAssets.ts";
import { writeStatement, type StatementParam } from "./pgliteStatement.ts";
import { BytesBlob } from "./bytesBlob.ts";
import { extractReadyDump, loadReadyDump } from "./readyDatabase.ts";

export type DatabaseTarget =
  | {
      kind: "pglite";
      /** folder on disk; undefined = in memory (tests) */
      dataDir?: string;
      /** Where a new database comes from: the ready dump in this folder (default prisma/ready), or false: PGlite's initdb. */
      ready?: string | false;
    }
  | { kind: "postgres"; url: string; /** Postgres schema to use (tests use one per run) */ schema?: string };

/** Statements straight to the driver, without Prisma. */
export interface RawQuery {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** Statements inside a driver transaction (RawSql.transaction). */
export interface RawTransaction extends RawQuery {
  /**
   * A statement without result rows whose parameters are bytes (binaryArrays.ts), texts or numbers: a
   * bulk write. PGlite gets it as one message of exactly its size (pgliteStatement.ts); PostgreSQL as
   * any query.
   */
  write(sql: string, params: readonly StatementParam[]): Promise<void>;
  /**
   * PGlite only: reserves `count` consecutive ids of `table`'s serial "id" and returns the first, so a
   * bulk insert gives its rows their ids instead of calling nextval per row (~60 ms of a 50,000-value
   * import; issue #15). Safe there because PGlite has one connection and runs one transaction at a
   * time. PostgreSQL leaves it out: a concurrent import could take an id between its two steps.
   */
  reserveIds?(table: string, count: number): Promise<number>;
}

/**
 * The driver without Prisma, for the few hot paths: the inbox write, and the import and change listing
 * (Prisma's query compiler took 1.2–2 s just to take the arrays of a 50,000-value import; issue #15).
 */
export interface RawSql extends RawQuery {
  execute(sql: string, params: unknown[]): Promise<void>;
  /** One transaction on the driver: rolled back when `fn` throws. */
  transaction<T>(fn: (tx: RawTransaction) => Promise<T>): Promise<T>;
}

/** How an embedded database came to be: loaded from the ready dump, made by initdb (with why not ready), or already there. */
export interface DatabaseOrigin {
  kind: "ready" | "initdb" | "existing";
  reason?: string;
}

export interface Database {
  kind: DatabaseTarget["kind"];
  /** PGlite only. */
  origin?: DatabaseOrigin;
  prisma: PrismaClient;
  raw: RawSql;
  migrate(): Promise<MigrationResult>;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "pglite" ? openPglite(target.dataDir, target.ready) : openPostgres(target.url, target.schema);
}

/**
 * PGlite's start parameters: its own defaults (read from the package, not copied: a list replaces them
 * all) plus a small buffer pool. PGlite sizes shared_buffers like a server (128 MB, zeroed at every
 * start); the embedded bot's working set is far smaller. Measured with the example loaded, 30 s idle:
 * RSS 416–480 MB → 301–308 MB; importing 50,000 values 5.5 → 5.3 s, listing their changes 1.37 → 1.54 s.
 */
export const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

async function openPglite(dataDir: string | undefined, readyDir: string | false | undefined): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  let pglite: PGlite;
  let origin: DatabaseOrigin;
  try {
    // PGlite's own test for an existing database; a new one loads the ready dump when it fits (readyDatabase.ts).
    const isNew = !dataDir || !existsSync(path.join(dataDir, "PG_VERSION"));
    const ready = isNew && readyDir !== false ? await loadReadyDump(readyDir) : undefined;
    dropPrefetched(); // a dump decompressed ahead for a folder that exists after all, or a stale one
    origin = !isNew ? { kind: "existing" } : ready?.tar ? { kind: "ready" } : { kind: "initdb", reason: ready?.reason ?? "ready: false" };
    if (dataDir && ready?.tar) extractReadyDump(ready.tar, dataDir);
    const inMemoryDump = !dataDir && ready?.tar ? { loadDataDir: new BytesBlob(ready.tar) } : {};
    // Compiled and read once per process, usually while the modules loaded (pgliteAssets.ts).
    const options = { startParams: PGLITE_START_PARAMS, ...(await pgliteAssets()) };
    pglite = dataDir ? new PGlite(dataDir, options) : new PGlite({ ...options, ...inMemoryDump });
    await pglite.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const db = pgliteDatabase(pglite, async () => {
    await pglite.close();
    unlock();
  });
  return { ...db, origin };
}

/**
 * A Database on a PGlite that is already running. close() disconnects Prisma, then calls `release`:
 * openPglite closes the PGlite there; the tests hand it back to their pool (tests/support/db.ts), as
 * starting a PGlite costs about a second and a reset between tests a few milliseconds.
 */
export function pgliteDatabase(pglite: PGlite, release: () => Promise<void>): Database {
  const runner: SqlRunner = {
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
    transaction: async (fn) => {
      await pglite.transaction(async (tx) => {
        await fn({
          exec: async (sql) => {
            await tx.exec(sql);
          },
          query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
          transaction: () => Promise.reject(new Error("nested transactions are not supported")),
        });
      });
    },
  };
  // pglite-prisma-adapter 0.6 is typed against an older @prisma/driver-adapter-utils; the runtime
  // protocol is the same (covered by the store tests on PGlite), only the type identity differs.
  const adapter = new PrismaPGlite(yieldingQueries(pglite)) as unknown as NonNullable<Prisma.PrismaClientOptions["adapter"]>;
  const prisma = new PrismaClient({ adapter });
  return {
    kind: "pglite",
    prisma,
    // Straight to PGlite (no Prisma, no yield): it still queues behind an open transaction, as everything does.
    raw: {
      execute: async (sql, params) => void (await pglite.query(sql, params)),
      query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
      transaction: <T>(fn: (tx: RawTransaction) => Promise<T>) =>
        pglite.transaction((tx) =>
          fn({
            query: async <R>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows,
            // Between this transaction's queries PGlite runs nothing else (its transaction lock).
            write: (sql, params) => writeStatement(pglite, sql, params),
            reserveIds: async (table, count) => {
              const { rows } = await tx.query<{ first: number }>(
                `SELECT (setval(s, nextval(s) + $1::int - 1) - $1::int + 1)::int AS "first" FROM pg_get_serial_sequence($2, 'id') AS s`,
                [count, `"${table}"`],
              );
              return rows[0]!.first;
            },
          }),
        ),
    },
    migrate: () => applyMigrations(runner),
    close: async () => {
      await prisma.$disconnect();
      await release();
    },
  };
}

/**
 * PGlite runs in this process, and a Prisma transaction on it is one unbroken chain of microtasks:
 * while it runs, no HTTP request is even read (measured: Slack acks waited 0.77 s behind thread
 * replies being recorded). Yielding one macrotask before each query lets the server answer between
 * queries; it costs a few microseconds per query. Transactions get the same wrapper for their queries.
 */
function yieldingQueries<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "query") {
        return async (...args: unknown[]) => {
          await new Promise<void>((resolve) => setImmediate(resolve));
          return value.apply(object, args);
        };
      }
      if (property === "transaction") {
        return (fn: (tx: object) => unknown) => value.call(object, (tx: object) => fn(yieldingQueries(tx)));
      }
      return value.bind(object);
    },
  });
}

async function openPostgres(url: string, schema: string | undefined): Promise<Database> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  // Loaded here: the embedded default never needs the PostgreSQL driver (~30 modules less at start-up, issue #15).
  const [{ default: pg }, { PrismaPg }] = await Promise.all([import("pg"), import("@prisma/adapter-pg")]);
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const withClient = async <T>(fn: (c: PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      if (schema) {
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
        await client.query(`SET search_path TO "${schema}"`);
      }
      return await fn(client);
    } finally {
      client.release();
    }
  };
  const clientRunner = (c: PoolClient): SqlRunner => ({
    exec: async (sql) => {
      await c.query(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await c.query(sql, params)).rows as T[],
    transaction: () => Promise.reject(new Error("nested transactions are not supported")),
  });
  const runner: SqlRunner = {
    exec: (sql) => withClient(async (c) => void (await c.query(sql))),
    query: <T>(sql: string, params?: unknown[]) => withClient(async (c) => (await c.query(sql, params)).rows as T[]),
    transaction: (fn) =>
      withClient(async (c) => {
        await c.query("BEGIN");
        try {
          await fn(clientRunner(c));
          await c.query("COMMIT");
        } catch (error) {
          await c.query("ROLLBACK");
          throw error;
        }
      }),
  };
  // search_path too, not only Prisma's schema option: raw SQL (bulk inserts) must land in the same schema.
  const poolConfig = { connectionString: url, ...(schema ? { options: `-c search_path="${schema}"` } : {}) };
  const prisma = new PrismaClient({ adapter: new PrismaPg(poolConfig, schema ? { schema } : undefined) });
  // Its own two connections: a hot-path write never waits for a Prisma transaction's connection.
  const rawPool = new pg.Pool({ ...poolConfig, max: 2 });
  // Driver transactions (imports: seconds for a large file) get connections of their own, so they never
  // hold up the hot-path writes on rawPool.
  const txPool = new pg.Pool({ ...poolConfig, max: 2 });
  // An idle connection that breaks (a database restart) must not crash the process; the next query reconnects.
  rawPool.on("error", () => {});
  txPool.on("error", () => {});
  return {
    kind: "postgres",
    prisma,
    raw: {
      execute: async (sql, params) => void (await rawPool.query(sql, params)),
      query: async <T>(sql: string, params?: unknown[]) => (await rawPool.query(sql, params)).rows as T[],
      transaction: async <T>(fn: (tx: RawTransaction) => Promise<T>) => {
        const client = await txPool.connect();
        let broken = false;
        try {
          await client.query("BEGIN");
          const result = await fn({
            query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
            write: async (sql, params) => void (await client.query(sql, params as unknown[])),
          });
          await client.query("COMMIT");
          return result;
        } catch (error) {
          // A connection that cannot even roll back is dropped, not handed to the next caller.
          await client.query("ROLLBACK").catch(() => (broken = true));
          throw error;
        } finally {
          client.release(broken);
        }
      },
    },
    migrate: () => applyMigrations(runner),
    close: async () => {
      await prisma.$disconnect();
      await rawPool.end();
      await txPool.end();
      await pool.end();
    },
  };
}
