// Proves `duidbot inbox geparkeerd|opnieuw`: as a user runs it (a real process on a PGlite data folder)
// parked events are listed with their error; an id that is not parked is exit 1, a wrong sub-command
// exit 2; in-process (fast): one is shown in full, a wrong id releases nothing, and `opnieuw` gives
// events a fresh round of attempts, kept in the journal.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { InboxUsageError, runInboxCommand } from "../../src/cli/inbox.ts";
import { JOURNAL_FILE, JournalInboxStore } from "../../src/store/journalInboxStore.ts";
import { runDuidbot, runDuidbotHere } from "../support/cli.ts";
import { copyTemplateFolder } from "../support/dbTemplate.ts";

const FAR = new Date("2100-01-01T00:00:00Z");

let dataDir: string;

const duidbot = (args: string[]) => runDuidbot(args, { DUIDBOT_DATA_DIR: dataDir });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "duidbot-cli-inbox-"));
  // A migrated database to start from (cli.test.ts proves one created from nothing).
  await copyTemplateFolder(inject("pgliteTemplate"), dataDir);
  const journal = await JournalInboxStore.open(path.join(dataDir, JOURNAL_FILE));
  const payload = (id: string) => ({ type: "event_callback", event_id: id, event: { type: "message", text: "kapot bericht" } });
  await journal.add(["EvPARK1", "EvPARK2", "EvFINE"].map((eventId) => ({ platform: "slack", eventId, type: "message", payload: payload(eventId) })), new Date("2025-03-03T09:00:00Z"));
  await journal.recordFailure("slack", "EvPARK1", 'invalid byte sequence for encoding "UTF8": 0x00', new Date("2025-03-03T09:05:00Z"));
  await journal.recordFailure("slack", "EvPARK2", "iets anders", new Date("2025-03-03T09:06:00Z"));
  await journal.close();
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("duidbot inbox", () => {
  // The listing as a process; the refusals in this process (cli.test.ts proves exit codes 1 and 2 as a process).
  it("lists parked events as a process; exit 1 for an id that is not parked, exit 2 for a wrong sub-command", { timeout: 120_000 }, async () => {
    const list = await duidbot(["inbox", "geparkeerd"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain("2 geparkeerde gebeurtenis(sen)");
    expect(list.stdout).toContain('slack EvPARK1 (message), ontvangen/received 2025-03-03T09:00:00.000Z, geparkeerd/parked 2025-03-03T09:05:00.000Z na 1 poging(en): invalid byte sequence for encoding "UTF8": 0x00');
    expect(list.stdout).not.toContain("EvFINE");
    const here = (args: string[]) => runDuidbotHere(args, { DUIDBOT_DATA_DIR: dataDir });
    const wrong = await here(["inbox", "opnieuw", "EvPARK1", "EvFINE"]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("Niet geparkeerd (of onbekend) / not parked: EvFINE");
    const usage = await here(["inbox", "weggooien"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("inbox opnieuw <event-id…|alle>");
  });

  it("shows one parked event in full and releases events for the next replay (all or nothing)", async () => {
    const journal = await JournalInboxStore.open(path.join(dataDir, JOURNAL_FILE));
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) };
    try {
      expect(await runInboxCommand(journal, ["parked", "EvPARK2"], io)).toBe(0);
      expect(JSON.parse(out.join("\n"))).toMatchObject({ eventId: "EvPARK2", lastError: "iets anders", payload: { event: { text: "kapot bericht" } } });
      expect(await runInboxCommand(journal, ["geparkeerd", "EvFINE"], io)).toBe(1);
      // One wrong id: nothing released.
      expect(await runInboxCommand(journal, ["opnieuw", "EvPARK1", "EvNOPE"], io)).toBe(1);
      expect(await journal.parked()).toHaveLength(2);
      await expect(runInboxCommand(journal, ["retry"], io)).rejects.toThrow(InboxUsageError);

      out.length = 0;
      expect(await runInboxCommand(journal, ["opnieuw", "EvPARK1"], io)).toBe(0);
      expect(out.join("\n")).toContain("1 gebeurtenis(sen) vrijgegeven");
      expect((await journal.parked()).map((p) => p.eventId)).toEqual(["EvPARK2"]);
      const replayable = await journal.unprocessed("slack", { receivedBefore: FAR, afterId: 0, limit: 10 });
      expect(replayable.map((r) => [r.eventId, r.attempts])).toEqual([["EvPARK1", 0], ["EvFINE", 0]]);
      expect(await runInboxCommand(journal, ["retry", "all"], io)).toBe(0);
      expect(await journal.parked()).toEqual([]);
    } finally {
      await journal.close();
    }
    // The release is in the file: a restart sees it.
    const reopened = await JournalInboxStore.open(path.join(dataDir, JOURNAL_FILE));
    expect(await reopened.parked()).toEqual([]);
    await reopened.close();
  });
});
