/** Period keys as people read them ("2024", "1e kwartaal 2024"): the domain's rule, for the app and adapters. */
export { formatPeriodKey } from "../../domain/period.ts";
