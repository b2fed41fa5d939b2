/** In-memory twin of src/store/dinStore.ts: DIN versions and the indicators across them. */
import type { DinDefinition, Indicator } from "../../domain/din.ts";
import type { DinSaveResult, DinState, DinStore } from "../../app/ports.ts";
import { slugify } from "../../domain/slug.ts";
import { json, type MemoryDb } from "./memoryDb.ts";

export class MemoryDinStore implements DinStore {
  private readonly db: MemoryDb;
  constructor(db: MemoryDb) {
    this.db = db;
  }

  listDinSlugs(): Promise<string[]> {
    return this.db.read((t) => t.dins.map((d) => d.slug).sort());
  }

  loadDin(slug?: string): Promise<DinState | undefined> {
    return this.db.read((t) => {
      const din = slug ? t.dins.find((d) => d.slug === slug) : [...t.dins].sort((a, b) => a.id - b.id)[0];
      if (!din) return undefined;
      const versions = t.dinVersions.filter((v) => v.dinId === din.id).sort((a, b) => a.year - b.year);
      const newest = versions.at(-1);
      if (!newest) return undefined;
      const latest = newest.definition as DinDefinition;
      const current = new Set(latest.indicators.map((i) => i.id));
      return {
        slug: din.slug,
        latest,
        versions: versions.map((v) => ({ year: v.year, fileName: v.fileName, importedAt: v.importedAt })),
        indicators: t.indicators
          .filter((i) => i.dinId === din.id)
          .sort((a, b) => a.id - b.id)
          .map((i) => ({ indicator: i.definition as Indicator, firstYear: i.firstYear, lastYear: i.lastYear, retired: !current.has(i.slug) })),
      };
    });
  }

  saveDinVersion(definition: DinDefinition, meta: { fileName: string; contentHash: string }): Promise<DinSaveResult> {
    const slug = slugify(definition.municipality);
    const year = definition.year;
    return this.db.write((t) => {
      let din = t.dins.find((d) => d.slug === slug);
      if (!din) {
        // The database's now(), as the Prisma default: not the injected clock.
        din = { id: this.db.nextId("dins"), slug, name: definition.municipality, createdAt: new Date() };
        t.dins.push(din);
      }
      const dinId = din.id;
      const existing = t.dinVersions.find((v) => v.dinId === dinId && v.year === year);
      if (existing && existing.contentHash === meta.contentHash) {
        return { status: "unchanged", year, slug, added: [], retired: [] } satisfies DinSaveResult;
      }
      const previous = t.dinVersions.filter((v) => v.dinId === dinId && v.year < year).sort((a, b) => b.year - a.year)[0];
      const data = { mission: definition.mission, definition: json(definition), contentHash: meta.contentHash, fileName: meta.fileName };
      if (existing) Object.assign(existing, data);
      else t.dinVersions.push({ id: this.db.nextId("dinVersions"), dinId, year, importedAt: new Date(), ...data });

      const rows = new Map(t.indicators.filter((r) => r.dinId === dinId).map((r) => [r.slug, r]));
      for (const i of definition.indicators.filter((x) => !rows.has(x.id))) {
        t.indicators.push({ id: this.db.nextId("indicators"), dinId, slug: i.id, name: i.name, definition: json(i), firstYear: year, lastYear: year });
      }
      for (const indicator of definition.indicators) {
        const row = rows.get(indicator.id);
        if (!row) continue;
        if (year >= row.lastYear) {
          // The newest version's definition wins; importing an older year never overwrites it.
          Object.assign(row, { name: indicator.name, definition: json(indicator), lastYear: year, firstYear: Math.min(row.firstYear, year) });
        } else if (year < row.firstYear) {
          row.firstYear = year;
        }
      }
      const ids = new Set(definition.indicators.map((i) => i.id));
      const before = previous ? new Set((previous.definition as DinDefinition).indicators.map((i) => i.id)) : undefined;
      return {
        status: existing ? "updated" : "created",
        year,
        slug,
        added: before ? [...ids].filter((id) => !before.has(id)) : [],
        retired: before ? [...before].filter((id) => !ids.has(id)) : [],
      } satisfies DinSaveResult;
    });
  }
}
