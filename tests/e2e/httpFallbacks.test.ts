// Proves what the HTTP server answers outside its routes over real HTTP: JSON 404 under /api/, a
// Dutch page elsewhere, and a 4xx that says what was wrong with the body (never "Interne fout").
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/main/config.ts";
import { buildHttpApp, listen } from "../../src/main/server.ts";
import { testRuntimes } from "../support/db.ts";

describe("HTTP fallbacks", () => {
  const runtime = testRuntimes()[0]!;
  let services: Awaited<ReturnType<typeof runtime.open>>;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    services = await runtime.open();
    server = await listen(buildHttpApp(loadConfig({ DUIDBOT_API_TOKEN: "t", PORT: "0" }), services), "127.0.0.1", 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await services.dispose();
  });

  it("answers an unknown /api/ route with JSON 404", async () => {
    for (const [method, route] of [["GET", "/api/measurements"], ["POST", "/api/bestaat-niet"], ["GET", "/api"]] as const) {
      const res = await fetch(`${base}${route}`, { method });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ error: "not_found", message: `Onbekend adres / unknown route: ${method} ${route}` });
    }
  });

  it("answers other unknown routes with a Dutch page, the path escaped", async () => {
    const res = await fetch(`${base}/bestaat-niet/<b>`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).toContain("<h1>Niet gevonden</h1>");
    expect(page).toContain("GET /bestaat-niet/%3Cb%3E");
    expect(page).not.toContain("Cannot GET");
  });

  it("names an unsupported Content-Encoding or charset as the client's error", async () => {
    const encoding = await fetch(`${base}/api/measurements`, { method: "POST", headers: { "content-type": "application/json", "content-encoding": "zstd-x" }, body: "{}" });
    expect(encoding.status).toBe(415);
    expect(await encoding.json()).toEqual({
      error: "invalid",
      message: 'Content-Encoding "zstd-x" wordt niet ondersteund (gebruik gzip, deflate, br of geen) / unsupported Content-Encoding (use gzip, deflate, br or none)',
    });
    const charset = await fetch(`${base}/api/measurements`, { method: "POST", headers: { "content-type": "application/json; charset=klingon" }, body: "{}" });
    expect(charset.status).toBe(415);
    expect(((await charset.json()) as { message: string }).message).toContain('Tekenset "klingon" wordt niet ondersteund');
  });

  it("still explains malformed JSON", async () => {
    const res = await fetch(`${base}/api/measurements`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid", message: "Ongeldige JSON in de body / invalid JSON body" });
  });
});
