// Proves the outbox retry policy (exponential backoff from 5 s to a 10-minute cap with equal jitter,
// Retry-After honoured) and the in-memory chat used by the e2e tests (ids, failures on demand).
import { describe, expect, it } from "vitest";
import { MemoryChat } from "../../adapters/memory/memoryChat.ts";
import { backoffMs, BACKOFF_CAP_MS, retryDelayMs } from "../../src/app/outbox/backoff.ts";
import { ChatError } from "../../src/app/errors.ts";

describe("backoff", () => {
  it.each([
    [1, 5_000],
    [2, 10_000],
    [3, 20_000],
    [7, 320_000],
    [8, BACKOFF_CAP_MS],
    [50, BACKOFF_CAP_MS],
  ])("after %i failures the nominal delay is %i ms", (attempts, nominal) => {
    expect(backoffMs(attempts, () => 0.999999)).toBeCloseTo(nominal, -1);
    // Equal jitter: never less than half the nominal delay.
    expect(backoffMs(attempts, () => 0)).toBe(nominal / 2);
  });

  it("honours Retry-After, but never hammers (at least 1 s)", () => {
    expect(retryDelayMs(1, () => 0.5, 30_000)).toBe(30_000);
    expect(retryDelayMs(1, () => 0.5, 10)).toBe(1_000);
    expect(retryDelayMs(3, () => 0.5, undefined)).toBe(backoffMs(3, () => 0.5));
  });
});

describe("memory chat", () => {
  const message = { target: { channel: "memory:c" }, summary: "s", elements: [{ type: "text" as const, text: "hallo" }] };

  it("records posts, updates and acknowledgements with generated ids", async () => {
    const chat = new MemoryChat();
    const { messageId } = await chat.post(message);
    await chat.update(messageId, { ...message, elements: [{ type: "text", text: "bijgewerkt" }] });
    await chat.acknowledge({ channel: "memory:c", messageId: "u1" });
    expect(chat.posts).toMatchObject([{ messageId, updates: 1, current: { elements: [{ text: "bijgewerkt" }] } }]);
    expect(chat.acknowledged).toEqual([{ channel: "memory:c", messageId: "u1" }]);
    await expect(chat.update("nope", message)).rejects.toMatchObject({ code: "NotFound" });
  });

  it("fails on demand: the next N calls, or until a moment", async () => {
    let now = new Date("2025-01-01T00:00:00Z");
    const chat = new MemoryChat({ now: () => now });
    chat.failNext(2, { code: "RateLimited", retryAfterMs: 5_000 });
    await expect(chat.post(message)).rejects.toMatchObject({ code: "RateLimited", retryAfterMs: 5_000 });
    await expect(chat.post(message)).rejects.toBeInstanceOf(ChatError);
    await chat.post(message);
    chat.failUntil(new Date("2025-01-01T01:00:00Z"));
    await expect(chat.acknowledge({ channel: "memory:c", messageId: "x" })).rejects.toMatchObject({ code: "Unavailable" });
    now = new Date("2025-01-01T01:00:00Z");
    await chat.acknowledge({ channel: "memory:c", messageId: "x" });
    expect(chat.posts).toHaveLength(1);
    expect(chat.calls.filter((c) => !c.ok)).toHaveLength(3);
  });
});
