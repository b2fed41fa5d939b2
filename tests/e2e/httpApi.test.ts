// Proves the HTTP face of the core over real HTTP: /healthz, and POST /api/measurements with its
// bearer token (401), validation errors (400, nothing written) and accepted figures (201); outside
// the routes a JSON 404 under /api/, a Dutch page elsewhere, and a 4xx that names a bad encoding.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDin } from "../../src/app/din/importDin.ts";
import { loadConfig } from "../../src/main/config.ts";
import { buildHttpApp, listen } from "../../src/main/server.ts";
import { embeddedRuntime } from "../support/db.ts";

const TOKEN = "test-token-not-secret";

describe("HTTP API", () => {
  const runtime = embeddedRuntime();
  let services: Awaited<ReturnType<typeof runtime.open>>;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    services = await runtime.open();
    const din = await readFile(path.join(import.meta.dirname, "..", "fixtures", "din-2024.yaml"), "utf8");
    await importDin(services, { text: din, fileName: "din-2024.yaml" });
    const config = loadConfig({ DUIDBOT_API_TOKEN: TOKEN, PORT: "0" });
    server = await listen(buildHttpApp(config, services), "127.0.0.1", 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await services.dispose();
  });

  const post = (body: unknown, token: string | null = TOKEN) =>
    fetch(`${base}/api/measurements`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  it("answers the health check with the database kind", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "pglite" });
  });

  it("refuses requests without or with a wrong bearer token", async () => {
    const body = { measurements: [{ indicator: "betalingsachterstand", periode: "2024", waarde: 6.4 }] };
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, "wrong")).status).toBe(401);
    expect(await services.db.prisma.measurement.count()).toBe(0);
  });

  it("answers 400 with every problem and writes nothing", async () => {
    const res = await post({
      measurements: [
        { indicator: "betalingsachterstand", periode: "2024", waarde: 6.4 },
        { indicator: "betalingsachterstnd", periode: "2024", waarde: 6.4 },
        { indicator: "betalingsachterstand", periode: "2024-13", waarde: "veel" },
      ],
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { field: string; text: string }[] };
    expect(body.errors.length).toBeGreaterThanOrEqual(3);
    expect(body.errors.map((e) => e.text).join("\n")).toContain('"betalingsachterstand"');
    expect(await services.db.prisma.measurement.count()).toBe(0);
  });

  it("lists at most 50 problems and counts them all", async () => {
    const measurements = Array.from({ length: 120 }, (_, i) => ({ indicator: "onbekend", periode: String(1950 + i), waarde: 1 }));
    const res = await post({ measurements });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { field: string }[]; errorCount: number };
    expect(body.errors).toHaveLength(50);
    expect(body.errorCount).toBe(120);
    expect(await services.db.prisma.measurement.count()).toBe(0);
  });

  it("answers 400, not 500, for a NUL character or an implausible figure, and writes nothing", async () => {
    const res = await post('{"measurements": [{"indicator": "betalingsachterstand", "periode": "2024", "waarde": 6.4, "opmerking": "a\\u0000b"}]}');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { field: string; text: string }[] };
    expect(body.errors.map((e) => e.text)).toEqual([expect.stringMatching(/^api: measurements\[0\]\.opmerking: bevat een NUL-teken/)]);

    const implausible = await post([
      { indicator: "betalingsachterstand", periode: "2024", waarde: 150 },
      { indicator: "jeugdhulp-lang", periode: "2024", waarde: -5 },
      { indicator: "betalingsachterstand", periode: "2025-03", waarde: 6 },
    ]);
    expect(implausible.status).toBe(400);
    const fields = ((await implausible.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(["[0].waarde", "[1].waarde", "[2].periode"]);
    expect(await services.db.prisma.measurement.count()).toBe(0);
  });

  it("answers 400 on malformed JSON", async () => {
    const res = await post("{ niet json");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid", message: "Ongeldige JSON in de body / invalid JSON body" });
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

  it("stores valid figures and reports what changed", async () => {
    const res = await post({
      measurements: [
        { indicator: "betalingsachterstand", periode: "2023", waarde: 7.6 },
        { indicator: "betalingsachterstand", periode: "2024", waarde: "6,4", bron: "CBS" },
      ],
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ new: 2, corrections: 0, unchanged: 0 });
    expect(await services.db.prisma.measurement.count()).toBe(2);
    const again = await post({ measurements: [{ indicator: "betalingsachterstand", periode: "2024", waarde: 6.4 }] });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ new: 0, unchanged: 1 });
  });
});
