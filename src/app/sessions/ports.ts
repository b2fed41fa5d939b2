/**
 * Ports of the session use cases. Every state change runs in ONE database transaction (`transaction`)
 * together with its processed-event row and its outbox rows, so a retried platform event or a crash
 * never adds a contribution twice or loses a message. src/store/sessionStore.ts implements this.
 */
import type { AreaSeries } from "../../domain/comparison.ts";
import type { ConclusionPart, Question, SessionStatus } from "../../domain/session.ts";
import type { ChannelAudience, ChannelScope, Perspective, Role } from "../../domain/sessionRules.ts";
import type { Lang } from "../../domain/format.ts";
import type { ActionStatus } from "../../domain/actionStatus.ts";
import type { Indicator, PeriodValue } from "../../domain/din.ts";
import type { IndicatorChange } from "../../domain/changes.ts";
import type { NeutralMessage } from "../messages/message.ts";
import type { GuestRender } from "../outbox/ports.ts";
import type { Clock, DinStore, MeasurementStore } from "../ports.ts";
import type { SessionTx } from "./sessionTx.ts";
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
  /**
   * Weekly digest schedule ("ma 09:00", src/domain/digest/schedule.ts); undefined: the audience's
   * default (digest channels Monday 09:00, leerkring and gast channels none). See src/app/digest/.
   */
  digest?: string;
  /**
   * Send the weekly digest also when there is nothing new ("niets nieuws"); undefined: follow
   * duidbot.yaml defaults.digestSendEmpty (digestSendsEmpty in src/app/digest/loadDigest.ts).
   */
  digestSendEmpty?: boolean;
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
  /** The comparison areas' values up to `period` (the DIN's `compare:`), beside the figure and in its chart. */
  comparisons?: AreaSeries[];
  /** True when the municipality's figure has a breakdown ("Uitsplitsing" button); not kept in the snapshot. */
  hasBreakdown?: boolean;
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
  /** The Action row's id (what `/duiding actie <nr>` names); absent in a form not yet saved and in revision snapshots. */
  id?: number;
  text: string;
  owner: string;
  /** ISO date "2026-03-31". */
  due?: string;
  /** Set apart from the conclusion (setActionStatus); see src/domain/actionStatus.ts. */
  status: ActionStatus;
}

/** One status change of a verbeteractie: who, when, from → to. */
export interface ActionStatusChangeRecord {
  from: ActionStatus;
  to: ActionStatus;
  by: UserRef;
  at: Date;
}

/** A verbeteractie with where it belongs: for `acties`, reminders and the weekly digest (openActions). */
export interface ActionListItem {
  id: number;
  sessionId: number;
  dinSlug: string;
  sessionTitle: string;
  subject: SessionSubject;
  /** The indicators the session interprets (ids as in the DIN). */
  indicatorIds: string[];
  text: string;
  owner: string;
  due?: string;
  status: ActionStatus;
  /** Set when the conclusion holding it is adopted (the newest revision is vastgesteld). */
  adopted: boolean;
  updatedAt: Date;
}

export type ConclusionTexts = Record<ConclusionPart, string>;

export interface ConclusionRevisionRecord {
  version: number;
  texts: ConclusionTexts;
  /** For the guest threads when adopted (the facilitator chose to share it); absent: guests get a thank-you only. */
  guestSummary?: string;
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

/** An IndicatorConclusion with the indicator it is about (SessionTx.dinConclusions). */
export interface DinConclusion extends IndicatorConclusion {
  indicatorId: string;
}

/** The transaction, split per store: see sessionTx.ts. */
export type { SessionTx } from "./sessionTx.ts";

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
  /** Send a weekly digest that has nothing new too (duidbot.yaml defaults.digestSendEmpty); a channel may say otherwise. */
  digestSendEmpty?: boolean;
}

/** What every session use case gets. `Services` (src/main/services.ts) satisfies it. */
export interface SessionDeps {
  sessions: SessionStore;
  dins: DinStore;
  measurements: MeasurementStore;
  clock: Clock;
  sessionDefaults?: SessionDefaults;
}
