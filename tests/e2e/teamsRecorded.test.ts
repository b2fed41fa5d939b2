/**
 * Teams activities in the shapes Microsoft documents (tests/fixtures/teams/activities.json; each entry
 * names its source): an @mention with free text in a channel, a personal-chat message, an
 * Action.Execute invoke, conversationUpdate (the bot and a person added), messageReaction (added,
 * removed) and installationUpdate (add, remove), with every field Teams sends, signed as Teams signs
 * them and posted to the real server. None gets a 5xx; the free-text @mention is answered with the
 * help in its own thread, the personal message with the person's key; reactions and installation
 * events change nothing.
 */
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryRuntime } from "../support/db.ts";
import { seedDin } from "../support/sessionWorld.ts";
import { BOT, TEAMS_USERS, TENANT, startTeamsWorld, type TeamsWorld } from "../support/teamsWorld.ts";

interface Recorded {
  source: string;
  activity: Record<string, unknown>;
}
const FILE = new URL("../fixtures/teams/activities.json", import.meta.url);
const RAW = readFileSync(FILE, "utf8");

/** The recordings with this world's connector, bot, tenant and people filled in. */
function recordings(w: TeamsWorld): Map<string, Record<string, unknown>> {
  const text = RAW.replaceAll("{{SERVICE_URL}}", w.fake.serviceUrl)
    .replaceAll("{{BOT}}", BOT)
    .replaceAll("{{TENANT}}", TENANT)
    .replaceAll("{{COLLEAGUE}}", TEAMS_USERS.colleague.aad)
    .replaceAll("{{ADMIN}}", TEAMS_USERS.admin.aad);
  const parsed = JSON.parse(text) as Record<string, Recorded>;
  for (const [name, entry] of Object.entries(parsed)) if (!entry.source) throw new Error(`${FILE.pathname}: "${name}" has no source`);
  return new Map(Object.entries(parsed).map(([name, entry]) => [name, entry.activity]));
}

// On the memory store only (issue #14): this file is about the Teams activity shapes; the store calls
// they lead to are proven on memory, PGlite and PostgreSQL in tests/contract.
for (const runtime of [memoryRuntime]) {
  describe(`recorded Teams activities on ${runtime.name}`, () => {
    let w: TeamsWorld;
    beforeEach(async () => {
      w = await startTeamsWorld(runtime, { start: "2025-03-03T09:00:00Z" });
      await seedDin(w.s);
    });
    afterEach(async () => {
      await w.close();
    });

    it("answers every one without a 5xx; reactions and installation events send nothing", async () => {
      const all = recordings(w);
      expect(all.size).toBe(9);
      for (const [name, activity] of all) {
        const sent = w.fake.sent.length;
        const res = await w.driver.send(activity);
        expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(200);
        if (activity.type === "messageReaction" || activity.type === "installationUpdate" || activity.type === "conversationUpdate") {
          expect(w.fake.sent.length, name).toBe(sent);
        }
      }
      // The invoke about a session that does not exist gets an answer for the clicker, not an error.
      const invoke = await w.driver.send(all.get("Action.Execute on a card (adaptiveCard/action invoke)")!);
      expect(invoke.body).toMatchObject({ statusCode: 200 });
    });

    it("answers a free-text @mention in its thread, and a personal message in the chat", async () => {
      const all = recordings(w);
      const mention = all.get("mention in a channel (free text)")!;
      await w.driver.send(mention);
      const answer = w.fake.sent.find((m) => m.conversationId === "19:leerkring@thread.tacv2;messageid=1741001472481");
      expect(JSON.stringify(answer?.activity)).toContain("koppel");

      const personal = all.get("personal chat, no mention")!;
      await w.driver.send(personal);
      const conversation = (personal.conversation as { id: string }).id;
      expect(JSON.stringify(w.fake.sent.find((m) => m.conversationId === conversation)?.activity)).toContain(`teams:${TEAMS_USERS.colleague.aad}`);
    });
  });
}
