// Proves guest links over real HTTP: a facilitator makes one (only its hash is stored); a guest opens it
// (the secret moves into a cookie scoped to the thread's path), gives a name after the B1 notice, sees
// only what a guest thread may see (no intern indicator, small counts as "< 10", no staff words),
// contributes with the link's label as perspective, edits and withdraws only their own words; every
// staff page answers 403 to that browser; a revoked or expired link (moved clock) shows a friendly page
// and records nothing; wrong secrets are rate-limited. On the memory store; making a link and the guest's
// story also on PGlite (the Prisma store: link, channel, thread and root in one transaction).
import { createHash } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGuestLink, openGuestLink, postChanges, recordContribution, startSession } from "../../src/app/sessions/index.ts";
import { loadConfig } from "../../src/main/config.ts";
import { buildHttpApp, listen } from "../../src/main/server.ts";
import { cheapChartRenderer } from "../support/cheapCharts.ts";
import { fixedClock, memoryRuntime, embeddedRuntime, type TestRuntime } from "../support/db.ts";
import type { Services } from "../../src/main/services.ts";
import { actor, GAST, importFigures, LEERKRING, openFreshWorld, PEOPLE, type World } from "../support/sessionWorld.ts";
import { WebClient } from "../support/webClient.ts";

const START = "2025-03-03T09:00:00Z";

const RUNTIMES: TestRuntime<Services>[] = [memoryRuntime, embeddedRuntime()];

for (const runtime of RUNTIMES) describe(`guest links on ${runtime.name}`, () => {
  const clock = fixedClock(START);
  let w: World;
  let dispose: () => Promise<void>;
  let server: Server;
  let base: string;
  let staff: WebClient;
  let sessionId: number;
  const kicked = new Set<Promise<unknown>>();

  async function makeLink(fields: Record<string, string> = { label: "adviesraad", days: "14" }): Promise<{ url: string; publicId: string; secret: string }> {
    const res = await staff.post(`/sessie/${sessionId}/gastlinks`, fields);
    expect(res.status).toBe(200);
    const url = /value="(http:\/\/[^"]+\/gast\/[^"]+)"/.exec(await res.text())![1]!;
    const [, publicId, secret] = /\/gast\/([^/]+)\/([^/]+)$/.exec(url)!;
    return { url: new URL(url).pathname, publicId: publicId!, secret: secret! };
  }

  async function guestWithName(link: string, name: string): Promise<WebClient> {
    const guest = new WebClient(base);
    const opened = await guest.get(link);
    expect(opened.status).toBe(303);
    const welcome = await guest.page(opened.headers.get("location")!);
    expect(welcome.text).toContain("nooit uw naam");
    // The notice says plainly that editing later needs this browser (the cookie): another device cannot.
    expect(welcome.text).toContain("Dan kunt u uw eerdere bijdragen niet meer wijzigen of intrekken.");
    const named = await guest.post(`${new URL(link, base).pathname.split("/").slice(0, 3).join("/")}/naam`, { name });
    expect(named.status).toBe(303);
    return guest;
  }

  beforeAll(async () => {
    ({ world: w, dispose } = await openFreshWorld(runtime, clock, START));
    const imported = await importFigures(w.s);
    const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
    if (posted.status !== "posted") throw new Error(posted.status);
    sessionId = posted.sessions[0]!.sessionId;
    await w.dispatch();
    await recordContribution(w.s, { eventId: "Ev1", channel: LEERKRING, threadId: w.rootIn(LEERKRING), messageId: "m1", user: { ...PEOPLE.colleague }, text: "Interne notitie van staf.", at: clock.now() });
    // A guest in the Slack-like guest channel: web guests see only the words on their own link.
    await recordContribution(w.s, { eventId: "Ev2", channel: GAST, threadId: w.rootIn(GAST), messageId: "m2", user: { ...PEOPLE.guest }, text: "Woorden uit het andere gastkanaal.", at: clock.now() });
    // A kick dispatches in the background, as serve's does; afterAll waits for the last ones.
    const kick = () => {
      const dispatched: Promise<unknown> = w.dispatch().finally(() => kicked.delete(dispatched));
      kicked.add(dispatched);
    };
    server = await listen(buildHttpApp({ ...loadConfig({ PORT: "0" }), web: { mode: "local" } }, w.s, { kick, charts: cheapChartRenderer() }), "127.0.0.1", 0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    staff = new WebClient(base);
    await staff.page(`/sessie/${sessionId}`); // the CSRF cookie
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await Promise.allSettled([...kicked]);
    await dispose();
  });

  it("lets only facilitators make links, and stores only the secret's hash", async () => {
    expect(await createGuestLink(w.s, { actor: actor(PEOPLE.colleague, LEERKRING), session: { sessionId } })).toMatchObject({ status: "forbidden", action: "share" });
    expect(await createGuestLink(w.s, { actor: actor(PEOPLE.facilitator, LEERKRING), session: { sessionId }, validDays: 91 })).toMatchObject({ status: "refused", code: "invalid-days" });
    // A session about an intern indicator only: guests would see nothing to talk about.
    const intern = await startSession(w.s, { actor: actor(PEOPLE.facilitator, LEERKRING), subject: { kind: "indicator", id: "wachtlijst" } });
    if (intern.status !== "started") throw new Error(intern.status);
    expect(await createGuestLink(w.s, { actor: actor(PEOPLE.facilitator, LEERKRING), session: { sessionId: intern.sessionId } })).toEqual({ status: "refused", code: "nothing-visible" });
    const { publicId, secret } = await makeLink();
    expect(await openGuestLink(w.s, { publicId, secret: `${secret.slice(0, -1)}${secret.endsWith("x") ? "y" : "x"}` })).toEqual({ status: "refused", code: "unknown" });
    const stored = await w.s.sessions.transaction((tx) => tx.guestLinkByPublicId(publicId));
    expect(stored).toMatchObject({ sessionId, label: "adviesraad", createdBy: "web:local", channel: `web:gast:${publicId}` });
    expect(stored!.tokenHash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect((await w.s.sessions.transaction((tx) => tx.channel(`web:gast:${publicId}`)))).toMatchObject({ audience: "gast", perspective: "adviesraad", autoStart: false });
  });

  it("shows a guest only the guest thread, takes their words with the link's perspective, and refuses them everywhere else", async () => {
    const { url, publicId } = await makeLink();
    const guest = new WebClient(base);
    const opened = await guest.get(url);
    expect(opened.headers.get("location")).toBe(`/gast/${publicId}`);
    const cookies = opened.headers.getSetCookie().join("\n");
    expect(cookies).toMatch(new RegExp(`duidbot_gast=[^;]+; Path=/gast/${publicId}; HttpOnly; SameSite=Lax`));
    const anna = await guestWithName(url, "Anna");
    const page = await anna.page(`/gast/${publicId}`);
    expect(page.text).toContain("U doet mee als Anna.");
    expect(page.text).not.toContain("Wachtlijst jeugdteam");
    expect(page.text).toContain("&lt; 10");
    expect(page.text).not.toContain("Interne notitie van staf.");
    expect(page.text).not.toContain("Woorden uit het andere gastkanaal.");
    expect(page.text).not.toContain("Volgende vraag");
    expect(page.text).not.toContain('href="/kanalen"');

    const before = (await (await anna.get(`/gast/${publicId}/stand`)).json()) as { versie: string };
    expect(page.text).toContain(`data-versie="${before.versie}"`);
    expect(page.text).toContain('<script src="/assets/sessie.js" defer></script>');
    const sent = await anna.post(`/gast/${publicId}/bijdrage`, { question: "verklaren", text: "Veel gezinnen weten de weg niet." });
    expect(sent.headers.get("location")).toContain("uitkomst=recorded");
    // What the page shows changed: its script offers a reload (live updates without JavaScript being needed).
    expect(((await (await anna.get(`/gast/${publicId}/stand`)).json()) as { versie: string }).versie).not.toBe(before.versie);
    const own = (await w.s.sessions.transaction((tx) => tx.contributions(sessionId))).find((c) => c.channel === `web:gast:${publicId}`)!;
    expect(own).toMatchObject({ audience: "gast", perspective: "adviesraad", author: { name: "Anna" }, question: "verklaren" });
    expect(own.author.key).toMatch(new RegExp(`^web:gast:${publicId}:`));

    // A second guest on the same link sees Anna's words but cannot change them.
    const bert = await guestWithName(url, "Bert");
    expect((await bert.page(`/gast/${publicId}`)).text).toContain("Veel gezinnen weten de weg niet.");
    expect((await bert.post(`/gast/${publicId}/bijdrage/${own.messageId}/intrekken`, {})).headers.get("location")).toContain("uitkomst=ignored%3Anot-author");
    expect((await anna.post(`/gast/${publicId}/bijdrage/${own.messageId}/wijzigen`, { text: "Veel gezinnen kennen de regeling niet." })).headers.get("location")).toContain("uitkomst=updated");
    // A guest moves their words to another question with the edit form's picker; Bert cannot.
    expect((await bert.post(`/gast/${publicId}/bijdrage/${own.messageId}/wijzigen`, { text: "Veel gezinnen kennen de regeling niet.", question: "herkennen" })).headers.get("location")).toContain("uitkomst=ignored%3Anot-author");
    expect((await anna.post(`/gast/${publicId}/bijdrage/${own.messageId}/wijzigen`, { text: "Veel gezinnen kennen de regeling niet.", question: "herkennen" })).headers.get("location")).toContain("uitkomst=reassigned");
    expect((await w.s.sessions.transaction((tx) => tx.contributionByMessage(own.channel, own.messageId)))?.question).toBe("herkennen");
    expect((await anna.post(`/gast/${publicId}/bijdrage/${own.messageId}/intrekken`, {})).headers.get("location")).toContain("uitkomst=withdrawn");

    // Staff see who wrote in the guest thread (the words are withdrawn now); the link shows it was used.
    const staffPage = await staff.page(`/sessie/${sessionId}`);
    expect(staffPage.text).toContain("Anna · adviesraad · gast");
    expect(staffPage.text).toContain("laatst gebruikt");

    // A summary the facilitator shares reaches the guest thread, readable on the same link.
    const shared = await staff.post(`/sessie/${sessionId}/samenvatting`, { text: "We gaan de lichte hulp beter bekend maken." });
    expect(shared.headers.get("location")).toContain("uitkomst=shared");
    await w.dispatch();
    const withSummary = await anna.page(`/gast/${publicId}`);
    expect(withSummary.text).toContain("We gaan de lichte hulp beter bekend maken.");
    // The kicked dispatcher may still hold the Slack-like channel's row: wait for it, as a person would.
    for (let i = 0; i < 100 && !w.chat.textIn(GAST).includes("bekend maken"); i++) await new Promise((r) => setTimeout(r, 20));
    expect(w.chat.textIn(GAST)).toContain("We gaan de lichte hulp beter bekend maken.");

    for (const path of ["/", `/sessie/${sessionId}`, "/kanalen", "/import", "/veranderingen", "/indicator/jeugdhulp"]) {
      const res = await anna.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
    expect((await anna.post(`/sessie/${sessionId}/knop`, { actionId: "session.next", value: `${sessionId}:herkennen` })).status).toBe(403);
    const other = await makeLink();
    expect((await anna.get(`/gast/${other.publicId}`)).status).toBe(403);

    // "Stoppen op dit apparaat": every guest cookie goes; the words stay.
    const stopped = await anna.post(`/gast/${publicId}/stoppen`, {});
    expect(await stopped.text()).toContain("U bent gestopt op dit apparaat");
    expect(page.text).toContain('aria-describedby="stoppen-uitleg">Stoppen op dit apparaat</button> <span class="detail" id="stoppen-uitleg">Daarna kunt u uw bijdragen niet meer wijzigen of intrekken.</span>');
    expect([...anna.jar.keys()].filter((k) => k.startsWith("duidbot_gast") || k === "duidbot_rol")).toEqual([]);
    expect((await w.s.sessions.transaction((tx) => tx.contributionByMessage(own.channel, own.messageId)))?.text).toBe("Veel gezinnen kennen de regeling niet.");
  });

  // The rest on the memory store only: PGlite adds nothing to them that the contract suite
  // (tests/contract/guestLinks.contract.test.ts) does not prove, at ~1.5 s of CPU (issue #14).
  if (runtime !== memoryRuntime) return;

  it("shows a friendly page and does nothing after revocation and after expiry", async () => {
    const revokedLink = await makeLink();
    const guest = await guestWithName(revokedLink.url, "Chris");
    const revoke = await staff.post(`/sessie/${sessionId}/gastlinks/${revokedLink.publicId}/intrekken`, {});
    expect(revoke.headers.get("location")).toContain("uitkomst=revoked");
    // A form still open in the guest's browser does nothing.
    expect((await guest.post(`/gast/${revokedLink.publicId}/bijdrage`, { question: "herkennen", text: "Te laat." })).status).toBe(410);
    const page = await guest.page(`/gast/${revokedLink.publicId}`);
    expect(page.status).toBe(410);
    expect(page.text).toContain("Deze link is ingetrokken");
    expect(guest.jar.has("duidbot_rol")).toBe(false); // no guest any more: the mark went with the link
    expect((await new WebClient(base).get(revokedLink.url)).status).toBe(410);

    const shortLink = await makeLink({ label: "ervaringsdeskundige", days: "1" });
    const late = await guestWithName(shortLink.url, "Dewi");
    clock.set("2025-03-04T09:00:01Z");
    const expired = await late.page(`/gast/${shortLink.publicId}`);
    expect(expired.status).toBe(410);
    expect(expired.text).toContain("Deze link is verlopen");
    const texts = (await w.s.sessions.transaction((tx) => tx.contributions(sessionId))).map((c) => c.text);
    expect(texts).not.toContain("Te laat.");
    clock.set(START);
  });

  it("lists guest links per session on /kanalen, not as channels, and revokes them there", async () => {
    const { publicId } = await makeLink({ label: "ervaringsdeskundige", days: "7" });
    const page = (await staff.page("/kanalen")).text;
    const [channels, links] = page.split('<h2 id="gastlinks">');
    // The channel table has no guest-link channels (web:gast:…); the links have their own section.
    expect(channels).toContain("web:werkplek");
    expect(channels).not.toContain("web:gast:");
    expect(links).toContain(`<a href="/sessie/${sessionId}">`);
    expect(links).toContain(`Gastlink ervaringsdeskundige <span class="detail">(${publicId}) · gemaakt 3 maart 2025 · nog niet gebruikt · geldig tot 10 maart 2025</span>`);
    expect(links).toContain('<input type="hidden" name="terug" value="kanalen">');
    const revoked = await staff.post(`/sessie/${sessionId}/gastlinks/${publicId}/intrekken`, { terug: "kanalen" });
    expect(revoked.headers.get("location")).toBe("/kanalen?gastlink=revoked#gastlinks");
    const after = (await staff.page(revoked.headers.get("location")!)).text;
    expect(after).toContain("De gastlink is ingetrokken.");
    expect(after).toMatch(new RegExp(`\\(${publicId}\\) · [^<]*<strong>ingetrokken</strong>`));
    expect((await w.s.sessions.transaction((tx) => tx.guestLinkByPublicId(publicId)))?.revokedAt).toEqual(clock.now());
  });

  it("after adoption, a guest who contributed reads the shared summary on the same link; staff see what was shared, when and with whom", async () => {
    const { url, publicId } = await makeLink({ label: "adviesraad", days: "14" });
    const fenna = await guestWithName(url, "Fenna");
    expect((await fenna.post(`/gast/${publicId}/bijdrage`, { question: "waarderen", text: "Voor ons is dit te laat." })).headers.get("location")).toContain("uitkomst=recorded");
    const saved = await staff.post(`/sessie/${sessionId}/conclusie`, { state: String(sessionId), "conclusion.overall": "Meer lichte hulp in de wijk.", "action.1.text": "Folder in de wijk", "action.1.owner": "Team Jeugd", "action.1.due": "2025-12-31" });
    expect(saved.headers.get("location")).toContain("uitkomst=saved");
    expect((await staff.post(`/sessie/${sessionId}/knop`, { actionId: "session.adopt", value: String(sessionId) })).headers.get("location")).toContain("uitkomst=adopted");
    clock.set("2025-03-05T12:00:00Z");
    expect((await staff.post(`/sessie/${sessionId}/samenvatting`, { text: "De gemeente zet de lichte hulp in elke wijk." })).headers.get("location")).toContain("uitkomst=shared");
    clock.set(START);
    await w.dispatch();

    const page = (await fenna.page(`/gast/${publicId}`)).text;
    expect(page).toContain("De duiding van deze cijfers is afgerond. Dank voor uw bijdrage.");
    expect(page).toContain("De gemeente zet de lichte hulp in elke wijk.");
    expect(page).toContain("Voor ons is dit te laat.");
    expect(page).not.toContain("Meer lichte hulp in de wijk."); // the internal conclusion stays internal
    expect(page).not.toContain("Gedeeld met de gasten");

    // Staff: one share over every guest thread, with its moment and the threads it went to; on the session page and the indicator's.
    const staffPage = (await staff.page(`/sessie/${sessionId}`)).text;
    const shared = staffPage.slice(staffPage.indexOf('<h2 id="gedeeld">'));
    expect(shared).toContain("Gedeeld met de gasten");
    expect(shared).toMatch(/5 maart 2025 · met [^<]*Gastlink adviesraad \(sessie \d+\)[^<]*<\/span><p class="message-text">De gemeente zet de lichte hulp in elke wijk.<\/p>/);
    expect(shared.split("De gemeente zet de lichte hulp in elke wijk.")).toHaveLength(2);
    // The summary shared earlier (while the session ran) is listed too, oldest first.
    expect(shared.indexOf("We gaan de lichte hulp beter bekend maken.")).toBeGreaterThan(-1);
    expect(shared.indexOf("We gaan de lichte hulp beter bekend maken.")).toBeLessThan(shared.indexOf("De gemeente zet"));
    const indicator = (await w.s.sessions.transaction((tx) => tx.session(sessionId)))!.indicators[0]!.indicatorId;
    const indicatorPage = (await staff.page(`/indicator/${indicator}`)).text;
    expect(indicatorPage).toContain("<h4>Gedeeld met de gasten</h4>");
    expect(indicatorPage).toContain("De gemeente zet de lichte hulp in elke wijk.");
  });

  it("rate-limits wrong secrets per address", async () => {
    const { publicId } = await makeLink();
    const guesser = new WebClient(base);
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await guesser.get(`/gast/${publicId}/fout${"x".repeat(30)}${i}`)).status);
    expect(statuses.slice(0, 3)).toEqual([403, 403, 403]);
    expect(statuses.at(-1)).toBe(429);
  });
});
