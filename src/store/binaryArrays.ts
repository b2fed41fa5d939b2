/**
 * Query parameters in PostgreSQL's binary array format (array_recv): a one-dimensional int4[], float8[],
 * bool[], timestamp[], text[] or jsonb[] as one Buffer. Both drivers send a Buffer as a binary parameter (PGlite
 * and node-postgres), so the database reads the numbers and texts as they are instead of parsing a
 * "{…}" literal element by element; and building the Buffer is a plain loop instead of the drivers'
 * text serializers. For a 50,000-value import this took the bulk insert's parameters from about a
 * third of the write to a few per cent (issue #15).
 * @see https://www.postgresql.org/docs/current/protocol-overview.html#PROTOCOL-FORMAT-CODES
 */

const OID = { bool: 16, int4: 23, text: 25, float8: 701, timestamp: 1114, jsonb: 3802 } as const;
type ElementType = keyof typeof OID;

/** Bytes per element (after its 4-byte length) of the fixed-size types. */
const SIZE: Record<Exclude<ElementType, "text" | "jsonb">, number> = { bool: 1, int4: 4, float8: 8, timestamp: 8 };

/** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps, in Unix milliseconds. */
const PG_EPOCH_MS = 946_684_800_000;
const TWO_32 = 2 ** 32;

function header(view: DataView, type: ElementType, length: number, hasNull: boolean): number {
  // An empty array has no dimensions at all (ndim 0), as array_send writes it.
  view.setInt32(0, length === 0 ? 0 : 1);
  view.setInt32(4, hasNull ? 1 : 0);
  view.setInt32(8, OID[type]);
  if (length === 0) return 12;
  view.setInt32(12, length);
  view.setInt32(16, 1); // lower bound
  return 20;
}

/** A buffer of `size` bytes and a (big-endian) view on it: DataView's setters cost less than Buffer's checked writers. */
function allocate(size: number): { buf: Buffer; view: DataView } {
  const buf = Buffer.allocUnsafe(size);
  return { buf, view: new DataView(buf.buffer, buf.byteOffset, buf.byteLength) };
}

/** int4[], float8[], bool[] or timestamp[] (a Date, or Unix milliseconds); null/undefined elements are NULL. */
export function binaryArray(type: Exclude<ElementType, "text" | "jsonb">, values: readonly (number | boolean | Date | null | undefined)[]): Buffer {
  const size = SIZE[type];
  const { buf, view } = allocate(20 + values.length * (4 + size));
  let o = header(view, type, values.length, values.some((v) => v === null || v === undefined));
  for (const v of values) {
    if (v === null || v === undefined) {
      view.setInt32(o, -1);
      o += 4;
      continue;
    }
    view.setInt32(o, size);
    o += 4;
    switch (type) {
      case "int4":
        view.setInt32(o, v as number);
        break;
      case "float8":
        view.setFloat64(o, v as number);
        break;
      case "bool":
        view.setUint8(o, v ? 1 : 0);
        break;
      case "timestamp": {
        // int64 microseconds since 2000-01-01, as two 32-bit halves (exact: ms × 1000 stays below 2^53).
        const ms = typeof v === "number" ? v : (v as Date).getTime();
        if (!Number.isFinite(ms)) throw new Error(`invalid timestamp in a binary array: ${String(v)}`);
        const micros = (ms - PG_EPOCH_MS) * 1000;
        const high = Math.floor(micros / TWO_32);
        view.setInt32(o, high);
        view.setUint32(o + 4, micros - high * TWO_32);
        break;
      }
    }
    o += size;
  }
  return buf.subarray(0, o);
}

/**
 * text[] (or jsonb[], from JSON texts) from strings in UTF-8; null/undefined elements are NULL. A jsonb
 * element is its text after a version byte (jsonb_recv).
 */
export function binaryTextArray(values: readonly (string | null | undefined)[], type: "text" | "jsonb" = "text"): Buffer {
  const prefix = type === "jsonb" ? 1 : 0;
  let chars = 0;
  let hasNull = false;
  for (const v of values) {
    if (v === null || v === undefined) hasNull = true;
    else chars += v.length;
  }
  // At most 3 UTF-8 bytes per UTF-16 code unit.
  const { buf, view } = allocate(20 + values.length * (4 + prefix) + chars * 3);
  let o = header(view, type, values.length, hasNull);
  for (const v of values) {
    if (v === null || v === undefined) {
      view.setInt32(o, -1);
      o += 4;
      continue;
    }
    if (prefix) buf[o + 4] = 1;
    const at = o + 4 + prefix;
    const bytes = v.length <= SHORT ? writeShort(buf, v, at) : buf.write(v, at, "utf8");
    view.setInt32(o, prefix + bytes);
    o += 4 + prefix + bytes;
  }
  return buf.subarray(0, o);
}

/**
 * Short texts (periods, origins, "" for the municipality's own series) are copied in JavaScript when
 * they are ASCII: Buffer.write is a call into C++ per element, which cost more than the copy itself
 * for 50,000 × 7 elements (54 -> ~25 ms cold). Anything else goes to Buffer.write as before.
 */
const SHORT = 32;
function writeShort(buf: Buffer, v: string, at: number): number {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0x80) return buf.write(v, at, "utf8");
    buf[at + i] = c;
  }
  return v.length;
}
