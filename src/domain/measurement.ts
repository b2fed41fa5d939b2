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
  /**
   * The area the value is about when it is not the municipality itself (a comparison, "gebied"):
   * "Nederland", "Noord-Holland", "gemeenten 20.000-50.000 inwoners". Absent: the municipality.
   */
  area?: string;
  /** A breakdown ("uitsplitsing"): the dimension ("leeftijdsgroep") and its category ("0-11 jaar"). Both or neither. */
  dimension?: string;
  category?: string;
}

/** The series a value belongs to: the municipality's total ("" for all three), a comparison or a breakdown cell. */
export interface SeriesKey {
  area?: string;
  dimension?: string;
  category?: string;
}

/** True for the municipality's own total: the only series change detection, late data and announcements look at. */
export function isTotalSeries(key: SeriesKey): boolean {
  return !key.area && !key.dimension;
}

/**
 * One text per indicator, period and series, for maps: "indicator\u0000period" for the total (the hot
 * path: as short as before series existed), with the area, dimension and category after it otherwise.
 * No collision: NUL never gets through the parser.
 */
export function valueKeyText(indicatorId: string, period: string, key: SeriesKey): string {
  const base = `${indicatorId}\u0000${period}`;
  return isTotalSeries(key) ? base : `${base}\u0000${key.area ?? ""}\u0000${key.dimension ?? ""}\u0000${key.category ?? ""}`;
}
