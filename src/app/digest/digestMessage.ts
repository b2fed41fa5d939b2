/**
 * The digest as a neutral message: a header, one titled paragraph per section, how to reply, and a
 * "Reageer" choice over EVERY numbered item (internal channels only: guests cannot start a session,
 * they reply in the thread). Each adapter renders the choice within its platform's limits — buttons
 * while they fit, a menu "Reageer op …" beyond (adapters/slack/render/blocks.ts, adapters/teams/render/card.ts) —
 * so no item is left without a way to react, however long the week was.
 */
import type { Digest, DigestSubject } from "../../domain/digest/compose.ts";
import { digestText } from "../../domain/digest/texts.ts";
import type { MessageElement, NeutralMessage } from "../messages/message.ts";
import type { ChannelSettings } from "../sessions/ports.ts";

/** The Reageer button's value: "<kind>:<id>:<din slug>" (ids and slugs have no colon). */
export function reactValue(subject: DigestSubject, dinSlug: string): string {
  return `${subject.kind}:${subject.id}:${dinSlug}`;
}

export function reactRefFromValue(value: string): { subject: DigestSubject; dinSlug: string } | undefined {
  const match = /^(indicator|doel):([^:]+):([^:]+)$/.exec(value);
  return match ? { subject: { kind: match[1] as DigestSubject["kind"], id: match[2]! }, dinSlug: match[3]! } : undefined;
}

export function digestMessage(channel: Pick<ChannelSettings, "key" | "audience" | "lang">, dinSlug: string, digest: Digest): NeutralMessage {
  const t = digestText(channel.lang);
  const elements: MessageElement[] = [{ type: "header", text: digest.title }];
  for (const section of digest.sections) elements.push({ type: "text", title: section.title, text: section.lines.join("\n") });
  if (digest.sections.length === 0) elements.push({ type: "text", text: digest.summary });
  if (digest.howTo) elements.push({ type: "context", text: digest.howTo });
  if (channel.audience !== "gast" && digest.items.length > 0) {
    elements.push({
      type: "choice",
      id: "digest.react",
      prompt: t.reactPrompt,
      missing: t.reactMissing,
      options: digest.items.map((item) => ({ value: reactValue(item.subject, dinSlug), button: t.react(item.n), label: `${item.n} · ${item.label}` })),
    });
  }
  return { target: { channel: channel.key }, summary: digest.summary, elements };
}
