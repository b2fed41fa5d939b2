/**
 * A Blob over bytes already in memory, for PGlite's `fsBundle` and `loadDataDir` (it only calls
 * arrayBuffer() on them, and reads `type`). Node's own Blob copies the bytes when made and reads them
 * back in 64 KB chunks that it concatenates: for PGlite's 6 MB bundle and a 40 MB dump that was ~3.7 s
 * of the test suite's CPU (issue #14) and part of every start. A copy of our own cost nearly as much
 * (fresh memory is paid in page faults here: ~120 ms per 48 MB), so arrayBuffer() hands over the bytes
 * themselves, every time:
 * - a dump (loadDataDir) is only read: PGlite copies each file out of it into its own file system, so
 *   one dump can start many PGlites (the tests do);
 * - a bundle (fsBundle) is kept by PGlite's file system as the files' contents, so each PGlite must get
 *   bytes of its own (pgliteAssets reads the file per open).
 */
export class BytesBlob extends Blob {
  readonly #bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    super([]);
    this.#bytes = bytes;
    // Blob's own size would be 0 (it was made empty).
    Object.defineProperty(this, "size", { value: bytes.byteLength });
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    const b = this.#bytes;
    // A Buffer from the pool shares its ArrayBuffer with others: then (small files only) a copy.
    const whole = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer;
    return Promise.resolve(whole ? (b.buffer as ArrayBuffer) : b.slice().buffer);
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  }

  override slice(): Blob {
    throw new Error("BytesBlob is only read whole (arrayBuffer)");
  }

  override stream(): ReturnType<Blob["stream"]> {
    throw new Error("BytesBlob is only read whole (arrayBuffer)");
  }

  override text(): Promise<string> {
    return Promise.resolve(new TextDecoder().decode(this.#bytes));
  }
}
