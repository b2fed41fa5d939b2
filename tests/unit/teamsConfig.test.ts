/**
 * Teams' environment variables: off without any, on with client id + secret + tenant (or a dev token
 * for an emulator), every mistake named, and the local-testing variables refused in production.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SERVICE_URL, readTeamsEnv } from "../../adapters/teams/config.ts";
import { ConfigError, loadConfig } from "../../src/main/config.ts";

const ID = "5f1c2d3e-0000-4000-8000-00000000b07a";
const TENANT = "7a6b5c4d-0000-4000-8000-0000000000aa";
const DEV = "eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.x";

describe("Teams configuration", () => {
  it("is off without variables and says what to set", () => {
    expect(readTeamsEnv({})).toEqual({ status: "off" });
    expect(loadConfig({}, "/srv").adapterLines[1]).toBe("Teams: uit; zet TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET en TEAMS_TENANT_ID om Teams aan te zetten (docs/teams.md).");
  });

  it("is on with client id, secret and tenant, at POST /api/messages on the one server", () => {
    const on = readTeamsEnv({ TEAMS_CLIENT_ID: ID, TEAMS_CLIENT_SECRET: "geheim", TEAMS_TENANT_ID: TENANT });
    expect(on).toEqual({ status: "on", config: { clientId: ID, clientSecret: "geheim", tenantId: TENANT, serviceUrl: DEFAULT_SERVICE_URL } });
    const config = loadConfig({ TEAMS_CLIENT_ID: ID, TEAMS_CLIENT_SECRET: "geheim", TEAMS_TENANT_ID: TENANT }, "/srv");
    expect(config.adapters.map((a) => a.name)).toEqual(["teams"]);
    expect(config.adapterLines[1]).toBe(
      `Teams: aan, activiteiten op POST /api/messages (app ${ID}); kaarten zonder grafieken: zet DUIDBOT_PUBLIC_URL (het publieke https-adres van deze server) / cards without charts: set DUIDBOT_PUBLIC_URL.`,
    );
  });

  it("links chart images below DUIDBOT_PUBLIC_URL when it is set, and leaves a bad one to the main configuration's error", () => {
    const env = { TEAMS_CLIENT_ID: ID, TEAMS_CLIENT_SECRET: "geheim", TEAMS_TENANT_ID: TENANT, DUIDBOT_PUBLIC_URL: "https://duidbot.gemeente.nl/bot" };
    expect(readTeamsEnv(env)).toMatchObject({ status: "on", config: { publicUrl: "https://duidbot.gemeente.nl/bot" } });
    expect(loadConfig(env, "/srv").adapterLines[1]).toBe(`Teams: aan, activiteiten op POST /api/messages (app ${ID}); grafieken in kaarten via https://duidbot.gemeente.nl/bot/charts/….`);
    const bad = { ...env, DUIDBOT_PUBLIC_URL: "ftp://x" };
    expect(readTeamsEnv(bad)).toEqual({ status: "on", config: { clientId: ID, clientSecret: "geheim", tenantId: TENANT, serviceUrl: DEFAULT_SERVICE_URL } });
    expect(() => loadConfig(bad, "/srv")).toThrow(/DUIDBOT_PUBLIC_URL: moet een http\(s\)-URL zijn/);
  });

  it("names each mistake", () => {
    const issues = (env: NodeJS.ProcessEnv) => {
      const setting = readTeamsEnv(env);
      return setting.status === "invalid" ? setting.issues.join("\n") : "";
    };
    expect(issues({ TEAMS_CLIENT_ID: ID })).toMatch(/TEAMS_CLIENT_SECRET en TEAMS_TENANT_ID horen bij TEAMS_CLIENT_ID/);
    expect(issues({ TEAMS_CLIENT_SECRET: "x", TEAMS_TENANT_ID: TENANT })).toMatch(/^TEAMS_CLIENT_ID: ontbreekt/);
    expect(issues({ TEAMS_CLIENT_ID: "bot", TEAMS_CLIENT_SECRET: "x", TEAMS_TENANT_ID: TENANT })).toMatch(/^TEAMS_CLIENT_ID: moet een GUID zijn/);
    expect(issues({ TEAMS_CLIENT_ID: ID, TEAMS_DEV_TOKEN: "plain" })).toMatch(/TEAMS_DEV_TOKEN: moet de vorm van een JWT hebben/);
    expect(() => loadConfig({ TEAMS_CLIENT_ID: ID }, "/srv")).toThrow(ConfigError);
  });

  it("takes the emulator settings locally and refuses them with NODE_ENV=production", () => {
    const local = { TEAMS_CLIENT_ID: ID, TEAMS_DEV_TOKEN: DEV, TEAMS_OPENID_METADATA_URL: "http://127.0.0.1:9/v1/.well-known/openidconfiguration" };
    expect(readTeamsEnv(local)).toMatchObject({ status: "on", config: { devToken: DEV } });
    expect(loadConfig(local, "/srv").adapterLines[1]).toContain("LOKALE TESTINSTELLINGEN");
    const refused = readTeamsEnv({ ...local, TEAMS_CLIENT_SECRET: "x", TEAMS_TENANT_ID: TENANT, NODE_ENV: "production" });
    expect(refused).toEqual({
      status: "invalid",
      issues: [
        "TEAMS_OPENID_METADATA_URL: alleen voor lokaal testen, niet met NODE_ENV=production / for local testing only, refused with NODE_ENV=production",
        "TEAMS_DEV_TOKEN: alleen voor lokaal testen, niet met NODE_ENV=production / for local testing only, refused with NODE_ENV=production",
      ],
    });
  });
});
