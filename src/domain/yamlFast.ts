/**
 * A quick reader for the plain YAML a DIN file is written in: block mappings and sequences, one-line
 * flow mappings and sequences (`{ period: 2022, value: 8.0 }`, `[a, b]`), plain, 'single' and "double"
 * quoted scalars (without escapes), and comments. The `yaml` library reads a 5,000-indicator DIN (1.3 MB)
 * in about 1.5 s, nearly all of it in its general lexer and parser (issue #15); this reads the same file
 * in a small fraction of that.
 *
 * It never decides anything on its own: whatever it does not know for certain — anchors, aliases, tags,
 * block scalars, escapes, multi-line scalars, duplicate or odd keys, tabs, control characters, anything
 * irregular — makes it return undefined, and the caller reads the file with the `yaml` library as
 * before (with its messages and lines). What it returns equals the library's `toJS()` of the document;
 * scalars resolve by the same YAML 1.2 core schema rules (tests/unit/yamlFast.test.ts compares both).
 */

interface Line {
  indent: number;
  /** The line without its indentation (comments still in it). */
  text: string;
}

class NotSimple extends Error {}

const bail = (): never => {
  throw new NotSimple();
};

/** The plain data of `text` (no BOM), or undefined when the `yaml` library must read it. */
export function readSimpleYaml(text: string): Record<string, unknown> | undefined {
  // Control characters (also NUL, tabs and a lone CR), the BOM, and white space other than the plain
  // space (non-breaking, line separators: where YAML and JavaScript disagree on trimming) are left to the library.
  if (/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]|\r(?!\n)/.test(text)) return undefined;
  const lines: Line[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    const rest = raw.slice(indent);
    if (rest === "" || rest.startsWith("#")) continue;
    // Directives and document markers: more than one plain document is not this reader's business.
    if (indent === 0 && (rest.startsWith("%") || rest.startsWith("---") || rest.startsWith("..."))) return undefined;
    lines.push({ indent, text: rest });
  }
  if (lines.length === 0 || lines[0]!.indent !== 0) return undefined;
  try {
    const reader = new Reader(lines);
    const data = reader.block(0);
    if (reader.at < lines.length || Array.isArray(data)) return undefined;
    return data;
  } catch (error) {
    if (error instanceof NotSimple) return undefined;
    throw error;
  }
}

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/;
// Keys the core schema would not read as strings, and one a plain object cannot hold as data.
const ODD_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;

class Reader {
  at = 0;
  private readonly lines: Line[];
  constructor(lines: Line[]) {
    this.lines = lines;
  }

  private isItem(line: Line): boolean {
    return line.text === "-" || line.text.startsWith("- ");
  }

  /** A mapping or a sequence starting at the current line, all of whose entries have this indent. */
  block(indent: number): Record<string, unknown> | unknown[] {
    const line = this.lines[this.at]!;
    if (line.indent !== indent) bail();
    return this.isItem(line) ? this.sequence(indent) : this.mapping(indent);
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.indent < indent) break;
      if (line.indent > indent || this.isItem(line)) bail();
      const m = KEY.exec(line.text) ?? bail();
      const key = m[1]!;
      if (ODD_KEY.test(key) || Object.hasOwn(map, key)) bail();
      const rest = line.text.slice(m[0].length);
      this.at++;
      map[key] = this.valueAfter(rest, indent, true);
    }
    return map;
  }

  private sequence(indent: number): unknown[] {
    const list: unknown[] = [];
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.indent < indent) break;
      if (line.indent > indent) bail();
      if (!this.isItem(line)) break;
      let offset = 1;
      while (line.text.charCodeAt(offset) === 32) offset++;
      const rest = line.text.slice(offset);
      if (rest !== "" && !rest.startsWith("#") && KEY.test(rest)) {
        // "- id: x": a mapping whose keys stand at the column of its first key.
        this.lines[this.at] = { indent: indent + offset, text: rest };
        list.push(this.mapping(indent + offset));
        continue;
      }
      if (rest.startsWith("- ") || rest === "-") bail();
      this.at++;
      list.push(this.valueAfter(rest, indent, false));
    }
    return list;
  }

  /** The value after "key:" or "-": inline on the line, or the block on the lines below, or null. */
  private valueAfter(rest: string, indent: number, inMapping: boolean): unknown {
    const inline = stripComment(rest);
    const next = this.lines[this.at];
    if (inline === "") {
      if (next !== undefined && next.indent > indent) return this.block(next.indent);
      // A sequence may stand at its key's own indent ("goals:\n- id: …").
      if (inMapping && next !== undefined && next.indent === indent && this.isItem(next)) return this.sequence(indent);
      return null;
    }
    // A more indented line after an inline value would continue it (a multi-line scalar).
    if (next !== undefined && next.indent > indent) bail();
    return inlineValue(inline);
  }
}

/** The line up to a comment (" #" outside quotes), without trailing spaces. */
function stripComment(text: string): string {
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      // A quote only opens a quoted scalar at the start of a value; inside a plain one it is text.
      if (i === 0 || /[\s{[,:]/.test(text[i - 1]!)) quote = c;
    } else if (c === 35 && (i === 0 || text.charCodeAt(i - 1) === 32)) {
      return trimSpaces(text.slice(0, i));
    }
  }
  return trimSpaces(text);
}

/** A scalar, quoted scalar or one-line flow collection (the whole of `text`). */
function inlineValue(text: string): unknown {
  const first = text[0]!;
  if (first === '"' || first === "'") {
    const [value, end] = quoted(text, 0);
    if (end !== text.length) bail();
    return value;
  }
  if (first === "{" || first === "[") {
    const [value, end] = flow(text, 0);
    if (end !== text.length) bail();
    return value;
  }
  return plain(text, false);
}

/** Indicators that start something other than a plain scalar (anchor, alias, tag, block scalar, …). */
const SPECIAL_START = /^(?:[&*!|>%@`?:,\]}#]|-(?:\s|$))/;

/** A plain scalar resolved by the YAML 1.2 core schema, as the `yaml` library does. */
function plain(text: string, inFlow: boolean): unknown {
  if (text === "" || SPECIAL_START.test(text)) bail();
  // ": " would start a nested mapping; in flow context "[]{}," end the scalar.
  if (text.includes(": ") || text.endsWith(":") || (inFlow && /[[\]{},]/.test(text))) bail();
  return resolvePlain(text);
}

function resolvePlain(s: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === "t" || s[0] === "T";
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    return s.slice(-3).toLowerCase() === "nan" ? NaN : s[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}

/** A quoted scalar at `start`; returns it and the index after its closing quote. No escapes, one line. */
function quoted(text: string, start: number): [string, number] {
  const q = text[start]!;
  let value = "";
  let i = start + 1;
  for (;;) {
    const close = text.indexOf(q, i);
    if (close < 0) bail();
    value += text.slice(i, close);
    if (q === "'" && text[close + 1] === "'") {
      value += "'";
      i = close + 2;
      continue;
    }
    if (q === '"' && value.includes("\\")) bail();
    return [value, close + 1];
  }
}

/** A one-line flow mapping or sequence of scalars at `start`; returns it and the index after it. */
function flow(text: string, start: number): [unknown, number] {
  const isMap = text[start] === "{";
  const close = isMap ? "}" : "]";
  const map: Record<string, unknown> = {};
  const list: unknown[] = [];
  let i = skipSpaces(text, start + 1);
  if (text[i] === close) return [isMap ? map : list, i + 1];
  for (;;) {
    if (isMap) {
      const m = /^([A-Za-z_][A-Za-z0-9_-]*): +/.exec(text.slice(i)) ?? bail();
      const key = m[1]!;
      if (ODD_KEY.test(key) || Object.hasOwn(map, key)) bail();
      i += m[0].length;
      const [value, end] = flowScalar(text, i);
      map[key] = value;
      i = end;
    } else {
      const [value, end] = flowScalar(text, i);
      list.push(value);
      i = end;
    }
    i = skipSpaces(text, i);
    if (text[i] === close) return [isMap ? map : list, i + 1];
    if (text[i] !== ",") bail();
    i = skipSpaces(text, i + 1);
    // A trailing comma, nested collections and the like: the library's business.
    if (text[i] === close || text[i] === "{" || text[i] === "[") bail();
  }
}

function flowScalar(text: string, start: number): [unknown, number] {
  if (text[start] === '"' || text[start] === "'") return quoted(text, start);
  let end = start;
  while (end < text.length && !/[,\]}]/.test(text[end]!)) end++;
  return [plain(trimSpaces(text.slice(start, end)), true), end];
}

function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(0, end);
}

function skipSpaces(text: string, i: number): number {
  while (text.charCodeAt(i) === 32) i++;
  return i;
}
