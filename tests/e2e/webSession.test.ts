// Proves the session page (/sessie/<id>) over real HTTP as a browser without JavaScript uses it: the
// root with its chart, the current question and its guidance; a contribution from the web counted like
// a Slack reply (same session, its own thread "web:werkplek", the local user's name); edit and withdraw
// of one's own words only; facilitator buttons (next question, conclusion form, adopt) through the same
// use cases; CSRF and a form sent twice counting once. On the memory store: the database is not the point.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkChannel, postChanges, recordContribution } from "../../src/app/sessions/index.ts";
import { loadConfig } from "../../src/main/config.ts";
import { buildHttpApp, listen } from "../../src/main/server.ts";
import { cheapChartRenderer } from "../support/cheapCharts.ts";
import { fixedClock, memoryRuntime } from "../support/db.ts";
import { DIGEST, importFigures, LEERKRING, openFreshWorld, PEOPLE, type World } from "../support/sessionWorld.ts";
import { WebClient } from "../support/webClient.ts";

const START = "2025-03-03T09:00:00Z";

describe("the session page", () => {
  const clock = fixedClock(START);
  let w: World;
  let dispose: () => Promise<void>;
  let server: Server;
  let web: WebClient;
  let sessionId: number;

  beforeAll(async () => {
    ({ world: w, dispose } = await openFreshWorld(memoryRuntime, clock, START));
    const imported = await importFigures(w.s);
    const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
    if (posted.status !== "posted") throw new Error(posted.status);
    sessionId = posted.sessions[0]!.sessionId;
    await w.dispatch();
    await recordContribution(w.s, { eventId: "Ev1", channel: LEERKRING, threadId: w.rootIn(LEERKRING), messageId: "m1", user: { ...PEOPLE.colleague }, text: "Klopt, <b>meer</b> aanmeldingen.", at: clock.now() });
    const app = buildHttpApp({ ...loadConfig({ PORT: "0" }), web: { mode: "local" } }, w.s, { kick: () => void w.dispatch(), charts: cheapChartRenderer() });
    server = await listen(app, "127.0.0.1", 0);
    web = new WebClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await dispose();
  });

  it("shows the session as a thread: root with chart, current question with guidance, the Slack contribution escaped", async () => {
    const page = await web.page(`/sessie/${sessionId}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<h1>Duiding: [^<]+<\/h1>/);
    expect(page.text).toContain("<svg");
    expect(page.text).toContain("Vraag 1 van 4");
    expect(page.text).toContain("Herkennen we het beeld dat uit de cijfers naar voren komt?");
    expect(page.text).toContain("Klopt, &lt;b&gt;meer&lt;/b&gt; aanmeldingen.");
    expect(page.text).toContain('aria-current="step"');
    // The intern indicator is there for staff.
    expect(page.text).toContain("Wachtlijst jeugdteam (intern)");
    expect(page.text).toContain("Gastlink maken");
    // The root's how-to-reply line fits the face: the web has a question picker, not chat #tags.
    expect(page.text).toContain("kies de vraag waar die bij hoort");
    expect(page.text).not.toContain("#verklaren");
    expect(w.chat.textIn(LEERKRING)).toContain("Begin met #verklaren");
    expect((await web.page("/sessie/999")).status).toBe(404);
  });

  it("records a web contribution in the session's web thread, counted once even when the form is sent twice", async () => {
    const before = (await (await web.get(`/sessie/${sessionId}/stand`)).json()) as { versie: string };
    const event = "0b7c2f4e-0d7e-4c55-9a47-6f3f3f1f0a01";
    const first = await web.post(`/sessie/${sessionId}/bijdrage`, { question: "verklaren", text: "De campagne liep in het najaar.", event });
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/sessie/${sessionId}?uitkomst=recorded#bijdragen-kop`);
    const again = await web.post(`/sessie/${sessionId}/bijdrage`, { question: "verklaren", text: "De campagne liep in het najaar.", event });
    expect(again.headers.get("location")).toContain("uitkomst=ignored%3Aduplicate");
    const rows = (await w.s.sessions.transaction((tx) => tx.contributions(sessionId))).filter((c) => c.channel === "web:werkplek");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ question: "verklaren", author: { key: "web:local", name: "Lokale gebruiker" }, audience: "leerkring", text: "De campagne liep in het najaar." });
    expect(((await (await web.get(`/sessie/${sessionId}/stand`)).json()) as { versie: string }).versie).not.toBe(before.versie);
    const script = await web.get("/assets/sessie.js");
    expect(script.headers.get("content-type")).toContain("javascript");
    const page = await web.page(`/sessie/${sessionId}?uitkomst=recorded`);
    expect(page.text).toContain("Uw bijdrage is genoteerd.");
    expect(page.text).toContain("De campagne liep in het najaar.");
    // The Slack thread's status counts it too: one session, several faces.
    await w.dispatch();
    // The kicked dispatcher may still hold the row: wait for it, as a person would.
    for (let i = 0; i < 100 && !/Verklaren \(1\)/.test(w.chat.textIn(LEERKRING)); i++) await new Promise((r) => setTimeout(r, 20));
    expect(w.chat.textIn(LEERKRING)).toMatch(/Verklaren \(1\)/);
  });

  it("edits and withdraws one's own words only", async () => {
    const own = (await w.s.sessions.transaction((tx) => tx.contributions(sessionId))).find((c) => c.channel === "web:werkplek")!;
    const edited = await web.post(`/sessie/${sessionId}/bijdrage/${own.messageId}/wijzigen`, { text: "De campagne liep vanaf september." });
    expect(edited.headers.get("location")).toContain("uitkomst=updated");
    // The edit form has the question picker (chat's "Bijdrage bij andere vraag"): the words stay, the question moves.
    const form = (await web.page(`/sessie/${sessionId}`)).text;
    expect(form).toContain(`<label for="vraag-${own.id}">Bij welke vraag hoort het?</label><select id="vraag-${own.id}" name="question"><option value="herkennen">Herkennen</option><option value="verklaren" selected>`);
    const moved = await web.post(`/sessie/${sessionId}/bijdrage/${own.messageId}/wijzigen`, { text: "De campagne liep vanaf september.", question: "waarderen" });
    expect(moved.headers.get("location")).toContain("uitkomst=reassigned");
    expect(await w.s.sessions.transaction((tx) => tx.contributionByMessage("web:werkplek", own.messageId))).toMatchObject({ question: "waarderen", text: "De campagne liep vanaf september." });
    // New words and a question at once: both saved.
    const both = await web.post(`/sessie/${sessionId}/bijdrage/${own.messageId}/wijzigen`, { text: "De campagne liep vanaf september 2024.", question: "verklaren" });
    expect(both.headers.get("location")).toContain("uitkomst=updated");
    expect(await w.s.sessions.transaction((tx) => tx.contributionByMessage("web:werkplek", own.messageId))).toMatchObject({ question: "verklaren", text: "De campagne liep vanaf september 2024." });
    // Someone else's words cannot be moved either.
    expect((await web.post(`/sessie/${sessionId}/bijdrage/m1/wijzigen`, { text: "x", question: "waarderen" })).headers.get("location")).toContain("uitkomst=ignored%3Aunknown-message");
    // Someone else's (a Slack message in the web's channel would be the only way; the use case checks the author).
    const foreign = await web.post(`/sessie/${sessionId}/bijdrage/m1/intrekken`, {});
    expect(foreign.headers.get("location")).toContain("uitkomst=ignored%3Aunknown-message");
    const withdrawn = await web.post(`/sessie/${sessionId}/bijdrage/${own.messageId}/intrekken`, {});
    expect(withdrawn.headers.get("location")).toContain("uitkomst=withdrawn");
    const after = await w.s.sessions.transaction((tx) => tx.contributionByMessage("web:werkplek", own.messageId));
    expect(after).toMatchObject({ text: "De campagne liep vanaf september 2024." });
    expect(after?.withdrawnAt).toBeDefined();
  });

  it("refuses a form without the CSRF token", async () => {
    const res = await fetch(`${web.base}/sessie/${sessionId}/bijdrage`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "question=herkennen&text=x&event=0b7c2f4e-0d7e-4c55-9a47-6f3f3f1f0a02&_csrf=x" });
    expect(res.status).toBe(403);
  });

  it("moves to the next question, writes the conclusion through its form and adopts it", async () => {
    expect((await web.page(`/sessie/${sessionId}`)).text).not.toContain('value="session.back"'); // nothing before the first question
    const next = await web.post(`/sessie/${sessionId}/knop`, { actionId: "session.next", value: `${sessionId}:herkennen` });
    expect(next.headers.get("location")).toContain("uitkomst=moved");
    const stale = await web.post(`/sessie/${sessionId}/knop`, { actionId: "session.next", value: `${sessionId}:herkennen` });
    expect(stale.headers.get("location")).toContain("uitkomst=already-moved");
    expect((await web.page(`/sessie/${sessionId}`)).text).toContain("Vraag 2 van 4");
    // Vorige vraag: a form button beside Volgende vraag from the second question on, with the same stale-click guard.
    const atSecond = (await web.page(`/sessie/${sessionId}`)).text;
    // The chat's "Gastlink maken" is not drawn here: the page has its own guest-link form (role, days).
    expect(atSecond).not.toContain('value="session.guestLink"');
    expect(atSecond).toContain(`name="actionId" value="session.back"><input type="hidden" name="value" value="${sessionId}:verklaren"><button type="submit">Vorige vraag</button>`);
    const back = await web.post(`/sessie/${sessionId}/knop`, { actionId: "session.back", value: `${sessionId}:verklaren` });
    expect(back.headers.get("location")).toContain("uitkomst=moved");
    const staleBack = await web.post(`/sessie/${sessionId}/knop`, { actionId: "session.back", value: `${sessionId}:verklaren` });
    expect(staleBack.headers.get("location")).toContain("uitkomst=already-moved%3Aherkennen");
    // The line names where the session is now, in words that fit a double "Vorige vraag" too.
    expect((await web.page(staleBack.headers.get("location")!)).text).toContain("De sessie was al verplaatst en staat nu bij Herkennen.");
    expect((await web.page(`/sessie/${sessionId}`)).text).toContain("Vraag 1 van 4");
    expect((await web.post(`/sessie/${sessionId}/knop`, { actionId: "session.next", value: `${sessionId}:herkennen` })).headers.get("location")).toContain("uitkomst=moved");

    const conclude = await web.post(`/sessie/${sessionId}/knop`, { actionId: "session.conclude", value: String(sessionId) });
    expect(conclude.headers.get("location")).toBe(`/sessie/${sessionId}/conclusie`);
    const form = await web.page(`/sessie/${sessionId}/conclusie`);
    expect(form.text).toContain('name="conclusion.overall"');
    const bad = await web.post(`/sessie/${sessionId}/conclusie`, { state: String(sessionId), "conclusion.overall": "", "action.1.text": "Iets doen" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('role="alert"');
    const saved = await web.post(`/sessie/${sessionId}/conclusie`, {
      state: String(sessionId),
      "conclusion.herkennen": "Herkend.",
      "conclusion.verklaren": "De campagne.",
      "conclusion.waarderen": "Niet goed.",
      "conclusion.verbeteren": "Eerder hulp.",
      "conclusion.overall": "De stijging komt door de campagne.",
      "action.1.text": "Lichte opvoedhulp in elke wijk",
      "action.1.owner": "Team Jeugd",
      "action.1.due": "2025-12-31",
    });
    expect(saved.headers.get("location")).toContain("uitkomst=saved");
    const adopted = await web.post(`/sessie/${sessionId}/knop`, { actionId: "session.adopt", value: String(sessionId) });
    expect(adopted.headers.get("location")).toContain("uitkomst=adopted");
    const page = await web.page(`/sessie/${sessionId}`);
    expect(page.text).toContain("De stijging komt door de campagne.");
    expect(page.text).toContain("Lichte opvoedhulp in elke wijk");
    expect((await w.s.sessions.transaction((tx) => tx.conclusion(sessionId)))?.current.adoptedBy).toEqual({ key: "web:local", name: "Lokale gebruiker" });

    // The verbeteractie's status, set with the small form under the conclusion (#20).
    const [action] = await w.s.sessions.transaction((tx) => tx.actions(sessionId));
    expect(page.text).toContain(`action="/sessie/${sessionId}/actie/${action!.id}"`);
    expect(page.text).toContain('<span class="action-status">open</span>');
    const set = await web.post(`/sessie/${sessionId}/actie/${action!.id}`, { status: "gereed" });
    expect(set.headers.get("location")).toBe(`/sessie/${sessionId}?uitkomst=action-set%3Agereed#verbeteracties`);
    const after = await web.page(`/sessie/${sessionId}?uitkomst=action-set:gereed`);
    expect(after.text).toContain("Verbeteractie is gereed. Dank u!");
    expect(after.text).toContain('<span class="action-status">gereed</span>');
    expect((await web.post(`/sessie/${sessionId}/actie/${action!.id}`, { status: "klaar" })).status).toBe(400);
    expect(await w.s.sessions.transaction((tx) => tx.actionHistory(action!.id!))).toMatchObject([{ from: "open", to: "gereed", by: { key: "web:local" } }]);
  });

  it("starts a session from an indicator page in the web's own channel (guest channels with autoStart join)", async () => {
    const indicatorPage = await web.page("/indicator/veilig-thuis");
    expect(indicatorPage.text).toContain('action="/sessie/start"');
    const started = await web.post("/sessie/start", { kind: "indicator", id: "veilig-thuis", din: "hilversum" });
    const location = started.headers.get("location")!;
    expect(location).toMatch(/^\/sessie\/\d+\?uitkomst=started$/);
    const newId = Number(/\/sessie\/(\d+)/.exec(location)![1]);
    expect(newId).not.toBe(sessionId);
    const session = await w.s.sessions.transaction((tx) => tx.session(newId));
    expect(session?.threads.map((t) => t.channel).sort()).toEqual(["memory:gast", "web:werkplek"]);
    const again = await web.post("/sessie/start", { kind: "indicator", id: "veilig-thuis", din: "hilversum" });
    expect(again.headers.get("location")).toBe(`/sessie/${newId}?uitkomst=already-open`);
    expect((await web.page(location)).text).toContain("De duidingssessie is gestart.");
  });

  it("lets an admin give roles on /kanalen through setPersonRoles, refusing a malformed key", async () => {
    const page = await web.page("/kanalen");
    expect(page.text).toContain('action="/kanalen/personen"');
    expect(page.text).toContain("weekoverzicht ma 09:00"); // the digest channel's schedule (its default)
    expect(page.text).not.toContain("zonder nieuws"); // no own choice for an empty week: duidbot.yaml's default
    await linkChannel(w.s, { actor: { user: { ...PEOPLE.admin }, channel: DIGEST }, settings: { audience: "digest", digestSendEmpty: true } });
    expect((await web.page("/kanalen")).text).toContain("weekoverzicht ma 09:00, ook zonder nieuws");
    const saved = await web.post("/kanalen/personen", { key: "web:0a1b2c", name: "Noor Beleid", roles: "facilitator", perspective: "beleid" });
    expect(saved.headers.get("location")).toBe("/kanalen?uitkomst=saved%3Aperson#rollen");
    expect(await w.s.sessions.transaction((tx) => tx.person("web:0a1b2c"))).toEqual({ key: "web:0a1b2c", name: "Noor Beleid", roles: ["facilitator"], perspective: "beleid" });
    expect((await web.page("/kanalen?uitkomst=saved:person")).text).toContain("De rollen zijn opgeslagen.");
    const bad = await web.post("/kanalen/personen", { key: "system:x", name: "Nep", perspective: "" });
    expect(bad.headers.get("location")).toBe("/kanalen?uitkomst=invalid#rollen");
    expect(await w.s.sessions.transaction((tx) => tx.person("system:x"))).toBeUndefined();
  });
});
