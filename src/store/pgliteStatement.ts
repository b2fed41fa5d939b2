/**
 * One statement to PGlite as a single extended-protocol message (Parse, Bind, Execute, Sync) written
 * into a buffer of exactly its size, each parameter copied once. PGlite's own `query` serializes with
 * pg-protocol's writer, which copies a binary parameter some seven times while its buffers grow: for
 * the 5.8 MB of arrays of a 50,000-value import that was ~100 ms of its ~650 ms INSERT (issue #15).
 * Only for statements without result rows (bulk writes); everything else goes through `query`.
 * @see https://www.postgresql.org/docs/current/protocol-message-formats.html
 */
import type { PGlite } from "@electric-sql/pglite";

/** A parameter: bytes are sent in binary (binaryArrays.ts), a string or number as text, null as NULL. */
export type StatementParam = Uint8Array | string | number | null;

/**
 * Runs `sql` with `params` inside the caller's PGlite transaction, under PGlite's query lock like its
 * own queries. A database error is thrown as PGlite throws it; the transaction then rolls back.
 */
export async function writeStatement(pglite: PGlite, sql: string, params: readonly StatementParam[]): Promise<void> {
  const message = statementMessage(sql, params);
  await pglite._runExclusiveQuery(() => pglite.execProtocolStream(message, { syncToFs: false }));
}

/** The message bytes: exported for the test that reads them back field by field. */
export function statementMessage(sql: string, params: readonly StatementParam[]): Uint8Array {
  const values = params.map((p) => (p === null || p instanceof Uint8Array ? p : Buffer.from(String(p), "utf8")));
  const sqlBytes = Buffer.byteLength(sql, "utf8");
  const n = params.length;
  // Parse: type, length, "" (unnamed statement), the SQL, no parameter types (the SQL casts its own).
  const parse = 1 + 4 + 1 + sqlBytes + 1 + 2;
  // Bind: type, length, "" portal, "" statement, a format per parameter, the parameters, no result formats.
  let bind = 1 + 4 + 1 + 1 + 2 + 2 * n + 2 + 2;
  for (const v of values) bind += 4 + (v === null ? 0 : v.byteLength);
  const execute = 1 + 4 + 1 + 4; // unnamed portal, all rows
  const sync = 1 + 4;
  const buf = Buffer.allocUnsafe(parse + bind + execute + sync);
  let o = 0;
  o = buf.writeUInt8(0x50, o); // 'P'
  o = buf.writeInt32BE(parse - 1, o);
  o = buf.writeUInt8(0, o);
  o += buf.write(sql, o, "utf8");
  o = buf.writeUInt8(0, o);
  o = buf.writeInt16BE(0, o);

  o = buf.writeUInt8(0x42, o); // 'B'
  o = buf.writeInt32BE(bind - 1, o);
  o = buf.writeUInt8(0, o);
  o = buf.writeUInt8(0, o);
  o = buf.writeInt16BE(n, o);
  for (const p of params) o = buf.writeInt16BE(p instanceof Uint8Array ? 1 : 0, o);
  o = buf.writeInt16BE(n, o);
  for (const v of values) {
    if (v === null) {
      o = buf.writeInt32BE(-1, o);
      continue;
    }
    o = buf.writeInt32BE(v.byteLength, o);
    buf.set(v, o);
    o += v.byteLength;
  }
  o = buf.writeInt16BE(0, o);

  o = buf.writeUInt8(0x45, o); // 'E'
  o = buf.writeInt32BE(execute - 1, o);
  o = buf.writeUInt8(0, o);
  o = buf.writeInt32BE(0, o);

  o = buf.writeUInt8(0x53, o); // 'S'
  o = buf.writeInt32BE(4, o);
  if (o !== buf.length) throw new Error(`statement message is ${o} bytes, expected ${buf.length}`);
  return buf;
}
