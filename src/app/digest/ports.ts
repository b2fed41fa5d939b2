/**
 * The digest's part of the session transaction (SessionTx): a run per channel and ISO week, claimed
 * in the same transaction as the outbox row that carries it. The unique key (channel, week) in the
 * database is what makes two `serve` instances, a restart or a manual `--now` send one digest a week.
 */
import type { DigestItem } from "../../domain/digest/compose.ts";

export type DigestRunStatus = "sent" | "empty" | "skipped";

export interface DigestRunRecord {
  id: number;
  channel: string;
  /** "2026-W50" (src/domain/digest/schedule.ts digestWeek). */
  week: string;
  status: DigestRunStatus;
  scheduledFor: Date;
  /** Changes up to here were in this digest; the next one starts here (skipped runs cover nothing). */
  coveredUntil: Date;
  /** Outbox key of the post; absent for empty and skipped runs. */
  outboxKey?: string;
  /** What a reply in the post's thread can name. */
  items: DigestItem[];
  dinSlug?: string;
  createdAt: Date;
}

export type NewDigestRun = Omit<DigestRunRecord, "id">;

export interface DigestTx {
  /** Inserts the run; false (nothing written) when the channel has one for that week already. */
  claimDigest(run: NewDigestRun): Promise<boolean>;
  digestRun(channel: string, week: string): Promise<DigestRunRecord | undefined>;
  /** The newest run that covered something (sent or empty): the next digest starts where it ended. */
  lastCoveredDigest(channel: string): Promise<DigestRunRecord | undefined>;
  /** The sent digest whose post has this platform id in this channel (a reply in its thread). */
  digestByThread(channel: string, threadId: string): Promise<DigestRunRecord | undefined>;
}
