/** Rows of the in-memory store for following up on conclusions (#20): verbeteracties and their status history, reminders, weekly digests. */

export interface ActionRow {
  id: number;
  sessionId: number;
  position: number;
  text: string;
  owner: string;
  due: string | null;
  status: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ActionStatusChangeRow {
  id: number;
  actionId: number;
  fromStatus: string;
  toStatus: string;
  byKey: string;
  byName: string;
  at: Date;
}

export interface ActionReminderRow {
  id: number;
  actionId: number;
  kind: string;
  due: string;
  sentAt: Date;
}

export interface DigestRunRow {
  id: number;
  channelKey: string;
  week: string;
  status: string;
  scheduledFor: Date;
  coveredUntil: Date;
  outboxKey: string | null;
  items: unknown;
  dinSlug: string | null;
  createdAt: Date;
}
