/**
 * A browser-like HTTP client for e2e tests of the web pages: a cookie jar that honours Path and
 * Max-Age=0 (guest cookies are scoped to their thread's path), and form posts that carry the page's
 * CSRF token and a fresh event id as the pages' forms do.
 */
import { randomUUID } from "node:crypto";

interface Cookie {
  value: string;
  path: string;
}

export class WebClient {
  readonly jar = new Map<string, Cookie>();
  readonly base: string;
  constructor(base: string) {
    this.base = base;
  }

  private cookieHeader(path: string): string {
    return [...this.jar.entries()].filter(([, c]) => path.startsWith(c.path)).map(([name, c]) => `${name}=${c.value}`).join("; ");
  }

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";").map((s) => s.trim());
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      const path = attrs.find((a) => a.toLowerCase().startsWith("path="))?.slice(5) ?? "/";
      if (attrs.some((a) => a.toLowerCase() === "max-age=0")) this.jar.delete(name);
      else this.jar.set(name, { value, path });
    }
  }

  async get(path: string): Promise<Response> {
    const res = await fetch(`${this.base}${path}`, { redirect: "manual", headers: { cookie: this.cookieHeader(path) } });
    this.remember(res);
    return res;
  }

  /** GET and follow redirects (as a browser does), returning the last response and its text. */
  async page(path: string): Promise<{ status: number; url: string; text: string }> {
    let url = path;
    for (let i = 0; i < 5; i++) {
      const res = await this.get(url);
      const to = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && to) {
        url = to.startsWith("http") ? new URL(to).pathname + new URL(to).search : to;
        continue;
      }
      return { status: res.status, url, text: await res.text() };
    }
    throw new Error(`too many redirects from ${path}`);
  }

  /** POSTs a form with the CSRF token of the jar and a fresh event id (unless given). */
  async post(path: string, fields: Record<string, string>): Promise<Response> {
    const csrf = this.jar.get("duidbot_csrf")?.value ?? "";
    const body = new URLSearchParams({ _csrf: csrf, event: randomUUID(), ...fields });
    const res = await fetch(`${this.base}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader(path) },
      body,
    });
    this.remember(res);
    return res;
  }
}
