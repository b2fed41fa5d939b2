/**
 * Which conclusions an edition attaches. The rule ("attached to the next DIN report"): an edition
 * carries every conclusion whose newest adopted version was adopted after the previous edition's
 * cutoff and up to its own. One adopted earlier and revised since comes again, marked as revised with
 * the date; a draft (a version not adopted) is never shown: the adopted version before it is.
 */
import type { Perspective } from "../sessionRules.ts";
import type { ConclusionPart } from "../session.ts";
import type { ReportAction } from "./model.ts";
import type { ActionStatus } from "../actionStatus.ts";

/** One session with its conclusion versions, as the report store reads it (no personal names). */
export interface SessionForReport {
  sessionId: number;
  title: string;
  subject: { kind: "indicator" | "doel"; id: string };
  indicators: { indicatorId: string; period: string }[];
  /** Every version, oldest first; adoptedAt set on the ones adopted. */
  revisions: {
    version: number;
    texts: Record<ConclusionPart, string>;
    actions: ReportAction[];
    adoptedAt?: Date;
    adopterPerspective?: Perspective;
  }[];
  /** Contributions per perspective, withdrawn ones left out. */
  perspectives: { perspective: Perspective; count: number }[];
  /**
   * The status of each verbeteractie now, by its place in the list (set apart from the conclusion, so a
   * revision's snapshot may be older): the report shows the current one.
   */
  actionStatuses?: ActionStatus[];
}

export type Revision = SessionForReport["revisions"][number];

export interface Attachment {
  session: SessionForReport;
  /** The version the edition shows. */
  revision: Revision & { adoptedAt: Date };
  /** The version an earlier edition showed, when this one revises it. */
  revisedFrom?: Revision & { adoptedAt: Date };
}

const adopted = (r: Revision): r is Revision & { adoptedAt: Date } => r.adoptedAt !== undefined;

/** The newest version adopted at or before `at`. */
export function adoptedAsOf(session: SessionForReport, at: Date): (Revision & { adoptedAt: Date }) | undefined {
  return session.revisions.filter(adopted).filter((r) => r.adoptedAt.getTime() <= at.getTime()).at(-1);
}

/**
 * What the edition with this window attaches; `earlier` counts the sessions an earlier edition
 * carried already and that were not revised since (for the preview and the "earlier editions" note).
 */
export function attachments(
  sessions: readonly SessionForReport[],
  window: { previousCutoff?: Date; cutoff: Date },
): { attached: Attachment[]; earlier: SessionForReport[] } {
  const attached: Attachment[] = [];
  const earlier: SessionForReport[] = [];
  for (const session of sessions) {
    const revision = adoptedAsOf(session, window.cutoff);
    if (!revision) continue;
    const before = window.previousCutoff ? adoptedAsOf(session, window.previousCutoff) : undefined;
    if (before && before.version === revision.version) {
      earlier.push(session);
      continue;
    }
    attached.push({ session, revision, ...(before ? { revisedFrom: before } : {}) });
  }
  return { attached, earlier };
}
