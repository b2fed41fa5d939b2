// Proves sign-in with an organisation account (OpenID Connect) over real HTTP against a stand-in
// provider on loopback: the authorization code flow with PKCE, state and nonce; the person keyed
// web:<oid> with the roles duidbot.yaml gives; a forged or replayed callback refused; the config rules.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/main/config.ts";
import { buildHttpApp } from "../../src/main/server.ts";
import { fixedClock, memoryRuntime } from "../support/db.ts";
import { startFakeOidc, type FakeOidc } from "../support/fakeOidc.ts";
import { openFreshWorld, type World } from "../support/sessionWorld.ts";

describe("web sign-in with OpenID Connect", () => {
  const clock = fixedClock("2025-03-03T09:00:00Z");
  let w: World;
  let dispose: () => Promise<void>;
  let idp: FakeOidc;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    ({ world: w, dispose } = await openFreshWorld(memoryRuntime, clock, "2025-03-03T09:00:00Z"));
    await w.s.sessions.transaction((tx) => tx.savePerson({ key: "web:oid-admin", name: "Kim Beheer", roles: ["admin"] }, { source: "config" }));
    idp = await startFakeOidc();
    // The public URL must be known before the app is built: listen first, then hand requests to the app.
    const holder: { app?: ReturnType<typeof buildHttpApp> } = {};
    server = createServer((req, res) => holder.app!(req, res));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const config = loadConfig({
      PORT: "0",
      HOST: "0.0.0.0",
      DUIDBOT_OIDC_ISSUER: idp.issuer,
      DUIDBOT_OIDC_CLIENT_ID: idp.clientId,
      DUIDBOT_OIDC_CLIENT_SECRET: idp.clientSecret,
      DUIDBOT_PUBLIC_URL: base,
    });
    holder.app = buildHttpApp(config, w.s);
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await idp.close();
    await dispose();
  });

  /** Walks the browser's redirects by hand, carrying our cookies; returns the final response and the session cookie. */
  async function signIn(claims: Record<string, unknown>, back = "/kanalen") {
    idp.signInAs(claims);
    const first = await fetch(`${base}${back}`, { redirect: "manual" });
    expect(first.headers.get("location")).toBe(`/inloggen?terug=${encodeURIComponent(back)}`);
    const login = await (await fetch(`${base}/inloggen?terug=${encodeURIComponent(back)}`)).text();
    expect(login).toContain("Inloggen met uw organisatie-account");
    const start = await fetch(`${base}/inloggen/start?terug=${encodeURIComponent(back)}`, { redirect: "manual" });
    const flowCookie = /duidbot_oidc=([^;]+)/.exec(start.headers.get("set-cookie") ?? "")![1]!;
    const authorize = new URL(start.headers.get("location")!);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${base}/inloggen/terug`);
    const atIdp = await fetch(authorize, { redirect: "manual" });
    const callback = atIdp.headers.get("location")!;
    const done = await fetch(callback, { redirect: "manual", headers: { cookie: `duidbot_oidc=${flowCookie}` } });
    const session = /duidbot_sessie=([^;]+)/.exec(done.headers.get("set-cookie") ?? "")?.[1];
    return { done, session, callback, flowCookie };
  }

  it("signs in an admin by Entra object id and shows them /kanalen", async () => {
    const { done, session } = await signIn({ sub: "pairwise-sub", oid: "oid-admin", name: "Kim Beheer" });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/kanalen");
    const page = await fetch(`${base}/kanalen`, { headers: { cookie: `duidbot_sessie=${session}` } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<span>Kim Beheer</span>");
    expect(idp.tokenRequests.at(-1)?.code_verifier).toMatch(/^[\w-]{43,}$/);
  });

  it("signs in someone without a role: the overview yes, /kanalen no", async () => {
    const { session } = await signIn({ sub: "sub-colleague", name: "Piet Collega" }, "/");
    expect((await fetch(`${base}/`, { headers: { cookie: `duidbot_sessie=${session}` } })).status).toBe(200);
    expect((await fetch(`${base}/kanalen`, { headers: { cookie: `duidbot_sessie=${session}` } })).status).toBe(403);
  });

  it("refuses a callback without its flow cookie, with a changed state, or replayed", async () => {
    const { callback, flowCookie } = await signIn({ sub: "sub-x", name: "X" }, "/");
    // Replaying the same callback: the flow was used up.
    expect((await fetch(callback, { redirect: "manual", headers: { cookie: `duidbot_oidc=${flowCookie}` } })).status).toBe(401);
    // A callback without the browser's flow cookie (someone else's link).
    expect((await fetch(`${base}/inloggen/terug?code=abc&state=def`, { redirect: "manual" })).status).toBe(401);
    // A changed state.
    const start = await fetch(`${base}/inloggen/start?terug=%2F`, { redirect: "manual" });
    const cookie = /duidbot_oidc=([^;]+)/.exec(start.headers.get("set-cookie") ?? "")![1]!;
    const atIdp = await fetch(new URL(start.headers.get("location")!), { redirect: "manual" });
    const forged = new URL(atIdp.headers.get("location")!);
    forged.searchParams.set("state", "vervalst");
    const res = await fetch(forged, { redirect: "manual", headers: { cookie: `duidbot_oidc=${cookie}` } });
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie") ?? "").not.toContain("duidbot_sessie=");
  });

  it("needs all four OIDC settings together", () => {
    expect(() => loadConfig({ HOST: "0.0.0.0", DUIDBOT_OIDC_ISSUER: "https://login.example/v2.0" })).toThrow(/horen bij elkaar/);
  });
});
