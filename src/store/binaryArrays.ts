/**
 * Query parameters in PostgreSQL's binary array format (array_recv): a one-dimensional int4[], float8[],
 * bool[], timestamp[] or text[] as one Buffer. Both drivers send a Buffer as a binary parameter (PGlite
 * and node-postgres), so the database reads the numbers and texts as they are instead of parsing a
 * "{…}" literal element by element; and building the Buffer is a plain loop instead of the drivers'
 * text serializers. For a 50,000-value import this took the bulk insert's parameters from about a
 * third of the write to a few per cent (issue #15).
 * @see https://www.postgresql.org/docs/current/protocol-overview.html#PROTOCOL-FORMAT-CODES
 */

const OID = { bool: 16, int4: 23, text: 25, float8: 701, timestamp: 1114 } as const;
type ElementType = keyof typeof OID;

/** Bytes per element (after its 4-byte length) of the fixed-size types. */
const SIZE: Record<Exclude<ElementType, "text">, number> = { bool: 1, int4: 4, float8: 8, timestamp: 8 };

/** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps, in Unix milliseconds. */
const PG_EPOCH_MS = 946_684_800_000;
const TWO_32 = 2 ** 32;

function header(buf: Buffer, type: ElementType, length: number, hasNull: boolean): number {
  // An empty array has no dimensions at all (ndim 0), as array_send writes it.
  buf.writeInt32BE(length === 0 ? 0 : 1, 0);
  buf.writeInt32BE(hasNull ? 1 : 0, 4);
  buf.writeInt32BE(OID[type], 8);
  if (length === 0) return 12;
  buf.writeInt32BE(length, 12);
  buf.writeInt32BE(1, 16); // lower bound
  return 20;
}

/** int4[], float8[], bool[] or timestamp[] (a Date, or Unix milliseconds); null/undefined elements are NULL. */
export function binaryArray(type: Exclude<ElementType, "text">, values: readonly (number | boolean | Date | null | undefined)[]): Buffer {
  const size = SIZE[type];
  const buf = Buffer.allocUnsafe(20 + values.length * (4 + size));
  let o = header(buf, type, values.length, values.some((v) => v === null || v === undefined));
  for (const v of values) {
    if (v === null || v === undefined) {
      o = buf.writeInt32BE(-1, o);
      continue;
    }
    o = buf.writeInt32BE(size, o);
    switch (type) {
      case "int4":
        o = buf.writeInt32BE(v as number, o);
        break;
      case "float8":
        o = buf.writeDoubleBE(v as number, o);
        break;
      case "bool":
        o = buf.writeUInt8(v ? 1 : 0, o);
        break;
      case "timestamp": {
        // int64 microseconds since 2000-01-01, as two 32-bit halves (exact: ms × 1000 stays below 2^53).
        const ms = typeof v === "number" ? v : (v as Date).getTime();
        if (!Number.isFinite(ms)) throw new Error(`invalid timestamp in a binary array: ${String(v)}`);
        const micros = (ms - PG_EPOCH_MS) * 1000;
        const high = Math.floor(micros / TWO_32);
        o = buf.writeInt32BE(high, o);
        o = buf.writeUInt32BE(micros - high * TWO_32, o);
        break;
      }
    }
  }
  return buf.subarray(0, o);
}

/** text[] from strings (UTF-8); null/undefined elements are NULL. */
export function binaryTextArray(values: readonly (string | null | undefined)[]): Buffer {
  let chars = 0;
  let hasNull = false;
  for (const v of values) {
    if (v === null || v === undefined) hasNull = true;
    else chars += v.length;
  }
  // At most 3 UTF-8 bytes per UTF-16 code unit.
  const buf = Buffer.allocUnsafe(20 + values.length * 4 + chars * 3);
  let o = header(buf, "text", values.length, hasNull);
  for (const v of values) {
    if (v === null || v === undefined) {
      o = buf.writeInt32BE(-1, o);
      continue;
    }
    const bytes = buf.write(v, o + 4, "utf8");
    buf.writeInt32BE(bytes, o);
    o += 4 + bytes;
  }
  return buf.subarray(0, o);
}
