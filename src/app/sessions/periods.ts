/** Period keys as people read them ("2024", "1e kwartaal 2024"), falling back to the key itself. */
import type { Lang } from "../../domain/format.ts";
import { formatPeriod, parsePeriod } from "../../domain/period.ts";

export function formatPeriodKey(key: string, lang: Lang): string {
  const parsed = parsePeriod(key);
  return parsed.ok ? formatPeriod(parsed.period, lang) : key;
}
