/**
 * The rows of the in-memory database: one interface per table of prisma/schema.prisma, with the same
 * column names, so that a memory store reads like its Prisma twin. Nullable columns are `| null`;
 * Json columns are `unknown` or the type written there (stored as a JSON round trip, see memoryDb.ts).
 */
export interface DinRow {
  id: number;
  slug: string;
  name: string;
  createdAt: Date;
}

export interface DinVersionRow {
  id: number;
  dinId: number;
  year: number;
  mission: string;
  definition: unknown;
  contentHash: string;
  fileName: string;
  importedAt: Date;
}

export interface IndicatorRow {
  id: number;
  dinId: number;
  slug: string;
  name: string;
  definition: unknown;
  firstYear: number;
  lastYear: number;
}

export interface ImportRow {
  id: number;
  dinId: number;
  via: string;
  fileName: string;
  contentHash: string;
  newCount: number;
  correctionCount: number;
  metadataCount: number;
  contextCount: number;
  unchangedCount: number;
  createdAt: Date;
}

export interface MeasurementRow {
  id: number;
  indicatorId: number;
  period: string;
  periodStart: Date;
  value: number;
  source: string | null;
  note: string | null;
  origin: string;
  importId: number;
  recordedAt: Date;
  supersededAt: Date | null;
  /** The value changed a figure: the columns below hold its comparison points (src/domain/changeRecord.ts). */
  figureChanged: boolean;
  correctedFrom: number | null;
  previousPeriod: string | null;
  previousValue: number | null;
  yearEarlierValue: number | null;
  /** "" for the municipality's total (as the database's NOT NULL DEFAULT ''). */
  area: string;
  dimension: string;
  category: string;
}

export interface ChannelRow {
  id: number;
  key: string;
  name: string;
  audience: string;
  scope: unknown;
  autoStart: boolean;
  perspective: string | null;
  lang: string;
  advanceAfterDays: number | null;
  digestSchedule: string | null;
  digestSendEmpty: boolean | null;
  source: string;
  configHash: string | null;
  updatedBy: string | null;
}

export interface PersonRow {
  id: number;
  key: string;
  name: string;
  roles: unknown;
  perspective: string | null;
  source: string;
  configHash: string | null;
  updatedBy: string | null;
}

export interface SessionRow {
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
}

export interface SessionIndicatorRow {
  id: number;
  sessionId: number;
  indicatorId: number;
  period: string;
  snapshot: unknown;
}

export interface ThreadRow {
  id: number;
  sessionId: number;
  channelKey: string;
  audience: string;
  lang: string;
  rootKey: string;
}

export interface ContributionRow {
  id: number;
  sessionId: number;
  threadId: number;
  channelKey: string;
  messageId: string;
  eventKey: string;
  authorKey: string;
  authorName: string;
  perspective: string;
  audience: string;
  question: string;
  text: string;
  postedAt: Date;
  editedAt: Date | null;
  withdrawnAt: Date | null;
}

export interface ContributionRevisionRow {
  id: number;
  contributionId: number;
  kind: string;
  previousText: string;
  previousQuestion: string;
  eventKey: string | null;
  changedAt: Date;
}

export interface ConclusionRow {
  id: number;
  sessionId: number;
  status: string;
  version: number;
  updatedAt: Date;
}

export interface ConclusionRevisionRow {
  id: number;
  conclusionId: number;
  version: number;
  herkennen: string;
  verklaren: string;
  waarderen: string;
  verbeteren: string;
  overall: string;
  guestSummary: string | null;
  actions: unknown;
  writtenByKey: string;
  writtenByName: string;
  writtenAt: Date;
  adoptedByKey: string | null;
  adoptedByName: string | null;
  adoptedAt: Date | null;
}

export interface ChangePostRow {
  id: number;
  channelKey: string;
  dinSlug: string;
  goalId: string;
  items: unknown;
  sessionId: number | null;
  createdAt: Date;
}

export interface OutboxMessageRow {
  id: number;
  key: string;
  channelKey: string;
  kind: string;
  payload: unknown;
  stream: string;
  threadKey: string | null;
  refKey: string | null;
  refMessageId: string | null;
  guestRender: unknown;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  claimedUntil: Date | null;
  lastError: string | null;
  platformMessageId: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface InboundRow {
  id: number;
  platform: string;
  eventId: string;
  teamId: string | null;
  type: string;
  payload: unknown;
  receivedAt: Date;
  processedAt: Date | null;
  attempts: number;
  lastError: string | null;
  parkedAt: Date | null;
}

export interface ReportEditionRow {
  id: number;
  dinSlug: string;
  edition: number;
  lang: string;
  public: boolean;
  contentHash: string;
  html: string;
  data: unknown;
  publishedAt: Date;
}

export interface AdapterStateRow {
  platform: string;
  key: string;
  value: string;
  updatedAt: Date;
}

export interface GuestLinkRow {
  id: number;
  publicId: string;
  sessionId: number;
  channelKey: string;
  tokenHash: string;
  label: string | null;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: string | null;
}

// The follow-up rows (#20: verbeteracties, reminders, digests) live in their own file.
export type { ActionReminderRow, ActionRow, ActionStatusChangeRow, DigestRunRow } from "./memoryFollowUpRows.ts";
