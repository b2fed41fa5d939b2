/**
 * A stand-in for Microsoft's side of a Teams bot on 127.0.0.1: the OpenID metadata and JWKS the SDK
 * checks inbound tokens against (an RS256 key minted here, never written anywhere), and a Bot
 * Connector that records POST /v3/conversations (a new thread in a channel), POST
 * /v3/conversations/{id}/activities (a reply), PUT …/activities/{id} (an update in place) and answers
 * roster look-ups. Tests sign activities with `sign()` (or its bad variants) and can script 429/5xx.
 * @see https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
 */
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const BOT_ISSUER = "https://api.botframework.com";

export interface ConnectorCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  status: number;
}

/** An activity the bot sent, with its conversation and how often it was replaced. */
export interface SentActivity {
  /** The conversation it was posted to: the channel for a new thread, "<channel>;messageid=<root>" for a reply. */
  conversationId: string;
  /** The channel part of the conversation id. */
  channel: string;
  /** The thread root's id (undefined: this activity is a thread root). */
  thread?: string;
  id: string;
  activity: Record<string, unknown>;
  updates: number;
}

export interface RosterMember {
  id: string;
  aadObjectId: string;
  name: string;
  tenantId?: string;
  userRole?: "user" | "guest" | "anonymous";
}

export type ConnectorFailure = { status: 429; retryAfterSec: number } | { status: 500 | 502 | 503 };
export type Route = "create" | "reply" | "update" | "members";

export interface SignOptions {
  /** Sign with a key that is not in the JWKS. */
  foreignKey?: boolean;
  audience?: string;
  issuer?: string;
  /** Seconds from now; negative: already expired. */
  expiresIn?: number;
  /** The `serviceurl` claim (default: the activity's serviceUrl). */
  serviceUrl?: string;
}

export interface FakeTeams {
  /** Base of the connector: activities carry it as serviceUrl. */
  serviceUrl: string;
  /** TEAMS_OPENID_METADATA_URL for the adapter. */
  openIdMetadataUrl: string;
  calls: ConnectorCall[];
  sent: SentActivity[];
  /** Conversation id → members returned by the roster API. */
  rosters: Map<string, RosterMember[]>;
  /** "Bearer <jwt>" for an activity, signed with the test key (or as options spoil it). */
  sign(activity: Record<string, unknown>, clientId: string, options?: SignOptions): string;
  /** The next `times` calls of a route answer with `failure`. */
  fail(route: Route, times: number, failure: ConnectorFailure): void;
  close(): Promise<void>;
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString("base64url");
}

function jwt(payload: Record<string, unknown>, key: KeyObject, kid: string): string {
  const head = base64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
  const body = base64url(JSON.stringify(payload));
  const signature = createSign("RSA-SHA256").update(`${head}.${body}`).sign(key);
  return `${head}.${body}.${base64url(signature)}`;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/**
 * The test keys, made once per test process: two 2048-bit RSA key pairs cost ~0.3 s on a busy
 * machine, which every world paid again. Still minted here, in memory, and never written anywhere.
 */
let testKeys: { publicKey: KeyObject; privateKey: KeyObject; foreign: KeyObject } | undefined;
function keys() {
  testKeys ??= {
    ...generateKeyPairSync("rsa", { modulusLength: 2048 }),
    // Same kid, other key: a token that claims to come from Microsoft but does not.
    foreign: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey,
  };
  return testKeys;
}

export async function startFakeTeams(): Promise<FakeTeams> {
  const kid = "test-key-1";
  const { publicKey, privateKey, foreign } = keys();
  const calls: ConnectorCall[] = [];
  const sent: SentActivity[] = [];
  const rosters = new Map<string, RosterMember[]>();
  const failures = new Map<Route, ConnectorFailure[]>();
  let seq = 0;
  let base = "";
  const nextId = () => String(1_700_000_000_000 + ++seq);

  function route(method: string, path: string): { route: Route; conversation?: string; activity?: string } | undefined {
    if (method === "POST" && path === "/v3/conversations") return { route: "create" };
    const activities = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (activities?.[1] && method === "POST") return { route: "reply", conversation: decodeURIComponent(activities[1]) };
    if (activities?.[1] && activities[2] && method === "PUT") return { route: "update", conversation: decodeURIComponent(activities[1]), activity: decodeURIComponent(activities[2]) };
    const members = /^\/v3\/conversations\/([^/]+)\/(paged)?members$/.exec(path);
    if (members?.[1] && method === "GET") return { route: "members", conversation: decodeURIComponent(members[1]), ...(members[2] ? { activity: "paged" } : {}) };
    return undefined;
  }

  function record(conversationId: string, activity: Record<string, unknown>): SentActivity {
    const [channel = conversationId, root] = conversationId.split(";messageid=");
    const entry: SentActivity = { conversationId, channel, ...(root ? { thread: root } : {}), id: nextId(), activity, updates: 0 };
    sent.push(entry);
    return entry;
  }

  function answer(found: NonNullable<ReturnType<typeof route>>, body: Record<string, unknown>): [number, unknown] {
    switch (found.route) {
      case "create": {
        const channelData = body.channelData as { channel?: { id?: string } } | undefined;
        const channel = channelData?.channel?.id;
        if (!channel || !body.activity) return [400, { error: { code: "BadArgument", message: "channel and activity required" } }];
        const root = record(channel, body.activity as Record<string, unknown>);
        return [201, { id: `${channel};messageid=${root.id}`, activityId: root.id }];
      }
      case "reply":
        return [201, { id: record(found.conversation!, body).id }];
      case "update": {
        const channel = found.conversation!.split(";messageid=")[0];
        const target = sent.find((s) => s.id === found.activity && s.channel === channel);
        if (!target) return [404, { error: { code: "ActivityNotFoundInConversation", message: "not found" } }];
        target.activity = body;
        target.updates += 1;
        return [200, { id: target.id }];
      }
      case "members": {
        // /members answers an array; /pagedmembers a page.
        const members = rosters.get(found.conversation!.split(";messageid=")[0]!) ?? [];
        return [200, found.activity === "paged" ? { members } : members];
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(value));
    if (path === "/v1/.well-known/openidconfiguration") {
      return void json(200, { issuer: BOT_ISSUER, jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ["RS256"] });
    }
    if (path === "/v1/.well-known/keys") {
      return void json(200, { keys: [{ ...publicKey.export({ format: "jwk" }), kid, use: "sig", alg: "RS256", endorsements: ["msteams"] }] });
    }
    const body = req.method === "GET" ? {} : await readJson(req);
    const found = route(req.method ?? "GET", path);
    if (!found) {
      calls.push({ method: req.method ?? "GET", path, body, headers: req.headers, status: 404 });
      return void json(404, { error: { code: "NotFound", message: path } });
    }
    const scripted = failures.get(found.route)?.shift();
    if (scripted) {
      calls.push({ method: req.method ?? "GET", path, body, headers: req.headers, status: scripted.status });
      return void json(scripted.status, { error: { code: "Throttled", message: "fake" } }, scripted.status === 429 ? { "retry-after": String(scripted.retryAfterSec) } : {});
    }
    const [status, value] = answer(found, body);
    calls.push({ method: req.method ?? "GET", path, body, headers: req.headers, status });
    json(status, value);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    serviceUrl: `${base}/`,
    openIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    calls,
    sent,
    rosters,
    sign(activity, clientId, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const payload = {
        iss: options.issuer ?? BOT_ISSUER,
        aud: options.audience ?? clientId,
        serviceurl: options.serviceUrl ?? activity.serviceUrl,
        nbf: now - 60,
        iat: now - 60,
        exp: now + (options.expiresIn ?? 3600),
        jti: randomUUID(),
      };
      return `Bearer ${jwt(payload, options.foreignKey ? foreign : privateKey, kid)}`;
    },
    fail: (r, times, failure) => failures.set(r, [...(failures.get(r) ?? []), ...Array.from({ length: times }, () => failure)]),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
