/**
 * How a guest's browser is recognised (issue #19). The link's secret lives in an HttpOnly cookie scoped to
 * the guest thread's path (/gast/<publicId>), so the browser sends it nowhere else; the guest's own id and
 * chosen name live beside it (so only they can edit their words). A second cookie for the whole site
 * carries no secret, only "this browser came in as a guest": every staff page then answers 403 (unless
 * someone is signed in as staff), with a way back to the guest page. Link use is rate-limited per address.
 */
import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Gate } from "./access.ts";
import { cookieAttributes, cookies } from "./security.ts";

const SECRET_COOKIE = "duidbot_gast";
const NAME_COOKIE = "duidbot_gastnaam";
const MARK_COOKIE = "duidbot_rol";
const PUBLIC_ID = /^[A-Za-z0-9_-]{8,32}$/;

export const isPublicId = (value: unknown): value is string => typeof value === "string" && PUBLIC_ID.test(value);

function scoped(req: Request, publicId: string, maxAgeSeconds: number): string {
  return `${cookieAttributes(req, "Lax").replace("Path=/", `Path=/gast/${publicId}`)}; Max-Age=${maxAgeSeconds}`;
}

/** After a valid link: the secret for this thread's path, and the site-wide guest mark. */
export function admitGuest(req: Request, res: Response, publicId: string, secret: string, expiresAt: Date, now: Date): void {
  const seconds = Math.max(1, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  res.append("Set-Cookie", `${SECRET_COOKIE}=${secret}; ${scoped(req, publicId, seconds)}`);
  res.append("Set-Cookie", `${MARK_COOKIE}=gast.${publicId}; ${cookieAttributes(req, "Lax")}; Max-Age=${seconds}`);
}

export function secretOf(req: Request): string | undefined {
  const value = cookies(req).get(SECRET_COOKIE);
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
}

export interface GuestIdentity {
  id: string;
  name: string;
}

export function identityOf(req: Request): GuestIdentity | undefined {
  const value = cookies(req).get(NAME_COOKIE);
  const match = value ? /^([A-Za-z0-9_-]{16,40})\.([A-Za-z0-9_-]{1,400})$/.exec(value) : null;
  if (!match) return undefined;
  const name = Buffer.from(match[2]!, "base64url").toString("utf8").trim();
  return name === "" || name.length > 60 ? undefined : { id: match[1]!, name };
}

/** Keeps the guest's name (and makes them an id once): only this browser can edit their words. */
export function rememberName(req: Request, res: Response, publicId: string, name: string, seconds: number): void {
  const id = identityOf(req)?.id ?? randomBytes(16).toString("base64url");
  res.append("Set-Cookie", `${NAME_COOKIE}=${id}.${Buffer.from(name, "utf8").toString("base64url")}; ${scoped(req, publicId, seconds)}`);
}

/** "Stoppen op dit apparaat": every guest cookie gone. */
export function forgetGuest(req: Request, res: Response, publicId: string): void {
  res.append("Set-Cookie", `${SECRET_COOKIE}=; ${scoped(req, publicId, 0).replace(/Max-Age=\d+$/, "Max-Age=0")}`);
  res.append("Set-Cookie", `${NAME_COOKIE}=; ${scoped(req, publicId, 0).replace(/Max-Age=\d+$/, "Max-Age=0")}`);
  res.append("Set-Cookie", `${MARK_COOKIE}=; ${cookieAttributes(req, "Lax")}; Max-Age=0`);
}

/** A dead link (revoked, expired): the site-wide mark goes; the path's own cookie stays, so its page keeps saying why. */
export function unmarkGuest(req: Request, res: Response): void {
  res.append("Set-Cookie", `${MARK_COOKIE}=; ${cookieAttributes(req, "Lax")}; Max-Age=0`);
}

/** The guest page this browser came in through, when it carries the guest mark. */
export function guestMark(req: Request): string | undefined {
  const value = cookies(req).get(MARK_COOKIE);
  const publicId = value?.startsWith("gast.") ? value.slice(5) : undefined;
  return isPublicId(publicId) ? publicId : undefined;
}

/**
 * The gate for staff pages, refusing guests: a browser with the guest mark gets 403 (`refuse` draws the
 * page) unless someone is signed in as staff in it. On loopback nobody signs in, so the mark wins there.
 */
export function guardAgainstGuests(gate: Gate, refuse: (req: Request, res: Response, publicId: string) => void): Gate {
  const guestOnly = (req: Request) => {
    const publicId = guestMark(req);
    return publicId !== undefined && !(gate.signInRequired && gate.userOf(req)) ? publicId : undefined;
  };
  return {
    ...gate,
    userOf: (req) => (guestOnly(req) ? undefined : gate.userOf(req)),
    require(req: Request, res: Response, next: NextFunction) {
      const publicId = guestOnly(req);
      if (publicId) return refuse(req, res, publicId);
      gate.require(req, res, next);
    },
  };
}

/** At most `limit` events per address in `windowMs` (sliding window), in memory. */
export class RateLimit {
  private readonly hits = new Map<string, number[]>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  constructor(limit: number, windowMs: number, now: () => number = Date.now) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
  }

  /** True when the address has used up its events (nothing is counted). */
  blocked(address: string): boolean {
    const since = this.now() - this.windowMs;
    return (this.hits.get(address) ?? []).filter((t) => t > since).length >= this.limit;
  }

  /** Counts one event; false when the address is over the limit (the event is then not counted). */
  take(address: string): boolean {
    const since = this.now() - this.windowMs;
    const recent = (this.hits.get(address) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit) return false;
    recent.push(this.now());
    this.hits.set(address, recent);
    if (this.hits.size > 10_000) for (const [key, times] of this.hits) if (times.every((t) => t <= since)) this.hits.delete(key);
    return true;
  }
}
