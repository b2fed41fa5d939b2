/**
 * The line format of the inbox journal (journalInboxStore.ts): one JSON object per line, zod-checked
 * on reading. First line `{"op":"journal","version":1}`, then
 * - `add`: an event, with its processing state when the file was rewritten;
 * - `done`: events marked processed;
 * - `fail`: a replay failed (with `parkedAt` when that failure parked the event);
 * - `unpark`: parked events get a fresh round of attempts (`duidbot inbox opnieuw`).
 * A line an older duidbot does not know (`unpark`) is skipped by it with a log line, never fatal.
 */
import { z } from "zod";
import type { InboundEventRecord } from "../app/inbox/ports.ts";

export const JOURNAL_VERSION = 1;

const isoDate = z.iso.datetime().transform((s) => new Date(s));
const lineSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("journal"), version: z.number().int() }),
  z.object({
    op: z.literal("add"),
    id: z.number().int().positive(),
    platform: z.string().min(1),
    eventId: z.string().min(1),
    teamId: z.string().optional(),
    type: z.string(),
    payload: z.unknown(),
    receivedAt: isoDate,
    processedAt: isoDate.optional(),
    attempts: z.number().int().nonnegative().optional(),
    lastError: z.string().optional(),
    parkedAt: isoDate.optional(),
  }),
  z.object({ op: z.literal("done"), platform: z.string(), eventIds: z.array(z.string()), at: isoDate }),
  z.object({ op: z.literal("fail"), platform: z.string(), eventId: z.string(), error: z.string(), parkedAt: isoDate.optional() }),
  z.object({ op: z.literal("unpark"), platform: z.string(), eventIds: z.array(z.string()) }),
]);
export type Line = z.infer<typeof lineSchema>;

/** One event's state in memory. */
export interface Row extends InboundEventRecord {
  teamId?: string;
  processedAt?: Date;
  lastError?: string;
  parkedAt?: Date;
}

export type Rows = Map<string, Row>;

export const rowKey = (platform: string, eventId: string) => `${platform}\u0000${eventId}`;

export const headerLine = (): string => JSON.stringify({ op: "journal", version: JOURNAL_VERSION });

export function addLine(row: Row): string {
  return JSON.stringify({
    op: "add",
    id: row.id,
    platform: row.platform,
    eventId: row.eventId,
    ...(row.teamId !== undefined ? { teamId: row.teamId } : {}),
    type: row.type,
    payload: row.payload,
    receivedAt: row.receivedAt.toISOString(),
    ...(row.processedAt ? { processedAt: row.processedAt.toISOString() } : {}),
    ...(row.attempts > 0 ? { attempts: row.attempts } : {}),
    ...(row.lastError !== undefined ? { lastError: row.lastError } : {}),
    ...(row.parkedAt ? { parkedAt: row.parkedAt.toISOString() } : {}),
  });
}

export const doneLine = (platform: string, eventIds: readonly string[], at: Date): string =>
  JSON.stringify({ op: "done", platform, eventIds, at: at.toISOString() });

export const failLine = (platform: string, eventId: string, error: string, parkedAt?: Date): string =>
  JSON.stringify({ op: "fail", platform, eventId, error, ...(parkedAt ? { parkedAt: parkedAt.toISOString() } : {}) });

export const unparkLine = (platform: string, eventIds: readonly string[]): string => JSON.stringify({ op: "unpark", platform, eventIds });

export function parseLine(raw: string): { ok: true; line: Line } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: "geen JSON / not JSON" };
  }
  const parsed = lineSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".") || "regel"}: ${i.message}`).join("; ") };
  return { ok: true, line: parsed.data };
}

/** Applies one journal line to the state; returns the id it used (0 when none). */
export function applyLine(rows: Rows, line: Line): number {
  switch (line.op) {
    case "journal":
      return 0;
    case "add": {
      const key = rowKey(line.platform, line.eventId);
      if (rows.has(key)) return line.id;
      rows.set(key, {
        id: line.id,
        platform: line.platform,
        eventId: line.eventId,
        ...(line.teamId !== undefined ? { teamId: line.teamId } : {}),
        type: line.type,
        payload: line.payload,
        receivedAt: line.receivedAt,
        attempts: line.attempts ?? 0,
        ...(line.processedAt ? { processedAt: line.processedAt } : {}),
        ...(line.lastError !== undefined ? { lastError: line.lastError } : {}),
        ...(line.parkedAt ? { parkedAt: line.parkedAt } : {}),
      });
      return line.id;
    }
    case "done":
      for (const id of line.eventIds) {
        const row = rows.get(rowKey(line.platform, id));
        if (row) row.processedAt ??= line.at;
      }
      return 0;
    case "fail":
      applyFailure(rows.get(rowKey(line.platform, line.eventId)), line.error, line.parkedAt);
      return 0;
    case "unpark":
      for (const id of line.eventIds) applyUnpark(rows.get(rowKey(line.platform, id)));
      return 0;
  }
}

export function applyFailure(row: Row | undefined, error: string, parkedAt: Date | undefined): void {
  if (!row) return;
  row.attempts++;
  row.lastError = error;
  if (parkedAt) row.parkedAt = parkedAt;
}

/** A parked event gets a fresh round of attempts; its last error stays for reference. */
export function applyUnpark(row: Row | undefined): void {
  if (!row?.parkedAt) return;
  delete row.parkedAt;
  row.attempts = 0;
}
