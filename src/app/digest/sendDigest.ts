/**
 * Use case: send one channel's weekly digest, or preview it. Sending claims the DigestRun row of
 * (channel, ISO week) IN THE SAME TRANSACTION as the outbox row: when two `serve` instances (or a
 * restart, or `duidbot digest --now`) compose the same week's digest, the second claim writes nothing
 * and neither does its outbox row, so exactly one digest per channel per week goes out. The dispatcher
 * sends it like every other post.
 */
import { digestWeek } from "../../domain/digest/schedule.ts";
import { indicatorsForChannel } from "../../domain/sessionRules.ts";
import { digestGuestRender, withGuest } from "../sessions/guestRender.ts";
import type { NeutralMessage } from "../messages/message.ts";
import type { NewDigestRun } from "./ports.ts";
import { digestSendsEmpty, prepareDigest, type DigestDeps, type PreparedDigest } from "./loadDigest.ts";

export interface SendDigestInput {
  channel: string;
  /** The scheduled occurrence it is for; a manual send: now. Its ISO week is the claim key. */
  occurrence?: Date;
  /**
   * Send "nothing new" too; otherwise an empty week is claimed but not sent. Undefined: the channel's
   * setting, else duidbot.yaml's default (digestSendsEmpty).
   */
  sendEmpty?: boolean;
  dinSlug?: string;
}

export type SendDigestResult =
  | { status: "sent"; week: string; outboxKey: string; message: NeutralMessage }
  | { status: "empty"; week: string }
  | { status: "already-claimed"; week: string }
  | { status: "unknown-channel" }
  | { status: "no-din" };

export function digestOutboxKey(channel: string, week: string): string {
  return `digest:${channel}:${week}`;
}

/** What `send` would send now, without sending or claiming anything. */
export async function previewDigest(deps: DigestDeps, input: { channel: string; dinSlug?: string }): Promise<{ status: "ready"; prepared: PreparedDigest } | { status: "unknown-channel" } | { status: "no-din" }> {
  return prepareDigest(deps, input);
}

export async function sendDigest(deps: DigestDeps, input: SendDigestInput): Promise<SendDigestResult> {
  const ready = await prepareDigest(deps, { channel: input.channel, ...(input.dinSlug ? { dinSlug: input.dinSlug } : {}) });
  if (ready.status !== "ready") return ready;
  const { prepared } = ready;
  const week = digestWeek(input.occurrence ?? prepared.now);
  const quiet = prepared.digest.empty && !(input.sendEmpty ?? digestSendsEmpty(prepared.channel, deps.sessionDefaults));
  const outboxKey = digestOutboxKey(prepared.channel.key, week);
  const run: NewDigestRun = {
    channel: prepared.channel.key,
    week,
    status: quiet ? "empty" : "sent",
    scheduledFor: input.occurrence ?? prepared.now,
    coveredUntil: prepared.now,
    ...(quiet ? {} : { outboxKey }),
    items: prepared.digest.items,
    dinSlug: prepared.din.slug,
    createdAt: prepared.now,
  };
  return deps.sessions.transaction(async (tx): Promise<SendDigestResult> => {
    if (!(await tx.claimDigest(run))) return { status: "already-claimed", week };
    if (quiet) return { status: "empty", week };
    // A guest digest records the disclosure rules it was written under: a DIN import that makes them
    // stricter before it is sent withdraws it (rerenderForGuests), as with every guest message.
    const { channel, din } = prepared;
    const guest = withGuest(digestGuestRender(channel.audience, din.slug, indicatorsForChannel(channel, din.latest.indicators, din.latest), channel.key, week));
    await tx.enqueue([{ key: outboxKey, channel: channel.key, kind: "post", message: prepared.message, ...guest }], prepared.now);
    return { status: "sent", week, outboxKey, message: prepared.message };
  });
}

/** The missed-digest rule: a week whose digest is more than a day late is claimed as skipped, so it is never sent. */
export async function skipDigest(deps: Pick<DigestDeps, "sessions" | "clock">, input: { channel: string; occurrence: Date }): Promise<boolean> {
  const now = deps.clock.now();
  return deps.sessions.transaction((tx) =>
    tx.claimDigest({ channel: input.channel, week: digestWeek(input.occurrence), status: "skipped", scheduledFor: input.occurrence, coveredUntil: now, items: [], createdAt: now }),
  );
}
