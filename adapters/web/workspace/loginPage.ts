/** `/inloggen`: the shared-password form (only when the web listens on a non-loopback address). */
import { html, type Html } from "./html.ts";
import { page, type PageContext } from "./layout.ts";
import { CSRF_FIELD } from "./security.ts";

const TEXT = {
  nl: {
    title: "Inloggen",
    password: "Wachtwoord",
    submit: "Inloggen",
    errors: {
      password: "Het wachtwoord klopt niet. Probeer het opnieuw.",
      csrf: "Het formulier is verlopen. Probeer het opnieuw.",
      oidc: "Inloggen is niet gelukt of duurde te lang. Probeer het opnieuw.",
    },
    organisation: "Inloggen met uw organisatie-account",
  },
  en: {
    title: "Sign in",
    password: "Password",
    submit: "Sign in",
    errors: {
      password: "The password is not correct. Please try again.",
      csrf: "The form has expired. Please try again.",
      oidc: "Signing in did not succeed or took too long. Please try again.",
    },
    organisation: "Sign in with your organisation account",
  },
} as const;

export function loginPage(ctx: PageContext, input: { back: string; method: "password" | "oidc"; error?: "password" | "csrf" | "oidc" }): Html {
  const t = TEXT[ctx.lang];
  const error = input.error ? html`<p class="error" role="alert" id="login-error">${t.errors[input.error]}</p>` : "";
  if (input.method === "oidc") {
    const start = `/inloggen/start?terug=${encodeURIComponent(input.back)}`;
    return page(ctx, { title: t.title, body: html`<h1>${t.title}</h1>${error}<p><a class="button" href="${start}">${t.organisation}</a></p>` });
  }
  const body = html`<h1>${t.title}</h1>
${error}
<form method="post" action="/inloggen" class="stack">
<input type="hidden" name="${CSRF_FIELD}" value="${ctx.csrf}">
<input type="hidden" name="terug" value="${input.back}">
<label for="wachtwoord">${t.password}</label>
<input id="wachtwoord" name="wachtwoord" type="password" autocomplete="current-password" required${input.error ? html` aria-describedby="login-error" aria-invalid="true"` : ""}>
<button type="submit">${t.submit}</button>
</form>`;
  return page(ctx, { title: t.title, body });
}
