/**
 * `duidbot digest --channel <key> --preview|--now`: the weekly digest of one channel. Like `serve`, it
 * reads duidbot.yaml (DUIDBOT_CONFIG) first, so a channel configured there can be previewed before
 * `serve` ever ran. `--preview` prints exactly what would be sent (src/app/digest/sendDigest.ts) and
 * writes nothing; `--now` sends this week's digest through the outbox — claimed like a scheduled one,
 * so it counts as this week's (the scheduler then skips the week) — and the running `serve` (or the
 * next start) delivers it, as it does with the change posts of `measurements import`.
 */
import { digestScheduleOf, type DigestDeps } from "../app/digest/loadDigest.ts";
import { previewDigest, sendDigest } from "../app/digest/sendDigest.ts";
import { plainText } from "../app/messages/message.ts";
import { formatDigestSchedule, latestOccurrence, nextOccurrence } from "../domain/digest/schedule.ts";
import type { Lang } from "../domain/format.ts";

export const DIGEST_USAGE = `  digest --channel <sleutel> --preview|--now
                                     weekoverzicht tonen of nu versturen / preview or send the weekly digest`;

export class DigestUsageError extends Error {}

export interface DigestArgs {
  channel?: string;
  preview: boolean;
  now: boolean;
}

/** Wrong arguments are said before the database is opened (exit 2). */
export function checkDigestArgs(args: DigestArgs): { channel: string; mode: "preview" | "now" } {
  if (!args.channel) throw new DigestUsageError("--channel <sleutel> ontbreekt / is missing (bijv. / e.g. slack:T0123:C0456)");
  if (args.preview === args.now) throw new DigestUsageError("Kies --preview of --now / choose --preview or --now");
  return { channel: args.channel, mode: args.preview ? "preview" : "now" };
}

const when = (at: Date, lang: Lang) =>
  new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nl-NL", { timeZone: "Europe/Amsterdam", dateStyle: "full", timeStyle: "short" }).format(at);

export async function runDigestCommand(
  deps: DigestDeps,
  args: { channel: string; mode: "preview" | "now"; dinSlug?: string },
  io: { lang: Lang; out(text: string): void; err(text: string): void },
): Promise<number> {
  const { lang } = io;
  const input = { channel: args.channel, ...(args.dinSlug ? { dinSlug: args.dinSlug } : {}) };
  const channel = await deps.sessions.transaction((tx) => tx.channel(args.channel));
  if (!channel) {
    const known = (await deps.sessions.transaction((tx) => tx.channels())).map((c) => c.key);
    io.err(
      lang === "en"
        ? `Unknown channel ${args.channel}. Linked channels: ${known.join(", ") || "none (duidbot.yaml or koppel)"}`
        : `Onbekend kanaal ${args.channel}. Gekoppelde kanalen: ${known.join(", ") || "geen (duidbot.yaml of koppel)"}`,
    );
    return 1;
  }
  const schedule = digestScheduleOf(channel);
  if (args.mode === "preview") {
    const preview = await previewDigest(deps, input);
    if (preview.status !== "ready") return noDin(io);
    io.out(plainText(preview.prepared.message));
    const { digest } = preview.prepared;
    const note = schedule
      ? lang === "en"
        ? `(preview; scheduled ${formatDigestSchedule(schedule, "en")}, next ${when(nextOccurrence(schedule, deps.clock.now()), lang)}${digest.empty && !deps.sessionDefaults?.digestSendEmpty ? "; nothing new: it would not be sent" : ""})`
        : `(voorbeeld; gepland ${formatDigestSchedule(schedule)}, volgende ${when(nextOccurrence(schedule, deps.clock.now()), lang)}${digest.empty && !deps.sessionDefaults?.digestSendEmpty ? "; niets nieuws: het zou niet verstuurd worden" : ""})`
      : lang === "en"
        ? "(preview; this channel gets no weekly digest: set digest: \"mon 09:00\" in duidbot.yaml or koppel … digest=mon 09:00)"
        : "(voorbeeld; dit kanaal krijgt geen weekoverzicht: zet digest: \"ma 09:00\" in duidbot.yaml of koppel … digest=ma 09:00)";
    io.err(note);
    return 0;
  }
  // The week of the newest scheduled occurrence (a channel without a schedule: this week).
  const occurrence = schedule ? latestOccurrence(schedule, deps.clock.now()) : deps.clock.now();
  const sent = await sendDigest(deps, { ...input, occurrence, ...(deps.sessionDefaults?.digestSendEmpty ? { sendEmpty: true } : {}) });
  switch (sent.status) {
    case "sent":
      io.out(
        lang === "en"
          ? `Weekly digest ${sent.week} for ${channel.key} is in the outbox; duidbot serve sends it.`
          : `Weekoverzicht ${sent.week} voor ${channel.key} staat klaar; duidbot serve verstuurt het.`,
      );
      return 0;
    case "empty":
      io.out(lang === "en" ? `Nothing new for ${channel.key}: week ${sent.week} is marked as sent without a message.` : `Niets nieuws voor ${channel.key}: week ${sent.week} is afgevinkt zonder bericht.`);
      return 0;
    case "already-claimed":
      io.err(lang === "en" ? `Week ${sent.week}'s digest of ${channel.key} has been sent (or skipped) already.` : `Het weekoverzicht van week ${sent.week} voor ${channel.key} is al verstuurd (of overgeslagen).`);
      return 1;
    default:
      return noDin(io);
  }
}

function noDin(io: { lang: Lang; err(text: string): void }): number {
  io.err(io.lang === "en" ? "No DIN imported yet." : "Er is nog geen DIN geïmporteerd.");
  return 1;
}
