/** Prisma implementation of the channel and person settings of SessionTx (duidbot.yaml + admin commands). */
import type { Prisma } from "@prisma/client";
import type { ChannelScope, ChannelAudience, Perspective, Role } from "../domain/sessionRules.ts";
import type { Lang } from "../domain/format.ts";
import type { ChannelSettings, PersonSettings, SaveStatus, SessionTx, SettingSource } from "../app/sessions/ports.ts";
import { asJson } from "./json.ts";

type Tx = Prisma.TransactionClient;
type Meta = { source: SettingSource; by?: string; configHash?: string };

/** A Channel row as settings (shared with the memory store, src/store/memory/memoryChannelStore.ts). */
export function toChannel(row: {
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
}): ChannelSettings {
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
    ...(row.digestSchedule !== null ? { digest: row.digestSchedule } : {}),
    ...(row.digestSendEmpty !== null ? { digestSendEmpty: row.digestSendEmpty } : {}),
  };
}

export function toPerson(row: { key: string; name: string; roles: unknown; perspective: string | null }): PersonSettings {
  return {
    key: row.key,
    name: row.name,
    roles: (row.roles as Role[]) ?? [],
    ...(row.perspective ? { perspective: row.perspective as Perspective } : {}),
  };
}

/** Settings compare as canonical JSON (sorted keys, no undefined), so "unchanged" really means nothing changed. */
export function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function channelTx(
  tx: Tx,
): Pick<SessionTx, "channel" | "channels" | "saveChannel" | "restrictToGuests" | "person" | "savePerson" | "deletePerson" | "configHash" | "settingsOverview"> {
  return {
    async channel(key) {
      const row = await tx.channel.findUnique({ where: { key } });
      return row ? toChannel(row) : undefined;
    },
    async channels() {
      return (await tx.channel.findMany({ orderBy: { id: "asc" } })).map(toChannel);
    },
    async settingsOverview() {
      const channels = await tx.channel.findMany({ orderBy: { id: "asc" } });
      const people = await tx.person.findMany({ orderBy: { id: "asc" } });
      return {
        channels: channels.map((row) => ({ ...toChannel(row), source: row.source as SettingSource })),
        people: people.map((row) => ({ ...toPerson(row), source: row.source as SettingSource })),
      };
    },
    async saveChannel(settings: ChannelSettings, meta: Meta): Promise<SaveStatus> {
      const existing = await tx.channel.findUnique({ where: { key: settings.key } });
      const data = {
        name: settings.name,
        audience: settings.audience,
        scope: asJson(settings.scope),
        autoStart: settings.autoStart,
        perspective: settings.perspective ?? null,
        lang: settings.lang,
        advanceAfterDays: settings.advanceAfterDays ?? null,
        digestSchedule: settings.digest ?? null,
        digestSendEmpty: settings.digestSendEmpty ?? null,
        source: meta.source,
        // A chat change keeps the last applied file hash: the file overrides it only when its entry changes.
        configHash: meta.configHash ?? existing?.configHash ?? null,
        updatedBy: meta.by ?? null,
      };
      if (!existing) {
        await tx.channel.create({ data: { key: settings.key, ...data } });
        return "created";
      }
      const unchanged = same(toChannel(existing), settings) && existing.configHash === data.configHash;
      if (unchanged) return "unchanged";
      await tx.channel.update({ where: { key: settings.key }, data });
      return "updated";
    },
    async restrictToGuests(channelKey, at) {
      const threads = await tx.sessionThread.updateMany({ where: { channelKey, audience: { not: "gast" } }, data: { audience: "gast" } });
      // Never claimed rows and rows whose lease ran out; a row being sent right now cannot be recalled.
      const withdrawn = await tx.outboxMessage.updateMany({
        where: { channelKey, status: "pending", OR: [{ claimedUntil: null }, { claimedUntil: { lt: at } }] },
        data: { status: "failed", lastError: "kanaal is gastkanaal geworden / channel became a guest channel" },
      });
      return { threads: threads.count, withdrawn: withdrawn.count };
    },
    async configHash(kind, key) {
      const row =
        kind === "channel"
          ? await tx.channel.findUnique({ where: { key }, select: { configHash: true } })
          : await tx.person.findUnique({ where: { key }, select: { configHash: true } });
      return row?.configHash ?? undefined;
    },
    async person(key) {
      const row = await tx.person.findUnique({ where: { key } });
      return row ? toPerson(row) : undefined;
    },
    async savePerson(settings: PersonSettings, meta: Meta): Promise<SaveStatus> {
      const existing = await tx.person.findUnique({ where: { key: settings.key } });
      const data = {
        name: settings.name,
        roles: asJson([...new Set(settings.roles)].sort()),
        perspective: settings.perspective ?? null,
        source: meta.source,
        configHash: meta.configHash ?? existing?.configHash ?? null,
        updatedBy: meta.by ?? null,
      };
      if (!existing) {
        await tx.person.create({ data: { key: settings.key, ...data } });
        return "created";
      }
      const next = { ...settings, roles: [...new Set(settings.roles)].sort() };
      if (same(toPerson(existing), next) && existing.configHash === data.configHash) return "unchanged";
      await tx.person.update({ where: { key: settings.key }, data });
      return "updated";
    },
    async deletePerson(key) {
      return (await tx.person.deleteMany({ where: { key } })).count > 0;
    },
  };
}
