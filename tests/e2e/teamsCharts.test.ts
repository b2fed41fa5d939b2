/**
 * Chart images in Teams cards, over real HTTP: a change card links each chart below
 * DUIDBOT_PUBLIC_URL; the link gives the PNG from duidbot's own server; an altered link (signature,
 * data or expiry) is 404, one past its 30 days 410; a link carries only the card's own chart data;
 * the signing key survives a restart (an old card's link still works); without DUIDBOT_PUBLIC_URL
 * cards carry no image. Only the leerkring channel here (guest charts: teamsGuest.test.ts).
 */
import { afterEach, describe, expect, it } from "vitest";
import { CHART_KEY } from "../../adapters/teams/charts.ts";
import { postChanges } from "../../src/app/sessions/index.ts";
import { memoryRuntime } from "../support/db.ts";
import { importFigures, seedDin } from "../support/sessionWorld.ts";
import { chartIn, imageUrls, PUBLIC_URL, TEAMS_CHANNELS, TEAMS_USERS, TENANT, teamsKey, startTeamsWorld, type TeamsWorld } from "../support/teamsWorld.ts";

const LEER = TEAMS_CHANNELS.leerkring;
const EMPTY_SCOPE = { opgaven: [], doelen: [], indicators: [] };
const CHANNELS = [{ key: teamsKey(LEER), name: "Leerkring", audience: "leerkring" as const, scope: EMPTY_SCOPE, autoStart: false }];

async function post(w: TeamsWorld): Promise<void> {
  const imported = await importFigures(w.s);
  await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
  await w.dispatch();
}

// The adapter over the in-memory store: how the stores behave on PGlite and PostgreSQL is proven by
// tests/contract, so this file does not start a database (issue #14).
for (const runtime of [memoryRuntime]) {
  describe(`Teams chart images on ${runtime.name}`, () => {
    let w: TeamsWorld;
    afterEach(async () => {
      await w.close();
    });

    it("links each chart under DUIDBOT_PUBLIC_URL, serves the PNG, refuses altered links (404) and expired ones (410)", async () => {
      w = await startTeamsWorld(runtime, { start: "2025-03-03T09:00:00Z", channels: CHANNELS });
      await seedDin(w.s);
      await post(w);
      const links = imageUrls(w, LEER);
      expect(links.map((l) => chartIn(l).title).sort()).toEqual(["Jongeren met jeugdhulp", "Meldingen Veilig Thuis", "Wachtlijst jeugdteam (intern)"]);
      const link = links.find((l) => chartIn(l).title === "Jongeren met jeugdhulp")!;
      expect(link).toMatch(new RegExp(`^${PUBLIC_URL}charts/[\\w-]+\\.png\\?exp=\\d+&sig=[\\w-]{43}$`));
      expect(chartIn(link).points).toEqual([
        { period: "2023", value: 10 },
        { period: "2024", value: 12 },
      ]);
      // 30 days, rounded up to the day.
      const exp = Number(new URL(link).searchParams.get("exp"));
      expect(exp * 1000 - Date.parse("2025-03-03T09:00:00Z")).toBeGreaterThanOrEqual(30 * 86_400_000);
      expect(exp * 1000 - Date.parse("2025-03-03T09:00:00Z")).toBeLessThan(31 * 86_400_000);

      const res = await w.get(link);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      const png = Buffer.from(await res.arrayBuffer());
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

      // Altered: another signature, another chart's data with this signature, a later expiry, no signature.
      const url = new URL(link);
      const sig = url.searchParams.get("sig")!;
      const flipped = `${sig.slice(0, -2)}${sig.at(-2) === "A" ? "B" : "A"}${sig.at(-1)}`;
      const other = links.find((l) => l !== link)!;
      const altered = [
        link.replace(sig, flipped),
        other.replace(new URL(other).searchParams.get("sig")!, sig),
        link.replace(`exp=${exp}`, `exp=${exp + 86_400}`),
        link.replace(/&sig=.*$/, ""),
        `${PUBLIC_URL}charts/jeugdhulp.png`,
      ];
      for (const bad of altered) expect((await w.get(bad)).status, bad).toBe(404);

      // Still good on day 30, gone after.
      w.clock.set(new Date(exp * 1000 - 60_000).toISOString());
      expect((await w.get(link)).status).toBe(200);
      w.clock.set(new Date(exp * 1000).toISOString());
      const expired = await w.get(link);
      expect(expired.status).toBe(410);
      expect(expired.headers.get("cache-control")).toBe("no-store");
    });

    it("keeps the signing key and each tenant's Bot Connector endpoint in the database across a restart", async () => {
      w = await startTeamsWorld(runtime, { start: "2025-03-03T09:00:00Z", channels: CHANNELS });
      await seedDin(w.s);
      // An activity teaches the tenant's endpoint (this fake's); it is written to AdapterState.
      await w.driver.send(w.driver.message(TEAMS_USERS.colleague, LEER, "help", { mention: true }));
      const imported = await importFigures(w.s);
      await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
      await w.dispatch();
      const link = imageUrls(w, LEER)[0]!;
      expect((await w.s.adapterState.list("teams", CHART_KEY)).get(CHART_KEY)).toMatch(/^[\w-]{43}$/);
      await expect.poll(() => w.s.adapterState.list("teams", "serviceUrl:")).toEqual(new Map([[`serviceUrl:${TENANT}`, w.fake.serviceUrl]]));

      // serve started again on the same database: a new adapter whose default endpoint is another connector.
      const again = await startTeamsWorld(runtime, { start: "2025-03-03T09:00:00Z", channels: CHANNELS, services: w.s });
      try {
        expect((await again.get(link)).status).toBe(200);
        const before = w.fake.sent.length;
        await postChanges(w.s, { key: "import:again", changes: imported.changes });
        await again.dispatch();
        // Posted before any activity reached the new adapter: to the endpoint it learnt before the restart.
        expect(w.fake.sent.length).toBeGreaterThan(before);
        expect(again.fake.sent).toEqual([]);
      } finally {
        await again.close();
      }
    });

    it("sends cards without images when DUIDBOT_PUBLIC_URL is not set", async () => {
      w = await startTeamsWorld(runtime, { start: "2025-03-03T09:00:00Z", channels: CHANNELS, publicUrl: null });
      await seedDin(w.s);
      await post(w);
      expect(w.sentIn(LEER, { thread: null }).length).toBeGreaterThan(0);
      expect(imageUrls(w, LEER)).toEqual([]);
      expect(w.teams.charts).toBeUndefined();
    });
  });
}
