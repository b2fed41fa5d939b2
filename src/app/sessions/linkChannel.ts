/**
 * Use case (admin): link a channel: audience, scope and session settings, stored in the database
 * with source "chat". It stays until an admin changes it again or the channel's entry in
 * duidbot.yaml changes (see applyConfig.ts). Changes Duidbot makes itself (guest detection) take
 * changeChannelAudienceBySystem instead; both store through saveChannelSettings (shared.ts).
 */
import type { ChannelAudience, Perspective } from "../../domain/sessionRules.ts";
import { CHANNEL_AUDIENCES } from "../../domain/sessionRules.ts";
import type { Lang } from "../../domain/format.ts";
import { parseDigestSchedule } from "../../domain/digest/schedule.ts";
import type { DinState } from "../ports.ts";
import type { FormIssue } from "./conclusionForm.ts";
import type { ChannelSettings, SessionDeps } from "./ports.ts";
import { unknownScopeIds } from "./scopeIds.ts";
import { actorContext, refuse, saveChannelSettings } from "./shared.ts";
import { eventKey } from "./types.ts";
import type { Actor, Duplicate, Forbidden } from "./types.ts";

export interface LinkChannelInput {
  eventId?: string;
  actor: Actor;
  /** The channel to link; default: actor.channel. */
  channel?: string;
  settings: {
    name?: string;
    audience: ChannelAudience;
    scope?: { opgaven?: string[]; doelen?: string[]; indicators?: string[] };
    autoStart?: boolean;
    perspective?: Perspective;
    lang?: Lang;
    advanceAfterDays?: number;
    /** Weekly digest schedule, "ma 09:00" (koppel … digest=ma 09:00). */
    digest?: string;
    /**
     * Send the digest also when there is nothing new. From chat the typed word (koppel … leeg=ja|nee):
     * it is read here, so a wrong one is refused with the other settings' issues.
     */
    digestSendEmpty?: boolean | string;
  };
}

/** "ja"/"nee" (and yes/no, aan/uit, on/off, true/false) as typed in chat; anything else: undefined. */
export function parseYesNo(word: string): boolean | undefined {
  const w = word.trim().toLowerCase();
  if (["ja", "yes", "aan", "on", "true"].includes(w)) return true;
  if (["nee", "no", "uit", "off", "false"].includes(w)) return false;
  return undefined;
}

export type LinkChannelResult =
  | { status: "linked"; channel: string; created: boolean }
  | { status: "invalid"; issues: FormIssue[] }
  | Forbidden
  | Duplicate;

function checkScope(din: DinState | undefined, scope: NonNullable<LinkChannelInput["settings"]["scope"]>): FormIssue[] {
  if (!din) return []; // no DIN yet: the scope is checked when posts are made
  return unknownScopeIds([din], scope).map(({ kind, id }) => ({ field: `scope.${kind}`, message: `"${id}" staat niet in de DIN`, messageEn: `"${id}" is not in the DIN` }));
}

export async function linkChannel(deps: SessionDeps, input: LinkChannelInput): Promise<LinkChannelResult> {
  const now = deps.clock.now();
  const key = input.channel ?? input.actor.channel;
  const s = input.settings;
  const issues = checkScope(await deps.dins.loadDin(), s.scope ?? {});
  if (!CHANNEL_AUDIENCES.includes(s.audience)) issues.push({ field: "audience", message: "kies leerkring, digest of gast", messageEn: "choose leerkring, digest or gast" });
  if (s.advanceAfterDays !== undefined && (!Number.isInteger(s.advanceAfterDays) || s.advanceAfterDays < 1 || s.advanceAfterDays > 90)) {
    issues.push({ field: "advanceAfterDays", message: "een aantal dagen van 1 tot en met 90", messageEn: "a number of days from 1 to 90" });
  }
  if (s.digest !== undefined) {
    const parsed = parseDigestSchedule(s.digest);
    if (!parsed.ok) issues.push({ field: "digest", message: parsed.message, messageEn: parsed.messageEn });
  }
  const sendEmpty = typeof s.digestSendEmpty === "string" ? parseYesNo(s.digestSendEmpty) : s.digestSendEmpty;
  if (s.digestSendEmpty !== undefined && sendEmpty === undefined) {
    issues.push({ field: "leeg", message: `"${s.digestSendEmpty}": kies leeg=ja (ook een weekoverzicht zonder nieuws) of leeg=nee`, messageEn: `"${s.digestSendEmpty}": choose empty=yes (a digest with nothing new too) or empty=no` });
  }
  return deps.sessions.transaction(async (tx): Promise<LinkChannelResult> => {
    const context = await actorContext(tx, input.actor);
    // Linking a new channel happens from inside it, before it has an audience: only the admin role counts then.
    const forbidden = refuse("configure", { roles: context.roles, audience: context.channel ? context.audience : "leerkring" });
    if (forbidden) return forbidden;
    if (issues.length > 0) return { status: "invalid", issues };
    if (input.eventId !== undefined && !(await tx.claimEvent(eventKey(input.actor.channel, input.eventId), now))) return { status: "duplicate" };
    const existing = await tx.channel(key);
    const settings: ChannelSettings = {
      key,
      name: s.name ?? existing?.name ?? key,
      audience: s.audience,
      // No scope given: keep the one the channel has (a relink that only changes the audience keeps its scope).
      scope: s.scope
        ? { opgaven: s.scope.opgaven ?? [], doelen: s.scope.doelen ?? [], indicators: s.scope.indicators ?? [] }
        : (existing?.scope ?? { opgaven: [], doelen: [], indicators: [] }),
      autoStart: s.autoStart ?? existing?.autoStart ?? false,
      lang: s.lang ?? existing?.lang ?? deps.sessionDefaults?.lang ?? "nl",
      ...((s.perspective ?? existing?.perspective) ? { perspective: s.perspective ?? existing?.perspective } : {}),
      ...((s.advanceAfterDays ?? existing?.advanceAfterDays) !== undefined ? { advanceAfterDays: s.advanceAfterDays ?? existing?.advanceAfterDays } : {}),
      ...((s.digest ?? existing?.digest) !== undefined ? { digest: s.digest ?? existing?.digest } : {}),
      ...((sendEmpty ?? existing?.digestSendEmpty) !== undefined ? { digestSendEmpty: sendEmpty ?? existing?.digestSendEmpty } : {}),
    };
    const status = await saveChannelSettings(tx, { before: existing, settings, meta: { source: "chat", by: input.actor.user.key }, at: now });
    return { status: "linked", channel: key, created: status === "created" };
  });
}
