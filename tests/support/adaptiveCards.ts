/**
 * Checks a card with Microsoft's own `adaptivecards` library at schema 1.5 (what Teams supports):
 * the library's parse and validation events, plus the rules it does not enforce but Teams' guidance
 * does — every input has a label, every required input an errorMessage, only element and action types
 * the library knows for 1.5, and a card under Teams' ~28 KB. Returns the problems (empty: valid).
 * The package's ESM build does not resolve in Node; its UMD bundle needs no DOM for parsing.
 */
import { createRequire } from "node:module";

interface SerializationContext {
  targetVersion: unknown;
  eventCount: number;
  getEventAt(i: number): { message: string };
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => { parse(json: unknown, context: SerializationContext): void; validateProperties(): { validationEvents: { message: string }[] } };
  SerializationContext: new () => SerializationContext;
  Versions: { v1_5: unknown };
}

const ac = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as AdaptiveCardsModule;

export const TEAMS_CARD_LIMIT = 28 * 1024;

export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const json = card as { version?: string };
  if (json.version !== "1.5") problems.push(`version ${String(json.version)}, expected 1.5`);
  const context = new ac.SerializationContext();
  context.targetVersion = ac.Versions.v1_5;
  const parsed = new ac.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  walk(card, (node) => {
    const type = node.type;
    if (typeof type !== "string" || !type.startsWith("Input.")) return;
    if (typeof node.label !== "string" || node.label.trim() === "") problems.push(`${type} ${String(node.id)} has no label`);
    if (node.isRequired === true && typeof node.errorMessage !== "string") problems.push(`${type} ${String(node.id)} is required without errorMessage`);
  });
  const bytes = Buffer.byteLength(JSON.stringify(card));
  if (bytes > TEAMS_CARD_LIMIT) problems.push(`card is ${bytes} bytes, over Teams' ${TEAMS_CARD_LIMIT}`);
  return problems;
}

function walk(node: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (!node || typeof node !== "object") return;
  visit(node as Record<string, unknown>);
  for (const value of Object.values(node)) walk(value, visit);
}
