/** In-memory twin of src/store/guestLinkStore.ts: the guest links of sessions, the public id unique. */
import type { GuestLinkTx } from "../../app/sessions/guestLinkTypes.ts";
import { toGuestLink } from "../guestLinkStore.ts";
import { MemoryConstraintError, must, type MemoryDb } from "./memoryDb.ts";

export function memoryGuestLinkTx(db: MemoryDb): GuestLinkTx {
  const row = (id: number) => must(db.t.guestLinks.find((l) => l.id === id), "GuestLink", `id ${id}`);
  return {
    async addGuestLink(link) {
      const id = db.nextId("guestLinks");
      must(db.t.sessions.find((s) => s.id === link.sessionId), "DuidingSession", `id ${link.sessionId}`);
      if (db.t.guestLinks.some((l) => l.publicId === link.publicId)) throw new MemoryConstraintError("GuestLink", `publicId ${link.publicId} exists / bestaat al`);
      db.t.guestLinks.push({
        id,
        publicId: link.publicId,
        sessionId: link.sessionId,
        channelKey: link.channel,
        tokenHash: link.tokenHash,
        label: link.label ?? null,
        createdBy: link.createdBy,
        createdAt: new Date(link.createdAt),
        expiresAt: new Date(link.expiresAt),
        lastUsedAt: null,
        revokedAt: null,
        revokedBy: null,
      });
      return id;
    },

    async guestLinkByPublicId(publicId) {
      const found = db.t.guestLinks.find((l) => l.publicId === publicId);
      return found ? toGuestLink(found) : undefined;
    },

    async guestLinks(sessionId) {
      return db.t.guestLinks.filter((l) => sessionId === undefined || l.sessionId === sessionId).sort((a, b) => a.id - b.id).map(toGuestLink);
    },

    async touchGuestLink(id, at) {
      row(id).lastUsedAt = new Date(at);
    },

    async revokeGuestLink(id, revocation) {
      // Like updateMany: an unknown id changes nothing.
      const link = db.t.guestLinks.find((l) => l.id === id);
      if (!link || link.revokedAt) return false;
      link.revokedAt = new Date(revocation.at);
      link.revokedBy = revocation.by;
      return true;
    },
  };
}
