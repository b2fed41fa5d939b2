/**
 * An in-memory ChatPort: records what would be posted, updated and acknowledged, with generated
 * message ids, and can be told to fail (Unavailable, RateLimited with Retry-After) for the next N
 * calls or until a moment. Tests assert on its records, not on mock calls.
 */
import type { ChatPort } from "../../src/app/chat.ts";
import { ChatError } from "../../src/app/errors.ts";
import type { ErrorCode } from "../../src/app/errors.ts";
import { plainText, type NeutralMessage } from "../../src/app/messages/message.ts";

export interface RecordedPost {
  messageId: string;
  message: NeutralMessage;
  /** Current content: the last update, or the post itself. */
  current: NeutralMessage;
  updates: number;
}

export interface Failure {
  code: ErrorCode;
  retryAfterMs?: number;
}

export class MemoryChat implements ChatPort {
  readonly platform: string;
  readonly posts: RecordedPost[] = [];
  readonly acknowledged: { channel: string; messageId: string }[] = [];
  /** Every call that reached the platform, failed ones included: "post", "update", "acknowledge". */
  readonly calls: { kind: string; ok: boolean }[] = [];
  private readonly now: () => Date;
  private nextId = 1;
  private failCount = 0;
  private failUntilTime: number | undefined;
  private failure: Failure = { code: "Unavailable" };

  constructor(options: { platform?: string; now?: () => Date } = {}) {
    this.platform = options.platform ?? "memory";
    this.now = options.now ?? (() => new Date());
  }

  /** The next `count` calls fail with `failure`. */
  failNext(count: number, failure: Failure = { code: "Unavailable" }): void {
    this.failCount = count;
    this.failure = failure;
  }

  /** Every call fails until `until` (by the clock given to the constructor). */
  failUntil(until: Date, failure: Failure = { code: "Unavailable" }): void {
    this.failUntilTime = until.getTime();
    this.failure = failure;
  }

  /** Posts to one channel, optionally only the replies in one thread (by the root's message id). */
  postsIn(channel: string, thread?: string | null): RecordedPost[] {
    return this.posts.filter(
      (p) => p.message.target.channel === channel && (thread === undefined || (p.message.target.thread ?? null) === thread),
    );
  }

  /** Plain text of every post in a channel (current content), for assertions. */
  textIn(channel: string): string {
    return this.postsIn(channel).map((p) => plainText(p.current)).join("\n\n");
  }

  async post(message: NeutralMessage): Promise<{ messageId: string }> {
    this.maybeFail("post");
    const messageId = `m${this.nextId++}`;
    this.posts.push({ messageId, message: structuredClone(message), current: structuredClone(message), updates: 0 });
    return { messageId };
  }

  async update(messageId: string, message: NeutralMessage): Promise<void> {
    const post = this.posts.find((p) => p.messageId === messageId);
    if (!post) {
      this.calls.push({ kind: "update", ok: false });
      throw new ChatError("NotFound", `no message ${messageId}`);
    }
    this.maybeFail("update");
    post.current = structuredClone(message);
    post.updates++;
  }

  async acknowledge(target: { channel: string; messageId: string }): Promise<void> {
    this.maybeFail("acknowledge");
    this.acknowledged.push({ ...target });
  }

  private maybeFail(kind: string): void {
    const failing = this.failCount > 0 || (this.failUntilTime !== undefined && this.now().getTime() < this.failUntilTime);
    this.calls.push({ kind, ok: !failing });
    if (!failing) return;
    if (this.failCount > 0) this.failCount--;
    const options = this.failure.retryAfterMs !== undefined ? { retryAfterMs: this.failure.retryAfterMs } : {};
    throw new ChatError(this.failure.code, `memory chat: simulated ${this.failure.code}`, options);
  }
}
