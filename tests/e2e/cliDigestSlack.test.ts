// Proves `duidbot digest --now` SENDS when Slack is configured in the environment: with SLACK_BOT_TOKEN
// + SLACK_SIGNING_SECRET (and SLACK_API_URL at the Slack stand-in) the digest is posted to the stand-in
// once, by the command itself (no serve, no HTTP server) — also when an earlier --now without Slack left
// it waiting for serve; a second --now posts nothing and says the week is done. While serve holds the
// embedded database (its lock file), --now says that serve sends the digest and writes nothing.
// Teams: cliDigestTeams.test.ts (the same set-up, tests/support/digestCliWorld.ts).
import { writeFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLACK_DIGEST_CHANNEL as CHANNEL, startDigestCliWorld, type DigestCliWorld } from "../support/digestCliWorld.ts";

let w: DigestCliWorld;
beforeAll(async () => {
  w = await startDigestCliWorld();
}, 120_000);
afterAll(() => w.close());

const slack = () => ({ SLACK_BOT_TOKEN: "xoxb-test-not-real", SLACK_SIGNING_SECRET: "test-signing-secret", SLACK_API_URL: w.fake.apiUrl });

describe("duidbot digest --now with Slack or Teams configured", () => {
  it("says serve sends it while serve holds the embedded database, and writes nothing", { timeout: 60_000 }, async () => {
    // A live process other than this one holds the folder, as a running serve does (dataDirLock.ts);
    // this process's own database is closed first, so each command below opens the folder itself.
    await w.closeDatabase();
    const lock = path.join(w.dataDir, "duidbot.lock");
    await writeFile(lock, String(process.ppid));
    try {
      const busy = await w.duidbot(["digest", "--channel", CHANNEL, "--now"], slack());
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain("duidbot serve draait op deze ingebouwde database: die verstuurt het weekoverzicht zelf op het geplande tijdstip");
      const en = await w.duidbot(["digest", "--channel", CHANNEL, "--now", "--lang", "en"], slack());
      expect(en.stderr).toContain("it sends the weekly digest itself at the channel's scheduled time");
    } finally {
      await rm(lock, { force: true });
    }
    expect(w.fake.ok("chat.postMessage")).toHaveLength(0);
  });

  it("posts the digest once; a second --now posts nothing", { timeout: 120_000 }, async () => {
    const preview = await w.duidbot(["digest", "--channel", CHANNEL, "--preview"], slack());
    expect(preview.code).toBe(0);
    expect(w.fake.ok("chat.postMessage")).toHaveLength(0);

    // Without Slack configured here: claimed, left for serve, and said how to switch Slack on.
    const waiting = await w.duidbot(["digest", "--channel", CHANNEL, "--now"]);
    expect(waiting.code).toBe(0);
    expect(waiting.stdout).toMatch(/staat klaar; duidbot serve verstuurt het \(slack staat hier niet aan\)\.\n$/);
    expect(waiting.stderr).toContain("zet SLACK_BOT_TOKEN en SLACK_SIGNING_SECRET");
    expect(w.fake.ok("chat.postMessage")).toHaveLength(0);

    // With Slack: the week is claimed already, but its message still waits: sent now.
    // A real process: it also proves the command ends once sent (the chat client keeps nothing open).
    const sent = await w.process(["digest", "--channel", CHANNEL, "--now"], { ...w.env, ...slack() });
    expect(sent.stderr).toBe("");
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(/^Weekoverzicht \d{4}-W\d{2} verstuurd naar slack:T0FAKE:C0WEEK\.\n$/);
    const posts = w.fake.ok("chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.channel).toBe("C0WEEK");
    const posted = w.fake.messages.find((m) => m.channel === "C0WEEK")!;
    expect(posted.text).toMatch(/^Weekoverzicht/);
    // What was sent is what --preview printed (same composition): its title and a section title.
    expect(JSON.stringify(posted.blocks)).toContain(preview.stdout.split("\n")[0]);
    expect(JSON.stringify(posted.blocks)).toContain("Nieuwe en gecorrigeerde cijfers");

    const again = await w.duidbot(["digest", "--channel", CHANNEL, "--now", "--lang", "en"], slack());
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("has been sent (or skipped) already");
    expect(w.fake.ok("chat.postMessage")).toHaveLength(1);
  });
});
