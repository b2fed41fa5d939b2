/**
 * Sends requests to our server the way Slack does: v0-signed (HMAC-SHA256 of `v0:{ts}:{body}`),
 * events as JSON, slash commands as form fields, interactivity as form `payload=<json>`.
 * @see https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
import { createHmac, randomUUID } from "node:crypto";
import { FAKE_TEAM } from "./fakeSlack.ts";

/** "stale" and "future": a correct signature over a timestamp 6 minutes off (Slack allows 5). */
export type SignatureMode = "valid" | "bad" | "stale" | "future" | "none";

export interface SlackResponse {
  status: number;
  body: string;
  /** Time from sending the request to the response headers, in ms. */
  ms: number;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SlackDriverOptions {
  /** e.g. "http://127.0.0.1:4567" (no trailing slash). */
  baseUrl: string;
  signingSecret: string;
  teamId?: string;
}

export interface EventOptions {
  eventId?: string;
  retryNum?: number;
  signature?: SignatureMode;
}

export class SlackDriver {
  readonly baseUrl: string;
  readonly signingSecret: string;
  readonly teamId: string;
  #trigger = 0;

  constructor(options: SlackDriverOptions) {
    this.baseUrl = options.baseUrl;
    this.signingSecret = options.signingSecret;
    this.teamId = options.teamId ?? FAKE_TEAM;
  }

  /** An Events API callback around `event`; returns the event_id used. */
  async event(event: Record<string, unknown>, options: EventOptions = {}): Promise<SlackResponse & { eventId: string }> {
    const eventId = options.eventId ?? `Ev${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`;
    const body = JSON.stringify({
      token: "legacy",
      team_id: this.teamId,
      api_app_id: "A0DUIDBOT",
      type: "event_callback",
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: this.teamId, user_id: "UBOT", is_bot: true }],
      event,
    });
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.retryNum !== undefined) {
      headers["x-slack-retry-num"] = String(options.retryNum);
      headers["x-slack-retry-reason"] = "http_timeout";
    }
    return { ...(await this.send(body, headers, options.signature)), eventId };
  }

  /** A slash command, e.g. command("/duiding", "status", { user_id, channel_id }). */
  command(command: string, text: string, fields: { user_id: string; channel_id: string }, signature?: SignatureMode): Promise<SlackResponse> {
    const body = new URLSearchParams({
      token: "legacy",
      team_id: this.teamId,
      team_domain: "gemeente",
      channel_id: fields.channel_id,
      channel_name: "leerkring",
      user_id: fields.user_id,
      user_name: fields.user_id.toLowerCase(),
      command,
      text,
      api_app_id: "A0DUIDBOT",
      response_url: `${this.baseUrl}/__unused_response_url`,
      trigger_id: this.nextTrigger(),
    }).toString();
    return this.send(body, { "content-type": "application/x-www-form-urlencoded" }, signature);
  }

  /** A block_actions payload for a choice in a static_select menu on a message (Slack sends the chosen option, no `value`). */
  selectAction(fields: { user_id: string; channel_id: string; message_ts: string; action_id: string; selected: { value: string; text: string } }): Promise<SlackResponse> {
    return this.interactive({
      type: "block_actions",
      team: { id: this.teamId, domain: "gemeente" },
      user: { id: fields.user_id, team_id: this.teamId },
      api_app_id: "A0DUIDBOT",
      token: "legacy",
      trigger_id: this.nextTrigger(),
      channel: { id: fields.channel_id, name: "weekoverzicht" },
      container: { type: "message", message_ts: fields.message_ts, channel_id: fields.channel_id, is_ephemeral: false },
      message: { type: "message", ts: fields.message_ts, text: "" },
      response_url: `${this.baseUrl}/__unused_response_url`,
      actions: [
        {
          type: "static_select",
          action_id: fields.action_id,
          block_id: "actions",
          selected_option: { text: { type: "plain_text", text: fields.selected.text, emoji: true }, value: fields.selected.value },
          placeholder: { type: "plain_text", text: "Reageer op …", emoji: true },
          action_ts: `${Date.now() / 1000}`,
        },
      ],
    });
  }

  /** A block_actions payload for one button click on a message. */
  blockAction(
    fields: { user_id: string; channel_id: string; message_ts: string; thread_ts?: string; action_id: string; value: string },
    signature?: SignatureMode,
  ): Promise<SlackResponse> {
    return this.interactive(
      {
        type: "block_actions",
        team: { id: this.teamId, domain: "gemeente" },
        user: { id: fields.user_id, team_id: this.teamId },
        api_app_id: "A0DUIDBOT",
        token: "legacy",
        trigger_id: this.nextTrigger(),
        channel: { id: fields.channel_id, name: "leerkring" },
        container: { type: "message", message_ts: fields.message_ts, channel_id: fields.channel_id, is_ephemeral: false },
        message: { type: "message", ts: fields.message_ts, ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}), text: "" },
        response_url: `${this.baseUrl}/__unused_response_url`,
        actions: [{ type: "button", action_id: fields.action_id, block_id: "actions", value: fields.value, action_ts: `${Date.now() / 1000}` }],
      },
      signature,
    );
  }

  /** A view_submission; `values` maps block_id → the input's state value as Slack sends it. */
  viewSubmission(
    fields: { user_id: string; callback_id: string; private_metadata: string; values: Record<string, Record<string, unknown>> },
    signature?: SignatureMode,
  ): Promise<SlackResponse> {
    return this.interactive(
      {
        type: "view_submission",
        team: { id: this.teamId, domain: "gemeente" },
        user: { id: fields.user_id, team_id: this.teamId },
        api_app_id: "A0DUIDBOT",
        token: "legacy",
        trigger_id: this.nextTrigger(),
        view: {
          id: "V1",
          type: "modal",
          callback_id: fields.callback_id,
          private_metadata: fields.private_metadata,
          state: { values: fields.values },
        },
        response_urls: [],
      },
      signature,
    );
  }

  interactive(payload: Record<string, unknown>, signature?: SignatureMode): Promise<SlackResponse> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.send(body, { "content-type": "application/x-www-form-urlencoded" }, signature);
  }

  /** Signs (or mis-signs) and POSTs a raw body to /slack/events. */
  send(body: string, headers: Record<string, string>, mode: SignatureMode = "valid"): Promise<SlackResponse> {
    const now = Math.floor(Date.now() / 1000);
    const timestamp = mode === "stale" ? now - 6 * 60 : mode === "future" ? now + 6 * 60 : now;
    if (mode === "none") return this.post(body, headers);
    const secret = mode === "bad" ? `${this.signingSecret}-wrong` : this.signingSecret;
    return this.post(body, { ...headers, "x-slack-request-timestamp": String(timestamp), "x-slack-signature": sign(secret, timestamp, body) });
  }

  /** POSTs a raw body signed correctly over the given timestamp (seconds). */
  sendAt(timestamp: number, body: string, headers: Record<string, string>): Promise<SlackResponse> {
    return this.post(body, { ...headers, "x-slack-request-timestamp": String(timestamp), "x-slack-signature": sign(this.signingSecret, timestamp, body) });
  }

  private async post(body: string, headers: Record<string, string>): Promise<SlackResponse> {
    const started = performance.now();
    const res = await fetch(`${this.baseUrl}/slack/events`, { method: "POST", headers, body });
    const ms = performance.now() - started;
    return { status: res.status, body: await res.text(), ms };
  }

  private nextTrigger(): string {
    this.#trigger += 1;
    return `trigger.${this.#trigger}`;
  }
}
