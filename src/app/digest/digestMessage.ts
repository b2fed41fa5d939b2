/**
 * The digest as a neutral message: a header, one titled paragraph per section, how to reply, and a
 * "Reageer" button per numbered item (internal channels only: guests cannot start a session, they reply
 * in the thread). Slack allows 25 buttons in a block: the first REACT_BUTTONS items get one.
 */
import type { Digest, DigestSubject } from "../../domain/digest/compose.ts";
import { digestText } from "../../domain/digest/texts.ts";
import type { MessageElement, NeutralMessage } from "../messages/message.ts";
import type { ChannelSettings } from "../sessions/ports.ts";

export const REACT_BUTTONS = 10;

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
      type: "actions",
      actions: digest.items.slice(0, REACT_BUTTONS).map((item) => ({ id: "digest.react" as const, label: t.react(item.n), value: reactValue(item.subject, dinSlug) })),
    });
  }
  return { target: { channel: channel.key }, summary: digest.summary, elements };
}
