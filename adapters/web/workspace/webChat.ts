/**
 * The web as a chat platform for the outbox (issue #19). A web thread's page is drawn from the database
 * (threadView), so "posting" to a web channel only gives the message an id: the thread root's id is what
 * makes the thread known (recordContribution looks threads up by it), exactly as a Slack ts does. Every
 * delivery also tells the pages that wait for news of that channel (live updates), if any.
 */
import { randomUUID } from "node:crypto";
import type { ChatPort } from "../../../src/app/chat.ts";
import type { NeutralMessage } from "../../../src/app/messages/message.ts";

export const WEB_PLATFORM = "web";

export class WebChat implements ChatPort {
  readonly platform = WEB_PLATFORM;
  private readonly listeners = new Set<(channel: string) => void>();

  async post(message: NeutralMessage): Promise<{ messageId: string }> {
    this.notify(message.target.channel);
    return { messageId: `web-${randomUUID()}` };
  }

  async update(_messageId: string, message: NeutralMessage): Promise<void> {
    this.notify(message.target.channel);
  }

  /** The page shows a contribution as counted by drawing it; nothing to mark. */
  async acknowledge(): Promise<void> {}

  /** Calls `fn` with the channel of every delivery until the returned function is called. */
  listen(fn: (channel: string) => void): () => void {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  }

  private notify(channel: string): void {
    for (const fn of this.listeners) fn(channel);
  }
}
