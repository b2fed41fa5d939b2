/**
 * Puts a migrated test database back into its just-migrated state, so the next test can reuse it
 * instead of starting a new PGlite (about a second each) or migrating a new PostgreSQL schema
 * (measured in issue #14: reset 20-50 ms, TRUNCATE 100-600 ms, a new PGlite 1-2.5 s).
 *
 * Honest reuse needs two checks, both here: the schema must still be the migrated one (a test that
 * ran DDL would leak it into the next test: then the database is thrown away, not reused), and the
 * migrations must not seed rows (deleting every row would remove them: then say so loudly).
 */

/** What the reset needs from a connection whose search_path is the test schema (PGlite or pg). */
export interface ResetSql {
  rows<T>(sql: string): Promise<T[]>;
  exec(sql: string): Promise<void>;
}

const MIGRATIONS_TABLE = "_duidbot_migrations";

/** Everything a test could change by DDL in the current schema: tables, columns, defaults, constraints, functions, triggers. */
const FINGERPRINT_SQL = `SELECT md5(string_agg(x, ',' ORDER BY x)) AS fp FROM (
  SELECT concat_ws(':', c.relname, c.relkind::text, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull::text,
                   pg_get_expr(d.adbin, d.adrelid)) AS x
    FROM pg_class c
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
   WHERE c.relnamespace = current_schema()::regnamespace
  UNION ALL SELECT concat_ws(':', conname, pg_get_constraintdef(oid)) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
  UNION ALL SELECT concat_ws(':', proname, md5(prosrc)) FROM pg_proc WHERE pronamespace = current_schema()::regnamespace
  UNION ALL SELECT concat_ws(':', t.tgname, c.relname) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
   WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal) s`;

export async function schemaFingerprint(sql: ResetSql): Promise<string> {
  const [row] = await sql.rows<{ fp: string | null }>(FINGERPRINT_SQL);
  return row?.fp ?? "";
}

/** Reset statements per schema fingerprint: the catalog is read once per worker, not per test. */
const resetScripts = new Map<string, string>();

/**
 * Deletes every row (children before the tables they reference, so no superuser is needed to skip
 * foreign keys) and restarts every sequence, in one transaction. False when the schema is no longer
 * the one `fingerprint` recorded: the caller then discards this database.
 */
export async function resetToMigrated(sql: ResetSql, fingerprint: string): Promise<boolean> {
  if ((await schemaFingerprint(sql)) !== fingerprint) return false;
  let script = resetScripts.get(fingerprint);
  if (script === undefined) {
    script = await buildResetScript(sql);
    resetScripts.set(fingerprint, script);
  }
  await sql.exec(script);
  return true;
}

async function buildResetScript(sql: ResetSql): Promise<string> {
  const tables = await sql.rows<{ name: string; refs: string[] }>(`
    SELECT c.relname::text AS name,
           coalesce(array_agg(DISTINCT r.relname::text) FILTER (WHERE r.oid IS NOT NULL AND r.oid <> c.oid), '{}') AS refs
      FROM pg_class c
      LEFT JOIN pg_constraint k ON k.conrelid = c.oid AND k.contype = 'f'
      LEFT JOIN pg_class r ON r.oid = k.confrelid
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> '${MIGRATIONS_TABLE}'
     GROUP BY c.relname`);
  const order = childrenFirst(tables);
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  return [
    "BEGIN",
    ...order.map((name) => `DELETE FROM ${quote(name)}`),
    `SELECT setval(s.seqrelid, s.seqstart, false) FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
      WHERE c.relnamespace = current_schema()::regnamespace`,
    "COMMIT",
  ].join(";\n");
}

/** Table names ordered so that a table comes before every table it references. */
export function childrenFirst(tables: { name: string; refs: string[] }[]): string[] {
  const remaining = new Map(tables.map((t) => [t.name, t.refs.filter((r) => r !== t.name)]));
  const order: string[] = [];
  while (remaining.size > 0) {
    const referenced = new Set([...remaining.values()].flat());
    const free = [...remaining.keys()].filter((name) => !referenced.has(name));
    if (free.length === 0) throw new Error(`foreign keys form a cycle between ${[...remaining.keys()].join(", ")}: tests/support/dbReset.ts cannot order the deletes`);
    for (const name of free.sort()) {
      order.push(name);
      remaining.delete(name);
    }
  }
  return order;
}

/** For the template: a migration that inserts rows would lose them in every reset. */
export async function assertNoSeedRows(sql: ResetSql): Promise<void> {
  const tables = await sql.rows<{ name: string }>(
    `SELECT relname::text AS name FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p') AND relname <> '${MIGRATIONS_TABLE}'`,
  );
  for (const { name } of tables) {
    const [row] = await sql.rows<{ n: number }>(`SELECT count(*)::int AS n FROM "${name.replaceAll('"', '""')}"`);
    if (row && row.n > 0) {
      throw new Error(`A migration put ${row.n} row(s) in "${name}": tests/support/dbReset.ts deletes all rows between tests; make it restore them first`);
    }
  }
}
