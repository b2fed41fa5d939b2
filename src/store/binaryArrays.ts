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

/**
 * One array parameter written element by element: a bulk write fills its columns in one pass over its
 * rows, straight into the bytes sent, with no JavaScript array per column in between (for 50,000
 * values those arrays, and the numbers boxed in them, were a good part of the import's garbage
 * collection; issue #15). `capacity` is a first guess in bytes; the buffer grows when it is short.
 */
export class BinaryArrayWriter {
  private readonly type: ElementType;
  private buf: Buffer;
  private view: DataView;
  /** Where the next element goes: after the 20-byte header of a one-dimensional array. */
  private o = 20;
  private length = 0;
  private nulls = 0;
  private emptyTexts = 0;

  constructor(type: ElementType, capacity = 64) {
    this.type = type;
    this.buf = Buffer.allocUnsafe(Math.max(20, capacity));
    this.view = viewOf(this.buf);
  }

  private ensure(bytes: number): void {
    if (this.o + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.o + bytes));
    this.buf.copy(bigger, 0, 0, this.o);
    this.buf = bigger;
    this.view = viewOf(bigger);
  }

  /** int4, float8, bool, timestamp (a Date, or Unix milliseconds) or text/jsonb (a string); null/undefined is NULL. */
  push(v: number | boolean | Date | string | null | undefined): void {
    if (v === null || v === undefined) this.null();
    else if (this.type === "text" || this.type === "jsonb") this.text(v as string);
    else if (this.type === "bool") this.bool(v as boolean);
    else if (this.type === "timestamp") this.timestamp(v as Date | number);
    else this.number(v as number);
  }

  // One method per kind of element, so a bulk write's loop calls each with one type of argument.

  null(): void {
    this.length++;
    this.ensure(4);
    this.view.setInt32(this.o, -1);
    this.o += 4;
    this.nulls++;
  }

  /**
   * Whether every element so far is NULL (`null`) or "" (`empty`): a bulk write leaves such a column
   * out when that is the column's default, instead of sending and unnesting 50,000 of them.
   */
  allAre(what: "null" | "empty"): boolean {
    return (what === "null" ? this.nulls : this.emptyTexts) === this.length;
  }

  /** A text (text or jsonb column); undefined is NULL. */
  text(v: string | undefined): void {
    if (v === undefined) return this.null();
    this.length++;
    const prefix = this.type === "jsonb" ? 1 : 0;
    // At most 3 UTF-8 bytes per UTF-16 code unit.
    this.ensure(4 + prefix + v.length * 3);
    const at = this.o + 4 + prefix;
    if (prefix) this.buf[at - 1] = 1; // jsonb_recv's version byte
    if (v.length === 0) this.emptyTexts++;
    const bytes = v.length <= SHORT ? writeShort(this.buf, v, at) : this.buf.write(v, at, "utf8");
    this.view.setInt32(this.o, prefix + bytes);
    this.o = at + bytes;
  }

  /** An int4 or float8 element; undefined is NULL. */
  number(v: number | undefined): void {
    if (v === undefined) return this.null();
    this.length++;
    this.ensure(12);
    if (this.type === "int4") {
      this.view.setInt32(this.o, 4);
      this.view.setInt32(this.o + 4, v);
      this.o += 8;
    } else {
      this.view.setInt32(this.o, 8);
      this.view.setFloat64(this.o + 4, v);
      this.o += 12;
    }
  }

  bool(v: boolean): void {
    this.length++;
    this.ensure(5);
    this.view.setInt32(this.o, 1);
    this.view.setUint8(this.o + 4, v ? 1 : 0);
    this.o += 5;
  }

  /** A Date, or Unix milliseconds: int64 microseconds since 2000-01-01, as two 32-bit halves (exact: ms × 1000 stays below 2^53). */
  timestamp(v: Date | number): void {
    const ms = typeof v === "number" ? v : v.getTime();
    if (!Number.isFinite(ms)) throw new Error(`invalid timestamp in a binary array: ${String(v)}`);
    this.length++;
    this.ensure(12);
    const micros = (ms - PG_EPOCH_MS) * 1000;
    const high = Math.floor(micros / TWO_32);
    this.view.setInt32(this.o, 8);
    this.view.setInt32(this.o + 4, high);
    this.view.setUint32(this.o + 8, micros - high * TWO_32);
    this.o += 12;
  }

  /** The array as sent; the writer is done after this. */
  finish(): Buffer {
    if (this.length === 0) {
      // An empty array has no dimensions at all (ndim 0), as array_send writes it.
      const empty = Buffer.alloc(12);
      viewOf(empty).setInt32(8, OID[this.type]);
      return empty;
    }
    const view = this.view;
    view.setInt32(0, 1);
    view.setInt32(4, this.nulls > 0 ? 1 : 0);
    view.setInt32(8, OID[this.type]);
    view.setInt32(12, this.length);
    view.setInt32(16, 1); // lower bound
    return this.buf.subarray(0, this.o);
  }
}

/** A big-endian view on a buffer: DataView's setters cost less than Buffer's checked writers. */
function viewOf(buf: Buffer): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** int4[], float8[], bool[] or timestamp[] (a Date, or Unix milliseconds); null/undefined elements are NULL. */
export function binaryArray(type: Exclude<ElementType, "text" | "jsonb">, values: readonly (number | boolean | Date | null | undefined)[]): Buffer {
  const writer = new BinaryArrayWriter(type, 20 + values.length * (4 + SIZE[type]));
  for (const v of values) writer.push(v);
  return writer.finish();
}

/**
 * text[] (or jsonb[], from JSON texts) from strings in UTF-8; null/undefined elements are NULL. A jsonb
 * element is its text after a version byte (jsonb_recv).
 */
export function binaryTextArray(values: readonly (string | null | undefined)[], type: "text" | "jsonb" = "text"): Buffer {
  let chars = 0;
  for (const v of values) if (v !== null && v !== undefined) chars += v.length;
  const writer = new BinaryArrayWriter(type, 20 + values.length * 5 + chars * 3);
  for (const v of values) writer.push(v);
  return writer.finish();
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
