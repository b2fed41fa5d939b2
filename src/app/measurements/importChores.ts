/**
 * The background jobs of this folder (src/app/scheduler): announce imports a crash left unannounced (at
 * most once a minute) and prune old processed-event keys (at most once an hour). Both are timed by the
 * Clock and never throw: a failure is logged and the other jobs and the outbox still run.
 */
import { announcePendingImports, type AnnounceDeps, type AnnouncePendingResult } from "./announcePendingImports.ts";
import { pruneProcessedEvents } from "./pruneProcessedEvents.ts";
import type { Job } from "../scheduler/scheduler.ts";

export const ANNOUNCE_EVERY_MS = 60_000;
export const PRUNE_EVERY_MS = 60 * 60_000;

export function importChoreJobs(deps: AnnounceDeps, log: ((line: string) => void) | undefined): Job[] {
  const report = (what: string, error: unknown) => log?.(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  return [
    {
      name: "announce-imports",
      everyMs: ANNOUNCE_EVERY_MS,
      async run() {
        try {
          logAnnounced(await announcePendingImports(deps), log);
        } catch (error) {
          report("aankondigen van imports mislukt / announcing imports failed", error);
        }
      },
    },
    {
      name: "prune-events",
      everyMs: PRUNE_EVERY_MS,
      async run() {
        try {
          const { pruned } = await pruneProcessedEvents(deps);
          if (pruned > 0) log?.(`${pruned} verwerkte gebeurtenis(sen) opgeruimd / processed event key(s) pruned`);
        } catch (error) {
          report("opruimen van verwerkte gebeurtenissen mislukt / pruning processed events failed", error);
        }
      },
    },
  ];
}

/** One line per import the pass announced (or could not announce). */
function logAnnounced(result: AnnouncePendingResult, log: ((line: string) => void) | undefined): void {
  for (const a of result.announced) {
    if (a.result.status !== "posted") continue;
    log?.(`import ${a.importId}: alsnog aangekondigd / announced late (${a.result.posts.length} post(s), ${a.result.sessions.length} sessie(s))`);
  }
  for (const f of result.failed) log?.(`import ${f.importId}: aankondigen mislukt / announcing failed: ${f.error}`);
}
