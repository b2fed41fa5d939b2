/**
 * The one scheduler: every timed job of a `serve` instance (auto-advance, the weekly digests, late-data
 * checks, announcing imports a crash left unannounced, pruning old event keys — and whatever a feature
 * registers, e.g. action reminders) runs from one loop, the background loop that also dispatches the
 * outbox (src/main/services.ts), so there is one timer, not several.
 *
 * A job says how often it wants to run (`everyMs`, by the Clock; 0 = every tick) and does its work in
 * `run(now)`. The scheduler holds no state that must survive a restart and takes no lock: a job that
 * must happen once across instances (a digest) claims it in the database itself, which is why two
 * `serve` instances, or one restarting at 08:59, can run the same jobs side by side.
 */
import type { Clock } from "../ports.ts";

export interface Job {
  /** For the log ("digest", "auto-advance"). */
  name: string;
  /** At most once per this many milliseconds of the Clock; 0 or absent: every tick. The first tick runs every job. */
  everyMs?: number;
  run(now: Date): Promise<void>;
}

export interface Scheduler {
  /** Adds a job; it runs from the next tick on. Names are unique (a second job of a name is a bug). */
  register(job: Job): void;
  /** Runs the jobs that are due, in order of registration; a failing job is logged, the others still run. */
  tick(): Promise<void>;
  /** The registered job names, in order (for the start-up log and tests). */
  names(): string[];
}

export function createScheduler(deps: { clock: Clock; log?: (line: string) => void }, jobs: readonly Job[] = []): Scheduler {
  const entries: { job: Job; next: number }[] = [];
  const register = (job: Job) => {
    if (entries.some((e) => e.job.name === job.name)) throw new Error(`scheduler: job "${job.name}" registered twice`);
    entries.push({ job, next: Number.NEGATIVE_INFINITY });
  };
  for (const job of jobs) register(job);
  return {
    register,
    names: () => entries.map((e) => e.job.name),
    async tick() {
      for (const entry of [...entries]) {
        const now = deps.clock.now();
        if (now.getTime() < entry.next) continue;
        entry.next = now.getTime() + (entry.job.everyMs ?? 0);
        try {
          await entry.job.run(now);
        } catch (error) {
          deps.log?.(`taak ${entry.job.name} mislukt / job ${entry.job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    },
  };
}
