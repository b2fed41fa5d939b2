/**
 * The set-up of the `duidbot digest --now` tests (tests/e2e/cliDigestSlack.test.ts and
 * cliDigestTeams.test.ts, two files so that each stays well under the 10 s a file may take): the Slack
 * and Teams stand-ins, a data folder from the migrated template with the Hilversum example imported,
 * and a duidbot.yaml with one digest channel on each platform. In-process commands share the folder's
 * database (keptDatabases); a real process closes it first (PGlite allows one process per folder).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, inject } from "vitest";
import { keptDatabases, root, runDuidbot, runDuidbotHere } from "./cli.ts";
import { copyTemplateFolder } from "./dbTemplate.ts";
import { FAKE_TEAM, startFakeSlack, type FakeSlack } from "./fakeSlack.ts";
import { startFakeTeams, type FakeTeams } from "./fakeTeams.ts";
import { TENANT } from "./teamsWorld.ts";

export const SLACK_DIGEST_CHANNEL = `slack:${FAKE_TEAM}:C0WEEK`;
export const TEAMS_CONVERSATION = "19:weekoverzicht@thread.tacv2";
export const TEAMS_DIGEST_CHANNEL = `teams:${TENANT}:${TEAMS_CONVERSATION}`;

export interface DigestCliWorld {
  fake: FakeSlack;
  teams: FakeTeams;
  dataDir: string;
  /** The environment of every command: the folder, duidbot.yaml, Slack switched off. */
  env: Record<string, string>;
  /** `duidbot <args>` in this process, with `extra` on top of `env`. */
  duidbot(args: string[], extra?: Record<string, string>): ReturnType<typeof runDuidbotHere>;
  /** `duidbot <args>` as a real process (the folder's database closed first). */
  process(args: string[], env: Record<string, string>): ReturnType<typeof runDuidbot>;
  /** Closes this process's database on the folder: the next in-process command opens it itself. */
  closeDatabase(): Promise<void>;
  close(): Promise<void>;
}

export async function startDigestCliWorld(): Promise<DigestCliWorld> {
  const fake = await startFakeSlack();
  const teams = await startFakeTeams();
  const dir = await mkdtemp(path.join(tmpdir(), "duidbot-cli-digest-"));
  const dataDir = path.join(dir, "data");
  await copyTemplateFolder(inject("pgliteTemplate"), dataDir);
  const config = path.join(dir, "duidbot.yaml");
  await writeFile(
    config,
    `channels:\n  - key: ${SLACK_DIGEST_CHANNEL}\n    name: "#weekoverzicht"\n    audience: digest\n    digest: "ma 09:00"\n  - key: "${TEAMS_DIGEST_CHANNEL}"\n    name: "Weekoverzicht"\n    audience: digest\n`,
  );
  const env = { DUIDBOT_DATA_DIR: dataDir, DUIDBOT_CONFIG: config, SLACK_BOT_TOKEN: "", SLACK_SIGNING_SECRET: "", SLACK_API_URL: "" };
  const kept = keptDatabases();
  const duidbot = (args: string[], extra: Record<string, string> = {}) => runDuidbotHere(args, { ...env, ...extra }, kept);
  expect((await duidbot(["din", "import", path.join(root, "examples", "hilversum", "din.yaml")])).code).toBe(0);
  expect((await duidbot(["measurements", "import", path.join(root, "examples", "hilversum", "metingen.csv")])).code).toBe(0);
  return {
    fake,
    teams,
    dataDir,
    env,
    duidbot,
    process: async (args, processEnv) => {
      await kept.close();
      return runDuidbot(args, processEnv);
    },
    closeDatabase: () => kept.close(),
    close: async () => {
      await kept.close();
      await fake.close();
      await teams.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
