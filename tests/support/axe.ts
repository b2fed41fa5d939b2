/**
 * axe-core in a page, for the browser tests: the WCAG 2.1 A/AA and best-practice rules, violations only.
 * The page's own CSP forbids inline scripts; the test injects axe as the browser's tooling would.
 * `resultTypes: ["violations"]`: axe otherwise also details every passing and inapplicable node, which
 * the tests never read (measured: ~40 % of a run on the session page; issue #14).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

let source: string | undefined;

/** Each violation as "rule (count: first two targets)", so a failure says where to look. */
export async function axeViolations(page: Page): Promise<string[]> {
  source ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.evaluate(source);
  const result = await page.evaluate(async () => {
    // Runs in the page (this project's TypeScript has no DOM library): reach the page's globals untyped.
    const g = globalThis as unknown as { document: unknown; axe: { run(ctx: unknown, opts: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } };
    return g.axe.run(g.document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }, resultTypes: ["violations"] });
  });
  return result.violations.map((v) => `${v.id} (${v.nodes.length}: ${JSON.stringify(v.nodes.slice(0, 2).map((n) => n.target))})`);
}
