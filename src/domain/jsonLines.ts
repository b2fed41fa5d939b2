/**
 * Finds the line of values in JSON text, so issues in a JSON measurement file can name a line.
 * Runs only on text that JSON.parse already accepted; records paths up to `maxDepth` levels deep
 * (the measurement items and their fields) and skips over anything deeper.
 */
import type { PathSegment } from "./issues.ts";

export type JsonLineOf = (path: readonly PathSegment[]) => number | undefined;

export function jsonLineFinder(text: string, maxDepth = 3): JsonLineOf {
  const lines = new Map<string, number>();
  let pos = 0;
  let line = 1;

  // Advances to `target`, counting line breaks on the way.
  const advanceTo = (target: number) => {
    for (; pos < target; pos++) if (text.charCodeAt(pos) === 10) line++;
  };
  const skipWs = () => {
    while (pos < text.length && /\s/.test(text[pos] ?? "")) advanceTo(pos + 1);
  };
  const stringEnd = (start: number): number => {
    let i = start + 1;
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    return i + 1;
  };
  const readString = (): string => {
    const end = stringEnd(pos);
    const value = JSON.parse(text.slice(pos, end)) as string;
    advanceTo(end);
    return value;
  };
  // Skips one value without recording, iteratively so deep nesting cannot overflow the stack.
  const skipValue = () => {
    let depth = 0;
    do {
      const ch = text[pos];
      if (ch === '"') advanceTo(stringEnd(pos));
      else {
        if (ch === "{" || ch === "[") depth++;
        else if (ch === "}" || ch === "]") depth--;
        advanceTo(pos + 1);
        if (depth === 0 && ch !== "}" && ch !== "]") {
          // A scalar: consume the rest of it.
          while (pos < text.length && !/[\s,\]}]/.test(text[pos] ?? "")) advanceTo(pos + 1);
        }
      }
    } while (depth > 0 && pos < text.length);
  };
  const value = (path: PathSegment[]) => {
    skipWs();
    lines.set(JSON.stringify(path), line);
    const ch = text[pos];
    if (path.length >= maxDepth || (ch !== "{" && ch !== "[")) return skipValue();
    advanceTo(pos + 1);
    skipWs();
    let index = 0;
    while (pos < text.length && text[pos] !== "}" && text[pos] !== "]") {
      if (ch === "{") {
        const key = readString();
        skipWs();
        advanceTo(pos + 1); // ":"
        value([...path, key]);
      } else {
        value([...path, index++]);
      }
      skipWs();
      if (text[pos] === ",") advanceTo(pos + 1);
      skipWs();
    }
    advanceTo(pos + 1);
  };

  value([]);
  return (path) => lines.get(JSON.stringify(path));
}
