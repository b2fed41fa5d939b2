/**
 * Who is using the workspace. On a loopback address (the default 127.0.0.1) the person at the machine
 * is the local user `web:local` with every role, without sign-in. On any other address the web requires
 * sign-in (src/main/config.ts refuses to start otherwise): the shared password DUIDBOT_WEB_PASSWORD
 * (here), or the municipality's own accounts through OpenID Connect (oidc.ts).
 */
import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { WebSessions, type WebUser } from "./webSessions.ts";

export type { WebUser } from "./webSessions.ts";

export type WebAccess =
  | { mode: "local" }
  | { mode: "password"; password: string }
  | { mode: "oidc"; issuer: string; clientId: string; clientSecret: string; publicUrl: string };

export const LOCAL_USER: WebUser = { key: "web:local", name: "Lokale gebruiker", isAdmin: true };
/** Everyone who knows the shared password is the same user: the team. */
export const TEAM_USER: WebUser = { key: "web:team", name: "Team", isAdmin: true };

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
  /** How people sign in: not at all (loopback), a password form, or the organisation's account (OIDC). */
  method: "none" | "password" | "oidc";
  /** True when this gate shows a login page. */
  signInRequired: boolean;
}

/** Sends someone who is not signed in to the login page (GET), or refuses (other methods). */
export function toLogin(req: Request, res: Response): void {
  if (req.method !== "GET") {
    res.status(403).type("text/plain").send("Log eerst in / sign in first");
    return;
  }
  res.redirect(303, `/inloggen?terug=${encodeURIComponent(req.originalUrl)}`);
}

export function createGate(access: Exclude<WebAccess, { mode: "oidc" }>, now: () => number = Date.now): Gate {
  if (access.mode === "local") {
    return {
      method: "none",
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
  const sessions = new WebSessions(now);
  const failures = new Map<string, number[]>();
  return {
    method: "password",
    signInRequired: true,
    userOf: (req) => sessions.current(req),
    require(req, res, next) {
      const user = sessions.current(req);
      if (!user) return toLogin(req, res);
      res.locals.user = user;
      next();
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
      sessions.start(req, res, TEAM_USER);
      return true;
    },
    signOut: (req, res) => sessions.end(req, res),
  };
}
