/** Prisma implementation of the guest-link part of SessionTx (invitations to a session's web guest thread). */
import type { Prisma } from "@prisma/client";
import type { Perspective } from "../domain/sessionRules.ts";
import type { GuestLinkRecord, GuestLinkTx } from "../app/sessions/guestLinkTypes.ts";

type Tx = Prisma.TransactionClient;

/** A GuestLink row as a record (shared with the memory store). */
export function toGuestLink(row: Prisma.GuestLinkGetPayload<object>): GuestLinkRecord {
  return {
    id: row.id,
    publicId: row.publicId,
    sessionId: row.sessionId,
    channel: row.channelKey,
    tokenHash: row.tokenHash,
    ...(row.label !== null ? { label: row.label as Perspective } : {}),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    ...(row.lastUsedAt ? { lastUsedAt: row.lastUsedAt } : {}),
    ...(row.revokedAt ? { revokedAt: row.revokedAt } : {}),
    ...(row.revokedBy !== null ? { revokedBy: row.revokedBy } : {}),
  };
}

export function guestLinkTx(tx: Tx): GuestLinkTx {
  return {
    async addGuestLink(link) {
      const row = await tx.guestLink.create({
        data: {
          publicId: link.publicId,
          sessionId: link.sessionId,
          channelKey: link.channel,
          tokenHash: link.tokenHash,
          label: link.label ?? null,
          createdBy: link.createdBy,
          createdAt: link.createdAt,
          expiresAt: link.expiresAt,
        },
        select: { id: true },
      });
      return row.id;
    },

    async guestLinkByPublicId(publicId) {
      const row = await tx.guestLink.findUnique({ where: { publicId } });
      return row ? toGuestLink(row) : undefined;
    },

    async guestLinks(sessionId) {
      return (await tx.guestLink.findMany({ where: sessionId === undefined ? {} : { sessionId }, orderBy: { id: "asc" } })).map(toGuestLink);
    },

    async touchGuestLink(id, at) {
      await tx.guestLink.update({ where: { id }, data: { lastUsedAt: at }, select: { id: true } });
    },

    async revokeGuestLink(id, revocation) {
      const { count } = await tx.guestLink.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: revocation.at, revokedBy: revocation.by } });
      return count === 1;
    },
  };
}
