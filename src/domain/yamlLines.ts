/**
 * Maps a key path (as zod reports it) to the 1-based line of that node in a YAML document,
 * so every DIN issue can point at the line to fix.
 */
import { isMap, isScalar, isSeq } from "yaml";
import type { Document, LineCounter } from "yaml";

export type LineOf = (path: readonly PropertyKey[]) => number;

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === "string" ? key : undefined;
}

/**
 * For an existing node: the line of its key (or of its list item). For a missing key: the line of
 * the parent mapping, which is where the key should be added.
 */
export function yamlLineFinder(doc: Document, lineCounter: LineCounter): LineOf {
  const lineAt = (node: unknown): number | undefined => {
    const range = (node as { range?: readonly number[] | null } | null | undefined)?.range;
    const offset = range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  return (path) => {
    let node: unknown = doc.contents;
    let line = lineAt(node) ?? 1;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === String(seg));
        if (pair === undefined) return line;
        line = lineAt(pair.key) ?? lineAt(pair.value) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === "number") {
        const item: unknown = node.items[seg];
        if (item === undefined) return line;
        line = lineAt(item) ?? line;
        node = item;
      } else {
        return line;
      }
    }
    return line;
  };
}
