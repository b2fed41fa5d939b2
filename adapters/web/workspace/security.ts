/**
 * What every workspace response carries and every form needs: security headers with a strict
 * Content-Security-Policy (no inline scripts or styles anywhere), and CSRF protection by a random token
 * in a SameSite=Strict cookie that each form repeats in a hidden field (double submit), plus an Origin
 * check. The embedded default listens on 127.0.0.1 without sign-in, so a page on another site must not
 * be able to post an import to it: that is what the token and the Origin check prevent.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

export const CSRF_COOKIE = "duidbot_csrf";
export const CSRF_FIELD = "_csrf";

export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "same-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
};

export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  next();
}

/** Cookies of a request (express 5 does not parse them; only our own simple values matter). */
export function cookies(req: Request): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      out.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // A malformed cookie value is ignored, as if it were absent.
    }
  }
  return out;
}

/** `Secure` when the request came over https (directly or, with trust proxy, through a proxy). */
export function cookieAttributes(req: Request, sameSite: "Strict" | "Lax"): string {
  return `Path=/; HttpOnly; SameSite=${sameSite}${req.secure ? "; Secure" : ""}`;
}

/** The request's CSRF token, set as a cookie when it has none yet. */
export function csrfToken(req: Request, res: Response): string {
  const existing = cookies(req).get(CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{32,}$/.test(existing)) return existing;
  const token = randomBytes(24).toString("base64url");
  res.append("Set-Cookie", `${CSRF_COOKIE}=${token}; ${cookieAttributes(req, "Strict")}`);
  return token;
}

function sameOrigin(req: Request): boolean {
  const origin = req.headers.origin;
  // Browsers send Origin on every cross-site POST; its absence means a same-origin or non-browser client.
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** True when a state-changing request carries the token of its cookie and comes from this origin. */
export function csrfValid(req: Request, submitted: unknown): boolean {
  const expected = cookies(req).get(CSRF_COOKIE);
  if (!expected || typeof submitted !== "string" || !sameOrigin(req)) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}
