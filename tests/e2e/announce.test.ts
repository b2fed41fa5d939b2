// Proves that figures sent to the HTTP API are announced in chat: change posts / session threads per doel
// land in the outbox in the import's wake and reach the channels once, with guests kept from intern figures.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/main/config.ts";
import { buildHttpApp, listen } from "../../src/main/server.ts";
import { fixedClock, embeddedRuntime } from "../support/db.ts";
import { BELEID, DIGEST, GAST, LEERKRING, openFreshWorld, type World } from "../support/sessionWorld.ts";

const TOKEN = "announce-test-token";
const START = "2025-06-02T08:00:00Z";

describe("import → announce over the HTTP API", () => {
  const runtime = embeddedRuntime();
  let world: World;
  let server: Server;
  let base: string;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    // A test database with duidbot.yaml (CONFIG) applied and the DIN seeded, as serve has it.
    ({ world, dispose } = await openFreshWorld(runtime, fixedClock(START), START));
    server = await listen(buildHttpApp(loadConfig({ DUIDBOT_API_TOKEN: TOKEN }), world.s), "127.0.0.1", 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise((r) => server.close(r));
    await dispose();
  });

  const send = (measurements: unknown[]) =>
    fetch(`${base}/api/measurements`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ measurements }),
    });

  it("posts each significant doel once, in the leerkring and (without intern figures) in the guest channel", async () => {
    const figures = [
      { indicator: "jeugdhulp", periode: "2023", waarde: 10 },
      { indicator: "jeugdhulp", periode: "2024", waarde: 12 },
      { indicator: "wachtlijst", periode: "2023", waarde: 50 },
      { indicator: "wachtlijst", periode: "2024", waarde: 80 },
    ];
    expect((await send(figures)).status).toBe(201);
    await world.dispatch();
    const leerkring = world.chat.postsIn(LEERKRING, null).map((p) => JSON.stringify(p.message));
    const gast = world.chat.postsIn(GAST, null).map((p) => JSON.stringify(p.message));
    expect(leerkring.length).toBe(1);
    expect(leerkring[0]).toContain("Jongeren met jeugdhulp");
    expect(leerkring[0]).toContain("Wachtlijst jeugdteam");
    expect(gast.length).toBe(1);
    expect(gast[0]).toContain("Jongeren met jeugdhulp");
    expect(gast[0]).not.toContain("Wachtlijst");
    // A leerkring without autoStart gets a change post with the Start duiding button; the digest
    // channel gets none (it reads the new figures in its weekly digest).
    const beleid = world.chat.postsIn(BELEID, null);
    expect(beleid).toHaveLength(1);
    expect(JSON.stringify(beleid[0]!.message)).toContain("session.start");
    expect(world.chat.postsIn(DIGEST, null)).toEqual([]);

    // The same figures again: nothing new, so nothing more is announced.
    expect((await send(figures)).status).toBe(200);
    await world.dispatch();
    expect(world.chat.posts.filter((p) => p.message.target.thread === undefined)).toHaveLength(3);
  });
});
