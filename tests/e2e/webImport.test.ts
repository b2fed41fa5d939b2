// Proves the web workspace's import page over real HTTP as a browser posts it: a multipart upload, a
// preview that writes nothing, errors per line exactly as the CLI prints them, the confirmation that
// imports and announces, a DIN upload, CSRF and the size limit.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatIssue } from "../../src/domain/validation.ts";
import { importMeasurements } from "../../src/app/measurements/importMeasurements.ts";
import { loadConfig } from "../../src/main/config.ts";
import { buildHttpApp, listen } from "../../src/main/server.ts";
import { fixedClock, memoryRuntime } from "../support/db.ts";
import { FIGURES, LEERKRING, openFreshWorld, type World } from "../support/sessionWorld.ts";

describe("web import", () => {
  const runtime = memoryRuntime;
  const clock = fixedClock("2025-03-03T09:00:00Z");
  let w: World;
  let dispose: () => Promise<void>;
  let server: Server;
  let base: string;
  let csrf: string;
  let kicks = 0;

  beforeAll(async () => {
    ({ world: w, dispose } = await openFreshWorld(runtime, clock, "2025-03-03T09:00:00Z"));
    const config = { ...loadConfig({ PORT: "0" }), web: { mode: "local" as const } };
    server = await listen(buildHttpApp(config, w.s, { kick: () => void kicks++ }), "127.0.0.1", 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const form = await fetch(`${base}/import`);
    expect(await form.text()).toContain('enctype="multipart/form-data"');
    csrf = /duidbot_csrf=([^;]+)/.exec(form.headers.get("set-cookie") ?? "")![1]!;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await dispose();
  });

  function upload(fileName: string, content: string | Buffer, token: string | null = csrf) {
    const body = new FormData();
    if (token) body.set("_csrf", token);
    body.set("bestand", new Blob([content]), fileName);
    return fetch(`${base}/import`, { method: "POST", body, headers: { cookie: `duidbot_csrf=${csrf}` } });
  }
  const confirm = (token: string) =>
    fetch(`${base}/import/bevestigen`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `duidbot_csrf=${csrf}` },
      body: new URLSearchParams({ _csrf: csrf, token }),
    });
  const countValues = async () => (await w.s.measurements.currentValues("hilversum", ["jeugdhulp", "veilig-thuis", "wachtlijst"])).length;

  it("shows every error as the CLI does and writes nothing", async () => {
    const bad = "indicator;periode;waarde\njeugdhulp;2024;12\njeugdhulpp;2024;3\njeugdhulp;2024-13;x\n";
    const res = await upload("fout.csv", bad);
    expect(res.status).toBe(422);
    const page = await res.text();
    // The very lines the CLI prints (same use case, same formatter), HTML-escaped.
    const direct = await importMeasurements(w.s, { source: { kind: "file", text: bad, fileName: "fout.csv" }, via: "cli", dryRun: true });
    if (direct.ok) throw new Error("expected errors");
    for (const issue of direct.issues) expect(page).toContain(formatIssue(issue, "nl").replaceAll('"', "&quot;"));
    expect(page).toContain("er is niets opgeslagen");
    expect(await countValues()).toBe(0);
  });

  it("previews figures without writing, then imports and announces them on confirmation, once", async () => {
    const res = await upload("metingen.csv", FIGURES);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("6 nieuwe waarde(n), 0 correctie(s), 0 ongewijzigd.");
    expect(page).toContain("Jongeren met jeugdhulp: <strong>12% (2024)</strong>");
    expect(await countValues()).toBe(0);
    const token = /name="token" value="([^"]+)"/.exec(page)![1]!;

    const done = await confirm(token);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("De veranderingen worden gemeld in de gekoppelde kanalen.");
    expect(await countValues()).toBe(6);
    expect(kicks).toBeGreaterThan(0);
    await w.dispatch();
    expect(w.chat.textIn(LEERKRING)).toContain("Jongeren met jeugdhulp");
    // The same token again imports nothing twice.
    expect((await confirm(token)).status).toBe(410);
  });

  it("previews a DIN with the indicators it adds, and refuses a DIN with errors naming the line", async () => {
    const indicator = (id: string, name: string) =>
      `  - id: ${id}\n    name: ${name}\n    kind: effect\n    goal: doel-gezond-opgroeien\n    unit: '%'\n    direction: hoger-is-beter\n    frequency: jaarlijks\n    visibility: openbaar\n`;
    const din = `municipality: Hilversum\nyear: 2026\nmission: m\nopgaven:\n  - id: o\n    name: O\n    goals:\n      - id: doel-gezond-opgroeien\n        name: G\nindicators:\n${indicator("jeugdhulp", "Jongeren met jeugdhulp")}${indicator("nieuw", "Nieuwe indicator")}`;
    const page = await (await upload("din.yaml", din)).text();
    expect(page).toContain("DIN van Hilversum, versie 2026.");
    expect(page).toMatch(/Indicatoren die vervallen<\/h2><ul><li>veilig-thuis<\/li><li>wachtlijst/);
    expect(page).toMatch(/Nieuwe indicatoren<\/h2><ul><li>Nieuwe indicator/);
    const token = /name="token" value="([^"]+)"/.exec(page)![1]!;
    expect((await w.s.dins.loadDin("hilversum"))!.latest.year).toBe(2025);
    expect(await (await confirm(token)).text()).toMatch(/De DIN is (opgeslagen|bijgewerkt)\./);
    expect((await w.s.dins.loadDin("hilversum"))!.latest.year).toBe(2026);
    const bad = await upload("din.yaml", "municipality: X\nyear: 2025\nmission: m\nopgaven: []\nindicators:\n  - id: a\n    direction: omhoog\n");
    expect(bad.status).toBe(422);
    expect(await bad.text()).toMatch(/din\.yaml:7: indicators\[0\]\.direction: /);
  });

  it("refuses an upload without the CSRF token, a file over 5 MB and an unknown kind of file", async () => {
    expect((await upload("metingen.csv", FIGURES, null)).status).toBe(403);
    expect((await upload("groot.csv", Buffer.alloc(5 * 1024 * 1024 + 10, 0x41))).status).toBe(413);
    const odd = await upload("foto.png", "x");
    expect(odd.status).toBe(400);
    expect(await odd.text()).toContain("foto.png: onbekend soort bestand");
  });
});
