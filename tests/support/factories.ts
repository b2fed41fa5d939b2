/** Test factories: valid domain objects with sensible defaults; tests override only what they are about. */
import type { ChartData } from "../../src/app/messages/message.ts";
import type { DinDefinition, Indicator } from "../../src/domain/din.ts";

export function buildIndicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    id: "ind-jeugdhulp",
    name: "Jongeren met jeugdhulp",
    kind: "effect",
    goalId: "doel-gezond-opgroeien",
    unit: "%",
    direction: "lager-is-beter",
    frequency: "jaarlijks",
    visibility: "openbaar",
    ...overrides,
  };
}

/** A one-opgave, one-goal DIN; pass `indicators` (and more goals/opgaven) to shape the tree. */
export function buildDin(overrides: Partial<DinDefinition> = {}): DinDefinition {
  return {
    municipality: "Hilversum",
    year: 2025,
    mission: "Wij zijn Hilversum, iedereen doet mee.",
    opgaven: [{ id: "opgave-kansengelijkheid", name: "Kansengelijkheid" }],
    goals: [
      {
        id: "doel-gezond-opgroeien",
        name: "Hilversumse kinderen en jongeren groeien gezond en veilig op",
        opgaveId: "opgave-kansengelijkheid",
      },
    ],
    speerpunten: [],
    indicators: [buildIndicator()],
    ...overrides,
  };
}

/** A Dutch chart of the default indicator's yearly series 2021–2024, without target or baseline; pass them to draw the annotations. */
export function buildChartData(overrides: Partial<ChartData> = {}): ChartData {
  return {
    title: "Jongeren met jeugdhulp",
    unit: "%",
    lang: "nl",
    points: [11.2, 12.4, 12.9, 12.5].map((value, i) => ({ period: String(2021 + i), value })),
    ...overrides,
  };
}
