/**
 * `duidbot digest --channel <key> --preview|--now`: the weekly digest of one channel. Like `serve`, it
 * reads duidbot.yaml (DUIDBOT_CONFIG) first, so a channel configured there can be previewed before
 * `serve` ever ran. `--preview` prints exactly what would be sent (src/app/digest/sendDigest.ts) and
 * writes nothing; `--now` writes this week's digest to the outbox — claimed like a scheduled one, so it
 * counts as this week's (the scheduler then skips the week) — and, when the channel's platform is
 * configured in this environment (SLACK_BOT_TOKEN…, TEAMS_…), sends that one row at once through the
 * platform's chat client (src/app/digest/deliverNow.ts; safe beside a running `serve` on PostgreSQL).
 * Otherwise `serve` delivers it, as it does with the change posts of `measurements import`.
 */
import type { ChatPort } from "../app/chat.ts";
import { deliverNow, type DeliverNowResult } from "../app/digest/deliverNow.ts";
import { digestScheduleOf, digestSendsEmpty, type DigestDeps } from "../app/digest/loadDigest.ts";
import { digestOutboxKey, previewDigest, sendDigest } from "../app/digest/sendDigest.ts";
import type { OutboxStore } from "../app/outbox/ports.ts";
import { platformOf } from "../app/sessions/types.ts";
import { plainText } from "../app/messages/message.ts";
import { formatDigestSchedule, nextOccurrence } from "../domain/digest/schedule.ts";
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

/** The chat client of a platform when it is configured in this environment (src/main/chatClient.ts). */
export type OpenChat = (platform: string) => Promise<{ chat: ChatPort; close(): Promise<void> } | undefined>;

export async function runDigestCommand(
  deps: DigestDeps & { outbox: OutboxStore; openChat?: OpenChat; /** What to set to switch a chat platform on here (its start-up line), if it is one. */ offHint?: (platform: string) => string | undefined },
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
    const quietWeek = digest.empty && !digestSendsEmpty(preview.prepared.channel, deps.sessionDefaults);
    const note = schedule
      ? lang === "en"
        ? `(preview; scheduled ${formatDigestSchedule(schedule, "en")}, next ${when(nextOccurrence(schedule, deps.clock.now()), lang)}${quietWeek ? "; nothing new: it would not be sent" : ""})`
        : `(voorbeeld; gepland ${formatDigestSchedule(schedule)}, volgende ${when(nextOccurrence(schedule, deps.clock.now()), lang)}${quietWeek ? "; niets nieuws: het zou niet verstuurd worden" : ""})`
      : lang === "en"
        ? "(preview; this channel gets no weekly digest: set digest: \"mon 09:00\" in duidbot.yaml or koppel … digest=mon 09:00)"
        : "(voorbeeld; dit kanaal krijgt geen weekoverzicht: zet digest: \"ma 09:00\" in duidbot.yaml of koppel … digest=ma 09:00)";
    io.err(note);
    return 0;
  }
  // This calendar week (Amsterdam), not the week of the newest scheduled occurrence: on a Monday before
  // 09:00, or any day before a Friday channel's time, that is last week's, long sent, and --now would
  // refuse. Claiming this week sends it early; the scheduler then finds the week done.
  const sent = await sendDigest(deps, { ...input, occurrence: deps.clock.now() });
  const platform = platformOf(channel.key);
  switch (sent.status) {
    case "sent": {
      const delivered = await deliverHere(deps, platform, sent.outboxKey);
      if (delivered === undefined) {
        io.out(
          lang === "en"
            ? `Weekly digest ${sent.week} for ${channel.key} is in the outbox; duidbot serve sends it (${platform} is not configured here).`
            : `Weekoverzicht ${sent.week} voor ${channel.key} staat klaar; duidbot serve verstuurt het (${platform} staat hier niet aan).`,
        );
        // How to make --now send it itself next time (the adapter's start-up line: Dutch, names the variables).
        const hint = deps.offHint?.(platform);
        if (hint) io.err(hint);
        return 0;
      }
      return sayDelivered(delivered, { week: sent.week, channel: channel.key }, io);
    }
    case "empty":
      io.out(lang === "en" ? `Nothing new for ${channel.key}: week ${sent.week} is marked as sent without a message.` : `Niets nieuws voor ${channel.key}: week ${sent.week} is afgevinkt zonder bericht.`);
      return 0;
    case "already-claimed": {
      // Claimed before while the platform was not configured here: its row may still be waiting for serve.
      const delivered = await deliverHere(deps, platform, digestOutboxKey(channel.key, sent.week));
      // Nothing claimed (sent long ago), or no client to try with: the week is done as far as we can tell.
      if (delivered !== undefined && delivered.status !== "elsewhere" && !delivered.unstarted) return sayDelivered(delivered, { week: sent.week, channel: channel.key }, io);
      io.err(lang === "en" ? `Week ${sent.week}'s digest of ${channel.key} has been sent (or skipped) already.` : `Het weekoverzicht van week ${sent.week} voor ${channel.key} is al verstuurd (of overgeslagen).`);
      return 1;
    }
    default:
      return noDin(io);
  }
}

/** Sends the row through this process's chat client; undefined when the platform is not configured here. */
async function deliverHere(
  deps: { outbox: OutboxStore; clock: DigestDeps["clock"]; openChat?: OpenChat },
  platform: string,
  key: string,
): Promise<(DeliverNowResult & { unstarted?: true }) | undefined> {
  let client: Awaited<ReturnType<OpenChat>>;
  try {
    client = await deps.openChat?.(platform);
  } catch (error) {
    // The platform's SDK could not start (e.g. its sign-in endpoint unreachable): the row waits for serve.
    return { status: "retry", reason: error instanceof Error ? error.message : String(error), unstarted: true };
  }
  if (!client) return undefined;
  try {
    // No rerender: a digest is never rendered again (a stale guest digest is withdrawn, as in serve).
    return await deliverNow({ outbox: deps.outbox, clock: deps.clock, chats: new Map([[platform, client.chat]]) }, key);
  } finally {
    await client.close();
  }
}

function sayDelivered(result: DeliverNowResult, d: { week: string; channel: string }, io: { lang: Lang; out(text: string): void; err(text: string): void }): number {
  const en = io.lang === "en";
  switch (result.status) {
    case "sent":
      io.out(en ? `Weekly digest ${d.week} sent to ${d.channel}.` : `Weekoverzicht ${d.week} verstuurd naar ${d.channel}.`);
      return 0;
    case "elsewhere":
      io.out(en ? `Weekly digest ${d.week} for ${d.channel} is being sent by a running duidbot serve.` : `Weekoverzicht ${d.week} voor ${d.channel} wordt verstuurd door de draaiende duidbot serve.`);
      return 0;
    case "retry":
      io.err(
        en
          ? `Weekly digest ${d.week} for ${d.channel} could not be sent yet (${result.reason}); it stays in the outbox and duidbot serve sends it.`
          : `Weekoverzicht ${d.week} voor ${d.channel} kon nog niet weg (${result.reason}); het blijft klaarstaan en duidbot serve verstuurt het.`,
      );
      return 0;
    case "failed":
      io.err(en ? `Weekly digest ${d.week} for ${d.channel} was refused: ${result.reason}` : `Weekoverzicht ${d.week} voor ${d.channel} is geweigerd: ${result.reason}`);
      return 3;
  }
}

/** `--now` while `serve` holds the embedded database (PGlite: one process per data folder). */
export function digestServeRunning(lang: Lang): string {
  return lang === "en"
    ? "duidbot serve is running on this embedded database: it sends the weekly digest itself at the channel's scheduled time. To send it now, stop serve and run --now again (on PostgreSQL, DATABASE_URL, both can run side by side)."
    : "duidbot serve draait op deze ingebouwde database: die verstuurt het weekoverzicht zelf op het geplande tijdstip van het kanaal. Nu versturen: stop serve en geef --now opnieuw (op PostgreSQL, DATABASE_URL, kunnen ze naast elkaar draaien).";
}

function noDin(io: { lang: Lang; err(text: string): void }): number {
  io.err(io.lang === "en" ? "No DIN imported yet." : "Er is nog geen DIN geïmporteerd.");
  return 1;
}
