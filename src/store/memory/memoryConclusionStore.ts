/**
 * In-memory twin of src/store/conclusionStore.ts: a conclusion per session with every revision kept,
 * the current verbeteracties, and the conclusions per indicator.
 */
import type { SessionStatus } from "../../domain/session.ts";
import type { ConclusionRecord, ConclusionRevisionRecord, DinConclusion, IndicatorConclusion, SessionTx } from "../../app/sessions/ports.ts";
import { json, MemoryConstraintError, must, type MemoryDb, type Tables } from "./memoryDb.ts";
import { snapshotActions, toAction } from "../conclusionStore.ts";
import type { ConclusionRevisionRow, ConclusionRow } from "./memoryRows.ts";

function toRevision(row: ConclusionRevisionRow): ConclusionRevisionRecord {
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

function toConclusion(t: Tables, row: ConclusionRow): ConclusionRecord {
  const revisions = t.conclusionRevisions.filter((r) => r.conclusionId === row.id).sort((a, b) => a.version - b.version).map(toRevision);
  const current = revisions[revisions.length - 1];
  if (!current) throw new Error(`conclusion ${row.id} has no revisions`);
  return { sessionId: row.sessionId, status: row.status as "draft" | "adopted", current, revisions };
}

const actionsOf = (t: Tables, sessionId: number) => t.actions.filter((a) => a.sessionId === sessionId).sort((a, b) => a.position - b.position).map(toAction);

export function memoryConclusionTx(db: MemoryDb): Pick<SessionTx, "conclusion" | "saveConclusion" | "adoptConclusion" | "actions" | "indicatorConclusions" | "dinConclusions"> {
  const conclusionRow = (sessionId: number) => db.t.conclusions.find((c) => c.sessionId === sessionId);

  async function indicatorConclusions(dinSlug: string, indicatorId: string): Promise<IndicatorConclusion[]> {
    const din = db.t.dins.find((d) => d.slug === dinSlug);
    const indicator = db.t.indicators.find((i) => i.dinId === din?.id && i.slug === indicatorId);
    if (!indicator) return [];
    // ORDER BY sessionId DESC only: rows of one session keep the table's order (by id here).
    return db.t.sessionIndicators
      .filter((si) => si.indicatorId === indicator.id)
      .sort((a, b) => b.sessionId - a.sessionId || a.id - b.id)
      .map((si) => {
        const session = must(db.t.sessions.find((s) => s.id === si.sessionId), "DuidingSession", `id ${si.sessionId}`);
        const conclusion = conclusionRow(si.sessionId);
        return {
          sessionId: si.sessionId,
          title: session.title,
          period: si.period,
          sessionStatus: session.status as SessionStatus,
          ...(conclusion ? { conclusion: toConclusion(db.t, conclusion) } : {}),
          actions: actionsOf(db.t, si.sessionId),
        };
      });
  }

  return {
    async conclusion(sessionId) {
      const row = conclusionRow(sessionId);
      return row ? toConclusion(db.t, row) : undefined;
    },

    async saveConclusion(sessionId, revision) {
      const at = new Date(revision.at);
      let conclusion = conclusionRow(sessionId);
      const version = (conclusion?.version ?? 0) + 1;
      if (conclusion) Object.assign(conclusion, { status: "draft", version, updatedAt: at });
      else {
        const id = db.nextId("conclusions");
        must(db.t.sessions.find((s) => s.id === sessionId), "DuidingSession", `id ${sessionId}`);
        conclusion = { id, sessionId, status: "draft", version, updatedAt: at };
        db.t.conclusions.push(conclusion);
      }
      db.t.conclusionRevisions.push({
        id: db.nextId("conclusionRevisions"),
        conclusionId: conclusion.id,
        version,
        ...revision.texts,
        guestSummary: revision.guestSummary ?? null,
        actions: json(revision.actions),
        writtenByKey: revision.by.key,
        writtenByName: revision.by.name,
        writtenAt: at,
        adoptedByKey: null,
        adoptedByName: null,
        adoptedAt: null,
      });
      // The current list of verbeteracties follows the newest version; earlier lists stay in the revisions.
      for (const [position, action] of revision.actions.entries()) {
        // The status is not the form's to change (setActionStatus keeps its history): an update keeps it.
        const data = { text: action.text, owner: action.owner, due: action.due ?? null, updatedAt: at };
        const existing = db.t.actions.find((a) => a.sessionId === sessionId && a.position === position);
        if (existing) Object.assign(existing, data);
        else db.t.actions.push({ id: db.nextId("actions"), sessionId, position, createdAt: at, status: action.status, ...data });
      }
      const gone = new Set(db.t.actions.filter((a) => a.sessionId === sessionId && a.position >= revision.actions.length).map((a) => a.id));
      db.t.actions = db.t.actions.filter((a) => !gone.has(a.id));
      // ON DELETE CASCADE, as in the schema.
      db.t.actionStatusChanges = db.t.actionStatusChanges.filter((c) => !gone.has(c.actionId));
      db.t.actionReminders = db.t.actionReminders.filter((r) => !gone.has(r.actionId));
      return version;
    },

    async adoptConclusion(sessionId, adoption) {
      const conclusion = must(conclusionRow(sessionId), "Conclusion", `for session ${sessionId}`);
      Object.assign(conclusion, { status: "adopted", updatedAt: new Date(adoption.at) });
      const revision = db.t.conclusionRevisions.find((r) => r.conclusionId === conclusion.id && r.version === conclusion.version);
      if (!revision) throw new MemoryConstraintError("ConclusionRevision", `no version ${conclusion.version} of conclusion ${conclusion.id}`);
      Object.assign(revision, { adoptedByKey: adoption.by.key, adoptedByName: adoption.by.name, adoptedAt: new Date(adoption.at) });
      return conclusion.version;
    },

    async actions(sessionId) {
      return actionsOf(db.t, sessionId);
    },

    indicatorConclusions,

    async dinConclusions(dinSlug, only): Promise<DinConclusion[]> {
      const din = db.t.dins.find((d) => d.slug === dinSlug);
      const wanted = only ? new Set(only) : undefined;
      const indicators = db.t.indicators.filter((i) => i.dinId === din?.id && (!wanted || wanted.has(i.slug))).sort((a, b) => a.id - b.id);
      const out: DinConclusion[] = [];
      for (const indicator of indicators) {
        for (const c of await indicatorConclusions(dinSlug, indicator.slug)) out.push({ indicatorId: indicator.slug, ...c });
      }
      return out;
    },
  };
}
