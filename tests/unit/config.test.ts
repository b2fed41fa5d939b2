// Proves the environment is read strictly, with messages that say what a valid value is.
import { describe, expect, it } from "vitest";
import { slackPlugin } from "../../adapters/slack/plugin.ts";
import { ConfigError, loadConfig } from "../../src/main/config.ts";

function problem(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env, "/srv");
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("accepted");
}

describe("loadConfig", () => {
  it("reads PORT 1-65535, 0 for a free port, 3000 by default", () => {
    expect(loadConfig({ PORT: "8080" }, "/srv").port).toBe(8080);
    expect(loadConfig({ PORT: "0" }, "/srv").port).toBe(0);
    expect(loadConfig({}, "/srv").port).toBe(3000);
  });

  it.each(["70000", "-1", "80.5", "http"])("refuses PORT=%s naming the valid range and the value", (port) => {
    const message = problem({ PORT: port });
    expect(message).toContain(`PORT: moet een poortnummer van 1 t/m 65535 zijn, niet "${port}"`);
    expect(message).toContain("must be a port number from 1 to 65535");
  });
});

describe("chat adapters from the environment", () => {
  it("switches Slack on with both variables, logs what to set when off, and stops on one of the two", () => {
    const off = loadConfig({}, "/srv");
    expect(off.adapters).toEqual([]);
    expect(off.adapterLines).toEqual([expect.stringContaining("zet SLACK_BOT_TOKEN en SLACK_SIGNING_SECRET"), expect.stringContaining("zet TEAMS_CLIENT_ID")]);
    const on = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", SLACK_API_URL: "http://127.0.0.1:9/api" }, "/srv");
    expect(on.adapters.map((a) => a.name)).toEqual(["slack"]);
    expect(on.adapterLines[0]).toBe("Slack: aan, events op POST /slack/events (Web API: http://127.0.0.1:9/api).");
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" }, "/srv")).toThrow(/horen bij elkaar/);
    // Every problem at once: the adapter's and the core's.
    expect(problem({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", SLACK_API_URL: "geen url", DUIDBOT_LANG: "fr" })).toMatch(/DUIDBOT_LANG: .*\nSLACK_API_URL: moet een URL zijn/);
    // Slack takes DUIDBOT_PUBLIC_URL for the guest links of "Gastlink maken"; a bad one is the core's to report.
    const slack = (env: Record<string, string>) => slackPlugin.readEnv({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", ...env });
    expect(slack({ DUIDBOT_PUBLIC_URL: "https://duidbot.example.nl" })).toMatchObject({ status: "on", config: { publicUrl: "https://duidbot.example.nl" } });
    expect(slack({ DUIDBOT_PUBLIC_URL: "ftp://x" })).toEqual({ status: "on", config: { botToken: "xoxb-1", signingSecret: "s" } });
  });
});
