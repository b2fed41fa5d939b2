/**
 * ChartLinks on their own (adapters/teams/charts.ts): a link under the public base with a path, a
 * chart drawn once however many clients ask at once, a failed drawing answered 500 and tried again,
 * and links that carry the right signature over something we never made (not a chart, a deflate
 * bomb, an oversized token) refused with 404 without drawing anything.
 */
import { createHmac } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { deflateRawSync } from "node:zlib";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { CHART_KEY, ChartLinks } from "../../adapters/teams/charts.ts";
import type { ChartData } from "../../src/app/messages/message.ts";
import { MemoryAdapterStateStore } from "../../src/store/memory/memoryAdapterStateStore.ts";
import { MemoryDb } from "../../src/store/memory/memoryDb.ts";
import { fixedClock } from "../support/db.ts";

const CHART: ChartData = { title: "Jeugdhulp", unit: "%", lang: "nl", points: [{ period: "2023", value: 10 }, { period: "2024", value: 12 }] };
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe("Teams chart links", () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  async function serve(png: (chart: ChartData) => Promise<Buffer>) {
    const state = new MemoryAdapterStateStore(new MemoryDb());
    const clock = fixedClock("2025-03-03T09:00:00Z");
    const links = new ChartLinks({ publicUrl: "https://gemeente.example/duidbot", state, charts: { png }, clock, log: () => {} });
    await links.load();
    const app = express().use(links.router());
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const key = Buffer.from((await state.list("teams", CHART_KEY)).get(CHART_KEY)!, "base64url");
    const get = (link: string) => fetch(base + link.replace("https://gemeente.example/duidbot/", ""));
    /** A link to `token` with a valid signature: what only someone holding the key could make. */
    const signed = (token: string) => {
      const exp = Math.floor(clock.now().getTime() / 1000) + 3600;
      return `charts/${token}.png?exp=${exp}&sig=${createHmac("sha256", key).update(`${token}.${exp}`).digest("base64url")}`;
    };
    return { links, get, signed };
  }

  it("keeps the base's path and draws a chart once for clients asking at the same time", async () => {
    let drawn = 0;
    const { links, get } = await serve(async () => {
      drawn++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return PNG;
    });
    const link = links.url(CHART)!;
    expect(link.startsWith("https://gemeente.example/duidbot/charts/")).toBe(true);
    const answers = await Promise.all([get(link), get(link), get(link)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(drawn).toBe(1);
  });

  it("draws the comparison areas too: a link of three areas × 60 points stays within the token limit", async () => {
    let seen: ChartData | undefined;
    const { links, get } = await serve(async (chart) => ((seen = chart), PNG));
    const points = Array.from({ length: 60 }, (_, i) => ({ period: `${2000 + Math.floor(i / 4)}-Q${(i % 4) + 1}`, value: 10 + (i * 7) % 13 + 0.1 * i }));
    const comparisons = ["Nederland", "Noord-Holland", "Gemeenten 20.000-50.000 inwoners"].map((label, k) => ({ label, points: points.map((p) => ({ ...p, value: p.value + k + 0.37 })) }));
    const chart = { ...CHART, points, comparisons };
    expect((await get(links.url(chart)!)).status).toBe(200);
    expect(seen?.comparisons).toEqual(comparisons);
  });

  it("answers 500 when the drawing fails, and tries again on the next request", async () => {
    let calls = 0;
    const { links, get } = await serve(async () => {
      if (++calls === 1) throw new Error("resvg ging stuk");
      return PNG;
    });
    const link = links.url(CHART)!;
    expect((await get(link)).status).toBe(500);
    expect((await get(link)).status).toBe(200);
    expect(calls).toBe(2);
  });

  it("refuses well-signed tokens that are not a chart, a deflate bomb or oversized, without drawing", async () => {
    let drawn = 0;
    const { get, signed } = await serve(async () => {
      drawn++;
      return PNG;
    });
    const token = (value: unknown) => deflateRawSync(JSON.stringify(value)).toString("base64url");
    const bomb = deflateRawSync(Buffer.alloc(1_000_000, 0x20)).toString("base64url");
    for (const bad of [token({ title: "x" }), token({ ...CHART, points: "alles" }), token("tekst"), "bm90LWRlZmxhdGU", bomb, "A".repeat(9_000)]) {
      expect((await get(signed(bad))).status).toBe(404);
    }
    expect(drawn).toBe(0);
    // The same helper with a real chart is accepted: the refusals above were about the content.
    expect((await get(signed(token(CHART)))).status).toBe(200);
  });
});
