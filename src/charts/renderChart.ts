/**
 * Renders indicator charts on the server: Vega-Lite → Vega → SVG (renderer "none", no canvas),
 * and SVG → PNG with resvg and the bundled Arimo fonts (never system fonts, so every machine
 * draws the same pixels). The libraries load lazily, once, so importing this module is cheap.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ChartData } from "../app/messages/message.ts";
import { chartSpec } from "./chartSpec.ts";
import { smallChartSpec } from "./smallChartSpec.ts";
import { arimoFontFiles, arimoWidth } from "./textMetrics.ts";
import type { WidthFn } from "./textMetrics.ts";

interface Engine {
  svg(spec: TopLevelSpec): Promise<string>;
  png(svg: string, scale: number): Promise<Buffer>;
}

let engine: Promise<Engine> | undefined;

/** Loads vega, vega-lite, resvg and the font metrics (~0.2 s), once; a failed load is retried next time. */
export function loadChartEngine(): Promise<Engine> {
  engine ??= createEngine().catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

/** A standalone SVG document, announced by screen readers as one image with the spec's description. */
export async function renderChartSvg(data: ChartData): Promise<string> {
  const spec = data.small ? smallChartSpec({ ...data, small: data.small }) : chartSpec(data);
  return withAccessibleName(await renderSpecSvg(spec), spec.description ?? data.title);
}

export async function renderChartPng(data: ChartData, { scale = 2 }: { scale?: number } = {}): Promise<Buffer> {
  const svg = await renderChartSvg(data);
  return (await loadChartEngine()).png(svg, scale);
}

/** Lower level, for specs built elsewhere (and tests of the error path). */
export async function renderSpecSvg(spec: TopLevelSpec): Promise<string> {
  return (await loadChartEngine()).svg(spec);
}

async function createEngine(): Promise<Engine> {
  const [vega, vegaLite, resvg, width] = await Promise.all([
    import("vega"),
    import("vega-lite"),
    import("@resvg/resvg-js"),
    arimoWidth(),
  ]);
  // vega's typings do not declare textMetrics; it is a mutable object shared by all views.
  (vega as unknown as { textMetrics: { width: WidthFn } }).textMetrics.width = width;

  const files = arimoFontFiles();
  const fontOptions = {
    loadSystemFonts: false,
    fontFiles: [files.regular, files.bold],
    defaultFontFamily: "Arimo",
    sansSerifFamily: "Arimo",
  };

  return {
    async svg(spec) {
      const log = collectingLogger();
      // Vega-Lite warnings (e.g. a dropped encoding) do not stop the chart; the spec tests assert there are none.
      const compiled = vegaLite.compile(spec, { logger: collectingLogger().logger }).spec;
      const view = new vega.View(vega.parse(compiled), { renderer: "none", logger: log.logger, logLevel: vega.Warn });
      try {
        let svg: string;
        try {
          svg = await view.toSVG();
        } catch (error) {
          // Vega logs the dataflow error and toSVG then fails with an unrelated message: report the first.
          throw new Error(`chart rendering failed: ${log.errors[0] ?? String(error)}`, { cause: error });
        }
        if (log.errors.length > 0) throw new Error(`chart rendering failed: ${log.errors.join("; ")}`);
        return svg;
      } finally {
        view.finalize();
      }
    },
    async png(svg, scale) {
      // renderAsync draws off the main thread and resolves in a later event-loop turn, which lets
      // resvg release its native buffers; a synchronous loop grew to >1 GiB over 200 charts.
      const image = await resvg.renderAsync(svg, { fitTo: { mode: "zoom", value: scale }, font: fontOptions });
      return image.asPng();
    },
  };
}

/**
 * Vega's headless SVG has no accessible name (in a browser vega puts the description on its
 * container element instead), so the root becomes role="img" with an aria-label and a <title>.
 */
function withAccessibleName(svg: string, description: string): string {
  const text = escapeXml(description);
  return svg.replace(/^<svg\b([^>]*)>/, `<svg$1 role="img" aria-label="${text}"><title>${text}</title>`);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type VegaLogger = import("vega").LoggerInterface;

/** A vega logger that keeps errors (to throw them) and drops everything else instead of printing. */
function collectingLogger(): { logger: VegaLogger; errors: string[] } {
  const errors: string[] = [];
  let level = 0;
  const text = (args: readonly unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(" ");
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: readonly unknown[]) {
      errors.push(text(args));
      return logger;
    },
    warn() {
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return { logger: logger as VegaLogger, errors };
}
