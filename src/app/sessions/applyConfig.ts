/**
 * Use case (on start): apply duidbot.yaml to the channel and person settings in the database.
 *
 * Precedence: the database holds the settings in force. An entry of the file is applied when it is
 * new or differs from the entry applied last time (a hash per entry is stored); otherwise what is in
 * the database stays, including changes an admin made by chat command since. So a deliberate edit
 * of the file always wins, and a restart never undoes a chat change. Channels or people removed
 * from the file keep their settings (unlink them by chat command). It also removes the person row
 * "system:duidbot" older versions wrote for guest detection (see removeLegacySystemPerson).
 */
import { createHash } from "node:crypto";
import type { DuidbotConfig } from "../../domain/duidbotConfig.ts";
import type { SessionDeps } from "./ports.ts";
import { removeLegacySystemPerson, saveChannelSettings } from "./shared.ts";

export interface ApplyConfigResult {
  channels: { applied: string[]; kept: string[] };
  people: { applied: string[]; kept: string[] };
}

function hashOf(entry: unknown): string {
  return createHash("sha256").update(JSON.stringify(entry)).digest("hex").slice(0, 32);
}

export async function applyConfig(deps: Pick<SessionDeps, "sessions" | "clock">, input: { config: DuidbotConfig }): Promise<ApplyConfigResult> {
  const { config } = input;
  const result: ApplyConfigResult = { channels: { applied: [], kept: [] }, people: { applied: [], kept: [] } };
  await deps.sessions.transaction(async (tx) => {
    await removeLegacySystemPerson(tx);
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
