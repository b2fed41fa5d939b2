// Proves `serve`'s readiness gate (src/main/readiness.ts) over real HTTP: until ready, /healthz answers
// 503 {"status":"starting"} and every other request 503 with Retry-After; after ready() the app answers.
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { listenGated, type GatedServer } from "../../src/main/readiness.ts";

let gate: GatedServer | undefined;
afterEach(async () => {
  await gate?.close();
  gate = undefined;
});

describe("the readiness gate", () => {
  it("answers 503 starting until ready, then hands every request to the app", async () => {
    gate = await listenGated("127.0.0.1", 0);
    const base = `http://127.0.0.1:${gate.port}`;
    const health = await fetch(`${base}/healthz?probe=1`);
    expect(health.status).toBe(503);
    expect(health.headers.get("retry-after")).toBe("1");
    expect(await health.json()).toEqual({ status: "starting" });
    const post = await fetch(`${base}/api/measurements`, { method: "POST", body: "a,b\n1,2\n", headers: { "content-type": "text/csv" } });
    expect(post.status).toBe(503);
    expect(await post.json()).toEqual({ error: "starting", message: expect.stringContaining("Duidbot start nog") });

    const app = express();
    app.get("/healthz", (_req, res) => void res.json({ status: "ok" }));
    gate.ready(app);
    const ready = await fetch(`${base}/healthz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ok" });
  });

  it("fails at once when the port is taken", async () => {
    gate = await listenGated("127.0.0.1", 0);
    await expect(listenGated("127.0.0.1", gate.port)).rejects.toMatchObject({ code: "EADDRINUSE" });
  });
});
