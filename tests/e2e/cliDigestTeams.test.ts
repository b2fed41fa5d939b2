// Proves `duidbot digest --now` SENDS when Teams is configured in the environment (TEAMS_* variables,
// the Bot Connector stand-in): the digest is posted once by the command itself, a real process that
// ends once sent (the chat client keeps nothing open); a second --now sends nothing. Slack:
// cliDigestSlack.test.ts (the same set-up, tests/support/digestCliWorld.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEAMS_CONVERSATION, TEAMS_DIGEST_CHANNEL as CHANNEL, startDigestCliWorld, type DigestCliWorld } from "../support/digestCliWorld.ts";
import { CLIENT_ID, DEV_TOKEN } from "../support/teamsWorld.ts";

let w: DigestCliWorld;
beforeAll(async () => {
  w = await startDigestCliWorld();
}, 120_000);
afterAll(() => w.close());

describe("duidbot digest --now with Teams configured", () => {
  it("sends through Teams when the TEAMS_* variables are set, once", { timeout: 120_000 }, async () => {
    const teamsEnv = { TEAMS_CLIENT_ID: CLIENT_ID, TEAMS_DEV_TOKEN: DEV_TOKEN, TEAMS_OPENID_METADATA_URL: w.teams.openIdMetadataUrl, TEAMS_SERVICE_URL: w.teams.serviceUrl };
    const sent = await w.process(["digest", "--channel", CHANNEL, "--now", "--lang", "en"], { ...w.env, ...teamsEnv });
    expect(sent.stderr).toBe("");
    expect(sent.stdout).toMatch(/^Weekly digest \d{4}-W\d{2} sent to teams:/);
    expect(sent.code).toBe(0);
    const posted = w.teams.sent.filter((a) => a.channel === TEAMS_CONVERSATION);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.thread).toBeUndefined();
    expect(JSON.stringify(posted[0]!.activity)).toContain("Weekoverzicht");
    expect((await w.duidbot(["digest", "--channel", CHANNEL, "--now"], teamsEnv)).code).toBe(1);
    expect(w.teams.sent.filter((a) => a.channel === TEAMS_CONVERSATION)).toHaveLength(1);
    // Slack was not asked for anything by the Teams runs.
    expect(w.fake.calls).toHaveLength(0);
  });
});
