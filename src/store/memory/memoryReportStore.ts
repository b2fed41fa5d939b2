/**
 * In-memory twin of src/store/reportStore.ts: DIN versions, adopted conclusion versions with perspective
 * counts (never names), and published editions, inserted once and never replaced.
 */
import { storedActionStatus } from "../../domain/actionStatus.ts";
import type { EditionKey, EditionSummary, ReportStore, StoredEdition } from "../../app/report/ports.ts";
import type { DinDefinition } from "../../domain/din.ts";
import type { Lang } from "../../domain/format.ts";
import type { ReportAction, ReportModel } from "../../domain/report/model.ts";
import type { SessionForReport } from "../../domain/report/editions.ts";
import type { Perspective } from "../../domain/sessionRules.ts";
import { json, type MemoryDb } from "./memoryDb.ts";
import type { ReportEditionRow } from "./memoryRows.ts";

function toSummary(row: ReportEditionRow): EditionSummary {
  return { dinSlug: row.dinSlug, edition: row.edition, lang: row.lang as Lang, public: row.public, contentHash: row.contentHash, publishedAt: row.publishedAt };
}

const sameKey = (row: ReportEditionRow, key: EditionKey) => row.dinSlug === key.dinSlug && row.edition === key.edition && row.lang === key.lang && row.public === key.public;

export class MemoryReportStore implements ReportStore {
  private readonly db: MemoryDb;
  constructor(db: MemoryDb) {
    this.db = db;
  }

  dinVersions(dinSlug: string) {
    return this.db.read((t) => {
      const din = t.dins.find((d) => d.slug === dinSlug);
      return t.dinVersions
        .filter((v) => v.dinId === din?.id)
        .sort((a, b) => a.year - b.year)
        .map((v) => ({ year: v.year, definition: json(v.definition) as DinDefinition }));
    });
  }

  sessionsForReport(dinSlug: string): Promise<SessionForReport[]> {
    return this.db.read((t) => {
      const out: SessionForReport[] = [];
      for (const s of [...t.sessions].sort((a, b) => a.id - b.id)) {
        if (s.dinSlug !== dinSlug) continue;
        const conclusion = t.conclusions.find((c) => c.sessionId === s.id);
        const revisions = t.conclusionRevisions.filter((r) => r.conclusionId === conclusion?.id).sort((a, b) => a.version - b.version);
        if (!revisions.some((r) => r.adoptedAt !== null)) continue;
        const counts = new Map<string, number>();
        for (const c of t.contributions) if (c.sessionId === s.id && c.withdrawnAt === null) counts.set(c.perspective, (counts.get(c.perspective) ?? 0) + 1);
        out.push({
          sessionId: s.id,
          title: s.title,
          subject: { kind: s.subjectKind as "indicator" | "doel", id: s.subjectId },
          indicators: t.sessionIndicators
            .filter((i) => i.sessionId === s.id)
            .sort((a, b) => a.id - b.id)
            .map((i) => ({ indicatorId: t.indicators.find((x) => x.id === i.indicatorId)!.slug, period: i.period })),
          revisions: revisions.map((r) => {
            // The adopter's role as the report shows it: their perspective (a name never leaves the store).
            const perspective = r.adoptedByKey ? (t.persons.find((p) => p.key === r.adoptedByKey)?.perspective as Perspective | null | undefined) : undefined;
            return {
              version: r.version,
              texts: { herkennen: r.herkennen, verklaren: r.verklaren, waarderen: r.waarderen, verbeteren: r.verbeteren, overall: r.overall },
              actions: json(r.actions) as ReportAction[],
              ...(r.adoptedAt ? { adoptedAt: r.adoptedAt } : {}),
              ...(perspective ? { adopterPerspective: perspective } : {}),
            };
          }),
          // Ordered by perspective, as the SQL groupBy orders them.
          perspectives: [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([perspective, count]) => ({ perspective: perspective as Perspective, count })),
          actionStatuses: t.actions.filter((a) => a.sessionId === s.id).sort((a, b) => a.position - b.position).map((a) => storedActionStatus(a.status)),
        });
      }
      return out;
    });
  }

  publishedEditions(dinSlug: string): Promise<EditionSummary[]> {
    return this.db.read((t) =>
      t.reportEditions
        .filter((r) => r.dinSlug === dinSlug)
        .sort((a, b) => a.edition - b.edition || a.publishedAt.getTime() - b.publishedAt.getTime())
        .map(toSummary),
    );
  }

  async edition(key: EditionKey): Promise<StoredEdition | undefined> {
    const row = await this.db.read((t) => t.reportEditions.find((r) => sameKey(r, key)));
    if (!row) return undefined;
    return { ...toSummary(row), html: new TextEncoder().encode(row.html), data: json(row.data) as ReportModel };
  }

  saveEdition(edition: StoredEdition): Promise<boolean> {
    return this.db.write((t) => {
      const id = this.db.nextId("reportEditions");
      if (t.reportEditions.some((r) => sameKey(r, edition))) return false;
      t.reportEditions.push({
        id,
        dinSlug: edition.dinSlug,
        edition: edition.edition,
        lang: edition.lang,
        public: edition.public,
        contentHash: edition.contentHash,
        html: new TextDecoder("utf-8", { fatal: true }).decode(edition.html),
        data: json(edition.data),
        publishedAt: edition.publishedAt,
      });
      return true;
    });
  }
}
