// Proves `duidbot digest --now` SENDS when the channel's platform is configured in the environment:
// with SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET (and SLACK_API_URL at the Slack stand-in) the digest is
// posted to the stand-in once, by the command itself (no serve, no HTTP server) — also when an earlier
// --now without Slack left it waiting for serve; a second --now posts nothing and says the week is done. The same with the TEAMS_* variables and the Teams stand-in. While serve holds the embedded database (its lock file), --now
// says that serve sends the digest and writes nothing.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FAKE_TEAM, startFakeSlack, type FakeSlack } from "../support/fakeSlack.ts";
import { startFakeTeams, type FakeTeams } from "../support/fakeTeams.ts";
import { CLIENT_ID, DEV_TOKEN, TENANT } from "../support/teamsWorld.ts";
import { keptDatabases, root, runDuidbot as runProcess, runDuidbotHere } from "../support/cli.ts";
import { copyTemplateFolder } from "../support/dbTemplate.ts";

const CHANNEL = `slack:${FAKE_TEAM}:C0WEEK`;
const TEAMS_CONVERSATION = "19:weekoverzicht@thread.tacv2";
const TEAMS_CHANNEL = `teams:${TENANT}:${TEAMS_CONVERSATION}`;
let teams: FakeTeams;
let dir: string;
let dataDir: string;
let env: Record<string, string>;
let fake: FakeSlack;
const kept = keptDatabases();
const duidbot = (args: string[], extra: Record<string, string> = {}) => runDuidbotHere(args, { ...env, ...extra }, kept);
/** A real process on the same folder: the kept database is closed first (PGlite allows one process per folder). */
const runDuidbot = async (args: string[], env: Record<string, string>) => {
  await kept.close();
  return runProcess(args, env);
};

beforeAll(async () => {
  fake = await startFakeSlack();
  teams = await startFakeTeams();
  dir = await mkdtemp(path.join(tmpdir(), "duidbot-cli-digest-slack-"));
  dataDir = path.join(dir, "data");
  await copyTemplateFolder(inject("pgliteTemplate"), dataDir);
  const config = path.join(dir, "duidbot.yaml");
  await writeFile(config, `channels:\n  - key: ${CHANNEL}\n    name: "#weekoverzicht"\n    audience: digest\n    digest: "ma 09:00"\n  - key: "${TEAMS_CHANNEL}"\n    name: "Weekoverzicht"\n    audience: digest\n`);
  env = { DUIDBOT_DATA_DIR: dataDir, DUIDBOT_CONFIG: config, SLACK_BOT_TOKEN: "", SLACK_SIGNING_SECRET: "", SLACK_API_URL: "" };
  expect((await duidbot(["din", "import", path.join(root, "examples", "hilversum", "din.yaml")])).code).toBe(0);
  expect((await duidbot(["measurements", "import", path.join(root, "examples", "hilversum", "metingen.csv")])).code).toBe(0);
}, 120_000);
afterAll(async () => {
  await kept.close();
  await fake.close();
  await teams.close();
  await rm(dir, { recursive: true, force: true });
});

const slack = () => ({ SLACK_BOT_TOKEN: "xoxb-test-not-real", SLACK_SIGNING_SECRET: "test-signing-secret", SLACK_API_URL: fake.apiUrl });

describe("duidbot digest --now with Slack or Teams configured", () => {
  it("says serve sends it while serve holds the embedded database, and writes nothing", { timeout: 60_000 }, async () => {
    // A live process other than this one holds the folder, as a running serve does (dataDirLock.ts);
    // this process's own database is closed first, so each command below opens the folder itself.
    await kept.close();
    const lock = path.join(dataDir, "duidbot.lock");
    await writeFile(lock, String(process.ppid));
    try {
      const busy = await duidbot(["digest", "--channel", CHANNEL, "--now"], slack());
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain("duidbot serve draait op deze ingebouwde database: die verstuurt het weekoverzicht zelf op het geplande tijdstip");
      const en = await duidbot(["digest", "--channel", CHANNEL, "--now", "--lang", "en"], slack());
      expect(en.stderr).toContain("it sends the weekly digest itself at the channel's scheduled time");
    } finally {
      await rm(lock, { force: true });
    }
    expect(fake.ok("chat.postMessage")).toHaveLength(0);
  });

  it("posts the digest once; a second --now posts nothing", { timeout: 120_000 }, async () => {
    const preview = await duidbot(["digest", "--channel", CHANNEL, "--preview"], slack());
    expect(preview.code).toBe(0);
    expect(fake.ok("chat.postMessage")).toHaveLength(0);

    // Without Slack configured here: claimed, left for serve, and said how to switch Slack on.
    const waiting = await duidbot(["digest", "--channel", CHANNEL, "--now"]);
    expect(waiting.code).toBe(0);
    expect(waiting.stdout).toMatch(/staat klaar; duidbot serve verstuurt het \(slack staat hier niet aan\)\.\n$/);
    expect(waiting.stderr).toContain("zet SLACK_BOT_TOKEN en SLACK_SIGNING_SECRET");
    expect(fake.ok("chat.postMessage")).toHaveLength(0);

    // With Slack: the week is claimed already, but its message still waits: sent now.
    // A real process: it also proves the command ends once sent (the chat client keeps nothing open).
    const sent = await runDuidbot(["digest", "--channel", CHANNEL, "--now"], { ...env, ...slack() });
    expect(sent.stderr).toBe("");
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(/^Weekoverzicht \d{4}-W\d{2} verstuurd naar slack:T0FAKE:C0WEEK\.\n$/);
    const posts = fake.ok("chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.channel).toBe("C0WEEK");
    const posted = fake.messages.find((m) => m.channel === "C0WEEK")!;
    expect(posted.text).toMatch(/^Weekoverzicht/);
    // What was sent is what --preview printed (same composition): its title and a section title.
    expect(JSON.stringify(posted.blocks)).toContain(preview.stdout.split("\n")[0]);
    expect(JSON.stringify(posted.blocks)).toContain("Nieuwe en gecorrigeerde cijfers");

    const again = await duidbot(["digest", "--channel", CHANNEL, "--now", "--lang", "en"], slack());
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("has been sent (or skipped) already");
    expect(fake.ok("chat.postMessage")).toHaveLength(1);
  });

  it("sends through Teams when the TEAMS_* variables are set, once", { timeout: 120_000 }, async () => {
    const teamsEnv = { TEAMS_CLIENT_ID: CLIENT_ID, TEAMS_DEV_TOKEN: DEV_TOKEN, TEAMS_OPENID_METADATA_URL: teams.openIdMetadataUrl, TEAMS_SERVICE_URL: teams.serviceUrl };
    const sent = await runDuidbot(["digest", "--channel", TEAMS_CHANNEL, "--now", "--lang", "en"], { ...env, ...teamsEnv });
    expect(sent.stderr).toBe("");
    expect(sent.stdout).toMatch(/^Weekly digest \d{4}-W\d{2} sent to teams:/);
    expect(sent.code).toBe(0);
    const posted = teams.sent.filter((a) => a.channel === TEAMS_CONVERSATION);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.thread).toBeUndefined();
    expect(JSON.stringify(posted[0]!.activity)).toContain("Weekoverzicht");
    expect((await duidbot(["digest", "--channel", TEAMS_CHANNEL, "--now"], teamsEnv)).code).toBe(1);
    expect(teams.sent.filter((a) => a.channel === TEAMS_CONVERSATION)).toHaveLength(1);
    // Slack was not asked for anything by the Teams runs.
    expect(fake.ok("chat.postMessage")).toHaveLength(1);
  });
});
