/**
 * A small stand-in for Slack's Web API on 127.0.0.1: records every call (method, parsed body, headers)
 * and answers with the shapes the real API returns, holding real state (messages, reactions, files).
 * Tests point Bolt at it with `clientOptions.slackApiUrl = fake.apiUrl` and can script 429/5xx answers.
 * @see https://docs.slack.dev/reference/methods
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  /** Web API method ("chat.postMessage") or "upload" for the POST to an upload_url. */
  method: string;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** HTTP status the fake answered with. */
  status: number;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks: unknown[];
  /** How many times chat.update replaced it. */
  updates: number;
}

export interface FakeUser {
  id: string;
  real_name: string;
  /** Multi-channel guest. */
  is_restricted?: boolean;
  /** Single-channel guest. */
  is_ultra_restricted?: boolean;
  is_admin?: boolean;
}

export interface FakeChannel {
  id: string;
  name: string;
  /** Slack Connect: shared with another organisation. */
  is_ext_shared?: boolean;
  is_private?: boolean;
  /** The bot is in the channel (default true); false makes /duiding koppel ask to invite it. */
  is_member?: boolean;
  /** A direct message (default false); `user` is the other person. */
  is_im?: boolean;
  /** A group direct message (default false). */
  is_mpim?: boolean;
  user?: string;
  /** Member user ids (conversations.members). */
  members?: string[];
}

export type ScriptedFailure = { status: 429; retryAfterSec: number } | { status: 500 | 502 | 503 };

export interface FakeSlack {
  /** Base URL for `slackApiUrl`, ends with "/". */
  apiUrl: string;
  calls: RecordedCall[];
  messages: FakeMessage[];
  reactions: { channel: string; timestamp: string; name: string }[];
  files: { id: string; filename: string; bytes: number; png: boolean; channel?: string; thread_ts?: string }[];
  users: Map<string, FakeUser>;
  channels: Map<string, FakeChannel>;
  /** Successful calls of one method. */
  ok(method: string): RecordedCall[];
  /** The next `times` calls of `method` answer with `failure` instead. */
  fail(method: string, times: number, failure: ScriptedFailure): void;
  /** Every call of `method` answers `ms` later (a slow Slack). */
  delay(method: string, ms: number): void;
  /**
   * Runs `hook` with each successful answer of `method` (e.g. the new message's ts) before that answer
   * is sent: a hook that awaits holds the answer back (people see a message before the bot's API call returns).
   */
  onAnswer(method: string, hook: (answer: Record<string, unknown>, body: Record<string, unknown>) => Promise<void> | void): void;
  close(): Promise<void>;
}

export const FAKE_TEAM = "T0FAKE";
export const BOT_USER = "UBOT";

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The WebClient sends form-encoded bodies with nested values JSON-encoded (blocks, view, files). */
function parseBody(raw: Buffer, contentType: string): Record<string, unknown> {
  const text = raw.toString("utf8");
  if (contentType.includes("application/json")) return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!contentType.includes("application/x-www-form-urlencoded")) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const messages: FakeMessage[] = [];
  const reactions: FakeSlack["reactions"] = [];
  const files: FakeSlack["files"] = [];
  const pendingUploads = new Map<string, { filename: string; bytes: number; png: boolean }>();
  const users = new Map<string, FakeUser>();
  const channels = new Map<string, FakeChannel>();
  const failures = new Map<string, ScriptedFailure[]>();
  const delays = new Map<string, number>();
  const hooks = new Map<string, (answer: Record<string, unknown>, body: Record<string, unknown>) => Promise<void> | void>();
  let seq = 0;
  let apiUrl = "";
  const nextTs = () => `1700000000.${String(++seq).padStart(6, "0")}`;

  function answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const str = (key: string) => (typeof body[key] === "string" ? (body[key] as string) : "");
    switch (method) {
      case "auth.test":
        return { ok: true, url: "https://fake.slack.com/", team: "Gemeente", user: "duidbot", team_id: FAKE_TEAM, user_id: BOT_USER, bot_id: "BBOT" };
      case "chat.postMessage": {
        const message: FakeMessage = { channel: str("channel"), ts: nextTs(), text: str("text"), blocks: (body.blocks as unknown[]) ?? [], updates: 0 };
        if (str("thread_ts")) message.thread_ts = str("thread_ts");
        messages.push(message);
        return { ok: true, channel: message.channel, ts: message.ts, message: { text: message.text, ts: message.ts } };
      }
      case "chat.update": {
        const message = messages.find((m) => m.channel === str("channel") && m.ts === str("ts"));
        if (!message) return { ok: false, error: "message_not_found" };
        message.text = str("text");
        message.blocks = (body.blocks as unknown[]) ?? [];
        message.updates += 1;
        return { ok: true, channel: message.channel, ts: message.ts, text: message.text };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: nextTs() };
      case "reactions.add": {
        const reaction = { channel: str("channel"), timestamp: str("timestamp"), name: str("name") };
        if (reactions.some((r) => r.channel === reaction.channel && r.timestamp === reaction.timestamp && r.name === reaction.name)) {
          return { ok: false, error: "already_reacted" };
        }
        reactions.push(reaction);
        return { ok: true };
      }
      case "views.open":
      case "views.update":
      case "views.push":
        return { ok: true, view: { id: `V${++seq}`, ...(body.view as object) } };
      case "files.getUploadURLExternal": {
        const fileId = `F${++seq}`;
        pendingUploads.set(fileId, { filename: str("filename"), bytes: 0, png: false });
        return { ok: true, upload_url: `${apiUrl}upload/${fileId}`, file_id: fileId };
      }
      case "files.completeUploadExternal": {
        const list = Array.isArray(body.files) ? (body.files as { id: string; title?: string }[]) : [];
        for (const f of list) {
          const pending = pendingUploads.get(f.id);
          if (!pending) return { ok: false, error: "file_not_found" };
          files.push({ id: f.id, ...pending, ...(str("channel_id") ? { channel: str("channel_id") } : {}), ...(str("thread_ts") ? { thread_ts: str("thread_ts") } : {}) });
        }
        return { ok: true, files: list.map((f) => ({ id: f.id, title: f.title ?? "" })) };
      }
      case "conversations.info": {
        const { members: _members, ...channel } = channels.get(str("channel")) ?? { id: str("channel"), name: "leerkring" };
        const kind = channel.is_im ? { is_channel: false } : { is_channel: !channel.is_mpim, is_member: true };
        return { ok: true, channel: { ...kind, is_im: false, is_mpim: false, is_shared: Boolean(channel.is_ext_shared), is_ext_shared: false, is_private: false, ...channel } };
      }
      case "conversations.members":
        return { ok: true, members: channels.get(str("channel"))?.members ?? [], response_metadata: { next_cursor: "" } };
      case "users.info": {
        const user = users.get(str("user")) ?? { id: str("user"), real_name: `Collega ${str("user")}` };
        return { ok: true, user: { is_restricted: false, is_ultra_restricted: false, is_admin: false, ...user, profile: { real_name: user.real_name, display_name: user.real_name } } };
      }
      default:
        return { ok: true };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const upload = /^\/api\/upload\/(F\d+)$/.exec(path);
    const method = upload ? "upload" : path.replace(/^\/api\//, "");
    const body = upload ? { file_id: upload[1], bytes: raw.length } : parseBody(raw, req.headers["content-type"] ?? "");
    const delayMs = delays.get(method);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const scripted = failures.get(method)?.shift();
    if (scripted) {
      calls.push({ method, body, headers: req.headers, status: scripted.status });
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (scripted.status === 429) headers["retry-after"] = String(scripted.retryAfterSec);
      res.writeHead(scripted.status, headers).end(JSON.stringify({ ok: false, error: scripted.status === 429 ? "ratelimited" : "internal_error" }));
      return;
    }
    calls.push({ method, body, headers: req.headers, status: 200 });
    if (upload?.[1]) {
      const pending = pendingUploads.get(upload[1]);
      if (pending) Object.assign(pending, { bytes: raw.length, png: raw.includes(PNG_MAGIC) });
      res.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${raw.length}`);
      return;
    }
    const answered = answer(method, body);
    await hooks.get(method)?.(answered, body);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answered));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  apiUrl = `http://127.0.0.1:${port}/api/`;

  return {
    apiUrl,
    calls,
    messages,
    reactions,
    files,
    users,
    channels,
    ok: (method) => calls.filter((c) => c.method === method && c.status === 200),
    delay: (method, ms) => void delays.set(method, ms),
    onAnswer: (method, hook) => void hooks.set(method, hook),
    fail: (method, times, failure) => failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
