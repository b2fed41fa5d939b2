/**
 * Proves the layering by reading the sources: src/domain imports nothing outside itself but a few
 * pure libraries; src/app never reaches into src/store, src/main, src/cli or adapters/ (it talks
 * to them through ports); adapters never touch the database (no @prisma/client, no src/store) and
 * never import each other (each platform is a plug-in on the same chat core).
 * Type-only imports count too: a type import is still a dependency on the layer.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  const full = path.join(ROOT, dir);
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every module specifier in a file: static imports/exports (type-only included) and dynamic import(). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']/gms)) specifiers.push(match[1]!);
  for (const match of source.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) specifiers.push(match[1]!);
  for (const match of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) specifiers.push(match[1]!);
  return specifiers;
}

/** A relative specifier as a repository path ("src/store/database.ts"); packages stay as they are. */
function resolve(file: string, specifier: string): string {
  return specifier.startsWith(".") ? path.relative(ROOT, path.resolve(path.dirname(file), specifier)).split(path.sep).join("/") : specifier;
}

interface Violation {
  file: string;
  imports: string;
}

function violations(dir: string, forbidden: (target: string) => boolean): Violation[] {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .map((specifier) => resolve(file, specifier))
      .filter(forbidden)
      .map((target) => ({ file: path.relative(ROOT, file), imports: target })),
  );
}

const isRelativeTarget = (target: string) => /^(src|adapters|tests|bench|prisma)\//.test(target) || target.startsWith("..");

/** Pure libraries the domain may use: parsing and string helpers, no I/O. */
const DOMAIN_PACKAGES = new Set(["zod", "yaml", "fastest-levenshtein"]);

describe("layering", () => {
  it("reads imports of every form (self-check of this test)", () => {
    const sample = path.join(ROOT, "src/app/chat.ts");
    expect(importsOf(sample)).toContain("./messages/message.ts");
    // Detection works on real files: adapters/slack does depend on Bolt (type-only and value imports).
    expect(violations("adapters/slack", (target) => target === "@slack/bolt").length).toBeGreaterThan(1);
    expect(violations("adapters/slack", (target) => target.startsWith("src/app/")).length).toBeGreaterThan(0);
  });

  it("src/domain imports nothing outside itself except pure libraries", () => {
    const found = violations("src/domain", (target) =>
      isRelativeTarget(target) ? !target.startsWith("src/domain/") : !DOMAIN_PACKAGES.has(target),
    );
    expect(found).toEqual([]);
  });

  it("src/app does not import src/store, src/main, src/cli, adapters/ or Prisma", () => {
    const found = violations("src/app", (target) => /^(src\/(store|main|cli)|adapters)\//.test(target) || target.startsWith("@prisma/"));
    expect(found).toEqual([]);
  });

  it("adapters do not import @prisma/client or src/store", () => {
    const found = violations("adapters", (target) => target.startsWith("@prisma/") || target.startsWith("src/store/"));
    expect(found).toEqual([]);
  });

  it("no adapter imports another adapter", () => {
    const adapters = readdirSync(path.join(ROOT, "adapters"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(adapters.length).toBeGreaterThan(1);
    const found = adapters.flatMap((name) =>
      violations(`adapters/${name}`, (target) => target.startsWith("adapters/") && !target.startsWith(`adapters/${name}/`)),
    );
    expect(found).toEqual([]);
  });

  it("the composition root names no chat platform: it loops over the list in src/main/chatAdapters.ts", () => {
    const files = ["src/main/server.ts", "src/main/config.ts", "src/cli/serve.ts", "src/main/services.ts"];
    const named = files.filter((file) => /slack|teams/i.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(named).toEqual([]);
    expect(readFileSync(path.join(ROOT, "src/main/chatAdapters.ts"), "utf8")).toMatch(/listed\(slackPlugin\)/);
  });

  it("no file in src/ or adapters/ is longer than 300 lines (split by responsibility instead)", () => {
    const long = [...sourceFiles("src"), ...sourceFiles("adapters")]
      .map((file) => ({ file: path.relative(ROOT, file), lines: readFileSync(file, "utf8").split("\n").length - 1 }))
      .filter((f) => f.lines > 300);
    expect(long).toEqual([]);
  });
});
