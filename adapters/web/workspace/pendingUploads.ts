/**
 * Files that were previewed and wait for "Importeren": kept in memory under a random token for 30
 * minutes, so the confirmation imports exactly the previewed bytes without a second upload. Bounded:
 * the oldest goes when more than 20 wait.
 */
import { randomBytes } from "node:crypto";

export interface PendingUpload {
  kind: "din" | "figures";
  fileName: string;
  text: string;
  gemeente?: string;
}

const TTL_MS = 30 * 60 * 1000;
const MAX_PENDING = 20;

export class PendingUploads {
  private readonly entries = new Map<string, PendingUpload & { expires: number }>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  put(upload: PendingUpload): string {
    for (const [token, entry] of this.entries) if (entry.expires <= this.now()) this.entries.delete(token);
    while (this.entries.size >= MAX_PENDING) this.entries.delete(this.entries.keys().next().value!);
    const token = randomBytes(18).toString("base64url");
    this.entries.set(token, { ...upload, expires: this.now() + TTL_MS });
    return token;
  }

  /** Takes the upload out: a confirmation runs once, a second click finds nothing. */
  take(token: string): PendingUpload | undefined {
    const entry = this.entries.get(token);
    this.entries.delete(token);
    if (!entry || entry.expires <= this.now()) return undefined;
    const { expires: _expires, ...upload } = entry;
    return upload;
  }
}
