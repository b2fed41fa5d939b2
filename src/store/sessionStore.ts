/**
 * Prisma implementation of the SessionStore port: one interactive transaction per use case, in which
 * the state change, the processed-event row and the outbox rows are written together.
 */
import { Prisma } from "@prisma/client";
import type { PrismaClient } from "@prisma/client";
import type { Indicator } from "../domain/din.ts";
import type { Question, SessionStatus } from "../domain/session.ts";
import type { ChannelAudience } from "../domain/sessionRules.ts";
import type { Lang } from "../domain/format.ts";
import type {
  ChangePostRecord,
  SessionIndicator,
  SessionIndicatorRef,
  SessionRecord,
  SessionStore,
  SessionTx,
} from "../app/sessions/ports.ts";
import { channelTx } from "./channelStore.ts";
import { conclusionTx } from "./conclusionStore.ts";
import { actionTx } from "./actionStore.ts";
import { contributionTx } from "./contributionStore.ts";
import { enqueueTx } from "./outboxStore.ts";
import { guestLinkTx } from "./guestLinkStore.ts";
import { digestTx } from "./digestStore.ts";
import { asJson } from "./json.ts";

type Tx = Prisma.TransactionClient;

/** Session use cases are small; this leaves room for a slow disk without hiding a stuck transaction. */
const TX_TIMEOUT_MS = 30_000;

/**
 * A session with its indicators and threads (and each thread root's platform id) in ONE statement:
 * Prisma's include would take a round trip per relation (four), and loading a session is on the hot
 * path of every thread reply. Each indicator's definition is the one in force now (the Indicator
 * row, which holds the newest DIN version's definition), joined here: what guests may see of it
 * (visibility, small-number limit) must follow the DIN as it is now, not as it was when the session
 * opened. The snapshot keeps only the figures (change and series) as they were then.
 */
function selectSessions(where: Prisma.Sql, tail: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
    SELECT s.id, s."dinSlug", s.title, s."subjectKind", s."subjectId", s.status, s."currentQuestion", s."questionSince",
           s."advanceAfterDays", s."openedBy", s."openedAt", s."closedAt",
           (SELECT json_agg(json_build_object('period', i.period, 'snapshot', i.snapshot, 'definition', d.definition) ORDER BY i.id)
              FROM "SessionIndicator" i JOIN "Indicator" d ON d.id = i."indicatorId" WHERE i."sessionId" = s.id) AS indicators,
           (SELECT json_agg(json_build_object('id', t.id, 'channelKey', t."channelKey", 'audience', t.audience, 'lang', t.lang,
                                              'rootKey', t."rootKey", 'rootMessageId', o."platformMessageId") ORDER BY t.id)
              FROM "SessionThread" t JOIN "OutboxMessage" o ON o.key = t."rootKey" WHERE t."sessionId" = s.id) AS threads
      FROM "DuidingSession" s
     WHERE ${where} ${tail}`;
}

interface SessionRow {
  id: number;
  dinSlug: string;
  title: string;
  subjectKind: string;
  subjectId: string;
  status: string;
  currentQuestion: string;
  questionSince: Date;
  advanceAfterDays: number | null;
  openedBy: string;
  openedAt: Date;
  closedAt: Date | null;
  /** json_agg of no rows is NULL. */
  indicators: { period: string; snapshot: Snapshot; definition: Indicator }[] | null;
  threads: { id: number; channelKey: string; audience: string; lang: string; rootKey: string; rootMessageId: string | null }[] | null;
}

/** What SessionIndicator.snapshot holds: the figures as they were when the session opened. */
type Snapshot = Pick<SessionIndicator, "change" | "series" | "comparisons">;

function toSession(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    dinSlug: row.dinSlug,
    title: row.title,
    subject: { kind: row.subjectKind as "indicator" | "doel", id: row.subjectId },
    status: row.status as SessionStatus,
    current: row.currentQuestion as Question,
    questionSince: row.questionSince,
    ...(row.advanceAfterDays !== null ? { advanceAfterDays: row.advanceAfterDays } : {}),
    openedBy: row.openedBy,
    openedAt: row.openedAt,
    ...(row.closedAt ? { closedAt: row.closedAt } : {}),
    indicators: (row.indicators ?? []).map(({ period, snapshot, definition }) => ({
      indicatorId: definition.id,
      period,
      indicator: definition,
      ...(snapshot.change ? { change: snapshot.change } : {}),
      ...(snapshot.series ? { series: snapshot.series } : {}),
      ...(snapshot.comparisons ? { comparisons: snapshot.comparisons } : {}),
    })),
    threads: (row.threads ?? []).map((t) => ({
      id: t.id,
      channel: t.channelKey,
      audience: t.audience as ChannelAudience,
      lang: t.lang as Lang,
      rootKey: t.rootKey,
      ...(t.rootMessageId ? { rootMessageId: t.rootMessageId } : {}),
    })),
  };
}

async function loadSessions(tx: Tx, where: Prisma.Sql, tail?: Prisma.Sql): Promise<SessionRecord[]> {
  return (await tx.$queryRaw<SessionRow[]>(selectSessions(where, tail))).map(toSession);
}

function sessionTx(tx: Tx): Omit<SessionTx, keyof ReturnType<typeof channelTx> | keyof ReturnType<typeof contributionTx> | keyof ReturnType<typeof conclusionTx> | keyof ReturnType<typeof guestLinkTx> | keyof ReturnType<typeof digestTx> | keyof ReturnType<typeof actionTx> | "enqueue" | "postsByKey"> {
  return {
    async claimEvent(key, at) {
      // ON CONFLICT DO NOTHING (skipDuplicates) instead of catching a unique violation: the two driver
      // adapters report that error differently, and a failed statement would abort the transaction.
      const { count } = await tx.processedEvent.createMany({ data: [{ key, processedAt: at }], skipDuplicates: true });
      return count === 1;
    },

    async createSession(s) {
      const slugs = s.indicators.map((i) => i.indicatorId);
      const rows = await tx.indicator.findMany({ where: { din: { slug: s.dinSlug }, slug: { in: slugs } }, select: { id: true, slug: true } });
      const idOf = new Map(rows.map((r) => [r.slug, r.id]));
      const created = await tx.duidingSession.create({
        data: {
          dinSlug: s.dinSlug,
          title: s.title,
          subjectKind: s.subject.kind,
          subjectId: s.subject.id,
          status: "open",
          currentQuestion: s.question,
          questionSince: s.openedAt,
          advanceAfterDays: s.advanceAfterDays ?? null,
          openedBy: s.openedBy,
          openedAt: s.openedAt,
          indicators: {
            create: s.indicators.map((i) => {
              const indicatorId = idOf.get(i.indicatorId);
              if (indicatorId === undefined) throw new Error(`indicator ${i.indicatorId} bestaat niet / does not exist`);
              const snapshot: Snapshot = { change: i.change, series: i.series, ...(i.comparisons ? { comparisons: i.comparisons } : {}) };
              return { indicatorId, period: i.period, snapshot: asJson(snapshot) };
            }),
          },
        },
        select: { id: true },
      });
      return created.id;
    },

    async addThread(sessionId, thread) {
      const row = await tx.sessionThread.create({
        data: { sessionId, channelKey: thread.channel, audience: thread.audience, lang: thread.lang, rootKey: thread.rootKey },
        select: { id: true },
      });
      return row.id;
    },

    async session(id, options = {}) {
      // A row lock serialises concurrent moves and conclusions of one session (PostgreSQL; PGlite has one connection).
      if (options.lock) await tx.$queryRaw`SELECT id FROM "DuidingSession" WHERE id = ${id} FOR UPDATE`;
      return (await loadSessions(tx, Prisma.sql`s.id = ${id}`))[0];
    },

    async sessionByThread(channel, threadId) {
      const thread = Prisma.sql`s.id = (SELECT t."sessionId" FROM "SessionThread" t JOIN "OutboxMessage" o ON o.key = t."rootKey"
                                         WHERE t."channelKey" = ${channel} AND o."platformMessageId" = ${threadId} LIMIT 1)`;
      // FOR SHARE: replies do not wait for each other, but a move (FOR UPDATE) in progress is waited
      // for and then seen, so a reply never counts toward, or renders, the question just left.
      return (await loadSessions(tx, thread, Prisma.sql`FOR SHARE OF s`))[0];
    },

    async sessionIdByThread(channel, threadId) {
      const row = await tx.sessionThread.findFirst({
        where: { channelKey: channel, root: { platformMessageId: threadId } },
        select: { sessionId: true },
      });
      return row?.sessionId;
    },

    async threadMayBecomeKnown(channel, threadId) {
      const root = { OR: [{ platformMessageId: null, status: "pending" }, { platformMessageId: threadId }] };
      return (await tx.sessionThread.findFirst({ where: { channelKey: channel, root }, select: { id: true } })) !== null;
    },

    async openSessionAbout(dinSlug, subject) {
      const row = await tx.duidingSession.findFirst({
        where: { dinSlug, subjectKind: subject.kind, subjectId: subject.id, status: "open" },
        orderBy: { id: "desc" },
        select: { id: true },
      });
      return row?.id;
    },

    async openSessions() {
      return loadSessions(tx, Prisma.sql`s.status = 'open'`, Prisma.sql`ORDER BY s.id ASC`);
    },

    async sessionsInChannel(channel, options) {
      const inChannel = Prisma.sql`EXISTS (SELECT 1 FROM "SessionThread" t WHERE t."sessionId" = s.id AND t."channelKey" = ${channel})`;
      const where = options.openOnly ? Prisma.sql`${inChannel} AND s.status = 'open'` : inChannel;
      return loadSessions(tx, where, Prisma.sql`ORDER BY s.id DESC LIMIT ${options.limit}`);
    },

    async setQuestion(sessionId, question, since) {
      await tx.duidingSession.update({ where: { id: sessionId }, data: { currentQuestion: question, questionSince: since } });
    },

    async closeSession(sessionId, at) {
      await tx.duidingSession.update({ where: { id: sessionId }, data: { status: "closed", closedAt: at } });
    },

    async createChangePost(post, at) {
      const row = await tx.changePost.create({
        data: { channelKey: post.channel, dinSlug: post.dinSlug, goalId: post.goalId, items: asJson(post.items), createdAt: at },
        select: { id: true },
      });
      return row.id;
    },

    async changePost(id): Promise<ChangePostRecord | undefined> {
      const row = await tx.changePost.findUnique({ where: { id } });
      if (!row) return undefined;
      return {
        id: row.id,
        channel: row.channelKey,
        dinSlug: row.dinSlug,
        goalId: row.goalId,
        items: row.items as unknown as SessionIndicatorRef[],
        ...(row.sessionId !== null ? { sessionId: row.sessionId } : {}),
      };
    },

    async linkChangePosts(ids, sessionId) {
      await tx.changePost.updateMany({ where: { id: { in: ids } }, data: { sessionId } });
    },
  };
}

export class PrismaSessionStore implements SessionStore {
  private readonly prisma: PrismaClient;
  constructor(prisma: PrismaClient) {
    this.prisma = prisma;
  }

  transaction<T>(fn: (tx: SessionTx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(
      (tx) => fn({ ...sessionTx(tx), ...channelTx(tx), ...contributionTx(tx), ...conclusionTx(tx), ...actionTx(tx), ...enqueueTx(tx), ...guestLinkTx(tx), ...digestTx(tx) }),
      { timeout: TX_TIMEOUT_MS, maxWait: TX_TIMEOUT_MS },
    );
  }
}
