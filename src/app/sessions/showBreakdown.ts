/**
 * Use case: "Uitsplitsing" on a change post. Answers in the channel with the indicator's newest
 * breakdowns as a table message, through the one small-number rule of every face (breakdown.ts, with
 * secondary suppression) for the channel's audience. Guests get it only for indicators they may see,
 * and the post is stamped so a stricter DIN before sending renders it again (rerenderForGuests).
 */
import { breakdownsAt, latestBreakdownPeriod, shownBreakdown } from "../../domain/breakdown.ts";
import { smallNumberLimit } from "../../domain/din.ts";
import { formatValue } from "../../domain/format.ts";
import type { Lang } from "../../domain/format.ts";
import { formatAudience, mayShowIndicator } from "../../domain/sessionRules.ts";
import type { ChannelAudience } from "../../domain/sessionRules.ts";
import type { MessageAction, MessageElement, NeutralMessage } from "../messages/message.ts";
import { breakdownGuestRender, withGuest } from "./guestRender.ts";
import { formatPeriodKey } from "./periods.ts";
import type { SessionDeps } from "./ports.ts";
import { langOf, uniqueKey } from "./shared.ts";
import { eventKey } from "./types.ts";
import type { Actor, Duplicate, NotFound } from "./types.ts";

export type ShowBreakdownResult = { status: "breakdown-posted" } | { status: "refused"; code: "no-breakdown" } | NotFound | Duplicate;

const TEXT = {
  nl: {
    button: (name?: string) => (name ? `Uitsplitsing: ${name}` : "Uitsplitsing"),
    header: (name: string) => `Uitsplitsing: ${name}`,
    by: (d: string, p: string) => `Naar ${d} (${p})`,
    secondary: "niet getoond",
    total: (v: string) => `Totaal: ${v}`,
    why: (limit: string) =>
      `Aantallen onder ${limit} worden niet getoond. Zolang een klein aantal uit het totaal te berekenen zou zijn (één verborgen cel, of verborgen cellen die samen klein zijn), zijn ook de kleinste andere cellen verborgen.`,
  },
  en: {
    button: (name?: string) => (name ? `Breakdown: ${name}` : "Breakdown"),
    header: (name: string) => `Breakdown: ${name}`,
    by: (d: string, p: string) => `By ${d} (${p})`,
    secondary: "not shown",
    total: (v: string) => `Total: ${v}`,
    why: (limit: string) => `Counts below ${limit} are not shown. While a small number could be computed from the total (one hidden cell, or hidden cells that are small together), the smallest other cells are hidden too.`,
  },
} as const;

/** "<changePostId>:<indicatorId>": the button's value. */
export function breakdownValue(changePostId: number, indicatorId: string): string {
  return `${changePostId}:${indicatorId}`;
}

function parseValue(value: string): { changePostId: number; indicatorId: string } | undefined {
  const m = /^(\d{1,12}):([a-z0-9-]{1,100})$/.exec(value);
  return m ? { changePostId: Number(m[1]), indicatorId: m[2]! } : undefined;
}

/** The "Uitsplitsing" buttons of a change post: one per indicator with a breakdown (named when there are several). */
export function breakdownActions(changePostId: number, items: readonly { indicator: { id: string; name: string }; hasBreakdown?: boolean }[], lang: Lang): MessageAction[] {
  const withBreakdown = items.filter((i) => i.hasBreakdown);
  return withBreakdown.map((i) => ({
    id: "indicator.breakdown" as const,
    label: TEXT[lang].button(withBreakdown.length > 1 ? i.indicator.name : undefined),
    value: breakdownValue(changePostId, i.indicator.id),
  }));
}

/** The table message for a channel of `audience`, or undefined when it may not see the indicator or there is no breakdown. */
export async function breakdownMessage(
  deps: Pick<SessionDeps, "dins" | "measurements">,
  args: { dinSlug: string; indicatorId: string; channel: string; audience: ChannelAudience; lang: Lang },
): Promise<NeutralMessage | undefined> {
  const din = await deps.dins.loadDin(args.dinSlug);
  const indicator = din?.indicators.find((i) => i.indicator.id === args.indicatorId)?.indicator;
  if (!din || !indicator || !mayShowIndicator(args.audience, indicator)) return undefined;
  const context = await deps.measurements.contextValues(din.slug, [indicator.id]);
  const period = latestBreakdownPeriod(indicator.id, context);
  if (!period) return undefined;
  const total = (await deps.measurements.currentValues(din.slug, [indicator.id])).find((v) => v.period === period)?.value;
  const t = TEXT[args.lang];
  const audience = formatAudience(args.audience);
  const limit = smallNumberLimit(indicator);
  const limitText = limit === undefined ? "" : formatValue(limit, indicator.unit, args.lang, { audience: "intern" });
  const elements: MessageElement[] = [{ type: "header", text: t.header(indicator.name) }];
  let hidden = 0;
  for (const b of breakdownsAt(indicator.id, context, period).map((x) => shownBreakdown(x, indicator, audience))) {
    hidden += b.hiddenCount;
    // The total follows the small-number rule like any value; the cells' secondary suppression assumes it is known.
    const totalText = total === undefined ? "—" : formatValue(total, indicator.unit, args.lang, { audience, smallNumbers: limit });
    elements.push({ type: "text", title: t.by(b.dimension, formatPeriodKey(b.period, args.lang)), text: t.total(totalText) });
    elements.push({
      type: "facts",
      facts: b.cells.map((c) => ({
        label: c.category,
        // Every hidden cell reads the same: which one is small would narrow it down (breakdown.ts).
        value: "value" in c ? formatValue(c.value, indicator.unit, args.lang, { audience: "intern" }) : t.secondary,
      })),
    });
  }
  if (hidden > 0) elements.push({ type: "context", text: t.why(limitText) });
  return { target: { channel: args.channel }, summary: t.header(indicator.name), elements };
}

export async function showBreakdown(deps: SessionDeps, input: { eventId: string; actor: Actor; value: string }): Promise<ShowBreakdownResult> {
  const ref = parseValue(input.value);
  if (!ref) return { status: "not-found" };
  const found = await deps.sessions.transaction(async (tx) => ({ post: await tx.changePost(ref.changePostId), channel: await tx.channel(input.actor.channel) }));
  // Only for an indicator the post showed: the button cannot be pointed at another one.
  if (!found.post || !found.post.items.some((i) => i.indicatorId === ref.indicatorId)) return { status: "not-found" };
  // An unlinked channel counts as a guest channel (as everywhere).
  const audience: ChannelAudience = found.channel?.audience ?? "gast";
  const lang = langOf(found.channel, deps.sessionDefaults?.lang);
  // Outside the transaction: on PGlite another store's query would wait for it (ports.ts).
  const message = await breakdownMessage(deps, { dinSlug: found.post.dinSlug, indicatorId: ref.indicatorId, channel: input.actor.channel, audience, lang });
  if (!message) return { status: "refused", code: "no-breakdown" };
  const indicator = (await deps.dins.loadDin(found.post.dinSlug))!.indicators.find((i) => i.indicator.id === ref.indicatorId)!.indicator;
  const now = deps.clock.now();
  return deps.sessions.transaction(async (tx): Promise<ShowBreakdownResult> => {
    if (!(await tx.claimEvent(eventKey(input.actor.channel, input.eventId), now))) return { status: "duplicate" };
    const guest = breakdownGuestRender(audience, found.post!.dinSlug, indicator, ref.changePostId, ref.indicatorId);
    await tx.enqueue([{ key: uniqueKey(`breakdown:${input.value}:${input.actor.channel}`), channel: input.actor.channel, kind: "post", message, ...withGuest(guest) }], now);
    return { status: "breakdown-posted" };
  });
}
