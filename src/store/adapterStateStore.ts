/** The AdapterState table (src/app/adapterState.ts says what it holds) on PGlite and PostgreSQL. */
import type { PrismaClient } from "@prisma/client";
import type { AdapterStateStore } from "../app/adapterState.ts";

export class PrismaAdapterStateStore implements AdapterStateStore {
  private readonly prisma: PrismaClient;
  constructor(prisma: PrismaClient) {
    this.prisma = prisma;
  }

  async list(platform: string, prefix: string): Promise<Map<string, string>> {
    const rows = await this.prisma.adapterState.findMany({ where: { platform, key: { startsWith: prefix } }, orderBy: { key: "asc" } });
    return new Map(rows.map((r) => [r.key, r.value]));
  }

  async set(platform: string, key: string, value: string, at: Date): Promise<void> {
    await this.prisma.adapterState.upsert({ where: { platform_key: { platform, key } }, create: { platform, key, value, updatedAt: at }, update: { value, updatedAt: at } });
  }

  async setIfAbsent(platform: string, key: string, value: string, at: Date): Promise<string> {
    // ON CONFLICT DO NOTHING, then read: whoever inserted first wins, on every connection.
    await this.prisma.adapterState.createMany({ data: [{ platform, key, value, updatedAt: at }], skipDuplicates: true });
    const row = await this.prisma.adapterState.findUniqueOrThrow({ where: { platform_key: { platform, key } } });
    return row.value;
  }
}
