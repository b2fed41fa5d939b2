/**
 * The page shell every workspace page shares: language, a skip link, the main navigation, one <main>.
 * No inline scripts or styles (the Content-Security-Policy forbids them): the stylesheet is a file.
 */
import type { Lang } from "../../../src/domain/format.ts";
import { html, type Html } from "./html.ts";
import { TEXTS } from "./texts.ts";

export type NavItem = "overview" | "changes" | "report" | "import" | "channels";

export interface PageContext {
  lang: Lang;
  /** The request's path and query, for the language switch. */
  path: string;
  /** Admin-only navigation (Kanalen) is shown to admins. */
  isAdmin: boolean;
  /** The signed-in person's name, when the web requires sign-in. */
  userName?: string;
  /** The CSRF token forms carry (see security.ts). */
  csrf: string;
}

const NAV: { item: NavItem; href: string; adminOnly?: boolean }[] = [
  { item: "overview", href: "/" },
  { item: "changes", href: "/veranderingen" },
  { item: "report", href: "/rapporten" },
  { item: "import", href: "/import" },
  { item: "channels", href: "/kanalen", adminOnly: true },
];

function withLang(path: string, lang: Lang): string {
  const url = new URL(path, "http://x");
  url.searchParams.set("lang", lang);
  return url.pathname + url.search;
}

/** `bare`: the guest pages' shell, without the staff navigation (a guest may use nothing else). */
export function page(ctx: PageContext, input: { title: string; current?: NavItem; body: Html; bare?: boolean }): Html {
  const t = TEXTS[ctx.lang];
  const nav = NAV.filter((n) => !input.bare && (!n.adminOnly || ctx.isAdmin)).map(
    (n) => html`<li><a href="${n.href}"${n.item === input.current ? html` aria-current="page"` : ""}>${t.nav[n.item]}</a></li>`,
  );
  return html`<!doctype html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title} · ${t.product}</title>
<link rel="stylesheet" href="/assets/workspace.css">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip" href="#inhoud">${t.skip}</a>
<header class="site">
${input.bare ? html`<span class="brand">${t.product}</span>` : html`<a class="brand" href="/">${t.product}</a>
<nav aria-label="${t.navLabel}"><ul>${nav}</ul></nav>`}
<p class="meta">${ctx.userName ? html`<span>${ctx.userName}</span> · ` : ""}<a href="${withLang(ctx.path, t.otherLang.lang)}" lang="${t.otherLang.lang}" hreflang="${t.otherLang.lang}">${t.otherLang.label}</a></p>
</header>
<main id="inhoud" tabindex="-1">
${input.body}
</main>
</body>
</html>
`;
}
