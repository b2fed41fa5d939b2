/**
 * Reads duidbot.yaml (channels, people, session defaults). Path: env DUIDBOT_CONFIG, default
 * ./duidbot.yaml. A missing file means "no channels yet" (link them by chat command); an invalid
 * file stops the start with every problem listed, like the DIN import does.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { EMPTY_CONFIG, parseDuidbotConfig, type DuidbotConfig } from "../domain/duidbotConfig.ts";
import { formatIssue } from "../domain/validation.ts";
import { ConfigError } from "./config.ts";

export function duidbotConfigPath(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const given = env.DUIDBOT_CONFIG?.trim();
  return path.resolve(cwd, given ? given : "duidbot.yaml");
}

export async function loadDuidbotConfig(file: string, lang: "nl" | "en" = "nl"): Promise<{ config: DuidbotConfig; found: boolean }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { config: EMPTY_CONFIG, found: false };
    throw new ConfigError(`${file}: bestand niet te lezen / cannot read file (${(error as NodeJS.ErrnoException).code ?? "?"})`);
  }
  const parsed = parseDuidbotConfig(text, path.basename(file));
  if (!parsed.ok) throw new ConfigError(parsed.issues.map((i) => formatIssue(i, lang)).join("\n"));
  return { config: parsed.value, found: true };
}
