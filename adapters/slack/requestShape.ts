/**
 * The first check of a verified Slack request (verify.ts runs it before Bolt): is its body a shape
 * duidbot serves? Bolt itself trusts any well-signed body. parse.ts checks the fields the handlers
 * use, later.
 */
import { z } from "zod";

/** Any JSON object (not null, not an array): where Bolt reads properties without checking. */
const AnyObject = z.custom<object>((v) => typeof v === "object" && v !== null && !Array.isArray(v));

/**
 * The request shapes duidbot serves (see the handlers and examples/slack-manifest.yaml), checked
 * only as far as Bolt relies on them before a listener runs (it reads event.channel, event.item,
 * authorizations[0], actions[0], view.callback_id without checks and crashes with a 500 on null).
 * A well-signed body of another shape would crash Bolt, or wait 3 s for an ack no listener gives.
 */
const ServedRequest = z.union([
  z.object({
    type: z.literal("event_callback"),
    event: z.object({
      type: z.string().min(1),
      channel: z.union([z.string(), AnyObject]).optional(),
      item: AnyObject.optional(),
    }),
    authorizations: z.array(AnyObject).optional(),
  }),
  z.object({ command: z.string().min(1) }),
  z.object({ type: z.literal("block_actions"), actions: z.array(z.object({ action_id: z.string() })).min(1) }),
  z.object({ type: z.literal("view_submission"), view: z.object({ callback_id: z.string() }) }),
]);

/** Slack's notice that it holds events back (no event to process; answered 200). */
const RateLimited = z.object({ type: z.literal("app_rate_limited") });

/** What a verified Slack request is: one duidbot serves, Slack's rate-limit notice, or neither (answer 400). */
export function slackRequestKind(body: unknown): "served" | "rate-limited" | "unknown" {
  if (ServedRequest.safeParse(body).success) return "served";
  return RateLimited.safeParse(body).success ? "rate-limited" : "unknown";
}
