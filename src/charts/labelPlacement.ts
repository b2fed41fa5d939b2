/**
 * Where the streefwaarde/referentiewaarde labels go: on their rule, above or below it, at the
 * right end if that is clear of the series line, else the left end, else the clearest spot in
 * between. Pure geometry in plot pixels; the text width is an estimate (no font access here),
 * generous on purpose.
 */

export interface Placement {
  /** Text alignment at the anchor. */
  align: "left" | "right";
  /** Anchor as a fraction of the plot width (0 = left edge), so an off width estimate only shifts it a little. */
  at: number;
  below: boolean;
}

export interface PlotPoint {
  x: number;
  /** null = gap in the series (the line breaks there). */
  y: number | null;
}

export interface RuleLabel {
  /** Pixel y of the rule. */
  y: number;
  text: string;
}

/** Bold 12 px Arimo averages ~0.56 em per character; a little extra keeps the estimate safe. */
const CHAR_PX = 7;
const LABEL_HEIGHT = 15;
const GAP = 4;
/** Point markers and the line's width reach this far beyond the centre line. */
const INFLATE = 4;

const ENDS: Placement[] = [
  { align: "right", at: 1, below: false },
  { align: "right", at: 1, below: true },
  { align: "left", at: 0, below: false },
  { align: "left", at: 0, below: true },
];

/** The ends first (labels read best there), then left-aligned spots every 5% of the width. */
function candidates(textWidth: number, plotWidth: number): Placement[] {
  const middle: Placement[] = [];
  for (let at = 0.05; at * plotWidth + textWidth <= plotWidth; at += 0.05) {
    for (const below of [false, true]) middle.push({ align: "left", at: Math.round(at * 100) / 100, below });
  }
  return [...ENDS, ...middle];
}

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Places each label in turn; a placed label is an obstacle for the next one. */
export function placeLabels(series: readonly PlotPoint[], labels: readonly RuleLabel[], plot: { width: number; height: number }): Placement[] {
  const samples = sampleLine(series);
  const placed: Box[] = [];
  return labels.map((label) => {
    let best: { placement: Placement; cost: number } = { placement: { align: "right", at: 1, below: false }, cost: Infinity };
    for (const placement of candidates(textWidth(label), plot.width)) {
      const box = labelBox(label, placement, plot.width);
      // A label may not leave the plot vertically: it would run into the title or the x axis.
      if (box.y0 < -GAP || box.y1 > plot.height) continue;
      const cost =
        samples.filter((s) => inside(s, box, INFLATE)).length + placed.filter((b) => overlaps(b, box)).length * 1000;
      if (cost < best.cost) best = { placement, cost };
      if (cost === 0) break;
    }
    placed.push(labelBox(label, best.placement, plot.width));
    return best.placement;
  });
}

function textWidth(label: RuleLabel): number {
  return label.text.length * CHAR_PX;
}

function labelBox(label: RuleLabel, { align, at, below }: Placement, plotWidth: number): Box {
  const width = textWidth(label);
  const x0 = align === "right" ? at * plotWidth - width : at * plotWidth;
  const y0 = below ? label.y + GAP : label.y - GAP - LABEL_HEIGHT;
  return { x0, x1: x0 + width, y0, y1: y0 + LABEL_HEIGHT };
}

/** Points along the drawn line (every ~3 px), so segments crossing a label count, not only markers. */
function sampleLine(series: readonly PlotPoint[]): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < series.length; i++) {
    const a = series[i];
    if (!a || a.y === null) continue;
    out.push({ x: a.x, y: a.y });
    const b = series[i + 1];
    if (!b || b.y === null) continue;
    const steps = Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 3);
    for (let s = 1; s < steps; s++) {
      const t = s / steps;
      out.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
    }
  }
  return out;
}

function inside(p: { x: number; y: number }, box: Box, margin: number): boolean {
  return p.x >= box.x0 - margin && p.x <= box.x1 + margin && p.y >= box.y0 - margin && p.y <= box.y1 + margin;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}
