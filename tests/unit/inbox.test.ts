/**
 * Proves the durable inbox's logic without a database: group commit writes everything that arrived
 * during a write in ONE next write (the first item at once, no timer) and settles each caller with its
 * batch; the inbox marks processed events in batches, replays only unprocessed rows that this process
 * is not working on, counts and keeps failed replays, and stops a pass after repeated failures.
 */
import { describe, expect, it } from "vitest";
import { GroupCommit } from "../../src/app/inbox/groupCommit.ts";
import { EventDeferred } from "../../src/app/inbox/deferral.ts";
import { Inbox, MAX_REPLAY_ATTEMPTS } from "../../src/app/inbox/inbox.ts";
import type { InboundEventDraft, InboundEventRecord, InboxStore } from "../../src/app/inbox/ports.ts";
import { fixedClock } from "../support/db.ts";

describe("GroupCommit", () => {
  it("writes the first item at once and everything that arrives meanwhile in one next write", async () => {
    const writes: number[][] = [];
    let finish = () => {};
    const commit = new GroupCommit<number>(async (items) => {
      writes.push(items);
      await new Promise<void>((resolve) => (finish = resolve));
    });
    const first = commit.add(0);
    expect(writes).toEqual([[0]]);
    const rest = Array.from({ length: 19 }, (_, i) => commit.add(i + 1));
    finish();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toHaveLength(2);
    expect(writes[1]).toHaveLength(19);
    finish();
    await Promise.all(rest);
    await commit.idle();
  });

  it("rejects the callers of a failed write, and writes the next batch anyway", async () => {
    let fail = true;
    const commit = new GroupCommit<string>(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      if (fail) {
        fail = false;
        throw new Error("schijf vol");
      }
    });
    const a = commit.add("a");
    const b = commit.add("b");
    await expect(a).rejects.toThrow("schijf vol");
    await expect(b).resolves.toBeUndefined();
  });

  it("caps a batch", async () => {
    const sizes: number[] = [];
    const commit = new GroupCommit<number>(async (items) => void sizes.push(items.length), { maxBatch: 3 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => commit.add(i)));
    expect(sizes).toEqual([1, 3, 3, 1]);
  });
});

/** An in-memory InboxStore that counts statements. */
function memoryStore() {
  const rows: (InboundEventRecord & { processedAt?: Date; lastError?: string; parkedAt?: Date })[] = [];
  const statements = { add: 0, mark: 0 };
  const store: InboxStore = {
    async add(drafts: readonly InboundEventDraft[], receivedAt: Date) {
      statements.add++;
      for (const d of drafts) {
        if (rows.some((r) => r.platform === d.platform && r.eventId === d.eventId)) continue;
        rows.push({ id: rows.length + 1, platform: d.platform, eventId: d.eventId, type: d.type, payload: d.payload, receivedAt, attempts: 0 });
      }
    },
    async markProcessed(platform, ids, at) {
      statements.mark++;
      for (const r of rows) if (r.platform === platform && ids.includes(r.eventId)) r.processedAt ??= at;
    },
    async unprocessed(platform, o) {
      return rows
        .filter((r) => r.platform === platform && !r.processedAt && !r.parkedAt && r.receivedAt <= o.receivedBefore && r.id > o.afterId)
        .filter((r) => o.retried === undefined || r.attempts > 0 === o.retried)
        .slice(0, o.limit);
    },
    async recordFailure(platform, eventId, error, parkAt) {
      const row = rows.find((r) => r.platform === platform && r.eventId === eventId);
      if (row) Object.assign(row, { attempts: row.attempts + 1, lastError: error }, parkAt ? { parkedAt: parkAt } : {});
    },
    async parked(platform) {
      return rows.filter((r) => (platform === undefined || r.platform === platform) && !r.processedAt && r.parkedAt).map((r) => ({ ...r, parkedAt: r.parkedAt! }));
    },
    async unpark(platform, ids) {
      const parked = rows.filter((r) => r.platform === platform && r.parkedAt && (ids === undefined || ids.includes(r.eventId)));
      for (const r of parked) Object.assign(r, { parkedAt: undefined, attempts: 0 });
      return parked.length;
    },
    async prune(before, parkedBefore = before) {
      const keep = rows.filter((r) => r.receivedAt >= (r.parkedAt && !r.processedAt ? parkedBefore : before));
      const pruned = rows.length - keep.length;
      rows.splice(0, rows.length, ...keep);
      return pruned;
    },
    async counts() {
      return { stored: rows.length, unprocessed: rows.filter((r) => !r.processedAt).length };
    },
    async close() {},
  };
  return { store, rows, statements };
}

describe("Inbox", () => {
  const event = (id: string) => ({ eventId: id, type: "message", payload: { event_id: id } });

  it("stores a burst in few statements, ignores a redelivery, marks in batches", async () => {
    const { store, rows, statements } = memoryStore();
    const inbox = new Inbox({ store, clock: fixedClock("2025-03-03T09:00:00Z"), platform: "slack" });
    await Promise.all([...Array.from({ length: 20 }, (_, i) => inbox.receive(event(`Ev${i}`))), inbox.receive(event("Ev3"))]);
    expect(rows).toHaveLength(20);
    expect(statements.add).toBe(2);
    for (const r of rows) inbox.processed(r.eventId);
    await inbox.flush();
    expect(statements.mark).toBe(2);
    expect(rows.every((r) => r.processedAt)).toBe(true);
    expect(inbox.inFlight).toBe(0);
  });

  it("replays only unprocessed rows this process is not working on, oldest first, and marks them", async () => {
    const { store, rows } = memoryStore();
    const clock = fixedClock("2025-03-03T09:00:00Z");
    const inbox = new Inbox({ store, clock, platform: "slack" });
    await inbox.receive(event("EvA"));
    await inbox.receive(event("EvB"));
    await inbox.receive(event("EvC"));
    inbox.processed("EvA");
    inbox.failed("EvB"); // its processing failed: replayable
    await inbox.flush();
    // EvC is still in flight in this process (received, not yet processed): skipped.
    const seen: string[] = [];
    const result = await inbox.replay(async (row) => void seen.push(row.eventId));
    expect(seen).toEqual(["EvB"]);
    expect(result).toEqual({ replayed: 1, failed: 0, stopped: false });
    await inbox.flush();
    expect(rows.find((r) => r.eventId === "EvB")?.processedAt).toBeDefined();

    // A fresh process (nothing in flight) replays EvC; rows younger than olderThanMs wait.
    const restarted = new Inbox({ store, clock, platform: "slack" });
    expect((await restarted.replay(async () => {}, { olderThanMs: 60_000 })).replayed).toBe(0);
    clock.set("2025-03-03T09:01:00Z");
    expect((await restarted.replay(async (row) => void seen.push(row.eventId), { olderThanMs: 60_000 })).replayed).toBe(1);
    expect(seen).toEqual(["EvB", "EvC"]);
  });

  it("counts failed replays, keeps the rows, and stops a pass after three failures in a row", async () => {
    const { store, rows } = memoryStore();
    const inbox = new Inbox({ store, clock: fixedClock("2025-03-03T09:00:00Z"), platform: "slack" });
    for (const id of ["Ev1", "Ev2", "Ev3", "Ev4", "Ev5"]) {
      await inbox.receive(event(id));
      inbox.failed(id);
    }
    const tried: string[] = [];
    const result = await inbox.replay(async (row) => {
      tried.push(row.eventId);
      if (row.eventId !== "Ev1") throw new Error("Slack onbereikbaar");
    });
    expect(result).toEqual({ replayed: 1, failed: 3, stopped: true });
    expect(tried).toEqual(["Ev1", "Ev2", "Ev3", "Ev4"]);
    expect(rows.map((r) => r.attempts)).toEqual([0, 1, 1, 1, 0]);
    expect(rows.find((r) => r.eventId === "Ev2")?.lastError).toBe("Slack onbereikbaar");
  });

  it("never lets bad events hold up good ones: fresh rows first, and a row that keeps failing is parked", async () => {
    const { store, rows } = memoryStore();
    const logged: string[] = [];
    const inbox = new Inbox({ store, clock: fixedClock("2025-03-03T09:00:00Z"), platform: "slack", log: (m) => logged.push(m) });
    // Three poison events (as the NUL reply was: they fail every time), then twenty good replies.
    const bad = ["Bad1", "Bad2", "Bad3"];
    const good = Array.from({ length: 20 }, (_, i) => `Good${i}`);
    for (const id of [...bad, ...good]) {
      await inbox.receive(event(id));
      inbox.failed(id);
    }
    const done: string[] = [];
    const handle = async (row: InboundEventRecord) => {
      if (row.eventId.startsWith("Bad")) throw new Error('invalid byte sequence for encoding "UTF8": 0x00');
      done.push(row.eventId);
    };
    // Pass 1 meets three failures in a row (as in an outage) and stops; pass 2 takes the fresh rows first.
    expect(await inbox.replay(handle)).toMatchObject({ replayed: 0, failed: 3, stopped: true });
    expect(await inbox.replay(handle)).toMatchObject({ replayed: 20, failed: 3 });
    await inbox.flush();
    expect(done).toEqual(good);
    // Every pass tries a bad row once; after MAX_REPLAY_ATTEMPTS it is parked, logged, and left alone.
    for (let pass = 2; pass < MAX_REPLAY_ATTEMPTS; pass++) await inbox.replay(handle);
    expect(rows.filter((r) => r.eventId.startsWith("Bad")).map((r) => [r.attempts, r.parkedAt !== undefined])).toEqual(bad.map(() => [MAX_REPLAY_ATTEMPTS, true]));
    expect(logged.filter((m) => m.includes("geparkeerd"))).toHaveLength(3);
    expect(await inbox.replay(handle)).toEqual({ replayed: 0, failed: 0, stopped: false });
    expect((await store.parked()).map((r) => [r.eventId, r.lastError])).toEqual(bad.map((id) => [id, 'invalid byte sequence for encoding "UTF8": 0x00']));
    // Unparked (the cause fixed): replayed again.
    expect(await store.unpark("slack", ["Bad2"])).toBe(1);
    expect(await inbox.replay(async (row) => void done.push(row.eventId))).toMatchObject({ replayed: 1, failed: 0 });
    expect(done.at(-1)).toBe("Bad2");
  });

  it("keeps a deferred event unprocessed (no failure) and runs it again as soon as it is woken", async () => {
    const { store, rows } = memoryStore();
    let known = false;
    const ran: string[] = [];
    const handle = async (e: { eventId: string }) => {
      ran.push(e.eventId);
      if (!known) throw new EventDeferred(e.eventId);
    };
    const inbox = new Inbox({ store, clock: fixedClock("2025-03-03T09:00:00Z"), platform: "slack", retry: handle });
    // Live: the gate notes the wakes, the use case defers.
    await inbox.receive(event("EvLive"));
    inbox.deferred({ eventId: "EvLive", payload: {} }, inbox.wakes);
    // Replayed: deferred too, and not counted as a failure.
    await store.add([{ platform: "slack", ...event("EvOld") }], new Date("2025-03-03T08:00:00Z"));
    expect(await inbox.replay(handle)).toEqual({ replayed: 0, failed: 0, stopped: false });
    await inbox.flush();
    expect(inbox.waitingForWake).toBe(2);
    expect(rows.every((r) => !r.processedAt && r.attempts === 0)).toBe(true);

    known = true;
    inbox.wake();
    await inbox.flush();
    expect(ran.slice(-2).sort()).toEqual(["EvLive", "EvOld"]);
    expect(rows.every((r) => r.processedAt)).toBe(true);
    expect(inbox.waitingForWake).toBe(0);
  });

  it("retries at once an event whose thread became known while it was being processed", async () => {
    const { store, rows } = memoryStore();
    const inbox = new Inbox({ store, clock: fixedClock("2025-03-03T09:00:00Z"), platform: "slack", retry: async () => {} });
    await inbox.receive(event("EvRace"));
    const before = inbox.wakes;
    inbox.wake(); // the root's id was stored after the use case looked, before it deferred
    inbox.deferred({ eventId: "EvRace", payload: {} }, before);
    await inbox.flush();
    expect(rows[0]?.processedAt).toBeDefined();
  });

  it("prunes rows older than 7 days", async () => {
    const { store, rows } = memoryStore();
    const clock = fixedClock("2025-03-03T09:00:00Z");
    const inbox = new Inbox({ store, clock, platform: "slack" });
    await inbox.receive(event("EvOud"));
    clock.set("2025-03-09T09:00:00Z");
    await inbox.receive(event("EvNieuw"));
    clock.set("2025-03-10T10:00:00Z");
    expect(await inbox.prune()).toBe(1);
    expect(rows.map((r) => r.eventId)).toEqual(["EvNieuw"]);
  });
});
