/**
 * A modal has no channel of its own, but the use case needs to know where the person acted (the
 * channel's audience decides what they may do). So private_metadata carries the form's opaque state
 * plus the channel key and thread it was opened from.
 * @see https://docs.slack.dev/surfaces/modals#private_metadata
 */
import { z } from "zod";

const FormMeta = z.object({ s: z.string(), c: z.string(), t: z.string().optional() });
export type FormMeta = { state: string; channel: string; threadTs?: string };

export function encodeFormMeta(meta: FormMeta): string {
  return JSON.stringify({ s: meta.state, c: meta.channel, ...(meta.threadTs ? { t: meta.threadTs } : {}) });
}

export function decodeFormMeta(raw: string): FormMeta | undefined {
  try {
    const parsed = FormMeta.safeParse(JSON.parse(raw));
    return parsed.success ? { state: parsed.data.s, channel: parsed.data.c, ...(parsed.data.t ? { threadTs: parsed.data.t } : {}) } : undefined;
  } catch {
    return undefined;
  }
}
