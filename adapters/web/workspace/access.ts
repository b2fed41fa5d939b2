/**
 * Who is using the workspace. On a loopback address (the default 127.0.0.1) the person at the machine
 * is the local user `web:local` with every role, without sign-in. On any other address the web requires
 * sign-in with the shared password DUIDBOT_WEB_PASSWORD (src/main/config.ts refuses to start otherwise):
 * a login form, a random session id in an HttpOnly cookie, sessions kept in memory (a restart signs
 * everyone out, which is acceptable for a team tool and keeps no secret on disk).
 */
import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { cookieAttributes, cookies } from "./security.ts";

export type WebAccess = { mode: "local" } | { mode: "password"; password: string };

export interface WebUser {
  key: string;
  name: string;
  isAdmin: boolean;
}

export const LOCAL_USER: WebUser = { key: "web:local", name: "Lokale gebruiker", isAdmin: true };
/** Everyone who knows the shared password is the same user: the team. */
export const TEAM_USER: WebUser = { key: "web:team", name: "Team", isAdmin: true };

export const SESSION_COOKIE = "duidbot_sessie";
const SESSION_MS = 12 * 60 * 60 * 1000;
const FAILURE_WINDOW_MS = 10 * 60 * 1000;
const MAX_FAILURES = 20;

/** Host names a browser uses for this machine; any other Host header on a loopback server is DNS rebinding. */
export function isLoopbackHostHeader(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, "").toLowerCase();
  return name === "localhost" || name === "[::1]" || /^127(\.\d{1,3}){3}$/.test(name);
}

export interface Gate {
  /** Who is asking, without answering for it: undefined when not signed in (or not on localhost). */
  userOf(req: Request): WebUser | undefined;
  /** Sets res.locals.user, or answers (login redirect, 421/403) and stops. */
  require(req: Request, res: Response, next: NextFunction): void;
  /** Checks a password; a session cookie is set on success. */
  signIn(req: Request, res: Response, password: string): boolean;
  signOut(req: Request, res: Response): void;
  /** True when this gate shows a login form (password mode). */
  signInRequired: boolean;
}

export function createGate(access: WebAccess, now: () => number = Date.now): Gate {
  if (access.mode === "local") {
    return {
      signInRequired: false,
      userOf: (req) => (isLoopbackHostHeader(req.headers.host) ? LOCAL_USER : undefined),
      require(req, res, next) {
        if (!isLoopbackHostHeader(req.headers.host)) {
          res.status(421).type("text/plain").send("Deze server is alleen te gebruiken via localhost / only usable through localhost");
          return;
        }
        res.locals.user = LOCAL_USER;
        next();
      },
      signIn: () => true,
      signOut: () => {},
    };
  }
  const salt = randomBytes(16);
  // Only the hash stays in memory, so a heap dump or an error report does not show the password.
  const hash = scryptSync(access.password, salt, 32);
  const sessions = new Map<string, number>();
  const failures = new Map<string, number[]>();
  const current = (req: Request): string | undefined => {
    const id = cookies(req).get(SESSION_COOKIE);
    const expires = id ? sessions.get(id) : undefined;
    if (id && expires !== undefined && expires > now()) return id;
    if (id) sessions.delete(id);
    return undefined;
  };
  return {
    signInRequired: true,
    userOf: (req) => (current(req) ? TEAM_USER : undefined),
    require(req, res, next) {
      if (current(req)) {
        res.locals.user = TEAM_USER;
        next();
        return;
      }
      if (req.method !== "GET") {
        res.status(403).type("text/plain").send("Log eerst in / sign in first");
        return;
      }
      res.redirect(303, `/inloggen?terug=${encodeURIComponent(req.originalUrl)}`);
    },
    signIn(req, res, password) {
      const address = req.socket.remoteAddress ?? "?";
      const recent = (failures.get(address) ?? []).filter((t) => t > now() - FAILURE_WINDOW_MS);
      if (recent.length >= MAX_FAILURES) return false;
      const given = scryptSync(password, salt, 32);
      if (!timingSafeEqual(given, hash)) {
        failures.set(address, [...recent, now()]);
        return false;
      }
      const id = randomBytes(32).toString("base64url");
      sessions.set(id, now() + SESSION_MS);
      res.append("Set-Cookie", `${SESSION_COOKIE}=${id}; ${cookieAttributes(req, "Lax")}; Max-Age=${SESSION_MS / 1000}`);
      return true;
    },
    signOut(req, res) {
      const id = cookies(req).get(SESSION_COOKIE);
      if (id) sessions.delete(id);
      res.append("Set-Cookie", `${SESSION_COOKIE}=; ${cookieAttributes(req, "Lax")}; Max-Age=0`);
    },
  };
}
