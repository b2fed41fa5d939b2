// Proves the DIN report in a real browser (Debian chromium + playwright-core): axe-core finds no
// WCAG 2.1 A/AA violation (nor a best-practice one), the page makes no request beyond its own file,
// a click on the voorblad leads to the indicator and "Terug naar voorblad" leads back, focus is
// visible, and the print stylesheet gives an A4 PDF. Screenshots of the voorblad and a section are
// saved in artifacts/browser/ for a person to look at.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe.ts";
import { renderEdition } from "../../src/app/report/renderEdition.ts";
import { fixedClock, embeddedRuntime } from "../support/db.ts";
import { adoptedDuiding, reportDeps } from "../support/reportWorld.ts";
import { importFigures, openFreshWorld } from "../support/sessionWorld.ts";

const ARTIFACTS = path.join(import.meta.dirname, "..", "..", "artifacts", "browser");
const CHROMIUM = process.env["DUIDBOT_CHROMIUM"] ?? "/usr/bin/chromium";

describe("the DIN report in Chromium", () => {
  let browser: Browser;
  let file: string;
  beforeAll(async () => {
    const clock = fixedClock("2025-03-03T09:00:00Z");
    const { world, dispose } = await openFreshWorld(embeddedRuntime(), clock, "2025-03-03T09:00:00Z");
    try {
      await adoptedDuiding(world, clock);
      // A breakdown over three years: its small multiples are on the page axe checks.
      const rows = ["2022;9;Oost", "2022;11;West", "2022;7;Noord", "2023;12;Oost", "2023;8;West", "2023;5;Noord", "2024;4;Oost", "2024;2;West"];
      await importFigures(world.s, `indicator;periode;waarde;dimensie;categorie\n${rows.map((r) => `veilig-thuis;${r.replace(/;([A-Z])/, ";wijk;$1")}\n`).join("")}`);
      const result = await renderEdition(reportDeps(world), { edition: 2024, lang: "nl", public: false });
      if (result.status === "no-din") throw new Error("no DIN");
      await mkdir(ARTIFACTS, { recursive: true });
      file = path.join(ARTIFACTS, "rapport.html");
      await writeFile(file, result.html);
    } finally {
      await dispose();
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-background-networking"] });
  });
  afterAll(() => browser?.close());

  it("has no axe violation, no outside request, and walks voorblad → indicator → back", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const outside: string[] = [];
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:")) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href);
    expect(await axeViolations(page)).toEqual([]);
    expect(outside).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "voorblad.png") });

    await page.getByRole("link", { name: "Jongeren met jeugdhulp" }).first().click();
    // A fragment navigation reaches Playwright's page.url() by an event after the click or key press
    // returns (CI once read the old hash): wait for it instead of reading it once.
    await expect.poll(() => new URL(page.url()).hash).toBe("#indicator-jeugdhulp");
    await expect.poll(() => page.locator("#indicator-jeugdhulp h2").isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "indicator.png") });
    // Keyboard: the back link takes focus with a visible outline.
    const back = page.locator("#indicator-jeugdhulp a.back").last();
    await back.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    expect(await back.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { outlineStyle: string } }).getComputedStyle(el).outlineStyle)).not.toBe("none");
    await page.keyboard.press("Enter");
    await expect.poll(() => new URL(page.url()).hash).toBe("#voorblad");
    const multiples = page.locator("#indicator-veilig-thuis figure.multiples");
    expect(await multiples.locator("svg[role=img]").count()).toBe(3);
    await multiples.screenshot({ path: path.join(ARTIFACTS, "rapport-uitsplitsing.png") });
    await page.close();
  });

  it("prints to an A4 PDF with the print stylesheet", async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    const pdf = await page.pdf({ format: "A4", path: path.join(ARTIFACTS, "rapport.pdf") });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("a.back").first().isVisible()).toBe(false);
    await page.close();
  });
});
