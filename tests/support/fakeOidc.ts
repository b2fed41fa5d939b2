/**
 * A stand-in OpenID Connect provider on 127.0.0.1 for the web sign-in tests: discovery, an authorize
 * endpoint that signs in whoever the test names, a token endpoint that checks the client secret, the
 * redirect URI and PKCE (S256) and returns an RS256 id_token, and the JWKS with the key it signs with.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";

export interface FakeOidc {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next authorize request signs in (claims added to the id_token). */
  signInAs(claims: Record<string, unknown>): void;
  /** Token requests seen, for assertions. */
  tokenRequests: Record<string, string>[];
  close(): Promise<void>;
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString("base64url");

function jwt(claims: Record<string, unknown>, key: KeyObject): string {
  const input = `${b64(JSON.stringify({ alg: "RS256", kid: "k1", typ: "JWT" }))}.${b64(JSON.stringify(claims))}`;
  return `${input}.${b64(sign("sha256", Buffer.from(input), key))}`;
}

export async function startFakeOidc(): Promise<FakeOidc> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const app = express();
  const codes = new Map<string, { claims: Record<string, unknown>; challenge: string; redirectUri: string; nonce: string }>();
  const clientId = "duidbot-test";
  const clientSecret = "geheim-alleen-voor-de-test";
  let next: Record<string, unknown> = { sub: "sub-1", name: "Test Persoon" };
  const tokenRequests: Record<string, string>[] = [];
  let issuer = "";

  app.get("/.well-known/openid-configuration", (_req, res) => {
    res.json({
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      response_types_supported: ["code"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS256"],
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    });
  });
  app.get("/jwks", (_req, res) => res.json({ keys: [{ ...publicKey.export({ format: "jwk" }), kid: "k1", alg: "RS256", use: "sig" }] }));
  app.get("/authorize", (req, res) => {
    const q = req.query as Record<string, string>;
    if (q.client_id !== clientId || q.code_challenge_method !== "S256" || !q.code_challenge || !q.nonce) {
      res.status(400).send("bad authorize request");
      return;
    }
    const code = randomBytes(12).toString("hex");
    codes.set(code, { claims: next, challenge: q.code_challenge, redirectUri: q.redirect_uri!, nonce: q.nonce });
    const back = new URL(q.redirect_uri!);
    back.searchParams.set("code", code);
    back.searchParams.set("state", q.state!);
    res.redirect(302, back.href);
  });
  app.post("/token", express.urlencoded({ extended: false }), (req, res) => {
    const body = req.body as Record<string, string>;
    tokenRequests.push(body);
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "");
    const [id, secret] = basic ? Buffer.from(basic[1]!, "base64").toString().split(":").map(decodeURIComponent) : [body.client_id, body.client_secret];
    const grant = codes.get(body.code ?? "");
    codes.delete(body.code ?? "");
    const verifierOk = grant && b64(createHash("sha256").update(body.code_verifier ?? "").digest()) === grant.challenge;
    if (id !== clientId || secret !== clientSecret || !grant || !verifierOk || body.redirect_uri !== grant.redirectUri) {
      res.status(400).json({ error: "invalid_grant" });
      return;
    }
    const now = Math.floor(Date.now() / 1000);
    const idToken = jwt({ iss: issuer, aud: clientId, iat: now, exp: now + 300, nonce: grant.nonce, ...grant.claims }, privateKey);
    res.json({ access_token: "at", token_type: "Bearer", expires_in: 300, id_token: idToken });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    signInAs: (claims) => void (next = claims),
    tokenRequests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
