/** Annotation label placement: clear of the series line, and never on top of each other. */
import { describe, expect, it } from "vitest";
import { placeLabels } from "../../src/charts/labelPlacement.ts";

const plot = { width: 500, height: 240 };
const flat = (y: number) => Array.from({ length: 6 }, (_, i) => ({ x: i * 100, y }));

describe("placeLabels", () => {
  it("prefers the right end above the rule when that is clear", () => {
    expect(placeLabels(flat(200), [{ y: 60, text: "streefwaarde 10% (2026)" }], plot)).toEqual([
      { align: "right", at: 1, below: false },
    ]);
  });

  it("goes below the rule when the line runs just above it", () => {
    expect(placeLabels(flat(50), [{ y: 60, text: "streefwaarde 10% (2026)" }], plot)).toEqual([
      { align: "right", at: 1, below: true },
    ]);
  });

  it("moves to a clear spot when the line crosses the rule at both ends", () => {
    const zigzag = [0, 100, 200, 300, 400, 500].map((x, i) => ({ x, y: i === 0 || i === 5 ? 120 : 20 }));
    const [placement] = placeLabels(zigzag, [{ y: 120, text: "streefwaarde -20 (2026)" }], plot);
    expect(placement?.at).toBeGreaterThan(0);
    expect(placement?.at).toBeLessThan(1);
    expect(placement?.below).toBe(true);
  });

  it("keeps two close labels apart", () => {
    const [a, b] = placeLabels(
      flat(230),
      [
        { y: 100, text: "streefwaarde 10% (2026)" },
        { y: 106, text: "referentiewaarde 10,3% (2020)" },
      ],
      plot,
    );
    expect(a).toEqual({ align: "right", at: 1, below: false });
    expect(b).not.toEqual(a);
    expect(b?.below === false && b.align === "right").toBe(false);
  });

  it("does not draw the line across a gap", () => {
    // Connected, (380,30)→(500,80) would cross the right-above box; with the gap nothing does.
    const withGap = [
      { x: 380, y: 30 },
      { x: 440, y: null },
      { x: 500, y: 80 },
    ];
    const label = [{ y: 60, text: "streefwaarde" }];
    expect(placeLabels(withGap, label, plot)).toEqual([{ align: "right", at: 1, below: false }]);
    const connected = [withGap[0], withGap[2]].map((p) => ({ x: p?.x ?? 0, y: p?.y ?? null }));
    expect(placeLabels(connected, label, plot)).not.toEqual([{ align: "right", at: 1, below: false }]);
  });
});
