/**
 * Test databases: always an in-memory PGlite; also PostgreSQL when TEST_DATABASE_URL is set
 * (CI sets it). Every call gets a fresh database or schema, dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DatabaseTarget } from "../../src/store/database.ts";
import { openServices, type Services } from "../../src/main/services.ts";
import type { Clock } from "../../src/app/ports.ts";

export interface TestRuntime {
  name: "pglite" | "postgres";
  open(clock?: Clock): Promise<Services & { dispose(): Promise<void> }>;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export function testRuntimes(): TestRuntime[] {
  const runtimes: TestRuntime[] = [
    {
      name: "pglite",
      open: async (clock) => {
        const services = await openServices({ kind: "pglite" }, clock);
        return { ...services, dispose: () => services.close() };
      },
    },
  ];
  const url = TEST_DATABASE_URL;
  if (url) {
    runtimes.push({
      name: "postgres",
      open: async (clock) => {
        const schema = `t_${process.pid}_${randomBytes(4).toString("hex")}`;
        const target: DatabaseTarget = { kind: "postgres", url, schema };
        const services = await openServices(target, clock);
        return {
          ...services,
          dispose: async () => {
            await services.close();
            await dropSchema(url, schema);
          },
        };
      },
    });
  }
  return runtimes;
}

/** A clock tests move by hand. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => now, set: (next) => void (now = new Date(next)) };
}
