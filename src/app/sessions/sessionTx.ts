/**
 * The session store's transaction, one interface per store file, so that each can be read (and
 * implemented, e.g. in memory) on its own. SessionTx is all of them: a use case runs in one transaction.
 */
import type { Question } from "../../domain/session.ts";
import type { Perspective } from "../../domain/sessionRules.ts";
import type { ActionStatus, ReminderKind } from "../../domain/actionStatus.ts";
import type {
  ActionListItem,
  ActionRecord,
  ActionStatusChangeRecord,
  ChangePostRecord,
  ChannelSettings,
  ConclusionRecord,
  ConclusionTexts,
  ContributionCount,
  ContributionRecord,
  DinConclusion,
  IndicatorConclusion,
  NewContribution,
  NewSession,
  OutboxDraft,
  PersonSettings,
  SaveStatus,
  SessionRecord,
  SessionSubject,
  SettingSource,
  ThreadRecord,
} from "./ports.ts";
import type { UserRef } from "./types.ts";
import type { NeutralMessage } from "../messages/message.ts";
import type { GuestLinkTx } from "./guestLinkTypes.ts";
import type { DigestTx } from "../digest/ports.ts";

/** Processed platform events (idempotency keys). */
export interface EventTx {
  /** Records a processed event; false when it was processed before (enforced by a unique key in the database). */
  claimEvent(key: string, at: Date): Promise<boolean>;
}

/** Channels and people: the settings in force (src/store/channelStore.ts). */
export interface ChannelTx {
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
  /** Every channel and person with where its settings come from (the web's /kanalen), in order of creation. */
  settingsOverview(): Promise<{ channels: (ChannelSettings & { source: SettingSource })[]; people: (PersonSettings & { source: SettingSource })[] }>;
}

/** Sessions and their threads (src/store/sessionStore.ts). */
export interface SessionRecordTx {
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
}

/** Contributions with their revisions (src/store/contributionStore.ts). */
export interface ContributionTx {
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
  /**
   * A guest chose their perspective after contributing: their guest-thread contributions in open
   * sessions take it (closed ones stay as concluded). Returns how many changed.
   */
  relabelGuestContributions(authorKey: string, perspective: Perspective): Promise<number>;
}

/** Conclusions and verbeteracties (src/store/conclusionStore.ts). */
export interface ConclusionTx {
  conclusion(sessionId: number): Promise<ConclusionRecord | undefined>;
  /** Adds a revision (draft); returns its version. */
  saveConclusion(sessionId: number, revision: { texts: ConclusionTexts; guestSummary?: string; actions: ActionRecord[]; by: UserRef; at: Date }): Promise<number>;
  /** Marks the newest revision adopted. */
  adoptConclusion(sessionId: number, adoption: { by: UserRef; at: Date }): Promise<number>;
  actions(sessionId: number): Promise<ActionRecord[]>;
  /** Conclusions of one indicator over time (CLI `indicator`, the report). */
  indicatorConclusions(dinSlug: string, indicatorId: string): Promise<IndicatorConclusion[]>;
  /**
   * The same for every indicator of a DIN in one query (the web overview: one query per indicator was
   * 5,000 queries on a big DIN): grouped per indicator in the order the DIN first listed them
   * (their row ids), each group as indicatorConclusions orders it. `only`: just these indicators.
   */
  dinConclusions(dinSlug: string, only?: readonly string[]): Promise<DinConclusion[]>;
}

/** Verbeteracties followed up: status with history, and reminders claimed once (src/store/actionStore.ts). */
export interface ActionTx {
  /** `lock` takes a row lock so concurrent status changes of one action serialise. */
  action(id: number, options?: { lock?: boolean }): Promise<ActionListItem | undefined>;
  /**
   * Actions of every session, soonest due date first (none last), then by id; `openOnly`: open and bezig;
   * `dueBetween`: a due date in [from, to] (ISO dates, both included).
   */
  listActions(filter: { openOnly?: boolean; dinSlug?: string; dueBetween?: [string, string] }): Promise<ActionListItem[]>;
  /** Sets the status and records the change (from → to, who, when). */
  setActionStatus(id: number, change: { from: ActionStatus; to: ActionStatus; by: UserRef; at: Date }): Promise<void>;
  /** Status changes of one action, oldest first. */
  actionHistory(id: number): Promise<ActionStatusChangeRecord[]>;
  /** Claims the reminder of this kind for this action and due date; false when it was claimed before (a unique key). */
  claimReminder(actionId: number, kind: ReminderKind, due: string, at: Date): Promise<boolean>;
}

/** Change posts (src/store/announcementStore.ts). */
export interface ChangePostTx {
  createChangePost(post: Omit<ChangePostRecord, "id" | "sessionId">, at: Date): Promise<number>;
  changePost(id: number): Promise<ChangePostRecord | undefined>;
  linkChangePosts(ids: number[], sessionId: number): Promise<void>;
}

/** The outbox, written in the same transaction as the change it reports (src/store/outboxStore.ts). */
export interface OutboxTx {
  /**
   * Adds outbox rows; rows whose key exists already are skipped (dedupe). An update supersedes the
   * pending updates of the same message that no dispatcher holds: only the newest state is worth sending.
   */
  enqueue(rows: OutboxDraft[], at: Date): Promise<void>;
  /**
   * The posts whose key starts with `keyPrefix`, oldest first, left out those that failed (withdrawn):
   * what a face that draws threads itself (the web) shows of the messages sent into a thread, e.g. the
   * summaries shared with a guest thread ("<rootKey>:summary:").
   */
  postsByKey(keyPrefix: string): Promise<{ key: string; message: NeutralMessage; createdAt: Date }[]>;
}

export type { GuestLinkTx } from "./guestLinkTypes.ts";

export interface SessionTx extends EventTx, ChannelTx, SessionRecordTx, ContributionTx, ConclusionTx, ActionTx, ChangePostTx, OutboxTx, GuestLinkTx, DigestTx {}
