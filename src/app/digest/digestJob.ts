/**
 * The scheduler's digest job: per channel with a schedule, the newest occurrence at or before now
 * that has no DigestRun yet is sent — or, when it is a day late or more (the bot was down), claimed
 * as skipped and logged: old news in a weekly overview misleads more than it helps. Which instance
 * sends is decided by the claim in the database (sendDigest), so every `serve` may run this job.
 */
import { digestDue } from "../../domain/digest/schedule.ts";
import type { Job } from "../scheduler/scheduler.ts";
import { digestScheduleOf, type DigestDeps } from "./loadDigest.ts";
import { sendDigest, skipDigest } from "./sendDigest.ts";

/** How often the job looks; a digest goes out within this long after its time. */
export const DIGEST_CHECK_EVERY_MS = 15_000;

export interface DueDigestsReport {
  sent: string[];
  empty: string[];
  skipped: string[];
}

export async function runDueDigests(deps: DigestDeps, log?: (line: string) => void): Promise<DueDigestsReport> {
  const now = deps.clock.now();
  const report: DueDigestsReport = { sent: [], empty: [], skipped: [] };
  // One read for all channels: which have a schedule, and whether their week is claimed already.
  const due = await deps.sessions.transaction(async (tx) => {
    const open = [];
    for (const channel of await tx.channels()) {
      const schedule = digestScheduleOf(channel);
      if (!schedule) continue;
      const next = digestDue(schedule, now);
      if (!(await tx.digestRun(channel.key, next.week))) open.push({ channel: channel.key, ...next });
    }
    return open;
  });
  for (const d of due) {
    const label = `${d.channel} ${d.week}`;
    if (d.late) {
      const hours = Math.floor((now.getTime() - d.occurrence.getTime()) / 3_600_000);
      if (await skipDigest(deps, { channel: d.channel, occurrence: d.occurrence })) {
        report.skipped.push(label);
        log?.(`weekoverzicht ${label}: gemist (${hours} uur te laat), overgeslagen / digest missed (${hours} h late), skipped`);
      }
      continue;
    }
    const result = await sendDigest(deps, { channel: d.channel, occurrence: d.occurrence });
    if (result.status === "sent") {
      report.sent.push(label);
      log?.(`weekoverzicht ${label}: verstuurd / digest sent`);
    } else if (result.status === "empty") {
      report.empty.push(label);
      log?.(`weekoverzicht ${label}: niets nieuws, niet verstuurd / nothing new, not sent`);
    }
    // "already-claimed": another instance was first. "no-din": nothing to say until a DIN is imported.
  }
  return report;
}

export function digestJob(deps: DigestDeps, log: (line: string) => void): Job {
  return { name: "digest", everyMs: DIGEST_CHECK_EVERY_MS, run: async () => void (await runDueDigests(deps, log)) };
}
