/**
 * Ports of the report use cases: the report store (DIN versions, conclusion versions, published
 * editions; src/store/reportStore.ts) and the document renderer (src/report). Figures come through
 * the MeasurementStore port like everywhere else.
 */
import type { DinDefinition } from "../../domain/din.ts";
import type { Lang } from "../../domain/format.ts";
import type { SessionForReport } from "../../domain/report/editions.ts";
import type { ReportModel } from "../../domain/report/model.ts";
import type { Clock, DinStore, MeasurementStore } from "../ports.ts";

/** One edition variant: the year reported, in one language, public or internal. */
export interface EditionKey {
  dinSlug: string;
  edition: number;
  lang: Lang;
  public: boolean;
}

export interface EditionSummary extends EditionKey {
  contentHash: string;
  publishedAt: Date;
}

/** A published edition: the bytes as sent to the council and the model they were rendered from. */
export interface StoredEdition extends EditionSummary {
  html: Uint8Array;
  data: ReportModel;
}

export interface ReportStore {
  /** Every DIN version of the municipality, oldest first. */
  dinVersions(dinSlug: string): Promise<{ year: number; definition: DinDefinition }[]>;
  /** Sessions with at least one adopted conclusion version, with their versions and perspective counts. */
  sessionsForReport(dinSlug: string): Promise<SessionForReport[]>;
  publishedEditions(dinSlug: string): Promise<EditionSummary[]>;
  edition(key: EditionKey): Promise<StoredEdition | undefined>;
  /** Stores a published edition; false (and nothing written) when that variant exists: editions are never replaced. */
  saveEdition(edition: StoredEdition): Promise<boolean>;
}

/** Renders a model to one self-contained HTML document; a draft says so at the top. */
export interface ReportRenderer {
  html(model: ReportModel, lang: Lang, status: "draft" | "published"): Promise<string>;
}

export interface ReportDeps {
  dins: DinStore;
  measurements: MeasurementStore;
  reports: ReportStore;
  renderer: ReportRenderer;
  clock: Clock;
}
