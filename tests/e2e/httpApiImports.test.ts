// Proves POST /api/measurements over real HTTP on PGlite and PostgreSQL: concurrent requests with
// the same new value get one 201 and 200 "unchanged" (never a 500), a changed bron is stored as a
// metadata correction, every row's origin names its field path, and with several DINs the request
// must name its gemeente (in the body or the path; unknown: 404 listing the known ones).
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDin } from "../../src/app/din/importDin.ts";
import { loadConfig } from "../../src/main/config.ts";
import { buildHttpApp, listen } from "../../src/main/server.ts";
import { testRuntimes } from "../support/db.ts";

const TOKEN = "test-token-not-secret";
const dinFile = path.join(import.meta.dirname, "..", "fixtures", "din-2024.yaml");

for (const runtime of testRuntimes()) {
  describe(`POST /api/measurements on ${runtime.name}`, () => {
    let services: Awaited<ReturnType<typeof runtime.open>>;
    let server: Server;
    let base: string;

    beforeAll(async () => {
      services = await runtime.open();
      await importDin(services, { text: await readFile(dinFile, "utf8"), fileName: "din-2024.yaml" });
      server = await listen(buildHttpApp(loadConfig({ DUIDBOT_API_TOKEN: TOKEN, PORT: "0" }), services), "127.0.0.1", 0);
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((r) => server.close(r));
      await services.dispose();
    });

    const post = async (body: unknown, suffix = "") => {
      const res = await fetch(`${base}/api/measurements${suffix}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const one = (waarde: number, extra: object = {}) => ({ measurements: [{ indicator: "betalingsachterstand", periode: "2024", waarde, ...extra }] });

    it("five concurrent requests with the same new value: one 201, four 200 unchanged", async () => {
      const answers = await Promise.all(Array.from({ length: 5 }, () => post(one(6.4))));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(answers.filter((a) => a.body["status"] === "unchanged")).toHaveLength(4);
      expect(await services.db.prisma.measurement.count()).toBe(1);
    });

    it("stores a changed bron as a metadata correction, not a figure change", async () => {
      const answer = await post(one(6.4, { bron: "CBS" }));
      expect(answer).toMatchObject({ status: 201, body: { status: "imported", new: 0, corrections: 0, metadata: 1, significantChanges: 0 } });
    });

    it("names each row's origin by its field path", async () => {
      const answer = await post({
        measurements: [
          { indicator: "jeugdhulp-lang", periode: "2023", waarde: 12 },
          { indicator: "jeugdhulp-lang", periode: "2024", waarde: 8 },
        ],
      });
      expect(answer.status).toBe(201);
      const history = await services.measurements.history("teststad", "jeugdhulp-lang");
      expect(history.map((h) => h.origin)).toEqual(["api:measurements[0]", "api:measurements[1]"]);
    });

    it("with two DINs, asks for the gemeente and takes it from the body or the path", async () => {
      const text = (await readFile(dinFile, "utf8")).replace("municipality: Teststad", "municipality: Anderstad");
      await importDin(services, { text, fileName: "anderstad.yaml" });

      const unnamed = await post(one(5));
      expect(unnamed).toMatchObject({ status: 400, body: { error: "gemeente-required", known: ["anderstad", "teststad"] } });
      expect(JSON.stringify(unnamed.body)).toContain("meerdere gemeenten (anderstad, teststad)");
      expect(JSON.stringify(unnamed.body)).toContain("/api/measurements/<gemeente>");

      expect(await post({ gemeente: "anderstad", ...one(5) })).toMatchObject({ status: 201, body: { gemeente: "anderstad", new: 1 } });
      expect(await post(one(5), "/anderstad")).toMatchObject({ status: 200, body: { status: "unchanged", gemeente: "anderstad" } });
      expect(await post(one(6.4), "/Teststad")).toMatchObject({ status: 200, body: { gemeente: "teststad", unchanged: 1 } });

      const unknown = await post(one(5), "/utrecht");
      expect(unknown).toMatchObject({ status: 404, body: { error: "unknown-gemeente", known: ["anderstad", "teststad"] } });
      expect((unknown.body["errors"] as { text: string }[])[0]?.text).toBe('api: gemeente: onbekende gemeente "utrecht"; bekend: anderstad, teststad');

      const both = await post({ gemeente: "teststad", ...one(5) }, "/anderstad");
      expect(both).toMatchObject({ status: 400, body: { error: "invalid" } });
      expect(await post({ gemeente: 3, ...one(5) })).toMatchObject({ status: 400, body: { error: "invalid" } });
    });
  });
}
