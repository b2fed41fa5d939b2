/**
 * Signed-in browsers: a random session id in an HttpOnly cookie, the user it belongs to kept in memory
 * for 12 hours. A restart signs everyone out, which is acceptable for a team tool and keeps no secret
 * on disk. Shared by the password and the OIDC sign-in.
 */
import { randomBytes } from "node:crypto";
import type { Request, Response } from "express";
import { cookieAttributes, cookies } from "./security.ts";

export interface WebUser {
  key: string;
  name: string;
  isAdmin: boolean;
}

export const SESSION_COOKIE = "duidbot_sessie";
const SESSION_MS = 12 * 60 * 60 * 1000;

export class WebSessions {
  private readonly sessions = new Map<string, { user: WebUser; expires: number }>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  start(req: Request, res: Response, user: WebUser): void {
    for (const [id, s] of this.sessions) if (s.expires <= this.now()) this.sessions.delete(id);
    const id = randomBytes(32).toString("base64url");
    this.sessions.set(id, { user, expires: this.now() + SESSION_MS });
    res.append("Set-Cookie", `${SESSION_COOKIE}=${id}; ${cookieAttributes(req, "Lax")}; Max-Age=${SESSION_MS / 1000}`);
  }

  current(req: Request): WebUser | undefined {
    const id = cookies(req).get(SESSION_COOKIE);
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (session && session.expires > this.now()) return session.user;
    this.sessions.delete(id);
    return undefined;
  }

  end(req: Request, res: Response): void {
    const id = cookies(req).get(SESSION_COOKIE);
    if (id) this.sessions.delete(id);
    res.append("Set-Cookie", `${SESSION_COOKIE}=; ${cookieAttributes(req, "Lax")}; Max-Age=0`);
  }
}
