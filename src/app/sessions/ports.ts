/**
 * Ports of the session use cases. Every state change runs in ONE database transaction (`transaction`)
 * together with its processed-event row and its outbox rows, so a retried platform event or a crash
 * never adds a contribution twice or loses a message. src/store/sessionStore.ts implements this.
 */
import type { ConclusionPart, Question, SessionStatus } from "../../domain/session.ts";
import type { ChannelAudience, ChannelScope, Perspective, Role } from "../../domain/sessionRules.ts";
import type { Lang } from "../../domain/format.ts";
import type { Indicator, PeriodValue } from "../../domain/din.ts";
import type { IndicatorChange } from "../../domain/changes.ts";
import type { NeutralMessage } from "../messages/message.ts";
import type { GuestRender } from "../outbox/ports.ts";
import type { Clock, DinStore, MeasurementStore } from "../ports.ts";
import type { UserRef } from "./types.ts";

/** Where a setting came from: the config file, or an admin's chat command. See applyConfig.ts for precedence. */
export type SettingSource = "config" | "chat";

export interface ChannelSettings {
  /** "slack:T123:C456", "teams:<conversation id>", "memory:leerkring". */
  key: string;
  name: string;
  audience: ChannelAudience;
  scope: ChannelScope;
  /** Internal channels: open a session by itself for a significant change. Guest channels: join sessions on their scope. */
  autoStart: boolean;
  /** Default perspective of the channel's members (e.g. "adviesraad"). */
  perspective?: Perspective;
  lang: Lang;
  /** Days after which a session started here moves to the next question by itself; undefined = never. */
  advanceAfterDays?: number;
}

export interface PersonSettings {
  /** "slack:U123". */
  key: string;
  name: string;
  roles: Role[];
  perspective?: Perspective;
}

export type SaveStatus = "created" | "updated" | "unchanged" | "kept";

export interface SessionSubject {
  kind: "indicator" | "doel";
  id: string;
}

export interface SessionIndicatorRef {
  indicatorId: string;
  /** The period whose figure the session interprets; conclusions are stored per indicator and period. */
  period: string;
}

/**
 * An indicator of a session: its definition in force now (the newest DIN version: what guests may see
 * of it follows the DIN as it is, see sessionStore.ts), with the change and series as they were when
 * the session opened.
 */
export interface SessionIndicator extends SessionIndicatorRef {
  indicator: Indicator;
  /** Undefined when the period's value could not be compared (e.g. it was removed since). */
  change?: IndicatorChange;
  /**
   * The values up to and including `period`, oldest first (see chartElements.ts): the session's
   * charts are drawn from them. Absent in sessions opened before charts existed.
   */
  series?: PeriodValue[];
}

export interface NewSession {
  dinSlug: string;
  title: string;
  subject: SessionSubject;
  indicators: SessionIndicator[];
  question: Question;
  openedAt: Date;
  /** Person key, or "auto" when a significant change opened it. */
  openedBy: string;
  advanceAfterDays?: number;
}

export interface ThreadRecord {
  id: number;
  channel: string;
  audience: ChannelAudience;
  lang: Lang;
  /** Outbox key of the thread's root post; the root's platform id arrives when it is sent. */
  rootKey: string;
  rootMessageId?: string;
}

export interface SessionRecord {
  id: number;
  dinSlug: string;
  title: string;
  subject: SessionSubject;
  status: SessionStatus;
  current: Question;
  questionSince: Date;
  advanceAfterDays?: number;
  openedBy: string;
  openedAt: Date;
  closedAt?: Date;
  indicators: SessionIndicator[];
  threads: ThreadRecord[];
}

export interface ContributionRecord {
  id: number;
  sessionId: number;
  threadId: number;
  channel: string;
  messageId: string;
  author: UserRef;
  perspective: Perspective;
  audience: ChannelAudience;
  question: Question;
  text: string;
  postedAt: Date;
  editedAt?: Date;
  withdrawnAt?: Date;
}

export interface NewContribution extends Omit<ContributionRecord, "id" | "editedAt" | "withdrawnAt"> {
  eventKey: string;
}

/** How many contributions (withdrawn ones left out) a session has per question and audience. */
export interface ContributionCount {
  question: Question;
  audience: ChannelAudience;
  count: number;
}

export interface ActionRecord {
  text: string;
  owner: string;
  /** ISO date "2026-03-31". */
  due?: string;
  status: "open" | "done";
}

export type ConclusionTexts = Record<ConclusionPart, string>;

export interface ConclusionRevisionRecord {
  version: number;
  texts: ConclusionTexts;
  actions: ActionRecord[];
  writtenBy: UserRef;
  writtenAt: Date;
  adoptedBy?: UserRef;
  adoptedAt?: Date;
}

export interface ConclusionRecord {
  sessionId: number;
  /** draft: written, not yet vastgesteld; adopted: the newest revision is vastgesteld. */
  status: "draft" | "adopted";
  /** The newest revision. */
  current: ConclusionRevisionRecord;
  /** Every revision, oldest first (the current one last). */
  revisions: ConclusionRevisionRecord[];
}

export interface ChangePostRecord {
  id: number;
  channel: string;
  dinSlug: string;
  goalId: string;
  items: SessionIndicatorRef[];
  sessionId?: number;
}

/** A message to send later, written in the same transaction as the state change it reports. */
export interface OutboxDraft {
  /** Unique, stable key (dedupe): "s12:t3:root", "s12:t3:q2", "ack:slack:C1:1712.33". */
  key: string;
  channel: string;
  kind: "post" | "update" | "acknowledge";
  /** post/update: the message (its target.thread is filled in at send time from `threadKey`). */
  message?: NeutralMessage;
  /** post: reply in the thread whose root was posted under this outbox key. Also the row's ordering stream. */
  threadKey?: string;
  /** update: the outbox key of the post to replace. */
  refKey?: string;
  /** acknowledge: the platform id of the user's message. */
  messageId?: string;
  /** A message for guests that shows indicators: what it shows under which rules (checked at send time). */
  guest?: GuestRender;
}

/** Conclusions of one indicator over time, for `duidbot indicator <id>` and the report. */
export interface IndicatorConclusion {
  sessionId: number;
  title: string;
  period: string;
  sessionStatus: SessionStatus;
  conclusion?: ConclusionRecord;
  actions: ActionRecord[];
}

export interface SessionTx {
  /** Records a processed event; false when it was processed before (enforced by a unique key in the database). */
  claimEvent(key: string, at: Date): Promise<boolean>;

  channel(key: string): Promise<ChannelSettings | undefined>;
  channels(): Promise<ChannelSettings[]>;
  /** Upserts; `configHash` marks a write from duidbot.yaml (see applyConfig.ts). */
  saveChannel(settings: ChannelSettings, meta: { source: SettingSource; by?: string; configHash?: string }): Promise<SaveStatus>;
  /** The hash of the config entry last applied to this channel or person, when it came from the file. */
  configHash(kind: "channel" | "person", key: string): Promise<string | undefined>;
  /**
   * A channel that became a guest channel: its open session threads are guest threads from now on, and
   * messages still waiting in the outbox (rendered for staff) are withdrawn. Returns how many were withdrawn.
   */
  restrictToGuests(channelKey: string, at: Date): Promise<{ threads: number; withdrawn: number }>;
  person(key: string): Promise<PersonSettings | undefined>;
  savePerson(settings: PersonSettings, meta: { source: SettingSource; by?: string; configHash?: string }): Promise<SaveStatus>;
  /** Removes a person's settings; false when there were none. */
  deletePerson(key: string): Promise<boolean>;

  createSession(session: NewSession): Promise<number>;
  addThread(sessionId: number, thread: Omit<ThreadRecord, "id" | "rootMessageId">): Promise<number>;
  /** `lock` takes a row lock so concurrent moves of one session serialise. */
  session(id: number, options?: { lock?: boolean }): Promise<SessionRecord | undefined>;
  sessionIdByThread(channel: string, threadId: string): Promise<number | undefined>;
  /**
   * The session running in this thread (by the thread root's platform id), in one round trip, with a
   * share lock: concurrent replies go on, a concurrent move of the session is waited for.
   */
  sessionByThread(channel: string, threadId: string): Promise<SessionRecord | undefined>;
  /**
   * After sessionByThread found nothing: true when the answer may be different soon or already is,
   * i.e. a session thread root in this channel is still being sent (no platform id stored yet), or
   * one has `threadId` as its platform id by now (stored after the lookup).
   */
  threadMayBecomeKnown(channel: string, threadId: string): Promise<boolean>;
  /** An open session about exactly this subject, if any. */
  openSessionAbout(dinSlug: string, subject: SessionSubject): Promise<number | undefined>;
  openSessions(): Promise<SessionRecord[]>;
  sessionsInChannel(channel: string, options: { openOnly: boolean; limit: number }): Promise<SessionRecord[]>;
  setQuestion(sessionId: number, question: Question, since: Date): Promise<void>;
  closeSession(sessionId: number, at: Date): Promise<void>;

  /** Undefined when this platform message is already a contribution. */
  addContribution(contribution: NewContribution): Promise<number | undefined>;
  contributionByMessage(channel: string, messageId: string): Promise<ContributionRecord | undefined>;
  /** Changes a contribution and keeps its previous text and question as a revision. */
  reviseContribution(
    id: number,
    change: { kind: "edit" | "withdraw" | "reassign"; at: Date; text?: string; question?: Question; eventKey?: string },
  ): Promise<void>;
  /** All contributions of a session, withdrawn ones included, oldest first. */
  contributions(sessionId: number): Promise<ContributionRecord[]>;
  /** Counts per question and audience, withdrawn ones left out: what a status message shows. */
  contributionCounts(sessionId: number): Promise<ContributionCount[]>;

  conclusion(sessionId: number): Promise<ConclusionRecord | undefined>;
  /** Adds a revision (draft); returns its version. */
  saveConclusion(sessionId: number, revision: { texts: ConclusionTexts; actions: ActionRecord[]; by: UserRef; at: Date }): Promise<number>;
  /** Marks the newest revision adopted. */
  adoptConclusion(sessionId: number, adoption: { by: UserRef; at: Date }): Promise<number>;
  actions(sessionId: number): Promise<ActionRecord[]>;

  createChangePost(post: Omit<ChangePostRecord, "id" | "sessionId">, at: Date): Promise<number>;
  changePost(id: number): Promise<ChangePostRecord | undefined>;
  linkChangePosts(ids: number[], sessionId: number): Promise<void>;

  /**
   * Adds outbox rows; rows whose key exists already are skipped (dedupe). An update supersedes the
   * pending updates of the same message that no dispatcher holds: only the newest state is worth sending.
   */
  enqueue(rows: OutboxDraft[], at: Date): Promise<void>;

  indicatorConclusions(dinSlug: string, indicatorId: string): Promise<IndicatorConclusion[]>;
}

export interface SessionStore {
  /**
   * Runs `fn` in one database transaction; everything it wrote is rolled back when it throws.
   * `fn` must use only `tx`: on embedded PGlite (one connection) a query through another store
   * would wait for this transaction to end. Load DIN and figures before, not inside.
   */
  transaction<T>(fn: (tx: SessionTx) => Promise<T>): Promise<T>;
}

/** Defaults for channels that do not set their own. */
export interface SessionDefaults {
  lang: Lang;
  /** Default for auto-advance; undefined = sessions only move when a facilitator moves them. */
  advanceAfterDays?: number;
}

/** What every session use case gets. `Services` (src/main/services.ts) satisfies it. */
export interface SessionDeps {
  sessions: SessionStore;
  dins: DinStore;
  measurements: MeasurementStore;
  clock: Clock;
  sessionDefaults?: SessionDefaults;
}
