/**
 * Guest links (issue #19): an invitation to one session's web guest thread for people without a Slack or
 * Teams account. Only the SHA-256 of the link's secret is stored; the public id names the link (and its
 * channel "web:gast:<publicId>") so that it can be found and revoked without the secret.
 */
import type { Perspective } from "../../domain/sessionRules.ts";

export interface GuestLinkRecord {
  id: number;
  publicId: string;
  sessionId: number;
  /** "web:gast:<publicId>": the guest thread's channel, audience gast. */
  channel: string;
  /** SHA-256 (hex) of the secret half of the link. */
  tokenHash: string;
  /** The perspective guests on this link contribute from. */
  label?: Perspective;
  /** Person key of the facilitator who made it. */
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt?: Date;
  revokedAt?: Date;
  revokedBy?: string;
}

export type NewGuestLink = Omit<GuestLinkRecord, "id" | "lastUsedAt" | "revokedAt" | "revokedBy">;

/** Guest links in the session transaction (src/store/guestLinkStore.ts, src/store/memory/memoryGuestLinkStore.ts). */
export interface GuestLinkTx {
  /** Stores a new link; the public id is unique (a clash throws, as the database's unique key does). */
  addGuestLink(link: NewGuestLink): Promise<number>;
  guestLinkByPublicId(publicId: string): Promise<GuestLinkRecord | undefined>;
  /** A session's links, oldest first; without a session, every link (the admins' `/kanalen`). */
  guestLinks(sessionId?: number): Promise<GuestLinkRecord[]>;
  /** Records that the link was used (opened or contributed through). */
  touchGuestLink(id: number, at: Date): Promise<void>;
  /** Revokes the link; false when it was revoked before (the first revocation is kept). */
  revokeGuestLink(id: number, revocation: { at: Date; by: string }): Promise<boolean>;
}
