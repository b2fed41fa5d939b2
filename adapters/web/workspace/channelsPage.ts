/** `/kanalen` (admins): linked channels with audience and scope, people with roles, and where each setting comes from. */
import type { ChannelsOverview, SettingsOverview } from "../../../src/app/workspace/channelsOverview.ts";
import { perspectiveLabel } from "../../../src/domain/sessionText.ts";
import { formatDigestSchedule } from "../../../src/domain/digest/schedule.ts";
import { digestScheduleOf } from "../../../src/app/digest/loadDigest.ts";
import { html, type Html } from "./html.ts";
import { page, type PageContext } from "./layout.ts";
import { guestLinkList } from "./sessionPages.ts";
import { outcomeText } from "./webThreads.ts";

const TEXT = {
  nl: {
    title: "Kanalen en mensen",
    intro: "Welke kanalen Duidbot kent, wie daar wat ziet, en wie welke rol heeft. Wijzig ze in duidbot.yaml of in het kanaal met /duiding koppel en /duiding rol.",
    channels: "Gekoppelde kanalen",
    people: "Mensen met een rol",
    name: "Naam",
    key: "Sleutel",
    audience: "Publiek",
    scope: "Bereik",
    whole: "de hele DIN",
    autoStart: "Start zelf een duiding",
    perspective: "Perspectief",
    roles: "Rollen",
    source: "Ingesteld via",
    sources: { config: "duidbot.yaml", chat: "chat" },
    audiences: { leerkring: "leerkring", digest: "weekoverzicht", gast: "gasten" } as Record<string, string>,
    roleNames: { facilitator: "facilitator", adopter: "vaststeller", admin: "beheerder" } as Record<string, string>,
    yes: "ja",
    no: "nee",
    noChannels: "Nog geen kanalen gekoppeld.",
    noPeople: "Nog niemand heeft een rol.",
    advance: (d: number) => `na ${d} dagen naar de volgende vraag`,
    digest: (when: string) => `weekoverzicht ${when}`,
    sendEmpty: { yes: ", ook zonder nieuws", no: ", alleen met nieuws" },
    forbidden: "Alleen beheerders zien deze pagina.",
    guestLinks: "Gastlinks per sessie",
    guestLinksIntro: "Een gastlink is geen gekoppeld kanaal: hij hoort bij één sessie. Intrekken kan hier of op de pagina van de sessie.",
    noGuestLinks: "Nog geen gastlinks.",
  },
  en: {
    title: "Channels and people",
    intro: "Which channels Duidbot knows, who sees what there, and who has which role. Change them in duidbot.yaml or in the channel with /duiding koppel and /duiding rol.",
    channels: "Linked channels",
    people: "People with a role",
    name: "Name",
    key: "Key",
    audience: "Audience",
    scope: "Scope",
    whole: "the whole DIN",
    autoStart: "Starts interpretations itself",
    perspective: "Perspective",
    roles: "Roles",
    source: "Set through",
    sources: { config: "duidbot.yaml", chat: "chat" },
    audiences: { leerkring: "learning circle", digest: "weekly digest", gast: "guests" } as Record<string, string>,
    roleNames: { facilitator: "facilitator", adopter: "adopter", admin: "admin" } as Record<string, string>,
    yes: "yes",
    no: "no",
    noChannels: "No channels linked yet.",
    noPeople: "Nobody has a role yet.",
    advance: (d: number) => `next question after ${d} days`,
    digest: (when: string) => `weekly digest ${when}`,
    sendEmpty: { yes: ", also with nothing new", no: ", only with news" },
    forbidden: "Only admins see this page.",
    guestLinks: "Guest links per session",
    guestLinksIntro: "A guest link is no linked channel: it belongs to one session. Revoke it here or on the session's page.",
    noGuestLinks: "No guest links yet.",
  },
};

/** `form`: the admin's form to give roles (peopleForm.ts); `outcome`: of a revocation made here (?gastlink=). */
export function channelsPage(ctx: PageContext, o: ChannelsOverview, form?: Html, outcome?: unknown): Html {
  const t = TEXT[ctx.lang];
  const said = outcomeText(outcome, ctx.lang);
  const scope = (s: SettingsOverview["channels"][number]["scope"]) => {
    const parts = [...s.opgaven, ...s.doelen, ...s.indicators];
    return parts.length === 0 ? t.whole : parts.join(", ");
  };
  // When the channel's weekly digest goes out (src/app/digest: its own time, or Monday 09:00 for digest channels).
  const digestLine = (c: SettingsOverview["channels"][number]) => {
    const schedule = digestScheduleOf(c);
    // The channel's own choice for an empty week; without one it follows duidbot.yaml's default (not repeated here).
    const empty = c.digestSendEmpty === undefined ? "" : c.digestSendEmpty ? t.sendEmpty.yes : t.sendEmpty.no;
    return schedule ? html`<br><span class="detail">${t.digest(formatDigestSchedule(schedule, ctx.lang))}${empty}</span>` : "";
  };
  const body = html`<h1>${t.title}</h1>
<p>${t.intro}</p>
<h2>${t.channels}</h2>
${o.channels.length === 0 ? html`<p>${t.noChannels}</p>` : html`<table>
<caption>${t.channels}</caption>
<thead><tr><th scope="col">${t.name}</th><th scope="col">${t.audience}</th><th scope="col">${t.scope}</th><th scope="col">${t.autoStart}</th><th scope="col">${t.perspective}</th><th scope="col">${t.source}</th></tr></thead>
<tbody>${o.channels.map(
  (c) => html`<tr><th scope="row">${c.name}<br><code class="detail">${c.key}</code></th><td>${t.audiences[c.audience] ?? c.audience}${digestLine(c)}</td><td>${scope(c.scope)}</td>
<td>${c.autoStart ? t.yes : t.no}${c.advanceAfterDays !== undefined ? html`<br><span class="detail">${t.advance(c.advanceAfterDays)}</span>` : ""}</td>
<td>${c.perspective ? perspectiveLabel(c.perspective, ctx.lang) : "—"}</td><td>${t.sources[c.source]}</td></tr>`,
)}</tbody></table>`}
<h2>${t.people}</h2>
${o.people.length === 0 ? html`<p>${t.noPeople}</p>` : html`<table>
<caption>${t.people}</caption>
<thead><tr><th scope="col">${t.name}</th><th scope="col">${t.roles}</th><th scope="col">${t.perspective}</th><th scope="col">${t.source}</th></tr></thead>
<tbody>${o.people.map(
  (p) => html`<tr><th scope="row">${p.name}<br><code class="detail">${p.key}</code></th><td>${p.roles.map((r) => t.roleNames[r] ?? r).join(", ") || "—"}</td>
<td>${p.perspective ? perspectiveLabel(p.perspective, ctx.lang) : "—"}</td><td>${t.sources[p.source]}</td></tr>`,
)}</tbody></table>`}
<section aria-labelledby="gastlinks"><h2 id="gastlinks">${t.guestLinks}</h2>
${said ? html`<p class="notice" role="status">${said}</p>` : ""}
<p>${t.guestLinksIntro}</p>
${o.guestLinks.length === 0 ? html`<p>${t.noGuestLinks}</p>` : o.guestLinks.map((s) => html`<h3><a href="/sessie/${s.sessionId}">${s.title}</a></h3>
${guestLinkList(ctx, s.sessionId, s.links, "kanalen")}`)}</section>
${form ?? ""}`;
  return page(ctx, { title: t.title, current: "channels", body });
}

export function forbiddenPage(ctx: PageContext): Html {
  const t = TEXT[ctx.lang];
  return page(ctx, { title: t.forbidden, body: html`<h1>${t.forbidden}</h1>` });
}
