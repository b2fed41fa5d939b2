/**
 * `koppel <publiek> [ids…] [auto] [perspectief=<p>] [taal=<nl|en>] [digest=ma 09:00] [leeg=ja|nee]` read into channel settings. Ids
 * are sorted into opgaven, doelen and indicators by looking them up in the DIN (people type ids,
 * not kinds); unknown ids go to indicators so that linkChannel reports them.
 */
import type { Lang } from "../../domain/format.ts";
import { CHANNEL_AUDIENCES, PERSPECTIVES, type ChannelAudience, type Perspective } from "../../domain/sessionRules.ts";
import type { DinState } from "../ports.ts";

export interface KoppelArgs {
  audience: ChannelAudience;
  /** Undefined: no ids typed, keep the channel's scope (a relink that only changes the audience keeps it). */
  ids?: string[];
  autoStart?: true;
  perspective?: Perspective;
  lang?: Lang;
  /** "digest=ma 09:00" (the time may follow after a space); checked by linkChannel. */
  digest?: string;
  /** "leeg=ja|nee" (empty=yes|no): send the digest when there is nothing new; the word is checked by linkChannel. */
  digestSendEmpty?: string;
}

/** Undefined when the first word is no audience. */
export function parseKoppelArgs(args: string): KoppelArgs | undefined {
  // "digest=ma 09:00" is one setting with a space in it: join the time to its day before splitting.
  const joined = args.replace(/\b(digest|weekoverzicht)=(\S+)\s+(\d{1,2}[:.]\d{2})\b/gi, "$1=$2@$3");
  const [first, ...rest] = joined.split(/\s+/).filter(Boolean);
  const audience = CHANNEL_AUDIENCES.find((a) => a === first?.toLowerCase());
  if (!audience) return undefined;
  const parsed: KoppelArgs = { audience };
  const ids = rest.filter((w) => !/^auto$|=/i.test(w)).flatMap((w) => w.toLowerCase().split(",")).filter(Boolean);
  if (ids.length > 0) parsed.ids = ids;
  if (rest.some((w) => w.toLowerCase() === "auto")) parsed.autoStart = true;
  for (const [key, value] of rest.filter((w) => w.includes("=")).map((w) => w.split("=", 2) as [string, string])) {
    const k = key.toLowerCase();
    if ((k === "perspectief" || k === "perspective") && (PERSPECTIVES as readonly string[]).includes(value)) parsed.perspective = value as Perspective;
    if ((k === "taal" || k === "lang") && (value === "nl" || value === "en")) parsed.lang = value;
    if (k === "digest" || k === "weekoverzicht") parsed.digest = value.replace("@", " ");
    if (k === "leeg" || k === "empty") parsed.digestSendEmpty = value;
  }
  return parsed;
}

export function sortScopeIds(din: DinState | undefined, ids: readonly string[]): { opgaven: string[]; doelen: string[]; indicators: string[] } {
  const scope = { opgaven: [] as string[], doelen: [] as string[], indicators: [] as string[] };
  for (const id of ids) {
    if (din?.latest.opgaven.some((o) => o.id === id)) scope.opgaven.push(id);
    else if (din?.latest.goals.some((g) => g.id === id)) scope.doelen.push(id);
    else scope.indicators.push(id);
  }
  return scope;
}
