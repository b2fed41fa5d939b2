// Proves every duidbot.yaml and din.yaml example the user can copy is valid with the real readers:
// the fenced ```yaml blocks in README.md, docs/*.md and examples/**/*.md, and the YAML files in
// examples/. duidbot.yaml examples must also name only scope ids of the Hilversum example DIN.
//
// A block is recognised by a marker comment on its first line ("# duidbot.yaml", "# din.yaml"; any
// other "# <name>.yaml", e.g. "# slack-manifest.yaml", is not checked here), else by its top-level
// keys. A YAML block that is neither fails the test: mark it, so no example goes unchecked by accident.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { scopeIssues } from "../../src/app/sessions/applyConfig.ts";
import type { DinState } from "../../src/app/ports.ts";
import type { DinDefinition } from "../../src/domain/din.ts";
import { parseDinFile } from "../../src/domain/dinFile.ts";
import { parseDuidbotConfig } from "../../src/domain/duidbotConfig.ts";
import { slugify } from "../../src/domain/slug.ts";
import { formatIssue, type ValidationIssue } from "../../src/domain/validation.ts";

const root = path.join(import.meta.dirname, "..", "..");

type Kind = "duidbot" | "din" | "other" | "unknown";

interface Example {
  /** "README.md:93" (the fence line) or "examples/duidbot.yaml". */
  where: string;
  /** Added to an issue's line to point into the Markdown file (0 for a YAML file). */
  lineOffset: number;
  text: string;
  kind: Kind;
}

const CONFIG_KEYS = new Set(["defaults", "channels", "people", "groups"]);
const DIN_KEYS = new Set(["municipality", "year", "mission", "opgaven", "speerpunten", "indicators"]);

/** By the marker comment on the first line, else by the top-level keys. */
function classify(text: string, fileName?: string): Kind {
  const named = fileName ?? /^#\s*([\w.-]+\.ya?ml)\b/.exec(text.trimStart())?.[1];
  if (named !== undefined) {
    if (/^duidbot.*\.ya?ml$/.test(named)) return "duidbot";
    if (/^din.*\.ya?ml$/.test(named)) return "din";
    if (fileName === undefined) return "other";
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return "unknown";
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return "unknown";
  const keys = Object.keys(data);
  if (keys.some((k) => DIN_KEYS.has(k))) return "din";
  if (keys.length > 0 && keys.every((k) => CONFIG_KEYS.has(k))) return "duidbot";
  return fileName !== undefined ? "other" : "unknown";
}

/** Fenced ```yaml / ```yml blocks with the line of their opening fence. */
function yamlBlocks(markdown: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*ya?ml\b/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !lines[j]!.trimStart().startsWith(fence)) body.push(lines[j++]!);
    blocks.push({ line: i + 1, text: `${body.join("\n")}\n` });
    i = j;
  }
  return blocks;
}

function filesUnder(dir: string, test: (name: string) => boolean, deep: boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return deep ? filesUnder(full, test, deep) : [];
    return test(entry.name) ? [full] : [];
  });
}

function collectExamples(): Example[] {
  const markdown = [path.join(root, "README.md"), ...filesUnder(path.join(root, "docs"), (n) => n.endsWith(".md"), false), ...filesUnder(path.join(root, "examples"), (n) => n.endsWith(".md"), true)];
  const fromMarkdown = markdown.flatMap((file) =>
    yamlBlocks(readFileSync(file, "utf8")).map(({ line, text }) => ({ where: `${path.relative(root, file)}:${line}`, lineOffset: line, text, kind: classify(text) })),
  );
  const yamlFiles = filesUnder(path.join(root, "examples"), (n) => /\.ya?ml$/.test(n), true);
  const fromFiles = yamlFiles.map((file) => {
    const text = readFileSync(file, "utf8");
    return { where: path.relative(root, file), lineOffset: 0, text, kind: classify(text, path.basename(file)) };
  });
  return [...fromMarkdown, ...fromFiles];
}

function dinState(definition: DinDefinition): DinState {
  return {
    slug: slugify(definition.municipality),
    latest: definition,
    versions: [],
    indicators: definition.indicators.map((indicator) => ({ indicator, firstYear: definition.year, lastYear: definition.year, retired: false })),
  };
}

/** "README.md:103: channels[1].name: naam ontbreekt…": the line in the Markdown file itself. */
const shown = (example: Example, issues: readonly ValidationIssue[]) =>
  issues.map((i) => formatIssue({ ...i, file: example.where.replace(/:\d+$/, ""), ...(i.line !== undefined ? { line: i.line + example.lineOffset } : {}) }));

const examples = collectExamples();
const hilversum = parseDinFile(readFileSync(path.join(root, "examples", "hilversum", "din.yaml"), "utf8"), "din.yaml");

describe("documentation examples", () => {
  it("finds the examples: duidbot.yaml and din.yaml in the docs and in examples/", () => {
    const kinds = (inExamples: boolean, kind: Kind) => examples.filter((e) => e.where.startsWith("examples/") === inExamples && e.kind === kind).length;
    expect(kinds(false, "duidbot")).toBeGreaterThan(0);
    expect(kinds(false, "din")).toBeGreaterThan(0);
    expect(kinds(true, "duidbot")).toBeGreaterThan(0);
    expect(kinds(true, "din")).toBeGreaterThanOrEqual(2);
  });

  it("recognises every YAML block (mark an unrecognised one with '# <file>.yaml' on its first line)", () => {
    expect(examples.filter((e) => e.kind === "unknown").map((e) => e.where)).toEqual([]);
  });

  it("has only valid din.yaml examples", () => {
    const problems = examples.filter((e) => e.kind === "din").flatMap((e) => {
      const parsed = parseDinFile(e.text, "din.yaml");
      return parsed.ok ? [] : shown(e, parsed.issues);
    });
    expect(problems).toEqual([]);
  });

  it("has only valid duidbot.yaml examples, naming only scope ids of the Hilversum example DIN", () => {
    if (!hilversum.ok) throw new Error("examples/hilversum/din.yaml is invalid");
    const problems = examples.filter((e) => e.kind === "duidbot").flatMap((e) => {
      const parsed = parseDuidbotConfig(e.text, "duidbot.yaml");
      if (!parsed.ok) return shown(e, parsed.issues);
      return shown(e, scopeIssues(parsed.value, [dinState(hilversum.value)]));
    });
    expect(problems).toEqual([]);
  });
});

describe("example discovery", () => {
  it("reads fenced yaml blocks with their fence line", () => {
    expect(yamlBlocks("tekst\n```yaml\na: 1\n```\n\n~~~yml\nb: 2\n~~~\n```sh\nc\n```\n")).toEqual([
      { line: 2, text: "a: 1\n" },
      { line: 6, text: "b: 2\n" },
    ]);
  });

  it("classifies by marker first, then by top-level keys", () => {
    expect(classify("# duidbot.yaml\nwhatever: 1\n")).toBe("duidbot");
    expect(classify("# din.yaml\n")).toBe("din");
    expect(classify("# slack-manifest.yaml\nfeatures: {}\n")).toBe("other");
    expect(classify("channels: []\npeople: []\n")).toBe("duidbot");
    expect(classify("municipality: X\n")).toBe("din");
    expect(classify("scope: { opgaven: [a] }\n")).toBe("unknown");
    expect(classify("display_information: {}\n", "slack-manifest.yaml")).toBe("other");
  });
});
