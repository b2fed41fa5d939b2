/**
 * Sign-in with the municipality's own accounts through OpenID Connect (Entra ID, or any provider):
 * the authorization code flow with PKCE, state and nonce, by openid-client. The person is keyed
 * `web:<oid>` (Entra's object id, the same GUID Teams uses) or `web:<sub>` elsewhere, and gets the
 * roles that duidbot.yaml (or an admin in chat) gives that key; only admins see /kanalen.
 */
import { randomBytes } from "node:crypto";
import type { Request, Response } from "express";
import type * as Client from "openid-client";
import { toLogin, type Gate } from "./access.ts";
import { cookieAttributes, cookies } from "./security.ts";
import { WebSessions, type WebUser } from "./webSessions.ts";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The workspace's public base URL: the provider sends people back to `<publicUrl>/inloggen/terug`. */
  publicUrl: string;
}

/** What the workspace knows about a person key (roles from duidbot.yaml or chat). */
export type PersonLookup = (key: string) => Promise<{ roles: readonly string[] } | undefined>;

const FLOW_COOKIE = "duidbot_oidc";
const FLOW_MS = 10 * 60 * 1000;

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  back: string;
  expires: number;
}

export interface OidcGate extends Gate {
  /** GET /inloggen/start: off to the provider. */
  start(req: Request, res: Response, back: string): Promise<void>;
  /** GET /inloggen/terug: the provider's answer; a session on success. */
  callback(req: Request, res: Response): Promise<{ ok: true } | { ok: false; reason: string }>;
}

function loopbackHttp(url: URL): boolean {
  return url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(url.hostname));
}

// Loaded on first use: most installations sign in without OIDC, and `serve` should not load openid-client
// and jose (~14 modules) before its first /healthz (issue #15).
let openidClient: Promise<typeof Client> | undefined;
const loadClient = () => (openidClient ??= import("openid-client"));

export function createOidcGate(settings: OidcSettings, lookup: PersonLookup, now: () => number = Date.now): OidcGate {
  const sessions = new WebSessions(now);
  const flows = new Map<string, Flow>();
  const redirectUri = new URL("/inloggen/terug", settings.publicUrl).href;
  let config: Promise<Client.Configuration> | undefined;
  // Discovered on first use and kept; a failed discovery (provider down) is tried again next time.
  const configuration = () => {
    const issuer = new URL(settings.issuer);
    config ??= loadClient()
      .then((client) => client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, loopbackHttp(issuer) ? { execute: [client.allowInsecureRequests] } : {}))
      .catch((error: unknown) => {
        config = undefined;
        throw error;
      });
    return config;
  };

  return {
    method: "oidc",
    signInRequired: true,
    userOf: (req) => sessions.current(req),
    require(req, res, next) {
      const user = sessions.current(req);
      if (!user) return toLogin(req, res);
      res.locals.user = user;
      next();
    },
    signIn: () => false,
    signOut: (req, res) => sessions.end(req, res),

    async start(req, res, back) {
      const client = await loadClient();
      const verifier = client.randomPKCECodeVerifier();
      const flow: Flow = { state: client.randomState(), nonce: client.randomNonce(), verifier, back, expires: now() + FLOW_MS };
      for (const [id, f] of flows) if (f.expires <= now()) flows.delete(id);
      const id = randomBytes(24).toString("base64url");
      flows.set(id, flow);
      // Lax: the cookie must come back on the provider's top-level redirect to /inloggen/terug.
      res.append("Set-Cookie", `${FLOW_COOKIE}=${id}; ${cookieAttributes(req, "Lax")}; Max-Age=${FLOW_MS / 1000}`);
      const url = client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: redirectUri,
        scope: "openid profile",
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
        state: flow.state,
        nonce: flow.nonce,
      });
      res.redirect(303, url.href);
    },

    async callback(req, res) {
      const id = cookies(req).get(FLOW_COOKIE);
      const flow = id ? flows.get(id) : undefined;
      if (id) flows.delete(id);
      res.append("Set-Cookie", `${FLOW_COOKIE}=; ${cookieAttributes(req, "Lax")}; Max-Age=0`);
      if (!flow || flow.expires <= now()) return { ok: false, reason: "expired" };
      let claims: Client.IDToken | undefined;
      try {
        const client = await loadClient();
        // The URL the provider called, on the public base (a proxy may have changed host and scheme).
        const current = new URL(req.originalUrl, settings.publicUrl);
        const tokens = await client.authorizationCodeGrant(await configuration(), current, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        claims = tokens.claims();
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
      if (!claims) return { ok: false, reason: "no id_token" };
      const id_ = typeof claims["oid"] === "string" ? claims["oid"] : claims.sub;
      const key = `web:${id_}`;
      const person = await lookup(key);
      const name = typeof claims["name"] === "string" ? claims["name"] : typeof claims["preferred_username"] === "string" ? claims["preferred_username"] : key;
      const user: WebUser = { key, name, isAdmin: person?.roles.includes("admin") ?? false };
      sessions.start(req, res, user);
      res.redirect(303, flow.back);
      return { ok: true };
    },
  };
}
