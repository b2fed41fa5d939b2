/**
 * Global test setup: refuse to run on an old Node, and in CI refuse to skip PostgreSQL silently.
 * Prepares the migrated PGlite template once per run (tests/support/dbTemplate.ts) and names this
 * run's PostgreSQL schemas, which it drops at the end (tests/support/db.ts keeps them between tests).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { prepareTemplate } from "./dbTemplate.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 22) throw new Error(`Tests need Node >= 22 (got ${process.versions.node}); run them with npm test`);
  const url = process.env.TEST_DATABASE_URL;
  if (process.env.CI === "true" && !url) {
    throw new Error("CI=true but TEST_DATABASE_URL is not set: the PostgreSQL store tests would not run");
  }
  project.provide("pgliteTemplate", await prepareTemplate());
  const prefix = `t_${randomBytes(4).toString("hex")}_`;
  project.provide("pgSchemaPrefix", prefix);
  return async () => {
    if (url) await dropSchemas(url, prefix);
  };
}

async function dropSchemas(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)`, [prefix]);
    for (const { name } of rows) await client.query(`DROP SCHEMA "${name}" CASCADE`);
  } finally {
    await client.end();
  }
}
