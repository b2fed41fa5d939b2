// Proves a whole duiding session in a real browser (Debian chromium + playwright-core) without a chat
// platform: the facilitator contributes, moves on, makes a guest link; a guest in a second browser
// context (phone-sized) opens it, gives a name, contributes, and is refused on a staff page; the
// conclusion is written and adopted; the guest then reads the thank-you; after revocation and after
// expiry (moved clock) the link shows a friendly page. axe-core finds zero violations on every session
// and guest page. Screenshots go to artifacts/browser/ to be looked at.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postChanges } from "../../src/app/sessions/index.ts";
import { loadConfig } from "../../src/main/config.ts";
import { buildHttpApp, listen } from "../../src/main/server.ts";
import { axeViolations } from "../support/axe.ts";
import { fixedClock, memoryRuntime } from "../support/db.ts";
import { importFigures, openFreshWorld, type World } from "../support/sessionWorld.ts";

const ARTIFACTS = path.join(import.meta.dirname, "..", "..", "artifacts", "browser");
const CHROMIUM = process.env["DUIDBOT_CHROMIUM"] ?? "/usr/bin/chromium";
const START = "2025-03-03T09:00:00Z";
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** The outcome line of the last action (not the live-update regions). */
const status = (page: Page) => page.locator('p.notice[role="status"]:not([hidden])');

describe("a duiding session and a guest link in Chromium", () => {
  const clock = fixedClock(START);
  let browser: Browser;
  let w: World;
  let dispose: () => Promise<void>;
  let server: Server;
  let base: string;
  let sessionId: number;

  beforeAll(async () => {
    ({ world: w, dispose } = await openFreshWorld(memoryRuntime, clock, START));
    const imported = await importFigures(w.s);
    const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
    if (posted.status !== "posted") throw new Error(posted.status);
    sessionId = posted.sessions[0]!.sessionId;
    await w.dispatch();
    server = await listen(buildHttpApp({ ...loadConfig({ PORT: "0" }), web: { mode: "local" } }, w.s, { kick: () => void w.dispatch() }), "127.0.0.1", 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-background-networking"] });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server.close(r));
    await dispose();
  });

  async function makeLink(staff: Page, label: string, days: string): Promise<string> {
    await staff.goto(`${base}/sessie/${sessionId}`);
    await staff.getByLabel("Rol van de gasten").selectOption(label);
    await staff.getByLabel("Geldig (dagen)").fill(days);
    await staff.getByRole("button", { name: "Gastlink maken" }).click();
    await staff.getByRole("heading", { name: "Gastlink gemaakt" }).waitFor();
    return staff.locator("#link").inputValue();
  }

  async function guestIn(context: BrowserContext, link: string, name: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(link);
    await page.getByLabel("Uw naam of een bijnaam").fill(name);
    await page.getByRole("button", { name: "Verder" }).click();
    await page.getByText(`U doet mee als ${name}.`).waitFor();
    return page;
  }

  it("runs from the first contribution to adoption, with a guest who contributes and is refused elsewhere", async () => {
    const staffContext = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    // The pages ask for news every 10 s (sessie.js): the test moves the staff pages' clock instead of waiting.
    await staffContext.clock.install();
    const staff = await staffContext.newPage();
    const errors: string[] = [];
    staff.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    await staff.goto(`${base}/sessie/${sessionId}`);
    expect(await staff.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Duiding: /);
    expect(await axeViolations(staff)).toEqual([]);
    await staff.getByLabel("Uw bijdrage", { exact: true }).fill("Herkenbaar: meer aanmeldingen sinds de campagne.");
    await staff.getByRole("button", { name: "Bijdrage plaatsen" }).click();
    expect(await status(staff).textContent()).toContain("Uw bijdrage is genoteerd.");
    await staff.getByRole("button", { name: "Volgende vraag" }).click();
    expect(await staff.getByText("Vraag 2 van 4").first().isVisible()).toBe(true);
    await staff.screenshot({ path: path.join(ARTIFACTS, "web-sessie.png"), fullPage: true });

    const link = await makeLink(staff, "ervaringsdeskundige", "14");
    expect(await axeViolations(staff)).toEqual([]);

    const guestContext = await browser.newContext(PHONE);
    const welcome = await guestContext.newPage();
    await welcome.goto(link);
    expect(new URL(welcome.url()).pathname).not.toContain(link.split("/").at(-1)!); // the secret left the address bar
    expect(await welcome.getByRole("heading", { name: "Wat gebeurt er met uw woorden?" }).isVisible()).toBe(true);
    expect(await axeViolations(welcome)).toEqual([]);
    await welcome.screenshot({ path: path.join(ARTIFACTS, "web-gast-welkom-telefoon.png"), fullPage: true });
    await welcome.close();

    // The facilitator's page stays open and idle: the guest's words appear on it without a reload.
    await staff.goto(`${base}/sessie/${sessionId}`);
    await staff.evaluate(() => void ((globalThis as unknown as { stayed: boolean }).stayed = true));
    const guest = await guestIn(guestContext, link, "Fatima");
    expect(await guest.getByText("Wachtlijst jeugdteam").count()).toBe(0);
    expect(await guest.getByText("Herkenbaar: meer aanmeldingen").count()).toBe(0);
    await guest.getByLabel("Bij welke vraag hoort het?").selectOption("verklaren");
    await guest.getByLabel("Uw bijdrage", { exact: true }).fill("Veel ouders kennen de lichte hulp niet.");
    await guest.getByRole("button", { name: "Bijdrage plaatsen" }).click();
    expect(await status(guest).textContent()).toContain("Uw bijdrage is genoteerd.");
    expect(await guest.locator("p.message-text", { hasText: "Veel ouders kennen de lichte hulp niet." }).isVisible()).toBe(true);
    expect(await axeViolations(guest)).toEqual([]);
    await guest.screenshot({ path: path.join(ARTIFACTS, "web-gast-draad-telefoon.png"), fullPage: true });
    // The guest moves their words to another question with the edit form's picker.
    await guest.getByText("Wijzigen", { exact: true }).click();
    await guest.locator('details.edit[open] select[name="question"]').selectOption("waarderen");
    await guest.getByRole("button", { name: "Opslaan" }).click();
    expect(await status(guest).textContent()).toContain("De bijdrage hoort nu bij een andere vraag.");
    expect(await guest.locator('section[aria-labelledby="vraag-waarderen"] p.message-text', { hasText: "Veel ouders kennen de lichte hulp niet." }).isVisible()).toBe(true);

    await staffContext.clock.runFor(10_000);
    await staff.locator("p.message-text", { hasText: "Veel ouders kennen de lichte hulp niet." }).waitFor();
    expect(await staff.evaluate(() => (globalThis as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await staff.locator("#bijgewerkt").textContent()).toBe("Het gesprek is bijgewerkt.");

    const refused = await guestContext.newPage();
    const response = await refused.goto(`${base}/sessie/${sessionId}`);
    expect(response?.status()).toBe(403);
    expect(await refused.getByRole("heading", { level: 1 }).textContent()).toBe("Alleen uw gastpagina");
    expect(await axeViolations(refused)).toEqual([]);
    expect((await refused.goto(`${base}/`))?.status()).toBe(403);
    await refused.close();

    await staff.goto(`${base}/sessie/${sessionId}`);
    expect(await staff.locator("p.message-text", { hasText: "Veel ouders kennen de lichte hulp niet." }).isVisible()).toBe(true);
    await staff.getByRole("button", { name: "Conclusie schrijven" }).first().click();
    await staff.getByRole("heading", { level: 1 }).waitFor();
    expect(await axeViolations(staff)).toEqual([]);
    await staff.locator("#f-conclusion-overall").fill("De stijging komt door de campagne; ouders kennen de lichte hulp niet.");
    await staff.locator("#f-action-1-text").fill("Lichte opvoedhulp bekend maken");
    await staff.locator("#f-action-1-owner").fill("Team Jeugd");
    await staff.getByRole("button", { name: "Opslaan als concept" }).click();
    expect(await status(staff).textContent()).toContain("De conclusie is opgeslagen als concept.");
    await staff.getByRole("button", { name: "Vaststellen" }).click();
    expect(await status(staff).textContent()).toContain("De conclusie is vastgesteld.");
    expect(await axeViolations(staff)).toEqual([]);

    await staff.getByLabel("Wat vertelt u de gasten over de uitkomst?").fill("We maken de lichte hulp bekend bij ouders.");
    await staff.getByRole("button", { name: "Delen met de gasten" }).click();
    await staff.getByRole("heading", { name: "Gedeeld met de gasten" }).waitFor();
    expect(await staff.locator("section.shared").textContent()).toContain("We maken de lichte hulp bekend bij ouders.");
    expect(await axeViolations(staff)).toEqual([]);

    await guest.reload();
    expect(await guest.getByText("De duiding van deze cijfers is afgerond. Dank voor uw bijdrage.").isVisible()).toBe(true);
    expect(await guest.getByText("We maken de lichte hulp bekend bij ouders.").isVisible()).toBe(true);
    expect(await guest.getByText("Lichte opvoedhulp bekend maken").count()).toBe(0);
    await guest.screenshot({ path: path.join(ARTIFACTS, "web-gast-samenvatting-telefoon.png"), fullPage: true });

    // Admins find the link per session on /kanalen, not among the channels.
    await staff.goto(`${base}/kanalen`);
    expect(await staff.getByRole("heading", { name: "Gastlinks per sessie" }).isVisible()).toBe(true);
    expect(await axeViolations(staff)).toEqual([]);

    await staff.goto(`${base}/sessie/${sessionId}#gastlinks`);
    await staff.getByRole("button", { name: /^Intrekken: Gastlink ervaringsdeskundige/ }).click();
    expect(await status(staff).textContent()).toContain("De gastlink is ingetrokken.");
    await guest.reload();
    expect(await guest.getByRole("heading", { level: 1 }).textContent()).toBe("Deze link is ingetrokken");
    expect(await axeViolations(guest)).toEqual([]);
    await guest.screenshot({ path: path.join(ARTIFACTS, "web-gast-ingetrokken-telefoon.png") });
    expect(errors).toEqual([]);
    await guestContext.close();
    await staffContext.close();
  });

  it("refuses an expired link with a friendly page", async () => {
    const staffContext = await browser.newContext();
    const link = await makeLink(await staffContext.newPage(), "adviesraad", "1");
    const guestContext = await browser.newContext(PHONE);
    const guest = await guestIn(guestContext, link, "Gerrit");
    clock.set("2025-03-04T09:00:01Z");
    await guest.reload();
    expect(await guest.getByRole("heading", { level: 1 }).textContent()).toBe("Deze link is verlopen");
    expect(await axeViolations(guest)).toEqual([]);
    await guest.screenshot({ path: path.join(ARTIFACTS, "web-gast-verlopen-telefoon.png") });
    clock.set(START);
    await guestContext.close();
    await staffContext.close();
  });
});
