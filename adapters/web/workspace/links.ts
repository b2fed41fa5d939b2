/**
 * Links inside the workspace. With several DINs in one database every link carries the chosen
 * municipality (`?gemeente=`), so a page never silently shows another municipality's figures.
 */
export interface Place {
  /** Set when the database holds more than one DIN. */
  gemeente?: string;
}

export function hrefFor(place: Place, path: string): string {
  if (!place.gemeente) return path;
  return `${path}${path.includes("?") ? "&" : "?"}gemeente=${encodeURIComponent(place.gemeente)}`;
}
