/**
 * Proves both inbox stores through their port — the InboundEvent table on PGlite and PostgreSQL, and
 * the journal file used beside a PGlite data folder: a batch is stored, a redelivered event id (in the
 * same batch or later) is skipped without an error, timestamps round-trip in UTC, unprocessed rows
 * page oldest first, marks and failures are recorded, prune deletes by age.
 * Parked rows are not replayed, are listed with their error, outlive the normal retention and get a
 * fresh round when unparked; a payload with NUL or a lone surrogate is stored (jsonb refuses them as such).
 * Then the journal's own promises: its state (parked rows included) survives a restart, marks ride
 * along with the next write (or follow when the injected timer fires, or at close), a torn last line (a crash mid-write)
 * is cut off, a damaged line is skipped with its file:line named, prune rewrites the file, a failed
 * write acknowledges nothing, and services on a PGlite folder use the journal.
 */
import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import type { InboundEventDraft, InboxStore } from "../../src/app/inbox/ports.ts";
import { openServices } from "../../src/main/services.ts";
import { JOURNAL_FILE, JournalInboxStore } from "../../src/store/journalInboxStore.ts";
import { storableText } from "../../src/domain/storableText.ts";
import { allRuntimes, fixedClock } from "../support/db.ts";
import { copyTemplateFolder } from "../support/dbTemplate.ts";

const draft = (eventId: string, extra: Partial<InboundEventDraft> = {}): InboundEventDraft => ({
  platform: "slack",
  eventId,
  teamId: "T0FAKE",
  type: "message",
  payload: { type: "event_callback", event_id: eventId, event: { type: "message", text: "Dit herken ik: €, ë en \"quotes\"" } },
  ...extra,
});

const FAR = new Date("2100-01-01T00:00:00Z");
const all = (store: InboxStore, platform = "slack") => store.unprocessed(platform, { receivedBefore: FAR, afterId: 0, limit: 1_000 });

interface StoreUnderTest {
  name: string;
  open(): Promise<{ store: InboxStore; dispose(): Promise<void> }>;
}

const clock = fixedClock("2025-03-03T09:00:00Z");
const stores: StoreUnderTest[] = [
  ...allRuntimes().map((runtime) => ({
    name: runtime.name === "memory" ? "memory store" : `table on ${runtime.name}`,
    open: async () => {
      const s = await runtime.open(clock);
      return { store: s.inbox, dispose: () => s.dispose() };
    },
  })),
  {
    name: "journal file",
    open: async () => {
      const dir = await mkdtemp(path.join(tmpdir(), "duidbot-journal-"));
      const store = await JournalInboxStore.open(path.join(dir, JOURNAL_FILE));
      return { store, dispose: async () => (await store.close(), await rm(dir, { recursive: true, force: true })) };
    },
  },
];

for (const kind of stores) {
  describe(`inbox store: ${kind.name}`, () => {
    let store: InboxStore;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, dispose } = await kind.open());
    });
    afterEach(async () => {
      await dispose();
    });

    it("stores a batch and skips event ids it has (no error)", async () => {
      await store.add([draft("Ev1"), draft("Ev2"), draft("Ev1")], new Date("2025-03-03T09:00:00.123Z"));
      await store.add([draft("Ev2"), draft("Ev3"), draft("Ev1", { platform: "teams" })], new Date("2025-03-03T09:00:01Z"));
      const rows = await all(store);
      expect(rows.map((r) => r.eventId)).toEqual(["Ev1", "Ev2", "Ev3"]);
      expect((await all(store, "teams")).map((r) => r.eventId)).toEqual(["Ev1"]);
      expect(rows[0]).toMatchObject({ platform: "slack", type: "message", attempts: 0, receivedAt: new Date("2025-03-03T09:00:00.123Z") });
      expect(rows[0]?.payload).toEqual(draft("Ev1").payload);
      expect(rows[0]!.id).toBeLessThan(rows[1]!.id);
      expect(await store.counts()).toEqual({ stored: 4, unprocessed: 4 });
      expect(await store.counts("teams")).toEqual({ stored: 1, unprocessed: 1 });
    });

    it("pages unprocessed rows, marks them, records failures and prunes by age", async () => {
      await store.add([draft("Ev1"), draft("Ev2")], new Date("2025-03-01T09:00:00Z"));
      await store.add([draft("Ev3")], new Date("2025-03-03T09:00:00Z"));
      const first = await store.unprocessed("slack", { receivedBefore: new Date("2025-03-03T09:00:00Z"), afterId: 0, limit: 2 });
      expect(first.map((r) => r.eventId)).toEqual(["Ev1", "Ev2"]);
      const next = await store.unprocessed("slack", { receivedBefore: new Date("2025-03-03T09:00:00Z"), afterId: first[1]!.id, limit: 2 });
      expect(next.map((r) => r.eventId)).toEqual(["Ev3"]);
      expect(await store.unprocessed("slack", { receivedBefore: new Date("2025-03-02T00:00:00Z"), afterId: 0, limit: 10 })).toHaveLength(2);

      await store.markProcessed("slack", ["Ev1", "Ev3"], new Date("2025-03-03T09:05:00Z"));
      await store.recordFailure("slack", "Ev2", "Slack onbereikbaar");
      expect((await all(store)).map((r) => [r.eventId, r.attempts])).toEqual([["Ev2", 1]]);
      expect(await store.counts()).toEqual({ stored: 3, unprocessed: 1 });

      expect(await store.prune(new Date("2025-03-02T00:00:00Z"))).toBe(2);
      expect(await store.counts()).toEqual({ stored: 1, unprocessed: 0 });
    });

    it("parks a row (no longer replayed, listed with its error), retried rows apart, unpark gives a fresh round", async () => {
      await store.add([draft("Ev1"), draft("Ev2"), draft("Ev3")], new Date("2025-03-03T09:00:00Z"));
      await store.recordFailure("slack", "Ev1", "eerste");
      await store.recordFailure("slack", "Ev1", "0x00 kapot", new Date("2025-03-03T09:10:00Z"));
      await store.recordFailure("slack", "Ev2", "eenmaal");
      expect((await all(store)).map((r) => r.eventId)).toEqual(["Ev2", "Ev3"]);
      const fresh = await store.unprocessed("slack", { receivedBefore: FAR, afterId: 0, limit: 10, retried: false });
      const retried = await store.unprocessed("slack", { receivedBefore: FAR, afterId: 0, limit: 10, retried: true });
      expect([fresh.map((r) => r.eventId), retried.map((r) => r.eventId)]).toEqual([["Ev3"], ["Ev2"]]);
      const parked = await store.parked();
      expect(parked).toHaveLength(1);
      expect(parked[0]).toMatchObject({ eventId: "Ev1", teamId: "T0FAKE", attempts: 2, lastError: "0x00 kapot", parkedAt: new Date("2025-03-03T09:10:00Z"), payload: draft("Ev1").payload });
      expect(await store.parked("teams")).toEqual([]);
      // Parked rows outlive the normal retention, up to their own cut-off.
      expect(await store.prune(new Date("2025-03-04T00:00:00Z"), new Date("2025-03-01T00:00:00Z"))).toBe(2);
      expect((await store.parked()).map((r) => r.eventId)).toEqual(["Ev1"]);
      expect(await store.unpark("slack", ["EvNope"])).toBe(0);
      expect(await store.unpark("slack")).toBe(1);
      expect((await all(store)).map((r) => [r.eventId, r.attempts])).toEqual([["Ev1", 0]]);
      expect(await store.parked()).toEqual([]);
    });

    it("stores a payload with NUL and lone surrogates, which PostgreSQL's jsonb refuses as such", async () => {
      const text = "Dit\u0000 klopt\ud800 niet\\u0000";
      const payload = { type: "event_callback", event: { type: "message", text } };
      await store.add([draft("EvNUL", { payload }), draft("EvOK")], clock.now());
      const rows = await all(store);
      expect(rows.map((r) => r.eventId)).toEqual(["EvNUL", "EvOK"]);
      // The table drops the NUL and makes the surrogate U+FFFD; the journal keeps the text as sent. The
      // parse boundary (storableText) makes both the same, and a literal "\\u0000" stays text.
      expect(storableText((rows[0]!.payload as typeof payload).event.text)).toBe("Dit klopt\ufffd niet\\u0000");
    });

    it("takes a burst of 500 in one write", async () => {
      await store.add(Array.from({ length: 500 }, (_, i) => draft(`EvB${i}`)), clock.now());
      expect(await store.counts()).toEqual({ stored: 500, unprocessed: 500 });
    });
  });
}

describe("journal file", () => {
  let dir: string;
  let file: string;
  /** The mark timer, fired by the test instead of waiting a real second. */
  const timers: { run(): void; delayMs: number; cancelled: boolean }[] = [];
  const schedule = (run: () => void, delayMs: number) => {
    const timer = { run, delayMs, cancelled: false };
    timers.push(timer);
    return () => void (timer.cancelled = true);
  };
  const open = (log?: (line: string) => void) => JournalInboxStore.open(file, { schedule, ...(log ? { log } : {}) });
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "duidbot-journal-"));
    file = path.join(dir, JOURNAL_FILE);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps rows, marks and failures across a restart, ids included", async () => {
    const a = await open();
    await a.add([draft("Ev1"), draft("Ev2"), draft("Ev3")], new Date("2025-03-03T09:00:00Z"));
    await a.markProcessed("slack", ["Ev1"], new Date("2025-03-03T09:00:01Z"));
    await a.recordFailure("slack", "Ev2", "kapot");
    const before = await all(a);
    await a.close();

    const b = await open();
    expect(await all(b)).toEqual(before);
    expect(before.map((r) => [r.eventId, r.attempts])).toEqual([["Ev2", 1], ["Ev3", 0]]);
    // New ids continue after the old ones; a redelivery of a stored id is still skipped.
    await b.add([draft("Ev4"), draft("Ev1")], new Date("2025-03-03T09:01:00Z"));
    const after = await all(b);
    expect(after.map((r) => r.eventId)).toEqual(["Ev2", "Ev3", "Ev4"]);
    expect(after[2]!.id).toBeGreaterThan(after[1]!.id);
    await b.close();
  });

  it("writes a mark with the next batch (no disk flush of its own), else within a second, else at close", async () => {
    const a = await open();
    await a.add([draft("Ev1"), draft("Ev2"), draft("Ev3")], new Date("2025-03-03T09:00:00Z"));
    await a.markProcessed("slack", ["Ev1"], new Date("2025-03-03T09:00:01Z"));
    expect(await a.counts()).toEqual({ stored: 3, unprocessed: 2 });
    expect(await readFile(file, "utf8")).not.toContain('"op":"done"');
    // A crash now loses the mark: Ev1 would be replayed (a no-op for the use case), nothing else.
    const crashed = await open();
    expect((await all(crashed)).map((r) => r.eventId)).toEqual(["Ev1", "Ev2", "Ev3"]);
    await crashed.close();

    await a.add([draft("Ev4")], new Date("2025-03-03T09:00:02Z"));
    const lines = (await readFile(file, "utf8")).trim().split("\n");
    expect(lines.slice(-2).map((l) => JSON.parse(l) as { op: string; eventId?: string; eventIds?: string[] })).toMatchObject([
      { op: "done", eventIds: ["Ev1"] },
      { op: "add", eventId: "Ev4" },
    ]);

    await a.markProcessed("slack", ["Ev2"], new Date("2025-03-03T09:00:03Z"));
    expect(await readFile(file, "utf8")).not.toContain('"eventIds":["Ev2"]');
    const timer = timers.at(-1)!;
    expect([timer.delayMs, timer.cancelled]).toEqual([1_000, false]);
    timer.run();
    await a.flushMarks(); // the timer's write is queued before this one
    expect(await readFile(file, "utf8")).toContain('"eventIds":["Ev2"]');

    await a.markProcessed("slack", ["Ev3"], new Date("2025-03-03T09:00:04Z"));
    await a.close();
    const b = await open();
    expect((await all(b)).map((r) => r.eventId)).toEqual(["Ev4"]);
    await b.close();
  });

  it("keeps parked rows, and their release, across a restart and a rewrite", async () => {
    const a = await open();
    await a.add([draft("Ev1"), draft("Ev2")], new Date("2025-03-03T09:00:00Z"));
    await a.recordFailure("slack", "Ev1", "kapot", new Date("2025-03-03T09:05:00Z"));
    await a.recordFailure("slack", "Ev2", "kapot", new Date("2025-03-03T09:05:00Z"));
    await a.unpark("slack", ["Ev2"]);
    await a.close();
    const b = await open();
    expect((await b.parked()).map((r) => [r.eventId, r.attempts])).toEqual([["Ev1", 1]]);
    expect((await all(b)).map((r) => [r.eventId, r.attempts])).toEqual([["Ev2", 0]]);
    await b.prune(new Date("2025-03-01T00:00:00Z"));
    await b.add(Array.from({ length: 1_000 }, (_, i) => draft(`EvX${i}`)), new Date("2025-03-03T09:10:00Z"));
    await b.markProcessed("slack", Array.from({ length: 1_000 }, (_, i) => `EvX${i}`), new Date("2025-03-03T09:10:00Z"));
    await b.flushMarks();
    expect(await b.prune(new Date("2025-03-03T09:09:00Z"), new Date("2025-03-01T00:00:00Z"))).toBe(1); // Ev2 went, parked Ev1 stays
    await b.close();
    const c = await open();
    expect((await c.parked()).map((r) => [r.eventId, r.lastError, r.parkedAt])).toEqual([["Ev1", "kapot", new Date("2025-03-03T09:05:00Z")]]);
    await c.close();
  });

  it("cuts off a torn last line (a crash mid-write) and appends cleanly after it", async () => {
    const a = await open();
    await a.add([draft("Ev1")], clock.now());
    await a.close();
    await appendFile(file, '{"op":"add","id":2,"platform":"slack","eventId":"Ev2","ty');
    const logged: string[] = [];
    const b = await open((line) => logged.push(line));
    expect(logged.join("\n")).toContain("onvolledige laatste regel");
    expect((await all(b)).map((r) => r.eventId)).toEqual(["Ev1"]);
    await b.add([draft("Ev2")], clock.now());
    await b.close();
    const c = await open();
    expect((await all(c)).map((r) => r.eventId)).toEqual(["Ev1", "Ev2"]);
    await c.close();
  });

  it("skips a damaged line, naming the file and line, and keeps the rest", async () => {
    const a = await open();
    await a.add([draft("Ev1")], clock.now());
    await a.close();
    await appendFile(file, '{"op":"add","id":"two"}\n');
    const c = await open();
    await c.add([draft("Ev3")], clock.now());
    await c.close();
    const logged: string[] = [];
    const d = await open((line) => logged.push(line));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(`${file}:3:`);
    expect(logged[0]).toContain("id");
    expect((await all(d)).map((r) => r.eventId)).toEqual(["Ev1", "Ev3"]);
    await d.close();
  });

  it("prune rewrites the file with the live rows only; later writes land in the new file", async () => {
    const a = await open();
    await a.add(Array.from({ length: 50 }, (_, i) => draft(`EvOld${i}`)), new Date("2025-02-01T00:00:00Z"));
    await a.markProcessed("slack", Array.from({ length: 50 }, (_, i) => `EvOld${i}`), new Date("2025-02-01T00:00:01Z"));
    await a.add([draft("EvNew")], new Date("2025-03-03T09:00:00Z"));
    await a.recordFailure("slack", "EvNew", "eerste poging mislukt");
    const big = (await stat(file)).size;
    expect(await a.prune(new Date("2025-03-01T00:00:00Z"))).toBe(50);
    expect((await stat(file)).size).toBeLessThan(big / 10);
    await a.add([draft("EvLater")], new Date("2025-03-03T10:00:00Z"));
    await a.close();
    const lines = (await readFile(file, "utf8")).trim().split("\n");
    expect(lines).toHaveLength(3); // header, EvNew (its failure folded in), EvLater
    const b = await open();
    expect((await all(b)).map((r) => [r.eventId, r.attempts])).toEqual([["EvNew", 1], ["EvLater", 0]]);
    await b.close();
  });

  it("a write that fails acknowledges nothing and refuses later writes instead of guessing", async () => {
    const a = await open();
    await a.add([draft("Ev1")], clock.now());
    await a.close(); // the file handle is gone: the next write fails as a full or vanished disk would
    await expect(a.add([draft("Ev2")], clock.now())).rejects.toThrow(file);
    expect((await all(a)).map((r) => r.eventId)).toEqual(["Ev1"]);
    await expect(a.add([draft("Ev3")], clock.now())).rejects.toThrow(/herstart nodig/);
    const b = await open();
    expect((await all(b)).map((r) => r.eventId)).toEqual(["Ev1"]);
    await b.close();
  });

  it("refuses to open a journal written in an unknown (newer) format, naming file and line", async () => {
    await writeFile(file, '{"op":"journal","version":2}\n{"op":"add"}\n');
    await expect(open()).rejects.toThrow(`${file}:1: journaalversie 2 is onbekend`);
    expect(await readFile(file, "utf8")).toBe('{"op":"journal","version":2}\n{"op":"add"}\n');
  });

  it("on a PGlite folder, services use the journal beside the database, not the table", async () => {
    // From the migrated template folder: this test is about where events go, not about creating a database.
    await copyTemplateFolder(inject("pgliteTemplate"), dir);
    const services = await openServices({ kind: "pglite", dataDir: dir }, clock);
    try {
      expect(services.inbox).toBeInstanceOf(JournalInboxStore);
      await services.inbox.add([{ platform: "slack", eventId: "EvJournal", type: "message", payload: { event_id: "EvJournal" } }], new Date("2025-03-03T08:00:00Z"));
      expect(await readFile(path.join(dir, JOURNAL_FILE), "utf8")).toContain('"eventId":"EvJournal"');
      expect(await services.db.prisma.inboundEvent.count()).toBe(0);
    } finally {
      await services.close();
    }
  });
});
