/**
 * Prisma implementation of the conclusion part of SessionTx: a conclusion per session with every
 * revision kept (revising an adopted conclusion adds a version, it never overwrites one), the
 * current verbeteracties, and the conclusions per indicator for the CLI and the report.
 */
import type { Prisma } from "@prisma/client";
import type { SessionStatus } from "../domain/session.ts";
import type { ActionRecord, ConclusionRecord, ConclusionRevisionRecord, DinConclusion, IndicatorConclusion, SessionTx } from "../app/sessions/ports.ts";
import { storedActionStatus } from "../domain/actionStatus.ts";
import { asJson } from "./json.ts";

type Tx = Prisma.TransactionClient;

const conclusionInclude = { revisions: { orderBy: { version: "asc" } } } satisfies Prisma.ConclusionInclude;
type ConclusionRow = Prisma.ConclusionGetPayload<{ include: typeof conclusionInclude }>;

function toRevision(row: ConclusionRow["revisions"][number]): ConclusionRevisionRecord {
  return {
    version: row.version,
    texts: { herkennen: row.herkennen, verklaren: row.verklaren, waarderen: row.waarderen, verbeteren: row.verbeteren, overall: row.overall },
    ...(row.guestSummary ? { guestSummary: row.guestSummary } : {}),
    actions: snapshotActions(row.actions),
    writtenBy: { key: row.writtenByKey, name: row.writtenByName },
    writtenAt: row.writtenAt,
    ...(row.adoptedByKey && row.adoptedByName ? { adoptedBy: { key: row.adoptedByKey, name: row.adoptedByName } } : {}),
    ...(row.adoptedAt ? { adoptedAt: row.adoptedAt } : {}),
  };
}

function toConclusion(row: ConclusionRow): ConclusionRecord {
  const revisions = row.revisions.map(toRevision);
  const current = revisions[revisions.length - 1];
  if (!current) throw new Error(`conclusion ${row.id} has no revisions`);
  return { sessionId: row.sessionId, status: row.status as "draft" | "adopted", current, revisions };
}

/** A session's indicator row with what the conclusions per indicator show of its session. */
const withSession = {
  session: { include: { conclusion: { include: conclusionInclude }, actions: { orderBy: { position: "asc" } } } },
} satisfies Prisma.SessionIndicatorInclude;

function toIndicatorConclusion(r: Prisma.SessionIndicatorGetPayload<{ include: typeof withSession }>): IndicatorConclusion {
  return {
    sessionId: r.sessionId,
    title: r.session.title,
    period: r.period,
    sessionStatus: r.session.status as SessionStatus,
    ...(r.session.conclusion ? { conclusion: toConclusion(r.session.conclusion) } : {}),
    actions: r.session.actions.map(toAction),
  };
}

/** An Action row as a record (shared with the memory store). */
export function toAction(row: { id: number; text: string; owner: string; due: string | null; status: string }): ActionRecord {
  return { id: row.id, text: row.text, owner: row.owner, ...(row.due ? { due: row.due } : {}), status: storedActionStatus(row.status) };
}

/** A revision's snapshot of its actions (written before #20 with "done"): statuses in today's words. */
export function snapshotActions(raw: unknown): ActionRecord[] {
  return (raw as ActionRecord[]).map((a) => ({ ...a, status: storedActionStatus(a.status) }));
}

export function conclusionTx(
  tx: Tx,
): Pick<SessionTx, "conclusion" | "saveConclusion" | "adoptConclusion" | "actions" | "indicatorConclusions" | "dinConclusions"> {
  return {
    async conclusion(sessionId) {
      const row = await tx.conclusion.findUnique({ where: { sessionId }, include: conclusionInclude });
      return row ? toConclusion(row) : undefined;
    },

    async saveConclusion(sessionId, revision) {
      const existing = await tx.conclusion.findUnique({ where: { sessionId } });
      const version = (existing?.version ?? 0) + 1;
      const conclusion = existing
        ? await tx.conclusion.update({ where: { sessionId }, data: { status: "draft", version, updatedAt: revision.at } })
        : await tx.conclusion.create({ data: { sessionId, status: "draft", version, updatedAt: revision.at } });
      await tx.conclusionRevision.create({
        data: {
          conclusionId: conclusion.id,
          version,
          ...revision.texts,
          guestSummary: revision.guestSummary ?? null,
          actions: asJson(revision.actions),
          writtenByKey: revision.by.key,
          writtenByName: revision.by.name,
          writtenAt: revision.at,
        },
      });
      // The current list of verbeteracties follows the newest version; earlier lists stay in the revisions.
      for (const [position, action] of revision.actions.entries()) {
        // The status is not the form's to change (setActionStatus keeps its history): an update keeps it.
        const data = { text: action.text, owner: action.owner, due: action.due ?? null, updatedAt: revision.at };
        await tx.action.upsert({
          where: { sessionId_position: { sessionId, position } },
          create: { sessionId, position, createdAt: revision.at, status: action.status, ...data },
          update: data,
        });
      }
      await tx.action.deleteMany({ where: { sessionId, position: { gte: revision.actions.length } } });
      return version;
    },

    async adoptConclusion(sessionId, adoption) {
      const conclusion = await tx.conclusion.update({ where: { sessionId }, data: { status: "adopted", updatedAt: adoption.at } });
      await tx.conclusionRevision.update({
        where: { conclusionId_version: { conclusionId: conclusion.id, version: conclusion.version } },
        data: { adoptedByKey: adoption.by.key, adoptedByName: adoption.by.name, adoptedAt: adoption.at },
      });
      return conclusion.version;
    },

    async actions(sessionId) {
      return (await tx.action.findMany({ where: { sessionId }, orderBy: { position: "asc" } })).map(toAction);
    },

    async indicatorConclusions(dinSlug, indicatorId): Promise<IndicatorConclusion[]> {
      const rows = await tx.sessionIndicator.findMany({
        where: { indicator: { slug: indicatorId, din: { slug: dinSlug } } },
        orderBy: [{ sessionId: "desc" }],
        include: withSession,
      });
      return rows.map(toIndicatorConclusion);
    },

    async dinConclusions(dinSlug, only): Promise<DinConclusion[]> {
      // Prisma loads each include with one IN query: a handful of queries for the whole DIN.
      const rows = await tx.sessionIndicator.findMany({
        where: { indicator: { din: { slug: dinSlug }, ...(only ? { slug: { in: [...only] } } : {}) } },
        orderBy: [{ indicatorId: "asc" }, { sessionId: "desc" }, { id: "asc" }],
        include: { ...withSession, indicator: { select: { slug: true } } },
      });
      return rows.map((r) => ({ indicatorId: r.indicator.slug, ...toIndicatorConclusion(r) }));
    },
  };
}
