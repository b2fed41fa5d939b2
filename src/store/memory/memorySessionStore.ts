/**
 * In-memory twin of src/store/sessionStore.ts: the SessionStore port, one transaction at a time, all or
 * nothing (memoryDb.ts). A session reads its indicators' definitions from the Indicator rows (the DIN in
 * force now) and each thread root's platform id from the outbox, as the Prisma store's one query does.
 */
import type { Indicator } from "../../domain/din.ts";
import type { Question, SessionStatus } from "../../domain/session.ts";
import type { ChannelAudience } from "../../domain/sessionRules.ts";
import type { Lang } from "../../domain/format.ts";
import type { ChangePostRecord, SessionIndicator, SessionIndicatorRef, SessionRecord, SessionStore, SessionTx } from "../../app/sessions/ports.ts";
import { memoryChannelTx } from "./memoryChannelStore.ts";
import { memoryConclusionTx } from "./memoryConclusionStore.ts";
import { memoryActionTx } from "./memoryActionStore.ts";
import { memoryContributionTx } from "./memoryContributionStore.ts";
import { memoryEnqueueTx } from "./memoryOutboxStore.ts";
import { memoryGuestLinkTx } from "./memoryGuestLinkStore.ts";
import { memoryDigestTx } from "./memoryDigestStore.ts";
import { copying, json, MemoryConstraintError, must, type MemoryDb, type Tables } from "./memoryDb.ts";
import type { SessionRow } from "./memoryRows.ts";

type Snapshot = Pick<SessionIndicator, "change" | "series" | "comparisons">;

function toSession(t: Tables, row: SessionRow): SessionRecord {
  const indicators = t.sessionIndicators
    .filter((i) => i.sessionId === row.id)
    .sort((a, b) => a.id - b.id)
    .map((i) => {
      const definition = must(t.indicators.find((d) => d.id === i.indicatorId), "Indicator", `id ${i.indicatorId}`).definition as Indicator;
      const snapshot = i.snapshot as Snapshot;
      return {
        indicatorId: definition.id,
        period: i.period,
        indicator: definition,
        ...(snapshot.change ? { change: snapshot.change } : {}),
        ...(snapshot.series ? { series: snapshot.series } : {}),
        ...(snapshot.comparisons ? { comparisons: snapshot.comparisons } : {}),
      ...(snapshot.comparisons ? { comparisons: snapshot.comparisons } : {}),
      };
    });
  const threads = t.threads
    .filter((th) => th.sessionId === row.id)
    .sort((a, b) => a.id - b.id)
    .map((th) => {
      const rootMessageId = t.outbox.find((o) => o.key === th.rootKey)?.platformMessageId;
      return {
        id: th.id,
        channel: th.channelKey,
        audience: th.audience as ChannelAudience,
        lang: th.lang as Lang,
        rootKey: th.rootKey,
        ...(rootMessageId ? { rootMessageId } : {}),
      };
    });
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
    indicators,
    threads,
  };
}

/** The thread whose root was sent with this platform id in this channel (SessionThread JOIN OutboxMessage). */
function threadByRoot(t: Tables, channel: string, threadId: string) {
  return t.threads.find((th) => th.channelKey === channel && t.outbox.some((o) => o.key === th.rootKey && o.platformMessageId === threadId));
}

type OwnPart = Omit<
  SessionTx,
  keyof ReturnType<typeof memoryChannelTx> | keyof ReturnType<typeof memoryContributionTx> | keyof ReturnType<typeof memoryConclusionTx> | keyof ReturnType<typeof memoryGuestLinkTx> | keyof ReturnType<typeof memoryDigestTx> | keyof ReturnType<typeof memoryActionTx> | "enqueue" | "postsByKey"
>;

function memorySessionTx(db: MemoryDb): OwnPart {
  const sessionRow = (id: number) => must(db.t.sessions.find((s) => s.id === id), "DuidingSession", `id ${id}`);
  return {
    async claimEvent(key, at) {
      if (db.t.processedEvents.has(key)) return false;
      db.t.processedEvents.set(key, new Date(at));
      return true;
    },

    async createSession(s) {
      // Indicators are looked up before the insert, as in the Prisma store: an unknown one draws no id.
      const din = db.t.dins.find((d) => d.slug === s.dinSlug);
      const rows = s.indicators.map((i) => {
        const row = db.t.indicators.find((r) => r.dinId === din?.id && r.slug === i.indicatorId);
        if (!row) throw new Error(`indicator ${i.indicatorId} bestaat niet / does not exist`);
        return { indicatorId: row.id, period: i.period, snapshot: json<Snapshot>({ change: i.change, series: i.series, ...(i.comparisons ? { comparisons: i.comparisons } : {}) }) };
      });
      const id = db.nextId("sessions");
      db.t.sessions.push({
        id,
        dinSlug: s.dinSlug,
        title: s.title,
        subjectKind: s.subject.kind,
        subjectId: s.subject.id,
        status: "open",
        currentQuestion: s.question,
        questionSince: new Date(s.openedAt),
        advanceAfterDays: s.advanceAfterDays ?? null,
        openedBy: s.openedBy,
        openedAt: new Date(s.openedAt),
        closedAt: null,
      });
      for (const row of rows) {
        const rowId = db.nextId("sessionIndicators");
        if (db.t.sessionIndicators.some((x) => x.sessionId === id && x.indicatorId === row.indicatorId && x.period === row.period)) {
          throw new MemoryConstraintError("SessionIndicator", `(sessionId, indicatorId, period) ${id}/${row.indicatorId}/${row.period} exists`);
        }
        db.t.sessionIndicators.push({ id: rowId, sessionId: id, ...row });
      }
      return id;
    },

    async addThread(sessionId, thread) {
      const id = db.nextId("threads");
      sessionRow(sessionId);
      if (!db.t.outbox.some((o) => o.key === thread.rootKey)) {
        throw new MemoryConstraintError("SessionThread", `rootKey ${thread.rootKey} is not an outbox key (foreign key)`);
      }
      if (db.t.threads.some((t) => t.rootKey === thread.rootKey || (t.sessionId === sessionId && t.channelKey === thread.channel))) {
        throw new MemoryConstraintError("SessionThread", `rootKey ${thread.rootKey} or (session ${sessionId}, ${thread.channel}) exists`);
      }
      db.t.threads.push({ id, sessionId, channelKey: thread.channel, audience: thread.audience, lang: thread.lang, rootKey: thread.rootKey });
      return id;
    },

    // One transaction at a time: the lock the Prisma store takes is implied.
    async session(id) {
      const row = db.t.sessions.find((s) => s.id === id);
      return row ? toSession(db.t, row) : undefined;
    },

    async sessionByThread(channel, threadId) {
      const thread = threadByRoot(db.t, channel, threadId);
      const row = thread && db.t.sessions.find((s) => s.id === thread.sessionId);
      return row ? toSession(db.t, row) : undefined;
    },

    async sessionIdByThread(channel, threadId) {
      return threadByRoot(db.t, channel, threadId)?.sessionId;
    },

    async threadMayBecomeKnown(channel, threadId) {
      return db.t.threads.some(
        (th) =>
          th.channelKey === channel &&
          db.t.outbox.some((o) => o.key === th.rootKey && ((o.platformMessageId === null && o.status === "pending") || o.platformMessageId === threadId)),
      );
    },

    async openSessionAbout(dinSlug, subject) {
      const rows = db.t.sessions.filter((s) => s.dinSlug === dinSlug && s.subjectKind === subject.kind && s.subjectId === subject.id && s.status === "open");
      return rows.length === 0 ? undefined : Math.max(...rows.map((r) => r.id));
    },

    async openSessions() {
      return db.t.sessions.filter((s) => s.status === "open").sort((a, b) => a.id - b.id).map((s) => toSession(db.t, s));
    },

    async sessionsInChannel(channel, options) {
      return db.t.sessions
        .filter((s) => db.t.threads.some((th) => th.sessionId === s.id && th.channelKey === channel) && (!options.openOnly || s.status === "open"))
        .sort((a, b) => b.id - a.id)
        .slice(0, options.limit)
        .map((s) => toSession(db.t, s));
    },

    async setQuestion(sessionId, question, since) {
      Object.assign(sessionRow(sessionId), { currentQuestion: question, questionSince: new Date(since) });
    },

    async closeSession(sessionId, at) {
      Object.assign(sessionRow(sessionId), { status: "closed", closedAt: new Date(at) });
    },

    async createChangePost(post, at) {
      const id = db.nextId("changePosts");
      db.t.changePosts.push({ id, channelKey: post.channel, dinSlug: post.dinSlug, goalId: post.goalId, items: json(post.items), sessionId: null, createdAt: new Date(at) });
      return id;
    },

    async changePost(id): Promise<ChangePostRecord | undefined> {
      const row = db.t.changePosts.find((p) => p.id === id);
      if (!row) return undefined;
      return {
        id: row.id,
        channel: row.channelKey,
        dinSlug: row.dinSlug,
        goalId: row.goalId,
        items: row.items as SessionIndicatorRef[],
        ...(row.sessionId !== null ? { sessionId: row.sessionId } : {}),
      };
    },

    async linkChangePosts(ids, sessionId) {
      const rows = db.t.changePosts.filter((p) => ids.includes(p.id));
      if (rows.length > 0) sessionRow(sessionId);
      for (const row of rows) row.sessionId = sessionId;
    },
  };
}

export class MemorySessionStore implements SessionStore {
  private readonly db: MemoryDb;
  constructor(db: MemoryDb) {
    this.db = db;
  }

  transaction<T>(fn: (tx: SessionTx) => Promise<T>): Promise<T> {
    const db = this.db;
    const tx: SessionTx = copying({ ...memorySessionTx(db), ...memoryChannelTx(db), ...memoryContributionTx(db), ...memoryConclusionTx(db), ...memoryActionTx(db), ...memoryEnqueueTx(db), ...memoryGuestLinkTx(db), ...memoryDigestTx(db) });
    return db.write(() => fn(tx));
  }
}
