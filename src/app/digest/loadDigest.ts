/**
 * Use case part: everything one channel's digest says, loaded and composed (src/domain/digest/compose.ts)
 * into the neutral message. Preview and send both call this, so a preview is what would be sent.
 * Everything is read before the send's transaction (on embedded PGlite a store used inside another's
 * transaction would wait for it).
 */
import { composeDigest, conclusionKey, type Digest, type DigestActionInput, type DigestAdoptedInput, type DigestSessionInput } from "../../domain/digest/compose.ts";
import { DEFAULT_DIGEST_SCHEDULE, parseDigestSchedule, type DigestSchedule } from "../../domain/digest/schedule.ts";
import { adoptedAsOf } from "../../domain/report/editions.ts";
import type { SessionForReport } from "../../domain/report/editions.ts";
import { detectLateData, type LateData } from "../../domain/lateData.ts";
import { changesFromRecords } from "../measurements/storedChanges.ts";
import type { NeutralMessage } from "../messages/message.ts";
import type { DinState } from "../ports.ts";
import type { ReportStore } from "../report/ports.ts";
import type { ChannelSettings, SessionDeps } from "../sessions/ports.ts";
import { digestMessage } from "./digestMessage.ts";

export interface DigestDeps extends SessionDeps {
  reports: Pick<ReportStore, "sessionsForReport">;
}

/** Without an earlier digest, the first one looks back a week. */
export const FIRST_DIGEST_LOOKBACK_MS = 7 * 86_400_000;

/**
 * The channel's schedule: its own ("ma 09:00"), else Monday 09:00 for a digest channel; leerkring and
 * gast channels get a digest only when they ask for one. A stored text that no longer parses counts as none.
 */
export function digestScheduleOf(channel: Pick<ChannelSettings, "audience" | "digest">): DigestSchedule | undefined {
  if (channel.digest !== undefined) {
    const parsed = parseDigestSchedule(channel.digest);
    return parsed.ok ? parsed.schedule : undefined;
  }
  return channel.audience === "digest" ? DEFAULT_DIGEST_SCHEDULE : undefined;
}

/** Whether a week with nothing new still sends "niets nieuws": the channel's own choice, else duidbot.yaml's default, else no. */
export function digestSendsEmpty(channel: Pick<ChannelSettings, "digestSendEmpty">, defaults: { digestSendEmpty?: boolean } | undefined): boolean {
  return channel.digestSendEmpty ?? defaults?.digestSendEmpty ?? false;
}

export interface PreparedDigest {
  channel: ChannelSettings;
  din: DinState;
  digest: Digest;
  message: NeutralMessage;
  /** Where the changes it lists start (the previous digest's end, or a week back). */
  since: Date;
  now: Date;
}

export type PrepareDigestResult = { status: "ready"; prepared: PreparedDigest } | { status: "unknown-channel" } | { status: "no-din" };

/** The DIN a channel's digest is about: the only one, or the one its scope names (several municipalities in one database). */
async function dinFor(deps: Pick<SessionDeps, "dins">, channel: ChannelSettings, dinSlug: string | undefined): Promise<DinState | undefined> {
  if (dinSlug !== undefined) return deps.dins.loadDin(dinSlug);
  const slugs = await deps.dins.listDinSlugs();
  const dins = (await Promise.all(slugs.map((slug) => deps.dins.loadDin(slug)))).filter((d): d is DinState => d !== undefined);
  const ids = [...channel.scope.opgaven, ...channel.scope.doelen, ...channel.scope.indicators];
  return (
    dins.find((d) => ids.some((id) => d.latest.opgaven.some((o) => o.id === id) || d.latest.goals.some((g) => g.id === id) || d.latest.indicators.some((i) => i.id === id))) ??
    dins[0]
  );
}

export async function prepareDigest(deps: DigestDeps, input: { channel: string; dinSlug?: string }): Promise<PrepareDigestResult> {
  const now = deps.clock.now();
  const found = await deps.sessions.transaction(async (tx) => {
    const channel = await tx.channel(input.channel);
    if (!channel) return undefined;
    const last = await tx.lastCoveredDigest(channel.key);
    const open = await tx.openSessions();
    const sessions: DigestSessionInput[] = [];
    for (const s of open) {
      const conclusion = await tx.conclusion(s.id);
      sessions.push({
        id: s.id,
        title: s.title,
        subject: s.subject,
        current: s.current,
        openedAt: s.openedAt,
        indicatorIds: s.indicators.map((i) => i.indicatorId),
        counts: await tx.contributionCounts(s.id),
        ...(conclusion ? { conclusion: conclusion.status } : {}),
        channels: s.threads.map((t) => t.channel),
      });
    }
    return { channel, last, sessions };
  });
  if (!found) return { status: "unknown-channel" };
  const { channel } = found;
  const din = await dinFor(deps, channel, input.dinSlug ?? found.last?.dinSlug);
  if (!din) return { status: "no-din" };
  const since = found.last?.coveredUntil ?? new Date(now.getTime() - FIRST_DIGEST_LOOKBACK_MS);
  const changes = changesFromRecords(din, await deps.measurements.changesSince(din.slug, since, { newsOnly: true }));
  const latest = await deps.measurements.latestPeriods(din.slug);
  const late = din.indicators
    .filter((i) => !i.retired)
    .map((i) => detectLateData(i.indicator, latest.get(i.indicator.id), now))
    .filter((l): l is LateData => l !== undefined);
  const reported = await deps.reports.sessionsForReport(din.slug);
  const stelselIds = din.latest.indicators.filter((i) => i.stelsel === true).map((i) => i.id);
  const stelselValues = stelselIds.length === 0 ? [] : await deps.measurements.currentValues(din.slug, stelselIds);
  const lang = channel.lang ?? deps.sessionDefaults?.lang ?? "nl";
  const digest = composeDigest({
    lang,
    channel,
    din: din.latest,
    retired: new Set(din.indicators.filter((i) => i.retired).map((i) => i.indicator.id)),
    now,
    changes,
    late,
    openSessions: found.sessions.filter((s) => ofDin(s, din)),
    adopted: adoptedBetween(reported, since, now),
    actions: currentActions(reported, now),
    report: { year: din.latest.year, latestPeriods: latest, concluded: concluded(reported, now) },
    ...(stelselIds.length > 0 ? { stelsel: Map.groupBy(stelselValues, (v) => v.indicatorId) } : {}),
  });
  return { status: "ready", prepared: { channel, din, digest, message: digestMessage(channel, din.slug, digest), since, now } };
}

/** Sessions of this DIN (a database may hold several municipalities). */
function ofDin(s: DigestSessionInput, din: DinState): boolean {
  return s.indicatorIds.some((id) => din.indicators.some((i) => i.indicator.id === id));
}

function adoptedBetween(sessions: readonly SessionForReport[], since: Date, now: Date): DigestAdoptedInput[] {
  return sessions.flatMap((s) => {
    const revision = adoptedAsOf(s, now);
    if (!revision || revision.adoptedAt.getTime() <= since.getTime()) return [];
    return [{ sessionId: s.sessionId, title: s.title, indicatorIds: s.indicators.map((i) => i.indicatorId), adoptedAt: revision.adoptedAt, overall: revision.texts.overall }];
  });
}

/**
 * The verbeteracties of each session's adopted conclusion (a draft's are not decided yet), with their
 * current status (open and bezig ones are listed: composeDigest).
 */
function currentActions(sessions: readonly SessionForReport[], now: Date): DigestActionInput[] {
  return sessions.flatMap((s) =>
    (adoptedAsOf(s, now)?.actions ?? []).flatMap((a) =>
      a.due ? [{ title: s.title, indicatorIds: s.indicators.map((i) => i.indicatorId), text: a.text, owner: a.owner, due: a.due, status: a.status }] : [],
    ),
  );
}

function concluded(sessions: readonly SessionForReport[], now: Date): Set<string> {
  return new Set(sessions.filter((s) => adoptedAsOf(s, now)).flatMap((s) => s.indicators.map((i) => conclusionKey(i.indicatorId, i.period))));
}
