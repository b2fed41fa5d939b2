/**
 * A Teams world for e2e tests: duidbot's real HTTP server with the Teams adapter (the real Teams SDK)
 * on 127.0.0.1, a fake Bot Connector and OpenID/JWKS endpoint (fakeTeams.ts), a real database, a
 * movable clock and a dispatcher the test runs by hand. Activities are signed with the test key.
 */
import type { Server } from "node:http";
import { inflateRawSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import { createDispatcher, type Dispatcher } from "../../src/app/outbox/dispatch.ts";
import { enable, loadAdapters } from "../../src/app/chatAdapter.ts";
import { applyConfig, rerenderForGuests } from "../../src/app/sessions/index.ts";
import type { DuidbotConfig } from "../../src/domain/duidbotConfig.ts";
import type { Config } from "../../src/main/config.ts";
import { buildHttp, listen } from "../../src/main/server.ts";
import type { Services } from "../../src/main/services.ts";
import { teamsPlugin } from "../../adapters/teams/plugin.ts";
import type { TeamsAdapter } from "../../adapters/teams/app.ts";
import { fixedClock, type TestRuntime } from "./db.ts";
import { startFakeTeams, type FakeTeams, type SentActivity, type SignOptions } from "./fakeTeams.ts";

export const CLIENT_ID = "5f1c2d3e-0000-4000-8000-00000000b07a";
export const TENANT = "7a6b5c4d-0000-4000-8000-0000000000aa";
export const BOT = `28:${CLIENT_ID}`;
/** JWT-shaped (the SDK decodes it); the fake connector does not check it. */
export const DEV_TOKEN = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJhdWQiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.x";

const aad = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
export const TEAMS_USERS = {
  facilitator: { aad: aad(1), name: "Sanne Facilitator" },
  adopter: { aad: aad(2), name: "Ahmed Vaststeller" },
  admin: { aad: aad(3), name: "Kim Beheer" },
  colleague: { aad: aad(4), name: "Piet Collega" },
  guest: { aad: aad(5), name: "Joke Ervaringsdeskundige" },
} as const;
export type TeamsUser = (typeof TEAMS_USERS)[keyof typeof TEAMS_USERS];

export const TEAMS_CHANNELS = { leerkring: "19:leerkring@thread.tacv2", gast: "19:adviesraad@thread.tacv2" } as const;
/** DUIDBOT_PUBLIC_URL in the world: what cards link to; chart() fetches such a link from the local server. */
export const PUBLIC_URL = "https://duidbot.example.test/";
export const teamsKey = (conversation: string) => `teams:${TENANT}:${conversation}`;

export const TEAMS_PEOPLE: DuidbotConfig = {
  defaults: { lang: "nl" },
  channels: [],
  people: [
    { key: `teams:${TEAMS_USERS.facilitator.aad}`, name: TEAMS_USERS.facilitator.name, roles: ["facilitator"], perspective: "beleid" },
    { key: `teams:${TEAMS_USERS.adopter.aad}`, name: TEAMS_USERS.adopter.name, roles: ["adopter"], perspective: "uitvoering" },
    { key: `teams:${TEAMS_USERS.admin.aad}`, name: TEAMS_USERS.admin.name, roles: ["admin"] },
  ],
};

export interface Answer {
  status: number;
  body: unknown;
}

export class TeamsDriver {
  #seq = 0;
  readonly url: string;
  readonly fake: FakeTeams;
  constructor(url: string, fake: FakeTeams) {
    this.url = url;
    this.fake = fake;
  }

  nextId(): string {
    return String(1_750_000_000_000 + ++this.#seq);
  }

  /** Posts an activity to /api/messages, signed (or as `sign` spoils it; null: no Authorization). */
  async send(activity: Record<string, unknown>, sign: SignOptions | null = {}): Promise<Answer> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (sign !== null) headers.authorization = this.fake.sign(activity, CLIENT_ID, sign);
    const res = await fetch(this.url, { method: "POST", headers, body: JSON.stringify(activity) });
    const text = await res.text();
    return { status: res.status, body: text ? safeJson(text) : undefined };
  }

  base(user: TeamsUser, channel: string, conversationId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      channelId: "msteams",
      serviceUrl: this.fake.serviceUrl,
      timestamp: "2025-03-03T09:30:00.000Z",
      from: { id: `29:${user.aad}`, name: user.name, aadObjectId: user.aad },
      recipient: { id: BOT, name: "Duidbot" },
      conversation: { id: conversationId, conversationType: channel.startsWith("19:") ? "channel" : "personal", tenantId: TENANT, isGroup: true },
      channelData: { tenant: { id: TENANT }, team: { id: "19:team@thread.tacv2" }, channel: { id: channel } },
      ...extra,
    };
  }

  /** A message in a channel: in a thread (a reply) or a new post. */
  message(user: TeamsUser, channel: string, text: string, options: { thread?: string; id?: string; mention?: boolean } = {}): Record<string, unknown> {
    const id = options.id ?? this.nextId();
    const at = "<at>Duidbot</at>";
    return this.base(user, channel, `${channel};messageid=${options.thread ?? id}`, {
      type: "message",
      id,
      text: options.mention ? `${at} ${text}` : text,
      textFormat: "plain",
      ...(options.mention ? { entities: [{ type: "mention", text: at, mentioned: { id: BOT, name: "Duidbot" } }] } : {}),
    });
  }

  /** Action.Execute on a card in the channel (`thread`: the thread the card is in, or the card itself when a root). */
  execute(user: TeamsUser, channel: string, data: unknown, options: { thread: string; verb: string }): Record<string, unknown> {
    return this.base(user, channel, `${channel};messageid=${options.thread}`, {
      type: "invoke",
      name: "adaptiveCard/action",
      id: `f:${this.nextId()}`,
      replyToId: options.thread,
      value: { action: { type: "Action.Execute", verb: options.verb, data }, trigger: "manual" },
    });
  }

  taskFetch(user: TeamsUser, channel: string, data: unknown, thread: string): Record<string, unknown> {
    return this.base(user, channel, `${channel};messageid=${thread}`, { type: "invoke", name: "task/fetch", id: `f:${this.nextId()}`, value: { data, context: { theme: "default" } } });
  }

  taskSubmit(user: TeamsUser, channel: string, data: unknown, thread: string): Record<string, unknown> {
    return this.base(user, channel, `${channel};messageid=${thread}`, { type: "invoke", name: "task/submit", id: `f:${this.nextId()}`, value: { data } });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Our button data in a card: `{ duidbot: { action, value } }`, with the Teams type of the button. */
export interface FoundButton {
  sent: SentActivity;
  type: string;
  data: { duidbot: { action: string; value: string }; msteams?: unknown };
}

export function buttonsIn(sent: SentActivity): FoundButton[] {
  const found: FoundButton[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    const data = o.data as FoundButton["data"] | undefined;
    if (typeof o.type === "string" && o.type.startsWith("Action.") && data?.duidbot?.action) found.push({ sent, type: o.type, data });
    Object.values(o).forEach(walk);
  };
  walk(sent.activity.attachments);
  return found;
}

export interface TeamsWorld {
  s: Services & { dispose(): Promise<void> };
  fake: FakeTeams;
  teams: TeamsAdapter;
  driver: TeamsDriver;
  clock: ReturnType<typeof fixedClock>;
  dispatch(): ReturnType<Dispatcher["dispatchOnce"]>;
  /** What the bot sent into a channel (thread: undefined all, null only roots, or one thread). */
  sentIn(channel: string, options?: { thread?: string | null }): SentActivity[];
  /** The newest button with this action id in the channel. */
  button(channel: string, action: string): FoundButton | undefined;
  /** GETs a link below PUBLIC_URL from the world's server (as the reverse proxy in front would). */
  get(publicLink: string): Promise<Response>;
  close(): Promise<void>;
}

export interface TeamsWorldOptions {
  start: string;
  channels?: DuidbotConfig["channels"];
  /** DUIDBOT_PUBLIC_URL (default PUBLIC_URL; null: not set, cards without charts). */
  publicUrl?: string | null;
  /** Another world's services (a restart of serve on the same database): not disposed by close(), its clock is used. */
  services?: TeamsWorld["s"];
}

export async function startTeamsWorld(runtime: TestRuntime<Services>, options: TeamsWorldOptions): Promise<TeamsWorld> {
  const shared = options.services;
  const clock = shared ? (shared.clock as ReturnType<typeof fixedClock>) : fixedClock(options.start);
  const fake = await startFakeTeams();
  const s = shared ?? (await runtime.open(clock));
  await applyConfig(s, { config: { ...TEAMS_PEOPLE, channels: options.channels ?? [] } });
  const config: Config = {
    dataDir: "unused",
    host: "127.0.0.1",
    port: 0,
    lang: "nl",
    loadExample: false,
    web: { mode: "off" },
    adapters: [enable(teamsPlugin, { clientId: CLIENT_ID, devToken: DEV_TOKEN, openIdMetadataUrl: fake.openIdMetadataUrl, serviceUrl: fake.serviceUrl, ...(options.publicUrl === null ? {} : { publicUrl: options.publicUrl ?? PUBLIC_URL }) })],
    adapterLines: [],
  };
  await loadAdapters(config.adapters);
  const { app, adapters } = buildHttp(config, s, { adapterTuning: { teams: { processBeforeResponse: true, quiet: !process.env.TEAMS_DEBUG } } });
  const teams = adapters.find((a): a is TeamsAdapter => a.name === "teams");
  if (!teams) throw new Error("Teams adapter missing");
  await teams.ready;
  const server: Server = await listen(app, "127.0.0.1", 0);
  const { port } = server.address() as AddressInfo;
  const dispatcher = createDispatcher({ outbox: s.outbox, chats: s.chats, clock, random: () => 0.5, posted: s.posted, rerender: (row) => rerenderForGuests(s, row) });
  const sentIn = (channel: string, o: { thread?: string | null } = {}) =>
    fake.sent.filter((m) => m.channel === channel && (o.thread === undefined ? true : o.thread === null ? !m.thread : m.thread === o.thread));
  return {
    s,
    fake,
    teams,
    driver: new TeamsDriver(`http://127.0.0.1:${port}/api/messages`, fake),
    clock,
    dispatch: () => dispatcher.dispatchOnce(),
    sentIn,
    get: (link) => {
      if (!link.startsWith(PUBLIC_URL)) throw new Error(`not below ${PUBLIC_URL}: ${link}`);
      return fetch(`http://127.0.0.1:${port}/${link.slice(PUBLIC_URL.length)}`);
    },
    button: (channel, action) => sentIn(channel).flatMap(buttonsIn).filter((b) => b.data.duidbot.action === action).at(-1),
    async close() {
      await teams.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.close();
      if (!shared) await s.dispose();
    },
  };
}

/** Every Image url in what the bot sent into a channel. */
export function imageUrls(w: TeamsWorld, channel: string): string[] {
  const urls: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (o.type === "Image" && typeof o.url === "string") urls.push(o.url);
    Object.values(o).forEach(walk);
  };
  walk(w.sentIn(channel).map((m) => m.activity));
  return urls;
}

/** The chart data a link carries (what anyone holding the link can learn). */
export function chartIn(link: string): { title: string; points: { period: string; value: number }[] } {
  const token = /\/charts\/([\w-]+)\.png\?/.exec(link)![1]!;
  return JSON.parse(inflateRawSync(Buffer.from(token, "base64url")).toString("utf8")) as { title: string; points: { period: string; value: number }[] };
}
