/**
 * What the HTTP server answers when no route does, or a route fails: JSON under /api/ (clients
 * read the `error` code), a short Dutch page elsewhere, never Express's English HTML.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const notFound: RequestHandler = (req, res) => {
  const what = `${req.method} ${req.path}`;
  if (req.path === "/api" || req.path.startsWith("/api/")) {
    res.status(404).json({ error: "not_found", message: `Onbekend adres / unknown route: ${what}` });
    return;
  }
  res
    .status(404)
    .type("html")
    .send(
      `<!doctype html><html lang="nl"><meta charset="utf-8"><title>Niet gevonden</title>` +
        `<h1>Niet gevonden</h1><p>Duidbot kent het adres ${escapeHtml(what)} niet. Zie <a href="/healthz">/healthz</a>.</p>` +
        `<p lang="en">Not found: duidbot has no page at this address.</p></html>`,
    );
};

/** body-parser's error types (express.json) that are the client's doing, with what to tell them. */
const CLIENT_ERRORS: Record<string, (error: { encoding?: string; charset?: string }) => string> = {
  "entity.parse.failed": () => "Ongeldige JSON in de body / invalid JSON body",
  "entity.too.large": () => "Body te groot / body too large",
  "encoding.unsupported": (e) =>
    `Content-Encoding "${e.encoding ?? "?"}" wordt niet ondersteund (gebruik gzip, deflate, br of geen) / unsupported Content-Encoding (use gzip, deflate, br or none)`,
  "charset.unsupported": (e) => `Tekenset "${e.charset ?? "?"}" wordt niet ondersteund (gebruik utf-8) / unsupported charset (use utf-8)`,
  "request.aborted": () => "Verzoek afgebroken / request aborted",
};

export const onError: ErrorRequestHandler = (error: { status?: number; type?: string; encoding?: string; charset?: string }, _req, res, _next) => {
  // body-parser reports the client's mistakes with a 4xx status; keep those, with a message that says which.
  const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) {
    console.error(error);
    res.status(500).json({ error: "internal", message: "Interne fout / internal error" });
    return;
  }
  const describe = error.type ? CLIENT_ERRORS[error.type] : undefined;
  res.status(status).json({ error: "invalid", message: describe ? describe(error) : "Ongeldig verzoek / bad request" });
};
