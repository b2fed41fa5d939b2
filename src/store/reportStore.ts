/**
 * Prisma implementation of the ReportStore port: DIN versions, the conclusion versions of sessions
 * (read from the session tables only; figures come through the MeasurementStore) and published
 * editions, which are inserted once and never updated.
 */
import type { PrismaClient } from "@prisma/client";
import type { DinDefinition } from "../domain/din.ts";
import type { Lang } from "../domain/format.ts";
import type { ReportAction, ReportModel } from "../domain/report/model.ts";
import type { SessionForReport } from "../domain/report/editions.ts";
import type { Perspective } from "../domain/sessionRules.ts";
import type { EditionSummary, ReportStore, StoredEdition } from "../app/report/ports.ts";
import { storedActionStatus } from "../domain/actionStatus.ts";
import { asJson } from "./json.ts";

const summary = { dinSlug: true, edition: true, lang: true, public: true, contentHash: true, publishedAt: true } as const;

function toSummary(row: { dinSlug: string; edition: number; lang: string; public: boolean; contentHash: string; publishedAt: Date }): EditionSummary {
  return { ...row, lang: row.lang as Lang };
}

export class PrismaReportStore implements ReportStore {
  private readonly prisma: PrismaClient;
  constructor(prisma: PrismaClient) {
    this.prisma = prisma;
  }

  async dinVersions(dinSlug: string) {
    const rows = await this.prisma.dinVersion.findMany({ where: { din: { slug: dinSlug } }, orderBy: { year: "asc" } });
    return rows.map((r) => ({ year: r.year, definition: r.definition as unknown as DinDefinition }));
  }

  async sessionsForReport(dinSlug: string): Promise<SessionForReport[]> {
    const sessions = await this.prisma.duidingSession.findMany({
      where: { dinSlug, conclusion: { revisions: { some: { adoptedAt: { not: null } } } } },
      orderBy: { id: "asc" },
      include: {
        indicators: { include: { indicator: { select: { slug: true } } }, orderBy: { id: "asc" } },
        conclusion: { include: { revisions: { orderBy: { version: "asc" } } } },
        actions: { orderBy: { position: "asc" }, select: { status: true } },
      },
    });
    const ids = sessions.map((s) => s.id);
    const counts = await this.prisma.contribution.groupBy({
      by: ["sessionId", "perspective"],
      where: { sessionId: { in: ids }, withdrawnAt: null },
      _count: { _all: true },
      orderBy: [{ sessionId: "asc" }, { perspective: "asc" }],
    });
    // The adopter's role as the report shows it: their perspective (a name never leaves this file).
    const adopterKeys = [...new Set(sessions.flatMap((s) => s.conclusion?.revisions.map((r) => r.adoptedByKey) ?? []))].filter((k): k is string => k !== null);
    const people = await this.prisma.person.findMany({ where: { key: { in: adopterKeys } }, select: { key: true, perspective: true } });
    const perspectiveOf = new Map(people.map((p) => [p.key, p.perspective as Perspective | null]));
    return sessions.map((s) => ({
      sessionId: s.id,
      title: s.title,
      subject: { kind: s.subjectKind as "indicator" | "doel", id: s.subjectId },
      indicators: s.indicators.map((i) => ({ indicatorId: i.indicator.slug, period: i.period })),
      revisions: (s.conclusion?.revisions ?? []).map((r) => {
        const perspective = r.adoptedByKey ? perspectiveOf.get(r.adoptedByKey) : undefined;
        return {
          version: r.version,
          texts: { herkennen: r.herkennen, verklaren: r.verklaren, waarderen: r.waarderen, verbeteren: r.verbeteren, overall: r.overall },
          actions: r.actions as unknown as ReportAction[],
          ...(r.adoptedAt ? { adoptedAt: r.adoptedAt } : {}),
          ...(perspective ? { adopterPerspective: perspective } : {}),
        };
      }),
      perspectives: counts.filter((c) => c.sessionId === s.id).map((c) => ({ perspective: c.perspective as Perspective, count: c._count._all })),
      actionStatuses: s.actions.map((a) => storedActionStatus(a.status)),
    }));
  }

  async publishedEditions(dinSlug: string): Promise<EditionSummary[]> {
    const rows = await this.prisma.reportEdition.findMany({ where: { dinSlug }, select: summary, orderBy: [{ edition: "asc" }, { publishedAt: "asc" }] });
    return rows.map(toSummary);
  }

  async edition(key: { dinSlug: string; edition: number; lang: Lang; public: boolean }): Promise<StoredEdition | undefined> {
    const row = await this.prisma.reportEdition.findUnique({ where: { dinSlug_edition_lang_public: key } });
    if (!row) return undefined;
    return { ...toSummary(row), html: new TextEncoder().encode(row.html), data: row.data as unknown as ReportModel };
  }

  async saveEdition(edition: StoredEdition): Promise<boolean> {
    // ON CONFLICT DO NOTHING: the same on PGlite and PostgreSQL, and an existing edition is never touched.
    const { count } = await this.prisma.reportEdition.createMany({
      data: [
        {
          dinSlug: edition.dinSlug,
          edition: edition.edition,
          lang: edition.lang,
          public: edition.public,
          contentHash: edition.contentHash,
          html: new TextDecoder("utf-8", { fatal: true }).decode(edition.html),
          data: asJson(edition.data),
          publishedAt: edition.publishedAt,
        },
      ],
      skipDuplicates: true,
    });
    return count === 1;
  }
}
