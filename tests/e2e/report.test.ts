// Proves `duidbot report` and GET /rapport as a user meets them: the CLI writes the draft of the
// example data as one HTML file, previews, publishes once (a second publish is refused, exit 1),
// says clearly when --pdf has no Chromium, and refuses wrong arguments before opening the database;
// the HTTP server serves the public draft and the frozen edition, the internal one only with the token.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/main/config.ts";
import { buildHttpApp, listen } from "../../src/main/server.ts";
import { loadExampleIfEmpty } from "../../src/main/example.ts";
import { importMeasurements } from "../../src/app/measurements/importMeasurements.ts";
import { cheapChartRenderer } from "../support/cheapCharts.ts";
import { memoryRuntime } from "../support/db.ts";
import { inMemoryDatabases, runDuidbotHere as runHere, root } from "../support/cli.ts";

const TOKEN = "test-token-not-secret";

describe("duidbot report (CLI)", () => {
  // A migrated test database in memory (the folder is incidental here: tests/support/cli.ts).
  const kept = inMemoryDatabases();
  // Cheap charts (issue #14): the CLI's edition with vega's charts is proven in cliHuizen.test.ts.
  const runDuidbotHere = (args: string[], env: Record<string, string>) => runHere(args, env, kept, cheapChartRenderer());
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "duidbot-report-"));
    await mkdir(path.join(dir, "data"));
    env = { DUIDBOT_DATA_DIR: path.join(dir, "data") };
    expect((await runDuidbotHere(["din", "import", path.join(root, "examples/hilversum/din.yaml")], env)).code).toBe(0);
    expect((await runDuidbotHere(["measurements", "import", path.join(root, "examples/hilversum/metingen.csv")], env)).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await kept.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("writes, previews and publishes the edition of the example figures", async () => {
    const out = path.join(dir, "rapport.html");
    const written = await runDuidbotHere(["report", "--edition", "2024", "--out", out], env);
    expect(written).toMatchObject({ code: 0, stdout: `${out}: concept van editie 2024\n` });
    const html = await readFile(out, "utf8");
    for (const opgave of ["Bestaanszekerheid", "Kansengelijkheid", "Sterke buurten"]) expect(html).toContain(opgave);
    expect(html.match(/Terug naar voorblad/g)?.length).toBeGreaterThanOrEqual(44); // 22 indicators, top and bottom
    const preview = await runDuidbotHere(["report", "--preview", "--lang", "en"], env);
    expect(preview.stdout).toContain("Edition 2024 (internal, DIN 2025): draft");
    expect(preview.stdout).toContain("Indicators without a conclusion (22):");
    const published = await runDuidbotHere(["report", "--publish", "--edition", "2024"], env);
    expect(published.stdout).toMatch(/^Editie 2024 gepubliceerd \(0 conclusies bijgevoegd\), sha256 [0-9a-f]{64}\n$/);
    const again = await runDuidbotHere(["report", "--publish", "--edition", "2024"], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("is al gepubliceerd");
  }, 120_000);

  it("refuses wrong arguments with the usage and says when --pdf finds no Chromium", async () => {
    expect(await runDuidbotHere(["report", "--publish"], env)).toMatchObject({ code: 2, stderr: expect.stringContaining("--publish heeft --edition <jaar> nodig") });
    expect(await runDuidbotHere(["report", "--edition", "24", "--out", "x.html"], env)).toMatchObject({ code: 2, stderr: expect.stringContaining("expects a year") });
    const pdf = await runDuidbotHere(["report", "--pdf", path.join(dir, "r.pdf")], { ...env, DUIDBOT_CHROMIUM: "/nonexistent/chromium" });
    expect(pdf).toMatchObject({ code: 1, stderr: expect.stringContaining("--pdf heeft Chromium nodig") });
  }, 60_000);
});

describe("GET /rapport", () => {
  const runtime = memoryRuntime;
  // Who gets which edition, not its charts: the CLI above draws the real ones (issue #14: ~90 vega charts less).
  const charts = cheapChartRenderer();
  let services: Awaited<ReturnType<typeof runtime.open>>;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    services = await runtime.open();
    await loadExampleIfEmpty(services);
    // Web workspace off: a visitor is a stranger (a Slack-only deployment facing the internet).
    server = await listen(buildHttpApp(loadConfig({ DUIDBOT_API_TOKEN: TOKEN, PORT: "0", DUIDBOT_WEB: "off" }), services, { charts }), "127.0.0.1", 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await services.dispose();
  });

  it("serves the public draft of the next edition, the internal one only with the token", async () => {
    const res = await fetch(`${base}/rapport`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-duidbot-edition")).toBe("2024; draft");
    const html = await res.text();
    expect(html).toContain("Openbare editie");
    expect(html).toContain("Huishoudens met een betalingsachterstand");
    for (const intern of ["Jeugdigen op de wachtlijst voor jeugdhulp", "Klachten over het Sociaal Plein"]) expect(html).not.toContain(intern);
    expect((await fetch(`${base}/rapport/2024?versie=intern`)).status).toBe(401);
    const internal = await fetch(`${base}/rapport/2024?versie=intern&lang=en`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(internal.status).toBe(200);
    expect(await internal.text()).toContain('<html lang="en">');
    expect((await fetch(`${base}/rapport/twenty`)).status).toBe(400);
  }, 60_000);

  it("gives the web workspace's local user the internal edition by default, the public one on request", async () => {
    const local = await listen(buildHttpApp(loadConfig({ PORT: "0" }), services, { charts }), "127.0.0.1", 0);
    try {
      const at = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
      const internal = await (await fetch(`${at}/rapport`)).text();
      expect(internal).toContain("Jeugdigen op de wachtlijst voor jeugdhulp");
      const open = await (await fetch(`${at}/rapport?versie=openbaar`)).text();
      expect(open).toContain("Openbare editie");
      expect(open).not.toContain("Jeugdigen op de wachtlijst voor jeugdhulp");
    } finally {
      await new Promise((r) => local.close(r));
    }
  }, 60_000);

  it("draws a breakdown over time as small multiples: the public edition without any hidden cell, the internal one with all", async () => {
    // 2023: Zuid (6) is small and Oost (87, the smallest other cell) hides with it; 2024 shows every cell.
    const rows = ["2023;101;Centrum", "2023;94;Noord", "2023;87;Oost", "2023;6;Zuid", "2024;110;Centrum", "2024;76;Noord", "2024;104;Oost", "2024;11;Zuid"];
    const text = `indicator;periode;waarde;dimensie;categorie\n${rows.map((r) => `gezinnen-lichte-opvoedondersteuning;${r.replace(/;([A-Z])/, ";wijk;$1")}`).join("\n")}\n`;
    const imported = await importMeasurements(services, { source: { kind: "file", text, fileName: "wijken.csv" }, via: "cli" });
    expect(imported.ok).toBe(true);
    const section = (html: string) => html.slice(html.indexOf('id="indicator-gezinnen-lichte-opvoedondersteuning"'), html.indexOf("</section>", html.indexOf('id="indicator-gezinnen-lichte-opvoedondersteuning"')));
    // The cheap renderer writes each chart's data into its SVG: what a chart received is on the page.
    const pub = section(await (await fetch(`${base}/rapport`)).text());
    expect(pub).toContain('<figure class="multiples"><figcaption>Per wijk door de tijd, 2023 t/m 2024, alle op dezelfde schaal</figcaption>');
    expect(pub).toContain("<title>Oost</title><desc>2024: 104</desc></svg><figcaption>Oost: 2023 niet getoond, 2024 104</figcaption>");
    expect(pub).toContain("<title>Zuid</title><desc>2024: 11</desc></svg><figcaption>Zuid: 2023 niet getoond, 2024 11</figcaption>");
    expect(pub.match(/<title>(Centrum|Noord|Oost|Zuid)<\/title>/g)).toHaveLength(4);
    expect(pub).not.toMatch(/\b(87|6)\b/);
    const internal = section(await (await fetch(`${base}/rapport/2024?versie=intern`, { headers: { authorization: `Bearer ${TOKEN}` } })).text());
    expect(internal).toContain("<title>Oost</title><desc>2023: 87, 2024: 104</desc>");
    expect(internal).toContain("<figcaption>Zuid: 2023 6, 2024 11</figcaption>");
  }, 60_000);
});
