/** Prisma implementation of the DinStore port: DIN versions and the indicators across them. */
import type { PrismaClient } from "@prisma/client";
import type { DinDefinition, Indicator } from "../domain/din.ts";
import type { DinSaveResult, DinState, DinStore } from "../app/ports.ts";
import { slugify } from "../domain/slug.ts";
import { asJson } from "./json.ts";

/** A DIN of thousands of indicators (the benchmark) takes longer than Prisma's 5 s default. */
const DIN_TIMEOUT_MS = 5 * 60_000;

export class PrismaDinStore implements DinStore {
  private readonly prisma: PrismaClient;
  constructor(prisma: PrismaClient) {
    this.prisma = prisma;
  }

  async listDinSlugs(): Promise<string[]> {
    return (await this.prisma.din.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((d) => d.slug);
  }

  async loadDin(slug?: string): Promise<DinState | undefined> {
    const din = slug
      ? await this.prisma.din.findUnique({ where: { slug } })
      : await this.prisma.din.findFirst({ orderBy: { id: "asc" } });
    if (!din) return undefined;
    const versions = await this.prisma.dinVersion.findMany({ where: { dinId: din.id }, orderBy: { year: "asc" } });
    const newest = versions.at(-1);
    if (!newest) return undefined;
    const indicators = await this.prisma.indicator.findMany({ where: { dinId: din.id }, orderBy: { id: "asc" } });
    const latest = newest.definition as unknown as DinDefinition;
    const current = new Set(latest.indicators.map((i) => i.id));
    return {
      slug: din.slug,
      latest,
      versions: versions.map((v) => ({ year: v.year, fileName: v.fileName, importedAt: v.importedAt })),
      indicators: indicators.map((i) => ({
        indicator: i.definition as unknown as Indicator,
        firstYear: i.firstYear,
        lastYear: i.lastYear,
        retired: !current.has(i.slug),
      })),
    };
  }

  async saveDinVersion(definition: DinDefinition, meta: { fileName: string; contentHash: string }): Promise<DinSaveResult> {
    const slug = slugify(definition.municipality);
    const year = definition.year;
    return this.prisma.$transaction(async (tx) => {
      const din = await tx.din.upsert({ where: { slug }, create: { slug, name: definition.municipality }, update: {} });
      const existing = await tx.dinVersion.findUnique({ where: { dinId_year: { dinId: din.id, year } } });
      if (existing && existing.contentHash === meta.contentHash) {
        return { status: "unchanged", year, slug, added: [], retired: [] } satisfies DinSaveResult;
      }
      const previous = await tx.dinVersion.findFirst({
        where: { dinId: din.id, year: { lt: year } },
        orderBy: { year: "desc" },
      });
      const data = { mission: definition.mission, definition: asJson(definition), contentHash: meta.contentHash, fileName: meta.fileName };
      if (existing) await tx.dinVersion.update({ where: { id: existing.id }, data });
      else await tx.dinVersion.create({ data: { ...data, dinId: din.id, year } });

      const rows = new Map(
        (await tx.indicator.findMany({ where: { dinId: din.id } })).map((r) => [r.slug, r]),
      );
      const fresh = definition.indicators.filter((i) => !rows.has(i.id));
      await tx.indicator.createMany({
        data: fresh.map((i) => ({ dinId: din.id, slug: i.id, name: i.name, definition: asJson(i), firstYear: year, lastYear: year })),
      });
      for (const indicator of definition.indicators) {
        const row = rows.get(indicator.id);
        if (!row) continue;
        if (year >= row.lastYear) {
          // The newest version's definition wins; importing an older year never overwrites it.
          await tx.indicator.update({
            where: { id: row.id },
            data: { name: indicator.name, definition: asJson(indicator), lastYear: year, firstYear: Math.min(row.firstYear, year) },
          });
        } else if (year < row.firstYear) {
          await tx.indicator.update({ where: { id: row.id }, data: { firstYear: year } });
        }
      }
      const ids = new Set(definition.indicators.map((i) => i.id));
      const before = previous ? new Set((previous.definition as unknown as DinDefinition).indicators.map((i) => i.id)) : undefined;
      return {
        status: existing ? "updated" : "created",
        year,
        slug,
        added: before ? [...ids].filter((id) => !before.has(id)) : [],
        retired: before ? [...before].filter((id) => !ids.has(id)) : [],
      } satisfies DinSaveResult;
    }, { timeout: DIN_TIMEOUT_MS, maxWait: DIN_TIMEOUT_MS });
  }
}
