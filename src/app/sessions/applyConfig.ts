/**
 * Use case (on start): apply duidbot.yaml to the channel and person settings in the database.
 *
 * Precedence: the database holds the settings in force. An entry of the file is applied when it is
 * new or differs from the entry applied last time (a hash per entry is stored); otherwise what is in
 * the database stays, including changes an admin made by chat command since. So a deliberate edit
 * of the file always wins, and a restart never undoes a chat change. Channels or people removed
 * from the file keep their settings (unlink them by chat command).
 *
 * First, the scope ids of every channel are checked against the DIN(s) in force: one the DIN does
 * not know is refused with file:line, and nothing is applied. Without any DIN yet there is nothing
 * to check against (a first start, before the example or a DIN is imported).
 */
import { createHash } from "node:crypto";
import type { DuidbotConfig } from "../../domain/duidbotConfig.ts";
import { sortIssues } from "../../domain/issues.ts";
import { didYouMean } from "../../domain/suggest.ts";
import type { ValidationIssue } from "../../domain/validation.ts";
import type { DinState } from "../ports.ts";
import type { SessionDeps } from "./ports.ts";
import { unknownScopeIds } from "./scopeIds.ts";
import { saveChannelSettings } from "./shared.ts";

export type ApplyConfigResult =
  | { status: "applied"; channels: { applied: string[]; kept: string[] }; people: { applied: string[]; kept: string[] } }
  | { status: "invalid"; issues: ValidationIssue[] };

function hashOf(entry: unknown): string {
  return createHash("sha256").update(JSON.stringify(entry)).digest("hex").slice(0, 32);
}

async function dinsInForce(deps: Pick<SessionDeps, "dins">): Promise<DinState[]> {
  const dins = await Promise.all((await deps.dins.listDinSlugs()).map((slug) => deps.dins.loadDin(slug)));
  return dins.filter((din): din is DinState => din !== undefined);
}

/** Scope ids no DIN in force knows, each on its line in the file. */
export function scopeIssues(config: DuidbotConfig, dins: readonly DinState[]): ValidationIssue[] {
  if (dins.length === 0) return [];
  const file = config.source?.file ?? "duidbot.yaml";
  const which = dins.map((d) => `${d.slug} ${d.latest.year}`).join(", ");
  const issues = config.channels.flatMap((channel, c) =>
    unknownScopeIds(dins, channel.scope).map(({ kind, index, id, known }): ValidationIssue => {
      const field = `channels[${c}].scope.${kind}[${index}]`;
      const hint = didYouMean(id, known);
      const line = config.source?.lines[field];
      return {
        file,
        ...(line !== undefined ? { line } : {}),
        field,
        message: `"${id}" staat niet in de DIN (${which})${hint.nl}`,
        messageEn: `"${id}" is not in the DIN (${which})${hint.en}`,
      };
    }),
  );
  return sortIssues(issues);
}

export async function applyConfig(deps: Pick<SessionDeps, "sessions" | "clock" | "dins">, input: { config: DuidbotConfig }): Promise<ApplyConfigResult> {
  const { config } = input;
  const issues = scopeIssues(config, await dinsInForce(deps));
  if (issues.length > 0) return { status: "invalid", issues };
  const result = { status: "applied" as const, channels: { applied: [] as string[], kept: [] as string[] }, people: { applied: [] as string[], kept: [] as string[] } };
  await deps.sessions.transaction(async (tx) => {
    for (const entry of config.channels) {
      const lang = entry.lang ?? config.defaults.lang;
      const advanceAfterDays = entry.advanceAfterDays ?? config.defaults.advanceAfterDays;
      // The hash covers the effective entry, so changing a default re-applies the channels it affects.
      const effective = { ...entry, lang, ...(advanceAfterDays !== undefined ? { advanceAfterDays } : {}) };
      const hash = hashOf(effective);
      if ((await tx.configHash("channel", entry.key)) === hash) {
        result.channels.kept.push(entry.key);
        continue;
      }
      const before = await tx.channel(entry.key);
      await saveChannelSettings(tx, { before, settings: effective, meta: { source: "config", configHash: hash }, at: deps.clock.now() });
      result.channels.applied.push(entry.key);
    }
    for (const entry of config.people) {
      const hash = hashOf(entry);
      if ((await tx.configHash("person", entry.key)) === hash) {
        result.people.kept.push(entry.key);
        continue;
      }
      await tx.savePerson(entry, { source: "config", configHash: hash });
      result.people.applied.push(entry.key);
    }
  });
  return result;
}
