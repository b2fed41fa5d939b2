/**
 * Reads a YAML file (the DIN, duidbot.yaml) into plain data, refusing what would hurt later:
 * syntax errors (with Dutch wording), anchors and aliases that blow the data up far beyond what
 * is written (an alias bomb ran the CLI out of memory and printed millions of errors), and NUL
 * characters (no database column can store them). Every problem carries its line.
 */
import { LineCounter, isAlias, isMap, isPair, isSeq, parseDocument } from "yaml";
import type { Document } from "yaml";
import { fieldPath } from "./issues.ts";
import type { PathSegment } from "./issues.ts";
import { NUL_PROBLEM } from "./textEncoding.ts";
import { readSimpleYaml } from "./yamlFast.ts";
import type { Validated, ValidationIssue } from "./validation.ts";
import { yamlLineFinder } from "./yamlLines.ts";
import type { LineOf } from "./yamlLines.ts";
import { yamlSyntaxIssues } from "./yamlIssues.ts";

/** Aliases may make the data at most this many times larger than the file as written... */
export const MAX_EXPANSION_FACTOR = 10;
/** ...counted in nodes, with this much room so a few shared snippets in a small file never trip it. */
const EXPANSION_ALLOWANCE = 10_000;

export interface YamlData {
  /** Plain data (null for an empty document). */
  data: unknown;
  /** True when the file holds no document (empty or only comments). */
  empty: boolean;
  lineOf: LineOf;
}

interface Expansion {
  written: number;
  expanded: number;
  /** The alias that adds the most, to point at. */
  biggest?: { offset: number; size: number };
  /** An alias inside the block it refers to: its data would be endless. */
  cycleAt?: number;
}

/**
 * Counts the nodes as written and as they will be after every alias is replaced by its block, in one
 * pass in document order (an alias always follows its anchor), without expanding anything.
 */
function measureExpansion(doc: Document): Expansion {
  const result: Expansion = { written: 0, expanded: 0 };
  const anchors = new Map<string, unknown>();
  const sizes = new Map<unknown, number>();
  const walk = (node: unknown): number => {
    if (node === null || node === undefined) return 0;
    result.written++;
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node);
    let size = 1;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const targetSize = sizes.get(target);
      const offset = node.range?.[0] ?? 0;
      if (target !== undefined && targetSize === undefined) result.cycleAt ??= offset;
      size = targetSize ?? 1;
      if (size > (result.biggest?.size ?? 1)) result.biggest = { offset, size };
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) size += isPair(item) ? walk(item.key) + walk(item.value) : walk(item);
    }
    sizes.set(node, size);
    return size;
  };
  result.expanded = walk(doc.contents);
  return result;
}

function expansionIssue(doc: Document, lineCounter: LineCounter, file: string): ValidationIssue | undefined {
  const m = measureExpansion(doc);
  const lineOfOffset = (offset: number) => lineCounter.linePos(offset).line;
  if (m.cycleAt !== undefined) {
    return {
      file,
      line: lineOfOffset(m.cycleAt),
      field: "yaml",
      message: "YAML-fout: een alias (*naam) verwijst naar het blok waar hij zelf in staat; schrijf de gegevens uit",
      messageEn: "YAML error: an alias (*name) refers to the block it stands in; write the data out",
    };
  }
  if (m.expanded <= Math.max(MAX_EXPANSION_FACTOR * m.written, m.written + EXPANSION_ALLOWANCE)) return undefined;
  const times = Math.round(m.expanded / m.written);
  return {
    file,
    line: m.biggest ? lineOfOffset(m.biggest.offset) : 1,
    field: "yaml",
    message:
      `YAML-fout: de aliassen (*naam) maken de gegevens ${times} keer zo groot als wat er staat (meer dan ${MAX_EXPANSION_FACTOR} keer); ` +
      "schrijf de gegevens uit in plaats van blokken met &anker en *alias te herhalen",
    messageEn:
      `YAML error: the aliases (*name) make the data ${times} times as large as what is written (more than ${MAX_EXPANSION_FACTOR} times); ` +
      "write the data out instead of repeating blocks with &anchor and *alias",
  };
}

/** Paths of every string (key or value) holding a NUL character. */
function nulPaths(value: unknown, path: PathSegment[], out: PathSegment[][]): void {
  if (typeof value === "string") {
    if (value.includes("\0")) out.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulPaths(item, [...path, i], out));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes("\0")) out.push([...path, key]);
      else nulPaths(item, [...path, key], out);
    }
  }
}

/**
 * Parses YAML text (a BOM is allowed) into plain data, or lists why it cannot be used. Plain files (every
 * DIN we know) are read by yamlFast.ts, and the `yaml` library reads the file only when a message needs a
 * line; anything else the library reads at once, as before.
 */
export function readYaml(text: string, fileName: string): Validated<YamlData> {
  const clean = text.replace(/^\uFEFF/, "");
  const simple = readSimpleYaml(clean);
  if (simple !== undefined) {
    // No NUL, alias or syntax error can be in it (yamlFast.ts leaves those to the library).
    let finder: LineOf | undefined;
    const lineOf: LineOf = (path) => (finder ??= libraryLineFinder(clean))(path);
    return { ok: true, value: { data: simple, empty: false, lineOf } };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(clean, { lineCounter, prettyErrors: true, uniqueKeys: true });
  // After a syntax error the tree is unreliable: other messages would only confuse.
  if (doc.errors.length > 0) return { ok: false, issues: yamlSyntaxIssues(doc.errors, fileName) };
  const lineOf = yamlLineFinder(doc, lineCounter);
  if (doc.contents === null) return { ok: true, value: { data: null, empty: true, lineOf } };
  const plain = plainData(doc, lineCounter, lineOf, fileName);
  if (!plain.ok) return plain;
  const data = plain.value;
  return { ok: true, value: { data, empty: false, lineOf } };
}

function libraryLineFinder(text: string): LineOf {
  const lineCounter = new LineCounter();
  return yamlLineFinder(parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true }), lineCounter);
}

/**
 * The document as plain data, refusing before expanding what would blow up (aliases), and after it
 * what no database stores (NUL). For readers that handle the syntax errors themselves (duidbot.yaml).
 */
export function plainData(doc: Document, lineCounter: LineCounter, lineOf: LineOf, fileName: string): Validated<unknown> {
  // Before toJS: expanding is what takes the memory.
  const tooBig = expansionIssue(doc, lineCounter, fileName);
  if (tooBig) return { ok: false, issues: [tooBig] };
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // toJS also refuses alias bombs ("Excessive alias count"); expected failures are values, never throws.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ file: fileName, line: 1, field: "yaml", message: `YAML-fout: ${message}`, messageEn: `YAML error: ${message}` }] };
  }
  const issues = nulIssues(data, lineOf, fileName);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: data };
}

/** Every value (or key) holding a NUL character, which no database stores: one issue each, with its line. */
function nulIssues(data: unknown, lineOf: LineOf, fileName: string): ValidationIssue[] {
  const withNul: PathSegment[][] = [];
  nulPaths(data, [], withNul);
  return withNul.map((path) => ({ file: fileName, line: lineOf(path), field: fieldPath(path) || "yaml", message: NUL_PROBLEM.nl, messageEn: NUL_PROBLEM.en }));
}
