/**
 * The DIN report model: everything one edition shows, language-neutral (texts come from the
 * renderer) and already filtered for its audience. A public model never holds an intern indicator
 * nor a small count: it is stored as the edition's data, so what is hidden is absent, not just unshown.
 */
import type { ActionStatus } from "../actionStatus.ts";
import type { Direction, Frequency, IndicatorKind, Visibility } from "../din.ts";
import type { ConclusionPart } from "../session.ts";
import type { ShownBreakdown } from "../breakdown.ts";
import type { Perspective } from "../sessionRules.ts";

/** Progress toward the streefwaarde: see targetStatus.ts for the rule. */
export type TargetStatus = "on-track" | "off-track" | "no-data" | "no-target";

/** A value at a period; `value` absent = hidden by the small-number rule (shown as "< limit"). */
export interface ReportPoint {
  period: string;
  value?: number;
}

export type DataNote =
  /** A value of the period was replaced (at = when); `previous` absent when hidden or not kept. */
  | { kind: "correction"; period: string; at: string; previous?: number }
  /** The value after `latestPeriod` is overdue (see lateData.ts). */
  | { kind: "late"; duePeriod: string; dueSince: string; daysOverdue: number; periodsOverdue: number; latestPeriod?: string };

export interface ReportIndicator {
  id: string;
  name: string;
  kind: IndicatorKind;
  goalId: string;
  unit: string;
  direction: Direction;
  frequency: Frequency;
  visibility: Visibility;
  /** The small-number limit the values were filtered with (public), for the "< n" text. */
  smallNumbers?: number;
  source?: string;
  description?: string;
  baseline?: ReportPoint;
  target?: ReportPoint;
  /** Values of periods up to the edition year, oldest first. */
  values: ReportPoint[];
  /** The comparison areas (the DIN's compare:) up to the edition year; public: small counts without value. */
  comparisons?: { area: string; values: ReportPoint[] }[];
  /** The newest breakdowns up to the edition year, cells hidden by the small-number rule (breakdown.ts). */
  breakdowns?: ShownBreakdown[];
  /**
   * The same dimensions over time up to the edition year, oldest first, each period through the rule
   * on its own: drawn as small multiples. Absent when every dimension has one period (editions before
   * small multiples have none either).
   */
  breakdownHistory?: ShownBreakdown[];
  latest?: ReportPoint;
  status: TargetStatus;
  /** When the newest value was recorded (ISO). */
  lastUpdate?: string;
  notes: DataNote[];
  /** Attached conclusions of sessions about this indicator alone, newest first. */
  conclusionIds: number[];
  /** Attached conclusions of doel sessions that cover it (shown once at the doel). */
  goalConclusionIds: number[];
  /** Adopted conclusions that an earlier edition carried already. */
  earlierConclusions: number;
  /** A stelselindicator: shown with an arrow at its opgave on the voorblad (stelsel.ts). */
  stelsel?: true;
}

export interface ReportAction {
  text: string;
  owner: string;
  due?: string;
  /** open, bezig, gereed, vervallen (editions published before #20 say "done" for gereed). */
  status: ActionStatus | "done";
}

export interface ReportConclusion {
  sessionId: number;
  subject: { kind: "indicator" | "doel"; id: string };
  title: string;
  /** The indicators and periods the session interpreted (only those the report shows). */
  periods: { indicatorId: string; period: string }[];
  texts: Record<ConclusionPart, string>;
  version: number;
  adoptedAt: string;
  /** Who adopted it, as a role: the adopter's perspective when known; never a name. */
  adopterPerspective?: Perspective;
  /** Set when an earlier version was in a previous edition: this one replaces it. */
  revisedFrom?: { version: number; adoptedAt: string };
  /** Contributions per perspective (withdrawn ones left out); count absent = hidden (small number). */
  perspectives: { perspective: Perspective; count?: number }[];
  actions: ReportAction[];
}

export interface ReportSpeerpunt {
  id: string;
  name: string;
  beleidskader: string;
  indicatorIds: string[];
}

export interface ReportGoal {
  id: string;
  name: string;
  /** Effect-indicatoren of the doel, in DIN order. */
  effectIds: string[];
  speerpunten: ReportSpeerpunt[];
  /** Prestatie-indicatoren of the doel that no speerpunt lists. */
  otherIds: string[];
  /** Attached conclusions of sessions about the doel as a whole (in samenhang). */
  conclusionIds: number[];
}

export interface ReportModel {
  municipality: string;
  dinSlug: string;
  /** The year whose figures the edition reports. */
  edition: number;
  /** The DIN version the tree comes from. */
  dinYear: number;
  mission: string;
  public: boolean;
  /** What the edition holds: conclusions adopted up to this moment (ISO); the publication time once published. */
  cutoff: string;
  previous?: { edition: number; cutoff: string };
  opgaven: { id: string; name: string; goals: ReportGoal[] }[];
  indicators: ReportIndicator[];
  conclusions: ReportConclusion[];
}

/** Anchor ids in the document: stable, and safe in an id attribute whatever the slug holds. */
export function anchorId(kind: "indicator" | "doel" | "conclusion", id: string | number): string {
  return `${kind}-${String(id).replace(/[^A-Za-z0-9_-]/g, "_")}`;
}
