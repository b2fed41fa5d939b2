/**
 * Use case: send one outbox row now, from a process that is not `serve` (`duidbot digest --now`). It
 * runs the ordinary dispatcher once, restricted to that row's key, so every guarantee of the outbox
 * holds beside a running `serve` on the same PostgreSQL database: the row is claimed with a lease by
 * one dispatcher only (the other one skips it), marked sent right after the platform confirms, and a
 * crash of this process leaves it to `serve` once the lease expires. No other row is touched: rows of
 * other channels, and of platforms this process has no client for, stay with `serve`.
 */
import { dispatchOnce, type DispatcherDeps } from "../outbox/dispatch.ts";

export type DeliverNowResult =
  /** The platform has it. */
  | { status: "sent" }
  /** The platform is busy or down (rate limit, outage): the row stays in the outbox and `serve` retries it. */
  | { status: "retry"; reason: string }
  /** The platform refused it for good (e.g. the bot is not in the channel). */
  | { status: "failed"; reason: string }
  /** Nothing to claim: another dispatcher (a running `serve`) holds it or sent it already. */
  | { status: "elsewhere" };

export async function deliverNow(deps: Omit<DispatcherDeps, "log">, key: string): Promise<DeliverNowResult> {
  const lines: string[] = [];
  // One round: a digest is a thread root, alone in its stream.
  const report = await dispatchOnce({ ...deps, log: (line) => lines.push(line) }, { onlyKeys: [key], maxRounds: 1 });
  const reason = lines.at(-1)?.replace(/^outbox: /, "") ?? "";
  if (report.sent > 0) return { status: "sent" };
  if (report.failed > 0) return { status: "failed", reason };
  if (report.retried > 0) return { status: "retry", reason };
  return { status: "elsewhere" };
}
