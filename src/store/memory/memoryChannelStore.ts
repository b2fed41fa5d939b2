/**
 * In-memory twin of src/store/channelStore.ts: channel and person settings, and a channel turning guest.
 * Rows become settings, and are compared, by that file's own functions: the two cannot drift apart there.
 */
import type { ChannelSettings, PersonSettings, SaveStatus, SessionTx, SettingSource } from "../../app/sessions/ports.ts";
import { same, toChannel, toPerson } from "../channelStore.ts";
import { json, type MemoryDb } from "./memoryDb.ts";

type Meta = { source: SettingSource; by?: string; configHash?: string };

export function memoryChannelTx(
  db: MemoryDb,
): Pick<SessionTx, "channel" | "channels" | "saveChannel" | "restrictToGuests" | "person" | "savePerson" | "deletePerson" | "configHash" | "settingsOverview"> {
  const channelRow = (key: string) => db.t.channels.find((c) => c.key === key);
  const personRow = (key: string) => db.t.persons.find((p) => p.key === key);
  return {
    async channel(key) {
      const row = channelRow(key);
      return row ? toChannel(row) : undefined;
    },
    async channels() {
      return [...db.t.channels].sort((a, b) => a.id - b.id).map(toChannel);
    },
    async settingsOverview() {
      return {
        channels: [...db.t.channels].sort((a, b) => a.id - b.id).map((row) => ({ ...toChannel(row), source: row.source as SettingSource })),
        people: [...db.t.persons].sort((a, b) => a.id - b.id).map((row) => ({ ...toPerson(row), source: row.source as SettingSource })),
      };
    },
    async saveChannel(settings: ChannelSettings, meta: Meta): Promise<SaveStatus> {
      const existing = channelRow(settings.key);
      const data = {
        name: settings.name,
        audience: settings.audience,
        scope: json(settings.scope),
        autoStart: settings.autoStart,
        perspective: settings.perspective ?? null,
        lang: settings.lang,
        advanceAfterDays: settings.advanceAfterDays ?? null,
        digestSchedule: settings.digest ?? null,
        digestSendEmpty: settings.digestSendEmpty ?? null,
        source: meta.source,
        configHash: meta.configHash ?? existing?.configHash ?? null,
        updatedBy: meta.by ?? null,
      };
      if (!existing) {
        db.t.channels.push({ id: db.nextId("channels"), key: settings.key, ...data });
        return "created";
      }
      if (same(toChannel(existing), settings) && existing.configHash === data.configHash) return "unchanged";
      Object.assign(existing, data);
      return "updated";
    },
    async restrictToGuests(channelKey, at) {
      const threads = db.t.threads.filter((t) => t.channelKey === channelKey && t.audience !== "gast");
      for (const t of threads) t.audience = "gast";
      // Never claimed rows and rows whose lease ran out; a row being sent right now cannot be recalled.
      const rows = db.t.outbox.filter(
        (o) => o.channelKey === channelKey && o.status === "pending" && (o.claimedUntil === null || o.claimedUntil < at),
      );
      for (const o of rows) {
        o.status = "failed";
        o.lastError = "kanaal is gastkanaal geworden / channel became a guest channel";
      }
      return { threads: threads.length, withdrawn: rows.length };
    },
    async configHash(kind, key) {
      return (kind === "channel" ? channelRow(key) : personRow(key))?.configHash ?? undefined;
    },
    async person(key) {
      const row = personRow(key);
      return row ? toPerson(row) : undefined;
    },
    async savePerson(settings: PersonSettings, meta: Meta): Promise<SaveStatus> {
      const existing = personRow(settings.key);
      const roles = [...new Set(settings.roles)].sort();
      const data = {
        name: settings.name,
        roles: json(roles),
        perspective: settings.perspective ?? null,
        source: meta.source,
        configHash: meta.configHash ?? existing?.configHash ?? null,
        updatedBy: meta.by ?? null,
      };
      if (!existing) {
        db.t.persons.push({ id: db.nextId("persons"), key: settings.key, ...data });
        return "created";
      }
      if (same(toPerson(existing), { ...settings, roles }) && existing.configHash === data.configHash) return "unchanged";
      Object.assign(existing, data);
      return "updated";
    },
    async deletePerson(key) {
      const before = db.t.persons.length;
      db.t.persons = db.t.persons.filter((p) => p.key !== key);
      return db.t.persons.length < before;
    },
  };
}
