/**
 * One uploaded file from a multipart form (the import page), read into memory with hard limits: the
 * same 5 MB as the API, one file, a few small fields. A larger file is refused, never cut short.
 */
import busboy from "busboy";
import type { Request } from "express";

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export type Upload =
  | { ok: true; fields: Map<string, string>; file?: { name: string; bytes: Buffer } }
  | { ok: false; reason: "too-large" | "not-multipart" | "broken" };

export function readUpload(req: Request): Promise<Upload> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 4096 } });
    } catch {
      resolve({ ok: false, reason: "not-multipart" });
      return;
    }
    const fields = new Map<string, string>();
    let file: { name: string; bytes: Buffer } | undefined;
    let tooLarge = false;
    parser.on("field", (name, value) => fields.set(name, value));
    parser.on("file", (_name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("limit", () => void (tooLarge = true));
      stream.on("close", () => {
        // An empty file input still sends a part without a name: that is "no file".
        if (info.filename) file = { name: info.filename, bytes: Buffer.concat(chunks) };
      });
    });
    parser.on("error", () => resolve({ ok: false, reason: "broken" }));
    parser.on("close", () => resolve(tooLarge ? { ok: false, reason: "too-large" } : { ok: true, fields, ...(file ? { file } : {}) }));
    req.pipe(parser);
  });
}
