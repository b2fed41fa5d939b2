/**
 * In-memory twin of src/store/measurementStore.ts and measurementImportWrite.ts: values with history,
 * imports in turn (one at a time here anyway), and the detected changes.
 */
import type { ChangeRecord } from "../../domain/changeRecord.ts";
import type { ContextValue, CurrentMeasurement, CurrentValue, MeasurementPlan, MeasurementStore } from "../../app/ports.ts";
import { planCounts } from "../../app/measurements/planImport.ts";
import type { MemoryDb, Tables } from "./memoryDb.ts";
import type { MeasurementRow } from "./memoryRows.ts";

/** The indicators of a DIN by slug (empty when there is no such DIN). */
function indicatorsOf(t: Tables, dinSlug: string): Map<string, number> {
  const din = t.dins.find((d) => d.slug === dinSlug);
  return new Map(t.indicators.filter((i) => i.dinId === din?.id).map((i) => [i.slug, i.id]));
}

function slugOf(t: Tables): (indicatorId: number) => string {
  const slugs = new Map(t.indicators.map((i) => [i.id, i.slug]));
  return (id) => slugs.get(id)!;
}

function current(t: Tables, dinSlug: string, indicatorIds?: readonly string[]): MeasurementRow[] {
  const ids = indicatorsOf(t, dinSlug);
  const wanted = new Set((indicatorIds ?? [...ids.keys()]).flatMap((slug) => (ids.has(slug) ? [ids.get(slug)!] : [])));
  return t.measurements.filter((m) => m.supersededAt === null && wanted.has(m.indicatorId));
}

function isTotal(m: MeasurementRow): boolean {
  return m.area === "" && m.dimension === "";
}

function writePlan(db: MemoryDb, t: Tables, dinId: number, plan: MeasurementPlan): number {
  const keys = new Map(t.indicators.filter((i) => i.dinId === dinId).map((i) => [i.slug, i.id]));
  const keyOf = (slug: string): number => {
    const id = keys.get(slug);
    if (id === undefined) throw new Error(`indicator ${slug} bestaat niet / does not exist`);
    return id;
  };
  const now = new Date(plan.recordedAt);
  const importId = db.nextId("imports");
  t.imports.push({ id: importId, dinId, via: plan.via, fileName: plan.fileName, contentHash: plan.contentHash, ...planCounts(plan), unchangedCount: plan.unchangedCount, createdAt: now });
  // Corrections: the current value becomes history before its successor is inserted.
  for (const row of plan.rows.filter((r) => r.correction)) {
    const id = keyOf(row.indicatorId);
    const [area, dimension, category] = [row.area ?? "", row.dimension ?? "", row.category ?? ""];
    for (const m of t.measurements) {
      const same = m.indicatorId === id && m.period === row.period && m.area === area && m.dimension === dimension && m.category === category;
      if (same && m.supersededAt === null) m.supersededAt = now;
    }
  }
  for (const r of plan.rows) {
    const record = r.change;
    t.measurements.push({
      id: db.nextId("measurements"),
      indicatorId: keyOf(r.indicatorId),
      period: r.period,
      periodStart: new Date(r.periodStart),
      value: r.value,
      source: r.source ?? null,
      note: r.note ?? null,
      origin: r.origin,
      importId,
      recordedAt: now,
      supersededAt: null,
      figureChanged: record !== undefined,
      correctedFrom: record?.correctedFrom ?? r.correctedFrom ?? null,
      previousPeriod: record?.previous?.period ?? null,
      previousValue: record?.previous?.value ?? null,
      yearEarlierValue: record?.yearEarlierValue ?? null,
      area: r.area ?? "",
      dimension: r.dimension ?? "",
      category: r.category ?? "",
    });
  }
  return importId;
}

export class MemoryMeasurementStore implements MeasurementStore {
  private readonly db: MemoryDb;
  constructor(db: MemoryDb) {
    this.db = db;
  }

  isEmpty(): Promise<boolean> {
    return this.db.read((t) => t.dins.length === 0);
  }

  currentValues(dinSlug: string, indicatorIds: readonly string[]): Promise<CurrentValue[]> {
    return this.db.read((t) => {
      const slug = slugOf(t);
      return current(t, dinSlug, indicatorIds)
        .filter(isTotal)
        .map((m) => ({ indicatorId: slug(m.indicatorId), period: m.period, value: m.value }));
    });
  }

  contextValues(dinSlug: string, indicatorIds: readonly string[]): Promise<ContextValue[]> {
    return this.db.read((t) => {
      const slug = slugOf(t);
      return current(t, dinSlug, indicatorIds)
        .filter((m) => !isTotal(m))
        .sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime() || a.id - b.id)
        .map((m) => ({
          indicatorId: slug(m.indicatorId),
          period: m.period,
          value: m.value,
          ...(m.area ? { area: m.area } : {}),
          ...(m.dimension ? { dimension: m.dimension, category: m.category } : {}),
        }));
    });
  }

  latestPeriods(dinSlug: string): Promise<Map<string, string>> {
    return this.db.read((t) => {
      const slug = slugOf(t);
      // Ascending periodStart: the last write per indicator is its newest period (ties: table order, as the database's sort may give).
      const rows = current(t, dinSlug).filter(isTotal).sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime());
      return new Map(rows.map((m) => [slug(m.indicatorId), m.period]));
    });
  }

  importInTurn(
    dinSlug: string,
    indicatorIds: readonly string[],
    plan: (current: CurrentMeasurement[]) => MeasurementPlan,
  ): Promise<{ plan: MeasurementPlan; importId?: number }> {
    return this.db.write((t) => {
      const din = t.dins.find((d) => d.slug === dinSlug);
      if (!din) throw new Error(`DIN ${dinSlug} bestaat niet / does not exist`);
      const slug = slugOf(t);
      const decided = plan(
        current(t, dinSlug, indicatorIds).map((m) => ({
          indicatorId: slug(m.indicatorId),
          period: m.period,
          value: m.value,
          ...(m.source !== null ? { source: m.source } : {}),
          ...(m.note !== null ? { note: m.note } : {}),
          ...(m.area ? { area: m.area } : {}),
          ...(m.dimension ? { dimension: m.dimension, category: m.category } : {}),
        })),
      );
      if (decided.rows.length === 0) return { plan: decided };
      return { plan: decided, importId: writePlan(this.db, t, din.id, decided) };
    });
  }

  changesSince(dinSlug: string, since: Date | undefined, options: { newsOnly?: boolean } = {}): Promise<ChangeRecord[]> {
    return this.db.read((t) => {
      const ids = new Set(indicatorsOf(t, dinSlug).values());
      const slug = slugOf(t);
      let rows = t.measurements.filter((m) => m.figureChanged && ids.has(m.indicatorId) && (!since || m.recordedAt >= since));
      if (options.newsOnly) {
        // As NEWS_SQL (src/store/changeQueries.ts): every correction, and per indicator the new value of its
        // newest period (latest start; the first detected on a tie).
        const newest = new Map<number, MeasurementRow>();
        for (const m of rows) {
          if (m.correctedFrom !== null) continue;
          const best = newest.get(m.indicatorId);
          const later = !best || m.periodStart > best.periodStart || (m.periodStart.getTime() === best.periodStart.getTime() && m.id < best.id);
          if (later) newest.set(m.indicatorId, m);
        }
        rows = rows.filter((m) => m.correctedFrom !== null || newest.get(m.indicatorId) === m);
      }
      return rows.sort((a, b) => a.id - b.id).map((m) => toRecord(m, slug(m.indicatorId)));
    });
  }

  history(dinSlug: string, indicatorId: string) {
    return this.db.read((t) => {
      const id = indicatorsOf(t, dinSlug).get(indicatorId);
      return t.measurements
        .filter((m) => m.indicatorId === id && isTotal(m))
        .sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime() || a.id - b.id)
        .map((m) => ({
          indicatorId,
          period: m.period,
          value: m.value,
          recordedAt: m.recordedAt,
          origin: m.origin,
          ...(m.supersededAt ? { supersededAt: m.supersededAt } : {}),
          ...(m.source ? { source: m.source } : {}),
          ...(m.note ? { note: m.note } : {}),
        }));
    });
  }
}

/** A changed figure's row as the record the Prisma store reads (changeQueries.ts toChangeRecord). */
export function toRecord(m: MeasurementRow, indicatorId: string): ChangeRecord {
  return {
    indicatorId,
    period: m.period,
    value: m.value,
    ...(m.correctedFrom !== null ? { correctedFrom: m.correctedFrom } : {}),
    ...(m.previousPeriod !== null && m.previousValue !== null ? { previous: { period: m.previousPeriod, value: m.previousValue } } : {}),
    ...(m.yearEarlierValue !== null ? { yearEarlierValue: m.yearEarlierValue } : {}),
  };
}
