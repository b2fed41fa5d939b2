/**
 * The background loop's share of this folder: after each tick, announce imports a crash left
 * unannounced (at most once a minute) and prune old processed-event keys (at most once an hour).
 * Both are timed by the Clock and never throw: a failure is logged and the outbox is still dispatched.
 */
import { announcePendingImports, type AnnounceDeps, type AnnouncePendingResult } from "./announcePendingImports.ts";
import { pruneProcessedEvents } from "./pruneProcessedEvents.ts";

export const ANNOUNCE_EVERY_MS = 60_000;
export const PRUNE_EVERY_MS = 60 * 60_000;

/** Wraps a background tick: runs `tick`, then the chores that are due (the first call runs both). */
export function withImportChores(deps: AnnounceDeps, log: ((line: string) => void) | undefined, tick: () => Promise<void>): () => Promise<void> {
  let nextAnnounce = Number.NEGATIVE_INFINITY;
  let nextPrune = Number.NEGATIVE_INFINITY;
  const report = (what: string, error: unknown) => log?.(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  return async () => {
    try {
      await tick();
    } finally {
      const now = deps.clock.now().getTime();
      if (now >= nextAnnounce) {
        nextAnnounce = now + ANNOUNCE_EVERY_MS;
        try {
          logAnnounced(await announcePendingImports(deps), log);
        } catch (error) {
          report("aankondigen van imports mislukt / announcing imports failed", error);
        }
      }
      if (now >= nextPrune) {
        nextPrune = now + PRUNE_EVERY_MS;
        try {
          const { pruned } = await pruneProcessedEvents(deps);
          if (pruned > 0) log?.(`${pruned} verwerkte gebeurtenis(sen) opgeruimd / processed event key(s) pruned`);
        } catch (error) {
          report("opruimen van verwerkte gebeurtenissen mislukt / pruning processed events failed", error);
        }
      }
    }
  };
}

/** One line per import the pass announced (or could not announce). */
function logAnnounced(result: AnnouncePendingResult, log: ((line: string) => void) | undefined): void {
  for (const a of result.announced) {
    if (a.result.status !== "posted") continue;
    log?.(`import ${a.importId}: alsnog aangekondigd / announced late (${a.result.posts.length} post(s), ${a.result.sessions.length} sessie(s))`);
  }
  for (const f of result.failed) log?.(`import ${f.importId}: aankondigen mislukt / announcing failed: ${f.error}`);
}
