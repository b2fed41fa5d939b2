/**
 * Chart images for Teams cards. An Adaptive Card may be about 28 KB in all, so a PNG (20-60 KB)
 * rarely fits inline, and Teams cannot take a file upload into a card. The card therefore points
 * at `<DUIDBOT_PUBLIC_URL>/charts/<token>.png?exp=<unix seconds>&sig=<HMAC>`, served by this
 * server: the token is the chart's own data (ChartData, deflated, base64url), the signature an
 * HMAC-SHA256 over token and expiry with a random key kept in the AdapterState table.
 *
 * Why the data rides in the URL rather than in a table: the server can only ever draw what a card
 * it rendered carried — a guest card carries the guest chart (intern indicators and small counts
 * already left out by the app), so no link can show more than the channel's audience saw — and
 * there is nothing to store, look up or clean up; links survive restarts (the key is in the
 * database). A forged or altered link fails the signature (404); an expired one answers 410.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import express, { type Router } from "express";
import { z } from "zod";
import type { AdapterStateStore } from "../../src/app/adapterState.ts";
import type { ChartRenderer } from "../../src/app/charts.ts";
import type { ChartData } from "../../src/app/messages/message.ts";
import type { Clock } from "../../src/app/ports.ts";
import { PLATFORM } from "./keys.ts";

/** How long a card's chart link works: a change post is read in the weeks after it was posted. */
export const CHART_TTL_DAYS = 30;
const DAY_S = 86_400;
/** A token longer than this was not made here (60 points deflate to well under 2 KB). */
const MAX_TOKEN_CHARS = 8_000;
/** Inflating stops here: a small token cannot expand into a memory bomb. */
const MAX_DATA_BYTES = 64_000;
const CACHE_SIZE = 64;
export const CHART_KEY = "chartKey";

const Point = z.object({ period: z.string().max(20), value: z.number().finite() });
const ChartSchema = z.object({
  title: z.string().max(300),
  unit: z.string().max(50),
  lang: z.enum(["nl", "en"]),
  points: z.array(Point).max(200),
  baseline: Point.optional(),
  target: Point.optional(),
  // Comparison areas (issue #21): without them here the parse would drop them from the drawn image.
  comparisons: z.array(z.object({ label: z.string().max(100), points: z.array(Point).max(200) })).max(3).optional(),
});

export interface ChartLinksOptions {
  /** DUIDBOT_PUBLIC_URL: the base Teams' clients fetch the images from. */
  publicUrl: string;
  state: AdapterStateStore;
  charts: Pick<ChartRenderer, "png">;
  clock: Clock;
  log: (message: string, error?: unknown) => void;
}

export type ChartCheck = { status: 200; chart: ChartData } | { status: 404 | 410 };

export class ChartLinks {
  readonly #options: ChartLinksOptions;
  readonly #base: string;
  #key: Buffer | undefined;
  /** Recently drawn PNGs (or one being drawn) by signature: Teams clients fetch one image many times, often at once. */
  readonly #cache = new Map<string, Promise<Buffer>>();

  constructor(options: ChartLinksOptions) {
    this.#options = options;
    this.#base = options.publicUrl.endsWith("/") ? options.publicUrl : `${options.publicUrl}/`;
  }

  /** Reads the signing key, or makes one the first time (setIfAbsent: two starts agree on one key). */
  async load(): Promise<void> {
    const fresh = randomBytes(32).toString("base64url");
    this.#key = Buffer.from(await this.#options.state.setIfAbsent(PLATFORM, CHART_KEY, fresh, this.#options.clock.now()), "base64url");
  }

  /** The chart's link, or undefined before load() (the card then goes without the image). */
  url(chart: ChartData): string | undefined {
    if (!this.#key) return undefined;
    const token = deflateRawSync(JSON.stringify(chart)).toString("base64url");
    // Rounded up to the day: the same chart gets the same link all day (clients' caches hold).
    const now = Math.floor(this.#options.clock.now().getTime() / 1000);
    const exp = Math.ceil((now + CHART_TTL_DAYS * DAY_S) / DAY_S) * DAY_S;
    return new URL(`charts/${token}.png?exp=${exp}&sig=${this.#sign(token, exp)}`, this.#base).href;
  }

  /** Checks a link's parts: 404 for anything not signed by us, 410 once expired. */
  check(token: string, exp: unknown, sig: unknown): ChartCheck {
    if (!this.#key || token.length > MAX_TOKEN_CHARS || typeof exp !== "string" || typeof sig !== "string" || !/^\d{1,12}$/.test(exp)) return { status: 404 };
    const expected = Buffer.from(this.#sign(token, Number(exp)));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: 404 };
    if (Number(exp) * 1000 <= this.#options.clock.now().getTime()) return { status: 410 };
    try {
      const data = inflateRawSync(Buffer.from(token, "base64url"), { maxOutputLength: MAX_DATA_BYTES });
      const parsed = ChartSchema.safeParse(JSON.parse(data.toString("utf8")));
      return parsed.success ? { status: 200, chart: parsed.data } : { status: 404 };
    } catch {
      return { status: 404 };
    }
  }

  /** GET /charts/<token>.png on the one server. */
  router(): Router {
    const router = express.Router();
    router.get("/charts/:file", (req, res) => {
      const token = /^([\w-]+)\.png$/.exec(req.params.file)?.[1];
      const checked = token ? this.check(token, req.query.exp, req.query.sig) : ({ status: 404 } as const);
      // No caching of refusals, no referrer leaking the link onwards.
      res.set({ "cache-control": "no-store", "referrer-policy": "no-referrer", "x-content-type-options": "nosniff" });
      if (checked.status !== 200) return void res.status(checked.status).type("text/plain").send(checked.status === 410 ? "Verlopen / expired" : "Niet gevonden / not found");
      this.#png(String(req.query.sig), checked.chart)
        .then((png) => res.status(200).set({ "content-type": "image/png", "cache-control": "private, max-age=86400" }).send(png))
        .catch((error: unknown) => {
          this.#options.log("Teams: grafiek kon niet getekend worden / chart could not be drawn", error);
          res.status(500).type("text/plain").send("Grafiek niet beschikbaar / chart unavailable");
        });
    });
    return router;
  }

  #png(sig: string, chart: ChartData): Promise<Buffer> {
    const cached = this.#cache.get(sig);
    if (cached) return cached;
    const png = this.#options.charts.png(chart);
    this.#cache.set(sig, png);
    // A failed drawing is not kept: the next request tries again.
    png.catch(() => this.#cache.delete(sig));
    if (this.#cache.size > CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
    return png;
  }

  #sign(token: string, exp: number): string {
    return createHmac("sha256", this.#key!).update(`${token}.${exp}`).digest("base64url");
  }
}
