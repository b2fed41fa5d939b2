/** A value for one indicator and one period (a "meting"). Pure types. */

export interface MeasurementInput {
  indicatorId: string;
  /** Canonical period string (see `period.ts`). */
  period: string;
  value: number;
  source?: string;
  note?: string;
  /** Where the row came from, for error messages and history: "file.csv:12" or "api:measurements[3]". */
  origin: string;
}
