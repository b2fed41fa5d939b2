/**
 * What the store contract suites share: fresh services on a runtime (memory, PGlite, PostgreSQL) with
 * the session world's DIN saved, and small builders for sessions, threads and outbox rows.
 */
import type { NeutralMessage } from "../../src/app/messages/message.ts";
import type { NewContribution, OutboxDraft, SessionTx } from "../../src/app/sessions/ports.ts";
import type { Services } from "../../src/main/services.ts";
import { fixedClock, type TestRuntime } from "../support/db.ts";
import { DIN } from "../support/sessionWorld.ts";

export const T0 = "2025-03-03T09:00:00Z";
export const message = (text: string, channel = "memory:a"): NeutralMessage => ({ target: { channel }, summary: text, elements: [{ type: "text", text }] });
export const draft = (key: string, extra: Partial<OutboxDraft> = {}): OutboxDraft => ({ key, channel: "memory:a", kind: "post", message: message(key), ...extra });

export interface Contract {
  s: Services & { dispose(): Promise<void> };
  clock: ReturnType<typeof fixedClock>;
  tx<T>(fn: (tx: SessionTx) => Promise<T>): Promise<T>;
  /** A session about `indicators` (period 2024) with a thread in each channel; returns ids and root keys. */
  openSession(options?: { indicators?: string[]; channels?: string[] }): Promise<{ sessionId: number; threads: { id: number; channel: string; rootKey: string }[] }>;
  /** Claims everything due and marks it sent; platform ids are "P<row id>". */
  sendAll(): Promise<void>;
  contribution(sessionId: number, threadId: number, messageId: string, extra?: Partial<NewContribution>): NewContribution;
}

export async function openContract(runtime: TestRuntime<Services>): Promise<Contract> {
  const clock = fixedClock(T0);
  const s = await runtime.open(clock);
  await s.dins.saveDinVersion(DIN, { fileName: "din.yaml", contentHash: "contract" });
  const tx = <T>(fn: (tx: SessionTx) => Promise<T>) => s.sessions.transaction(fn);
  return {
    s,
    clock,
    tx,
    openSession: ({ indicators = ["jeugdhulp"], channels = ["memory:a"] } = {}) =>
      tx(async (t) => {
        const sessionId = await t.createSession({
          dinSlug: "hilversum",
          title: `Duiding ${indicators.join(", ")}`,
          subject: { kind: "indicator", id: indicators[0]! },
          indicators: indicators.map((id) => ({ indicatorId: id, period: "2024", indicator: DIN.indicators.find((i) => i.id === id)!, series: [{ period: "2024", value: 1 }] })),
          question: "herkennen",
          openedAt: clock.now(),
          openedBy: "auto",
        });
        const threads = [];
        for (const channel of channels) {
          const rootKey = `s${sessionId}:${channel}:root`;
          await t.enqueue([draft(rootKey, { channel })], clock.now());
          threads.push({ id: await t.addThread(sessionId, { channel, audience: "leerkring", lang: "nl", rootKey }), channel, rootKey });
        }
        return { sessionId, threads };
      }),
    async sendAll() {
      for (;;) {
        const rows = await s.outbox.claimDue(clock.now(), { limit: 50, leaseMs: 60_000, skipPlatforms: [] });
        if (rows.length === 0) return;
        for (const row of rows) await s.outbox.markSent(row.id, clock.now(), `P${row.id}`);
      }
    },
    contribution: (sessionId, threadId, messageId, extra = {}) => ({
      sessionId,
      threadId,
      channel: "memory:a",
      messageId,
      eventKey: `ev:${messageId}`,
      author: { key: "memory:U1", name: "Sanne" },
      perspective: "beleid",
      audience: "leerkring",
      question: "herkennen",
      text: `tekst ${messageId}`,
      postedAt: clock.now(),
      ...extra,
    }),
  };
}
