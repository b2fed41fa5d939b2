// The web's target mark follows the report's rule (src/domain/report/targetStatus.ts): one meaning of
// "op koers" on every face, also for a value that has not reached the streefwaarde but is on pace.
import { describe, expect, it } from "vitest";
import { indicatorStatus } from "../../src/domain/indicatorStatus.ts";
import { targetStatus } from "../../src/domain/report/targetStatus.ts";
import { buildIndicator } from "../support/factories.ts";

const NOW = new Date("2025-06-01T00:00:00Z");

describe("indicatorStatus target mark", () => {
  const indicator = buildIndicator({ id: "x", unit: "%", direction: "lager-is-beter", baseline: { period: "2020", value: 20 }, target: { period: "2030", value: 10 } });

  it("is 'op koers' on pace toward the target even before reaching it, like the report's voorblad", () => {
    const series = [{ period: "2024", value: 14 }, { period: "2023", value: 15 }]; // unordered, as the store gives them
    expect(indicatorStatus(indicator, series, NOW).target).toBe("op-koers");
    expect(targetStatus(indicator, [...series].reverse())).toBe("on-track");
  });

  it("is 'niet op koers' behind pace, 'geen gegevens' without values, 'geen streefwaarde' without a target", () => {
    expect(indicatorStatus(indicator, [{ period: "2024", value: 19 }], NOW).target).toBe("niet-op-koers");
    expect(indicatorStatus(indicator, [], NOW).target).toBe("geen-gegevens");
    expect(indicatorStatus(buildIndicator({ id: "y" }), [{ period: "2024", value: 1 }], NOW).target).toBe("geen-streefwaarde");
  });
});
