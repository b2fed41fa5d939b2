// Proves the web workspace in a real browser (Debian chromium + playwright-core), as a newcomer uses it:
// from the overview to an indicator and its adopted conclusion, by mouse and by keyboard; an import with
// an error (shown, nothing written) and a good one (changes shown); sign-in on a non-loopback setup;
// axe-core on every page with zero violations. Screenshots go to artifacts/browser/ to be looked at.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type Config } from "../../src/main/config.ts";
import { buildHttpApp, listen } from "../../src/main/server.ts";
import { axeViolations } from "../support/axe.ts";
import { fixedClock, embeddedRuntime } from "../support/db.ts";
import { adoptedDuiding } from "../support/reportWorld.ts";
import { importFigures, openFreshWorld, type World } from "../support/sessionWorld.ts";

const ARTIFACTS = path.join(import.meta.dirname, "..", "..", "artifacts", "browser");
const CHROMIUM = process.env["DUIDBOT_CHROMIUM"] ?? "/usr/bin/chromium";
const PASSWORD = "een-lang-wachtwoord";

describe("the web workspace in Chromium", () => {
  let browser: Browser;
  let w: World;
  let dispose: () => Promise<void>;
  const servers: Server[] = [];

  async function serve(web: Config["web"]): Promise<string> {
    const server = await listen(buildHttpApp({ ...loadConfig({ PORT: "0" }), web }, w.s), "127.0.0.1", 0);
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  beforeAll(async () => {
    const clock = fixedClock("2025-03-03T09:00:00Z");
    ({ world: w, dispose } = await openFreshWorld(embeddedRuntime(), clock, "2025-03-03T09:00:00Z"));
    await adoptedDuiding(w, clock);
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-background-networking"] });
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await new Promise((r) => s.close(r));
    await dispose();
  });

  it("takes a newcomer from the overview to an indicator's conclusion, every page without axe violations", async () => {
    const base = await serve({ mode: "local" });
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    await page.goto(`${base}/`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("DIN sociaal domein Hilversum");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "web-overzicht.png"), fullPage: true });

    // Keyboard: the first Tab reaches the skip link, Enter moves to the content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent)).toBe("Naar de inhoud");

    await page.getByRole("link", { name: "Jongeren met jeugdhulp" }).click();
    await page.waitForURL(/\/indicator\/jeugdhulp$/);
    expect(await page.getByRole("heading", { name: "Vastgestelde conclusies" }).isVisible()).toBe(true);
    expect(await page.getByText("Lichte opvoedhulp in elke wijk").first().isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "web-indicator.png"), fullPage: true });

    for (const url of ["/doel/doel-gezond-opgroeien", "/veranderingen", "/import", "/kanalen", "/rapporten", "/?lang=en"]) {
      await page.goto(`${base}${url}`);
      expect({ url, violations: await axeViolations(page) }).toEqual({ url, violations: [] });
    }
    await page.screenshot({ path: path.join(ARTIFACTS, "web-overview-en.png") });
    expect(errors).toEqual([]); // no CSP violation or other error in the console
    await page.close();
  });

  it("imports through the page: errors shown and nothing written, then a good file with its changes", async () => {
    const base = await serve({ mode: "local" });
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${base}/import`);
    await page.setInputFiles("#bestand", { name: "fout.csv", mimeType: "text/csv", buffer: Buffer.from("indicator;periode;waarde\njeugdhulpp;2025;3\n") });
    await page.getByRole("button", { name: "Bekijk wat er verandert" }).click();
    expect(await page.getByRole("alert").textContent()).toContain("er is niets opgeslagen");
    expect(await page.locator("ul.issues").textContent()).toContain('fout.csv:2: indicator: onbekende indicator "jeugdhulpp"');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "web-import-fout.png") });

    await page.goto(`${base}/import`);
    await page.setInputFiles("#bestand", { name: "metingen-2025.csv", mimeType: "text/csv", buffer: Buffer.from("indicator;periode;waarde\njeugdhulp;2025;9\n") });
    await page.getByRole("button", { name: "Bekijk wat er verandert" }).click();
    expect(await page.getByText("1 nieuwe waarde(n), 0 correctie(s), 0 ongewijzigd.").isVisible()).toBe(true);
    expect((await w.s.measurements.currentValues("hilversum", ["jeugdhulp"])).some((v) => v.period === "2025")).toBe(false);
    await page.getByRole("button", { name: "Importeren" }).click();
    await page.getByRole("heading", { name: "Geïmporteerd" }).waitFor();
    expect(await page.locator("ul.changes").textContent()).toContain("Jongeren met jeugdhulp: 9% (2025)");
    expect((await w.s.measurements.currentValues("hilversum", ["jeugdhulp"])).some((v) => v.period === "2025")).toBe(true);
    await page.close();
  });

  it("opens a breakdown with its small multiples side by side, without axe violations", async () => {
    const rows = ["2022;9;Oost", "2022;11;West", "2022;7;Noord", "2023;12;Oost", "2023;8;West", "2023;5;Noord", "2024;4;Oost", "2024;2;West"];
    await importFigures(w.s, `indicator;periode;waarde;dimensie;categorie\n${rows.map((r) => `veilig-thuis;${r.replace(/;([A-Z])/, ";wijk;$1")}\n`).join("")}`);
    const base = await serve({ mode: "local" });
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${base}/indicator/veilig-thuis`);
    await page.getByText("Uitsplitsing naar wijk (2024)").click();
    const charts = page.locator(".breakdown-multiples figure");
    expect(await charts.count()).toBe(3);
    // The same row: the grid puts the small charts beside each other, not under.
    const boxes = await Promise.all([0, 1, 2].map((i) => charts.nth(i).boundingBox()));
    expect(new Set(boxes.map((b) => Math.round(b?.y ?? -1))).size).toBe(1);
    expect(await page.getByRole("img", { name: "Lijngrafiek: Noord, 2022 t/m 2024" }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator("details.breakdown").screenshot({ path: path.join(ARTIFACTS, "web-uitsplitsing.png") });
    await page.close();
  });

  it("asks for the password on a non-loopback setup, and then shows the overview", async () => {
    const base = await serve({ mode: "password", password: PASSWORD });
    const page = await browser.newPage();
    await page.goto(`${base}/veranderingen`);
    expect(new URL(page.url()).pathname).toBe("/inloggen");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Wachtwoord").fill("fout");
    await page.getByRole("button", { name: "Inloggen" }).click();
    expect(await page.getByRole("alert").textContent()).toContain("Het wachtwoord klopt niet");
    await page.getByLabel("Wachtwoord").fill(PASSWORD);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.waitForURL(/\/veranderingen$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Veranderingen");
    await page.close();
  });
});
