// Proves the quick YAML reader (yamlFast.ts) never disagrees with the `yaml` library: on the project's
// YAML files, the benchmark's 5,000-indicator DIN and thousands of generated and mutated documents it
// either returns exactly what the library's toJS() returns for an error-free document, or leaves the
// text to the library; and that it does read plain DIN files itself (otherwise nothing got faster).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { syntheticDinYaml } from "../../bench/syntheticDin.ts";
import { readSimpleYaml } from "../../src/domain/yamlFast.ts";

const root = path.join(import.meta.dirname, "..", "..");
const files = ["examples/hilversum/din.yaml", "examples/huizen/din.yaml", "examples/duidbot.yaml", "examples/slack-manifest.yaml", "tests/fixtures/din-2024.yaml", "tests/fixtures/din-2025.yaml"];

/** The library's reading, or undefined when it reports any error or warning. */
function library(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  return doc.toJS();
}

function agrees(text: string): "fast" | "library" {
  const fast = readSimpleYaml(text);
  if (fast === undefined) return "library";
  const expected = library(text);
  expect(expected, `the library refuses what the quick reader accepted: ${JSON.stringify(text)}`).not.toBeUndefined();
  expect(fast, JSON.stringify(text)).toStrictEqual(expected);
  return "fast";
}

describe("readSimpleYaml", () => {
  it.each(files)("reads %s itself, exactly as the library does", (file) => {
    const text = readFileSync(path.join(root, file), "utf8");
    expect(agrees(text)).toBe("fast");
  });

  it("reads the benchmark's DINs (yearly, weekly with CRLF) as the library does", () => {
    expect(agrees(syntheticDinYaml(500, 2025))).toBe("fast");
    expect(agrees(syntheticDinYaml(50, 2025, "week").replace(/\n/g, "\r\n"))).toBe("fast");
  });

  it.each([
    ["an anchor and an alias", "a: &x 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a block scalar", "a: |\n  regel\n"],
    ["a multi-line plain scalar", "a: een\n  twee\n"],
    ["an escape", 'a: "x\\ty"\n'],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["a tab", "a:\t1\n"],
    ["a second document", "a: 1\n---\nb: 2\n"],
    ["a nested flow collection", "a: [1, [2]]\n"],
    ["a NUL", "a: x\u0000y\n"],
    ["a non-breaking space", "a: x\u00a0\n"],
    ["a quoted key", '"a": 1\n'],
    ["a key that is no string", "true: 1\n"],
    ["a list at the top", "- a\n"],
    ["a mapping in a plain scalar", "a: b: c\n"],
  ])("leaves %s to the library", (_, text) => {
    expect(readSimpleYaml(text)).toBeUndefined();
  });

  it("resolves scalars by the YAML 1.2 core schema, as the library does", () => {
    const scalars = ["~", "null", "Null", "NULL", "true", "False", "TRUE", "yes", "no", "on", "0o17", "0x1F", "017", "-0", "+12", "1_000", "12", "-3", ".5", "1.", "8.0",
      "1e3", "-1.5E-3", ".inf", "-.Inf", ".NaN", "2024-01-01", "2024-Q1", "12,5", "%", "a'b", 'a"b', "a#b", "a #b", "a:b", "Armoede & Schulden", "x,y", "(a, b)", "{x}", "[x]",
      "'enkel'", "'it''s'", '"dubbel"', '""', "''", "€ 5", "😀", "-x", "-", "?x", ":x", "@x", "`x`", "*x", "&x", "!x", "|", ">", "%x", "a: b", "a:"];
    let fast = 0;
    for (const s of scalars) {
      for (const text of [`k: ${s}\n`, `k: [${s}, x]\n`, `k: { v: ${s} }\n`, `k:\n  - ${s}\n`]) if (agrees(text) === "fast") fast++;
    }
    expect(fast).toBeGreaterThan(150);
  });

  it("agrees with the library on 6,000 generated and mutated documents", () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const keys = ["id", "name", "goal", "value", "period", "indicators", "a_b", "x-y", "K2"];
    const scalars = ["1", "-2.5", "8.0", "x", "Teststad", "true", "null", "~", '"%"', "'a''b'", "2024-Q1", "a b", "€ 1.234", "{ period: 2022, value: 8.0 }", "[a, b]", "[]", "{}", "# c", ""];
    const doc = (depth: number, indent: number): string => {
      const pad = " ".repeat(indent);
      let out = "";
      const n = 1 + Math.floor(random() * 3);
      const used = new Set<string>();
      for (let i = 0; i < n; i++) {
        const key = pick(keys);
        if (used.has(key) && random() < 0.9) continue;
        used.add(key);
        const r = random();
        if (depth > 0 && r < 0.3) out += `${pad}${key}:\n${doc(depth - 1, indent + pick([1, 2, 4]))}`;
        else if (depth > 0 && r < 0.55) {
          const itemPad = indent + pick([0, 2]);
          out += `${pad}${key}:\n`;
          for (let j = 0; j < 1 + Math.floor(random() * 3); j++) {
            out += random() < 0.5 ? `${" ".repeat(itemPad)}- ${pick(scalars)}\n` : `${" ".repeat(itemPad)}- ${doc(depth - 1, itemPad + 2).trimStart()}`;
          }
        } else out += `${pad}${key}: ${pick(scalars)}${random() < 0.1 ? " # opmerking" : ""}\n`;
      }
      return out;
    };
    const noise = ["#", " #", ":", ": ", "-", "- ", "'", '"', "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", " ", "  ", "\n", "\r\n", "\t", "x", "1", "\\", "%", "?", "\u00a0"];
    let fast = 0;
    for (let round = 0; round < 6000; round++) {
      let text = doc(3, 0);
      if (round % 2 === 1) {
        for (let m = 0; m < 1 + Math.floor(random() * 3); m++) {
          const at = Math.floor(random() * (text.length + 1));
          text = random() < 0.7 ? text.slice(0, at) + pick(noise) + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
        }
      }
      if (agrees(text) === "fast") fast++;
    }
    // Both kinds of outcome occur: the comparison above was made thousands of times.
    expect(fast).toBeGreaterThan(1500);
    expect(fast).toBeLessThan(6000);
  });
});
