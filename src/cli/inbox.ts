/**
 * `duidbot inbox …`: look at and release parked inbox events (src/app/inbox/inbox.ts: an event whose
 * replay failed MAX_REPLAY_ATTEMPTS times is parked, so it no longer holds anything up).
 *   duidbot inbox geparkeerd [event-id]   list parked events, or show one in full (its payload)
 *   duidbot inbox opnieuw <event-id…|alle> give them a fresh round of attempts: the next replay pass
 *                                         (at start, then every minute while duidbot runs) takes them
 * English aliases: `parked`, `retry`, `all`. Exit codes as the rest of the CLI: 1 for an unknown event id,
 * 2 for a wrong sub-command.
 */
import type { InboxStore, ParkedEvent } from "../app/inbox/ports.ts";

export const INBOX_USAGE = `  inbox geparkeerd [event-id]        vastgelopen chatberichten tonen / list parked events
  inbox opnieuw <event-id…|alle>     ze opnieuw laten verwerken / retry parked events`;

export class InboxUsageError extends Error {}

/** Throws InboxUsageError for a wrong sub-command or missing ids (before any database is opened). */
export function checkInboxArgs(args: readonly string[]): void {
  const [sub, ...ids] = args;
  if (!["geparkeerd", "parked", "opnieuw", "retry"].includes(sub ?? "")) {
    throw new InboxUsageError(`Onbekende inbox-opdracht / unknown inbox command: ${sub ?? "(geen)"}`);
  }
  if ((sub === "opnieuw" || sub === "retry") && ids.length === 0) {
    throw new InboxUsageError(`Welke? Geef event-id's of "alle" / which? give event ids or "all"`);
  }
}

/** Runs `duidbot inbox <args>`; prints to `io.out` (stdout) and `io.err` (stderr); returns the exit code. */
export async function runInboxCommand(
  store: InboxStore,
  args: readonly string[],
  io: { out: (line: string) => void; err: (line: string) => void } = { out: (l) => console.log(l), err: (l) => console.error(l) },
): Promise<number> {
  checkInboxArgs(args);
  const [sub, ...ids] = args;
  return sub === "geparkeerd" || sub === "parked" ? listParked(store, ids[0], io) : retryParked(store, ids, io);
}

async function listParked(store: InboxStore, eventId: string | undefined, io: { out: (line: string) => void; err: (line: string) => void }): Promise<number> {
  const parked = await store.parked();
  if (eventId !== undefined) {
    const event = parked.find((p) => p.eventId === eventId);
    if (!event) {
      io.err(`Geen geparkeerde gebeurtenis ${eventId} / no parked event ${eventId}`);
      return 1;
    }
    io.out(JSON.stringify(event, null, 2));
    return 0;
  }
  if (parked.length === 0) {
    io.out("Geen geparkeerde gebeurtenissen / no parked events.");
    return 0;
  }
  io.out(`${parked.length} geparkeerde gebeurtenis(sen) / parked event(s):`);
  for (const p of parked) io.out(describe(p));
  io.out("Toon er één volledig met `duidbot inbox geparkeerd <event-id>`; verwerk opnieuw met `duidbot inbox opnieuw <event-id>`.");
  return 0;
}

async function retryParked(store: InboxStore, ids: readonly string[], io: { out: (line: string) => void; err: (line: string) => void }): Promise<number> {
  const all = ids.length === 1 && (ids[0] === "alle" || ids[0] === "all");
  const parked = await store.parked();
  const unknown = all ? [] : ids.filter((id) => !parked.some((p) => p.eventId === id));
  if (unknown.length > 0) {
    // Nothing is released when one id is wrong: the command does all or nothing.
    io.err(`Niet geparkeerd (of onbekend) / not parked: ${unknown.join(", ")}`);
    return 1;
  }
  const chosen = all ? parked : parked.filter((p) => ids.includes(p.eventId));
  let released = 0;
  for (const platform of new Set(chosen.map((p) => p.platform))) {
    released += await store.unpark(platform, chosen.filter((p) => p.platform === platform).map((p) => p.eventId));
  }
  io.out(`${released} gebeurtenis(sen) vrijgegeven: duidbot verwerkt ze bij de volgende ronde (bij de start, daarna elke minuut) / released for the next replay pass.`);
  return 0;
}

function describe(p: ParkedEvent): string {
  const error = (p.lastError ?? "").replace(/\s+/g, " ").slice(0, 160);
  return `- ${p.platform} ${p.eventId} (${p.type}), ontvangen/received ${p.receivedAt.toISOString()}, geparkeerd/parked ${p.parkedAt.toISOString()} na ${p.attempts} poging(en): ${error}`;
}
