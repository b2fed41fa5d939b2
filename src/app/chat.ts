/**
 * The chat port: how the app reaches a chat platform. Implemented by adapters/slack (Web API),
 * adapters/teams (Bot Connector) and adapters/memory (tests). Only the outbox dispatcher calls
 * it, so every send is durable, retried and recorded exactly once.
 */
import type { NeutralMessage } from "./messages/message.ts";

export interface ChatPort {
  /** "slack", "teams", "memory"; the prefix of channel keys this port serves. */
  readonly platform: string;
  /**
   * Posts a message (in a thread when target.thread is set); returns the platform message id. When
   * more work follows the post itself (chart uploads), the port calls `posted` with the id as soon as
   * the platform returned it: replies to a new thread root are recognised from that moment on.
   */
  post(message: NeutralMessage, hooks?: PostHooks): Promise<{ messageId: string }>;
  /** Replaces a message posted earlier (progress updates). */
  update(messageId: string, message: NeutralMessage): Promise<void>;
  /** Marks a user's message as counted (Slack reaction, Teams reaction or reply). */
  acknowledge(target: { channel: string; messageId: string }): Promise<void>;
}

export interface PostHooks {
  /** The message is visible under this id; the rest of post() (uploads) may take seconds. Never throws. */
  posted?(messageId: string): Promise<void>;
}
