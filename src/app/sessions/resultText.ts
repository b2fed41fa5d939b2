/** Renders a use case's outcome as one line for the person who acted, from the catalogue in texts/results.*.ts. */
import type { Lang } from "../../domain/format.ts";
import { isQuestion } from "../../domain/session.ts";
import { questionText } from "../../domain/sessionText.ts";
import { RESULTS_EN } from "./texts/results.en.ts";
import { RESULTS_NL } from "./texts/results.nl.ts";

export const RESULT_TEXT = { nl: RESULTS_NL, en: RESULTS_EN } as const;

/** Any session use-case result: a status, and for some a reason, code, action or the question it is at. */
export type AnyResult = { status: string; reason?: string; code?: string; action?: string; question?: string; vars?: Readonly<Record<string, string>> };

/**
 * The most specific text: "forbidden:guest-channel" before "forbidden:adopt" before "forbidden".
 * "{question}" in a text becomes the label of the result's question ("nu bij Verklaren"); "{name}" the
 * result's vars.name (a guest link's address, say).
 */
export function resultText(result: AnyResult, lang: Lang): string {
  const texts = RESULT_TEXT[lang];
  const question = result.question !== undefined && isQuestion(result.question) ? questionText(result.question, lang).label : undefined;
  const keys = [result.reason, result.code, result.action].filter((k): k is string => k !== undefined).map((k) => `${result.status}:${k}`);
  for (const key of [...keys, result.status]) {
    const text = (texts as Partial<Record<string, string>>)[key];
    if (text === undefined) continue;
    const withVars = Object.entries(result.vars ?? {}).reduce((t, [name, value]) => t.replaceAll(`{${name}}`, value), text);
    return question !== undefined ? withVars.replaceAll("{question}", question) : withVars;
  }
  return result.status;
}
