// Proves the web workspace over real HTTP as a browser uses it: the overview, an indicator with its
// chart, corrections, sessions and adopted conclusion, a doel, the local user on loopback (and the
// DNS-rebinding guard), sign-in with the shared password, CSRF, escaping, and the start-up rule that
// a non-loopback HOST needs sign-in.
import { request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adoptConclusion, postChanges, recordContribution, submitConclusion } from "../../src/app/sessions/index.ts";
import { ConfigError, loadConfig, type Config } from "../../src/main/config.ts";
import { buildHttpApp, listen } from "../../src/main/server.ts";
import { fixedClock, memoryRuntime } from "../support/db.ts";
import { actor, importFigures, LEERKRING, openFreshWorld, PEOPLE, type World } from "../support/sessionWorld.ts";

const START = "2025-03-03T09:00:00Z";

function config(web: Config["web"]): Config {
  return { ...loadConfig({ PORT: "0" }), web };
}

async function serve(w: World, web: Config["web"]): Promise<{ server: Server; base: string }> {
  const server = await listen(buildHttpApp(config(web), w.s), "127.0.0.1", 0);
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe("web workspace", () => {
  const runtime = memoryRuntime;
  const clock = fixedClock(START);
  let w: World;
  let dispose: () => Promise<void>;
  let local: { server: Server; base: string };
  let sessionId: number;

  beforeAll(async () => {
    ({ world: w, dispose } = await openFreshWorld(runtime, clock, START));
    const imported = await importFigures(w.s);
    const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
    if (posted.status !== "posted") throw new Error(posted.status);
    sessionId = posted.sessions[0]!.sessionId;
    await w.dispatch();
    await recordContribution(w.s, {
      eventId: "Ev1",
      channel: LEERKRING,
      threadId: w.rootIn(LEERKRING),
      messageId: "m1",
      user: { ...PEOPLE.colleague },
      text: "Herkenbaar: <b>meer</b> aanmeldingen sinds de campagne.",
      at: clock.now(),
    });
    const fac = actor(PEOPLE.facilitator, LEERKRING);
    const values = {
      "conclusion.herkennen": "We herkennen de stijging.",
      "conclusion.verklaren": "Meer aanmeldingen na de campagne.",
      "conclusion.waarderen": "Niet goed: we willen minder jeugdhulp.",
      "conclusion.verbeteren": "Eerder inzetten op lichte hulp.",
      "conclusion.overall": "De stijging komt door de campagne.",
      "action.1.text": "Lichte opvoedhulp in elke wijk",
      "action.1.owner": "Team Jeugd",
      "action.1.due": "2025-12-31",
    };
    await submitConclusion(w.s, { actor: fac, session: { sessionId }, values });
    clock.set("2025-03-10T14:00:00Z");
    await adoptConclusion(w.s, { actor: actor(PEOPLE.adopter, LEERKRING), session: { sessionId } });
    // A correction, so the values table has history.
    await importFigures(w.s, "indicator;periode;waarde\njeugdhulp;2024;12,5\n");
    local = await serve(w, { mode: "local" });
  });
  afterAll(async () => {
    await new Promise((r) => local.server.close(r));
    await dispose();
  });

  const get = (path: string, init: RequestInit = {}) => fetch(`${local.base}${path}`, { redirect: "manual", ...init });

  it("shows the DIN overview with values, tone, target and duiding, with security headers and no inline script", async () => {
    const res = await get("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const page = await res.text();
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('<a href="/indicator/jeugdhulp">Jongeren met jeugdhulp</a>');
    expect(page).toContain("12,5% (2024)");
    expect(page).toMatch(/tone-slechter">\(slechter\)/);
    expect(page).toContain("niet op koers");
    expect(page).toContain('href="/indicator/jeugdhulp#conclusies">duiding vastgesteld (2024)');
    // The intern indicator is there for staff, marked as intern.
    expect(page).toMatch(/Wachtlijst jeugdteam \(intern\)<\/a> <span class="tag">intern<\/span>/);
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(page).not.toMatch(/\sstyle="/);
  });

  it("shows an indicator: chart, values with the correction, the adopted conclusion and the thread's words, escaped", async () => {
    const page = await (await get("/indicator/jeugdhulp")).text();
    expect(page).toContain("<svg");
    expect(page).toContain("<del>12%</del>");
    // The referentiewaarde beside the streefwaarde, in the change post's words (trend.ts).
    expect(page).toContain("1,5 procentpunt boven referentiewaarde 11% (2022)");
    expect(page).toMatch(/vervangen op/);
    expect(page).toContain("We herkennen de stijging.");
    expect(page).toContain("Lichte opvoedhulp in elke wijk");
    expect(page).toContain("vastgesteld op 10 maart 2025");
    expect(page).toContain("Herkenbaar: &lt;b&gt;meer&lt;/b&gt; aanmeldingen");
    expect(page).not.toContain("<b>meer</b>");
  });

  it("shows an indicator's breakdown on request, every cell for staff through the one small-number rule, with small multiples over time", async () => {
    const rows = ["2023;12;wijk;Oost", "2023;8;wijk;West", "2024;4;wijk;Oost", "2024;2;wijk;West", "2024;6;leeftijd;0-17"];
    await importFigures(w.s, `indicator;periode;waarde;dimensie;categorie\n${rows.map((r) => `veilig-thuis;${r}\n`).join("")}`);
    const page = await (await get("/indicator/veilig-thuis")).text();
    expect(page).toContain('<details class="breakdown"><summary>Uitsplitsing naar wijk (2024)</summary>');
    expect(page).toMatch(/<th scope="row">Oost<\/th><td class="num">4<\/td>/);
    expect(page).not.toContain("Vergelijking");
    // The real renderer: one chart per wijk with its accessible name and text alternative (staff: every value).
    const wijk = page.slice(page.indexOf("Uitsplitsing naar wijk"), page.indexOf("Uitsplitsing naar leeftijd"));
    expect(wijk).toContain('<p class="detail">Per wijk door de tijd, 2023 t/m 2024, alle op dezelfde schaal</p>');
    expect(wijk.match(/<figure class="chart"><svg[^>]* role="img" aria-label="Lijngrafiek: (Oost|West), 2023 t\/m 2024">/g)).toHaveLength(2);
    expect(wijk).toContain("<figcaption>West: 2023 8, 2024 2</figcaption>");
    // One period only: the table says it all.
    const leeftijd = page.slice(page.indexOf("Uitsplitsing naar leeftijd"));
    expect(leeftijd.slice(0, leeftijd.indexOf("</details>"))).not.toContain("<svg");
  });

  it("shows a doel with its indicators and sessions; unknown ids are a 404 page", async () => {
    const page = await (await get("/doel/doel-gezond-opgroeien")).text();
    expect(page).toContain("Indicatoren van dit doel");
    expect(page).toContain(`id="sessie-${sessionId}"`);
    expect((await get("/indicator/bestaat-niet")).status).toBe(404);
    expect((await get("/doel/bestaat-niet")).status).toBe(404);
    expect((await get("/?gemeente=elders")).status).toBe(404);
  });

  it("lists the changes per doel with filters, and says when a date filter is not a date", async () => {
    const all = await (await get("/veranderingen")).text();
    expect(all).toMatch(/<a href="\/indicator\/jeugdhulp">Jongeren met jeugdhulp<\/a>: <strong>12,5% \(2024\)<\/strong>/);
    expect(all).toContain('<span class="tag">opvallend</span>');
    const later = await (await get("/veranderingen?sinds=2030-01-01")).text();
    expect(later).toContain("Geen veranderingen met deze filters.");
    const bad = await (await get("/veranderingen?sinds=2024-02-30")).text();
    expect(bad).toContain("&quot;2024-02-30&quot; is geen bestaande datum");
  });

  it("shows admins the channels and people with where their settings come from", async () => {
    const page = await (await get("/kanalen")).text();
    expect(page).toContain("#adviesraad");
    expect(page).toMatch(/gasten<\/td>/);
    expect(page).toMatch(/Sanne Facilitator<br><code class="detail">memory:U-fac<\/code><\/th><td>facilitator<\/td>/);
    expect(page).toContain("duidbot.yaml");
  });

  it("lists the report's next edition and the published ones; the local user opens the internal draft", async () => {
    const page = await (await get("/rapporten")).text();
    expect(page).toContain("Er is nog geen editie gepubliceerd.");
    const draft = /href="(\/rapport\?lang=nl&amp;versie=intern)"/.exec(page)![1]!.replaceAll("&amp;", "&");
    const report = await get(draft);
    expect(report.status).toBe(200);
    expect(await report.text()).toContain("Wachtlijst jeugdteam (intern)");
  });

  it("switches to English and remembers it in a cookie", async () => {
    const res = await get("/?lang=en");
    expect(await res.text()).toContain('<html lang="en">');
    expect(res.headers.get("set-cookie")).toContain("duidbot_lang=en");
  });

  it("refuses a Host header that is not this machine (DNS rebinding) on the loopback default", async () => {
    // fetch may not set Host (a forbidden header): a raw request, as a rebinding browser would send it.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(`${local.base}/`, { headers: { host: "evil.example" } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(421);
    expect((await get("/", { headers: { host: "localhost" } })).status).toBe(200);
  });

  it("asks for the shared password on a non-loopback setup, with CSRF and no open redirect", async () => {
    const { server, base } = await serve(w, { mode: "password", password: "een-lang-wachtwoord" });
    try {
      const first = await fetch(`${base}/indicator/jeugdhulp`, { redirect: "manual" });
      expect(first.status).toBe(303);
      expect(first.headers.get("location")).toBe("/inloggen?terug=%2Findicator%2Fjeugdhulp");
      const form = await fetch(`${base}/inloggen`);
      const csrf = /duidbot_csrf=([^;]+)/.exec(form.headers.get("set-cookie") ?? "")![1]!;
      const login = (fields: Record<string, string>, cookie = `duidbot_csrf=${csrf}`) =>
        fetch(`${base}/inloggen`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", cookie }, body: new URLSearchParams(fields) });
      expect((await login({ wachtwoord: "een-lang-wachtwoord", terug: "/" }, "")).status).toBe(403); // no CSRF token
      expect((await login({ _csrf: csrf, wachtwoord: "fout", terug: "/" })).status).toBe(401);
      const ok = await login({ _csrf: csrf, wachtwoord: "een-lang-wachtwoord", terug: "//evil.example/" });
      expect(ok.status).toBe(303);
      expect(ok.headers.get("location")).toBe("/");
      const session = /duidbot_sessie=([^;]+)/.exec(ok.headers.get("set-cookie") ?? "")![1]!;
      expect(ok.headers.get("set-cookie")).toMatch(/HttpOnly; SameSite=Lax/);
      const page = await fetch(`${base}/indicator/jeugdhulp`, { headers: { cookie: `duidbot_sessie=${session}` } });
      expect(page.status).toBe(200);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe("web workspace configuration", () => {
  it("refuses a non-loopback HOST without sign-in, naming both ways out", () => {
    expect(() => loadConfig({ HOST: "0.0.0.0" })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: "0.0.0.0" })).toThrow(/DUIDBOT_WEB_PASSWORD.*DUIDBOT_WEB=off/);
    expect(loadConfig({ HOST: "0.0.0.0", DUIDBOT_WEB: "off" }).web).toEqual({ mode: "off" });
    expect(loadConfig({ HOST: "0.0.0.0", DUIDBOT_WEB_PASSWORD: "een-lang-wachtwoord" }).web).toMatchObject({ mode: "password" });
    expect(() => loadConfig({ DUIDBOT_WEB_PASSWORD: "kort" })).toThrow(/DUIDBOT_WEB_PASSWORD: moet minstens 12 tekens/);
    expect(loadConfig({}).web).toEqual({ mode: "local" });
  });
});
