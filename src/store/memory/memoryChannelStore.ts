/** In-memory twin of src/store/channelStore.ts: channel and person settings, and a channel turning guest. */
import type { ChannelScope, ChannelAudience, Perspective, Role } from "../../domain/sessionRules.ts";
import type { Lang } from "../../domain/format.ts";
import type { ChannelSettings, PersonSettings, SaveStatus, SessionTx, SettingSource } from "../../app/sessions/ports.ts";
import { json, type MemoryDb } from "./memoryDb.ts";
import type { ChannelRow, PersonRow } from "./memoryRows.ts";

type Meta = { source: SettingSource; by?: string; configHash?: string };

function toChannel(row: ChannelRow): ChannelSettings {
  const scope = row.scope as Partial<ChannelScope>;
  return {
    key: row.key,
    name: row.name,
    audience: row.audience as ChannelAudience,
    scope: { opgaven: scope.opgaven ?? [], doelen: scope.doelen ?? [], indicators: scope.indicators ?? [] },
    autoStart: row.autoStart,
    ...(row.perspective ? { perspective: row.perspective as Perspective } : {}),
    lang: row.lang as Lang,
    ...(row.advanceAfterDays !== null ? { advanceAfterDays: row.advanceAfterDays } : {}),
  };
}

function toPerson(row: PersonRow): PersonSettings {
  return {
    key: row.key,
    name: row.name,
    roles: (row.roles as Role[]) ?? [],
    ...(row.perspective ? { perspective: row.perspective as Perspective } : {}),
  };
}

/** The same comparison as channelStore.ts: canonical JSON, so "unchanged" really means nothing changed. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

export function memoryChannelTx(
  db: MemoryDb,
): Pick<SessionTx, "channel" | "channels" | "saveChannel" | "restrictToGuests" | "person" | "savePerson" | "deletePerson" | "configHash"> {
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
