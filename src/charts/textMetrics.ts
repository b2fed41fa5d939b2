/**
 * Text widths from Arimo's real glyph advances, for vega without canvas. Vega otherwise
 * estimates 0.8 × characters × size, ~1.6× too wide for Arimo, and cuts labels with "…" early.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The font files the PNG renderer loads too, so measured and drawn widths agree. */
export function arimoFontFiles(): { regular: string; bold: string } {
  // createRequire rather than import.meta.resolve: it also works under vitest's module runner.
  const require = createRequire(import.meta.url);
  return {
    regular: require.resolve("@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf"),
    bold: require.resolve("@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf"),
  };
}

/** The few opentype.js members used here (its typings pull in the DOM lib, so they are not imported). */
interface Font {
  unitsPerEm: number;
  charToGlyph(ch: string): { advanceWidth?: number };
}

/** What vega passes to textMetrics.width: a scenegraph text item. */
export interface TextItem {
  fontSize?: number | string | null;
  fontWeight?: number | string | null;
  limit?: number | null;
}

export type WidthFn = (item: TextItem, text?: unknown) => number;

/** Loads both weights once and returns a width function with per-character caches. */
export async function arimoWidth(): Promise<WidthFn> {
  const specifier = "opentype.js";
  type Parse = (b: ArrayBuffer, opt?: { lowMemory: boolean }) => Font;
  const mod = (await import(specifier)) as { parse?: Parse; default?: { parse: Parse } };
  const parse = mod.parse ?? mod.default?.parse;
  if (!parse) throw new Error("opentype.js: no parse function found");
  const files = arimoFontFiles();
  const load = (path: string) => {
    const buf = readFileSync(path);
    // lowMemory parses glyphs on first use: a third of the load time, and only a few dozen are ever needed.
    return measurer(parse(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), { lowMemory: true }));
  };
  const regular = load(files.regular);
  const bold = load(files.bold);

  return (item, text) => {
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const str = text == null ? "" : String(text).trim();
    if (size <= 0 || str === "") return 0;
    const weight = item.fontWeight;
    const isBold = weight === "bold" || weight === "bolder" || Number(weight) >= 600;
    const width = (isBold ? bold : regular)(str) * size;
    // Like vega's own estimate, report a limited item as at most its limit (it gets truncated to fit).
    const limit = Number(item.limit);
    return limit > 0 ? Math.min(width, limit) : width;
  };
}

/** Width of a string in ems. */
function measurer(font: Font): (text: string) => number {
  const cache = new Map<string, number>();
  return (text) => {
    let ems = 0;
    for (const ch of text) {
      let w = cache.get(ch);
      if (w === undefined) {
        w = (font.charToGlyph(ch).advanceWidth ?? 0) / font.unitsPerEm;
        cache.set(ch, w);
      }
      ems += w;
    }
    return ems;
  };
}
