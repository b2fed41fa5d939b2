/**
 * Which digest item a reply in the digest's thread is about: a leading item number ("2: …", "2. …",
 * "[2] …") — not "#2", which names a question (session.ts) — or else the one item whose name or id the
 * text mentions. None or several: the bot explains how to reply instead of guessing.
 */
import type { DigestItem } from "./compose.ts";

export type PickedItem = { ok: true; item: DigestItem; text: string } | { ok: false };

export function pickDigestItem(text: string, items: readonly DigestItem[]): PickedItem {
  const numbered = /^\s*\[?(\d{1,2})\]?\s*[:.)\]–-]\s*([\s\S]*)$/.exec(text) ?? /^\s*\[(\d{1,2})\]\s*([\s\S]*)$/.exec(text);
  if (numbered) {
    const item = items.find((i) => i.n === Number(numbered[1]));
    const rest = numbered[2]!.trim();
    return item && rest !== "" ? { ok: true, item, text: rest } : { ok: false };
  }
  const lower = text.toLowerCase();
  const named = items.filter((i) => lower.includes(i.label.toLowerCase()) || new RegExp(`(^|[^a-z0-9-])${escape(i.subject.id)}($|[^a-z0-9-])`).test(lower));
  return named.length === 1 && text.trim() !== "" ? { ok: true, item: named[0]!, text: text.trim() } : { ok: false };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
