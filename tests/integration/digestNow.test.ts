// Proves `duidbot digest --now`'s send (src/app/digest/deliverNow.ts) beside a running `serve`: on
// PostgreSQL two instances with their own connections — serve's dispatcher and the command's, racing
// at the same moment — post the digest exactly once, and the command touches no other row (the change
// posts stay serve's); on PGlite the same inside one process. A busy platform leaves the row to serve,
// a refusal fails it with the platform's reason. --now claims this calendar week, also before the
// week's scheduled time.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MemoryChat } from "../../adapters/memory/memoryChat.ts";
import { deliverNow } from "../../src/app/digest/deliverNow.ts";
import { runDueDigests } from "../../src/app/digest/digestJob.ts";
import { runDigestCommand } from "../../src/cli/digest.ts";
import { sendDigest } from "../../src/app/digest/sendDigest.ts";
import { postChanges } from "../../src/app/sessions/index.ts";
import { openMemoryServices, type Services } from "../../src/main/services.ts";
import { fixedClock, testRuntimes } from "../support/db.ts";
import { outboxRows } from "../support/peek.ts";
import { CONFIG, DIGEST, importFigures, openWith, persistentTarget, seedDin } from "../support/sessionWorld.ts";

const digestPosts = (...chats: MemoryChat[]) => chats.flatMap((c) => c.postsIn(DIGEST, null));

for (const runtime of testRuntimes()) {
  describe(`digest --now beside serve on ${runtime.name}`, () => {
    const clock = fixedClock("2025-03-10T08:00:10Z"); // Monday 09:00:10 Amsterdam
    let target: Awaited<ReturnType<typeof persistentTarget>>;
    const open: Services[] = [];
    beforeEach(async () => {
      target = await persistentTarget(runtime);
    });
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
      await target.cleanup();
    });

    it("sends the digest once when serve's dispatcher and the command's race for it; other rows stay serve's", { timeout: 60_000 }, async () => {
      const serve = await openWith(target.target, clock);
      open.push(serve);
      await seedDin(serve);
      const imported = await importFigures(serve);
      await postChanges(serve, { key: `import:${imported.importId}`, changes: imported.changes });
      const serveChat = new MemoryChat();
      serve.chats.set("memory", serveChat);
      // PostgreSQL: the command is a second process with its own connections. PGlite: one process owns the folder.
      const cli = runtime.name === "postgres" ? await openWith(target.target, clock) : serve;
      if (cli !== serve) open.push(cli);
      const cliChat = new MemoryChat();

      const sent = await sendDigest(cli, { channel: DIGEST });
      if (sent.status !== "sent") throw new Error(sent.status);
      const [delivered] = await Promise.all([
        deliverNow({ outbox: cli.outbox, clock, chats: new Map([["memory", cliChat]]) }, sent.outboxKey),
        serve.dispatcher.dispatchOnce(),
      ]);
      expect(digestPosts(serveChat, cliChat)).toHaveLength(1);
      expect(delivered.status).toBe(cliChat.posts.length === 1 ? "sent" : "elsewhere");
      // The command sent nothing but the digest: the change posts went through serve.
      expect(cliChat.posts.every((p) => p.message.target.channel === DIGEST)).toBe(true);
      expect(serveChat.posts.filter((p) => p.message.target.channel !== DIGEST).length).toBeGreaterThan(0);

      // Again from both sides: nothing more.
      expect(await deliverNow({ outbox: cli.outbox, clock, chats: new Map([["memory", cliChat]]) }, sent.outboxKey)).toEqual({ status: "elsewhere" });
      await serve.dispatcher.dispatchOnce();
      expect(digestPosts(serveChat, cliChat)).toHaveLength(1);
      expect((await outboxRows(serve)).find((r) => r.key === sent.outboxKey)).toMatchObject({ status: "sent" });
    });
  });
}

describe("digest --now when the platform does not take it", () => {
  const clock = fixedClock("2025-03-10T08:00:10Z");
  let s: Services;
  beforeEach(async () => {
    s = await openMemoryServices(clock, { duidbotConfig: CONFIG });
    await seedDin(s);
    await importFigures(s);
  });
  afterEach(() => s.close());

  it("leaves a rate-limited digest in the outbox for serve, and fails a refused one with the reason", async () => {
    const chat = new MemoryChat();
    chat.failNext(1, { code: "RateLimited", retryAfterMs: 30_000 });
    const sent = await sendDigest(s, { channel: DIGEST });
    if (sent.status !== "sent") throw new Error(sent.status);
    const busy = await deliverNow({ outbox: s.outbox, clock, chats: new Map([["memory", chat]]) }, sent.outboxKey);
    expect(busy).toMatchObject({ status: "retry", reason: expect.stringContaining("retry in 30 s") });
    expect((await outboxRows(s)).find((r) => r.key === sent.outboxKey)).toMatchObject({ status: "pending" });

    // Serve, after the Retry-After, sends it.
    clock.set("2025-03-10T08:01:00Z");
    const serveChat = new MemoryChat();
    s.chats.set("memory", serveChat);
    await s.dispatcher.dispatchOnce();
    expect(digestPosts(serveChat)).toHaveLength(1);

    // Next week, the platform refuses (e.g. the bot left the channel): failed, with the reason.
    clock.set("2025-03-17T08:00:10Z");
    const next = await sendDigest(s, { channel: DIGEST, sendEmpty: true });
    if (next.status !== "sent") throw new Error(next.status);
    chat.failNext(1, { code: "NotFound" });
    expect(await deliverNow({ outbox: s.outbox, clock, chats: new Map([["memory", chat]]) }, next.outboxKey)).toMatchObject({
      status: "failed",
      reason: expect.stringContaining("failed for good"),
    });
  });
});

describe("digest --now's week", () => {
  it("is this calendar week: before Monday 09:00 it sends this week's early (not last week's, long sent), and the scheduler then sends nothing more", async () => {
    const clock = fixedClock("2025-03-10T08:00:10Z"); // Monday 09:00:10 Amsterdam: W11's digest is due
    const s = await openMemoryServices(clock, { duidbotConfig: CONFIG });
    try {
      await seedDin(s);
      await importFigures(s);
      expect((await runDueDigests(s)).sent).toEqual([`${DIGEST} 2025-W11`]);
      // The next Monday at 08:30: the newest occurrence is still last Monday's (W11, sent).
      clock.set("2025-03-17T07:30:00Z");
      const out: string[] = [];
      const err: string[] = [];
      const code = await runDigestCommand(s, { channel: DIGEST, mode: "now" }, { lang: "nl", out: (t) => out.push(t), err: (t) => err.push(t) });
      expect(err).toEqual([]);
      expect(code).toBe(0);
      expect(out).toEqual([`Weekoverzicht 2025-W12 voor ${DIGEST} staat klaar; duidbot serve verstuurt het (memory staat hier niet aan).`]);
      clock.set("2025-03-17T08:00:10Z");
      expect(await runDueDigests(s)).toEqual({ sent: [], empty: [], skipped: [] });
      expect((await outboxRows(s)).filter((r) => r.key.startsWith(`digest:${DIGEST}:`)).map((r) => r.key)).toEqual([`digest:${DIGEST}:2025-W11`, `digest:${DIGEST}:2025-W12`]);
    } finally {
      await s.close();
    }
  });
});

describe("digest --now's words", () => {
  it("says when the platform's client could not start (the digest waits for serve), and sends with a later --now", async () => {
    const clock = fixedClock("2025-03-11T10:00:00Z");
    const s = await openMemoryServices(clock, { duidbotConfig: CONFIG });
    try {
      await seedDin(s);
      await importFigures(s);
      const run = async (openChat: Parameters<typeof runDigestCommand>[0]["openChat"]) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runDigestCommand({ ...s, ...(openChat ? { openChat } : {}) }, { channel: DIGEST, mode: "now" }, { lang: "en", out: (t) => out.push(t), err: (t) => err.push(t) });
        return { code, out, err };
      };
      const broken = await run(async () => {
        throw new Error("sign-in endpoint unreachable");
      });
      expect(broken).toEqual({ code: 0, out: [], err: [`Weekly digest 2025-W11 for ${DIGEST} could not be sent yet (sign-in endpoint unreachable); it stays in the outbox and duidbot serve sends it.`] });
      const chat = new MemoryChat();
      let closed = 0;
      const ok = await run(async () => ({ chat, close: async () => void closed++ }));
      expect(ok).toEqual({ code: 0, out: [`Weekly digest 2025-W11 sent to ${DIGEST}.`], err: [] });
      expect(digestPosts(chat)).toHaveLength(1);
      expect(closed).toBe(1);
      // Done: a client that cannot start does not make it look as if the week were still waiting.
      expect(await run(async () => Promise.reject(new Error("down")))).toEqual({ code: 1, out: [], err: [`Week 2025-W11's digest of ${DIGEST} has been sent (or skipped) already.`] });
    } finally {
      await s.close();
    }
  });
});
