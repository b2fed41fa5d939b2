/**
 * Proves the Slack endpoint over real HTTP answers well-signed requests that are not a Slack payload
 * duidbot serves with 400 at once (never 500, never a 3-second wait for a listener that never
 * comes), in both ack modes, and treats a timestamp more than 5 minutes in the future like a stale
 * one: a bad signature (401), nothing stored.
 */
import { afterEach, describe, expect, it } from "vitest";
import { memoryRuntime } from "../support/db.ts";
import { SLACK_CHANNELS, SLACK_USERS, startSlackWorld, type SlackWorld } from "../support/slackWorld.ts";

const START = "2025-03-03T09:00:00Z";
const JSON_TYPE = { "content-type": "application/json" };
const FORM_TYPE = { "content-type": "application/x-www-form-urlencoded" };
const form = (payload: string) => new URLSearchParams({ payload }).toString();

/** Bodies Slack never sends, each signed correctly. */
const ODD: [string, string, Record<string, string>][] = [
  ["JSON null", "null", JSON_TYPE],
  ["a JSON array", "[]", JSON_TYPE],
  ["a JSON string", '"hallo"', JSON_TYPE],
  ["a JSON number", "42", JSON_TYPE],
  ["an empty object", "{}", JSON_TYPE],
  ["an unknown type", '{"type":"iets_anders"}', JSON_TYPE],
  ["an event_callback without event", '{"type":"event_callback","team_id":"T0FAKE","event_id":"Ev1"}', JSON_TYPE],
  ["an event_callback with event null", '{"type":"event_callback","event":null}', JSON_TYPE],
  ["an event_callback with a string event", '{"type":"event_callback","event":"message"}', JSON_TYPE],
  ["an event without type", '{"type":"event_callback","event":{"channel":"C0LEER"}}', JSON_TYPE],
  ["an event with channel null", '{"type":"event_callback","event":{"type":"message","channel":null}}', JSON_TYPE],
  ["an event with item null", '{"type":"event_callback","event":{"type":"reaction_added","item":null}}', JSON_TYPE],
  ["an event with authorizations null", '{"type":"event_callback","authorizations":null,"event":{"type":"message"}}', JSON_TYPE],
  ["payload=null", form("null"), FORM_TYPE],
  ["payload={}", form("{}"), FORM_TYPE],
  ["block_actions without actions", form('{"type":"block_actions"}'), FORM_TYPE],
  ["block_actions with actions null", form('{"type":"block_actions","actions":null}'), FORM_TYPE],
  ["block_actions with an empty action list", form('{"type":"block_actions","actions":[]}'), FORM_TYPE],
  ["block_actions with an action null", form('{"type":"block_actions","actions":[null]}'), FORM_TYPE],
  ["actions without a type", form('{"actions":[{"action_id":"session.next"}]}'), FORM_TYPE],
  ["view_submission with view null", form('{"type":"view_submission","view":null}'), FORM_TYPE],
  ["view_submission without callback_id", form('{"type":"view_submission","view":{"id":"V1"}}'), FORM_TYPE],
  ["a shortcut duidbot has none of", form('{"type":"shortcut","callback_id":"x","trigger_id":"t"}'), FORM_TYPE],
  ["a form without command or payload", "token=legacy&team_id=T0FAKE", FORM_TYPE],
  ["a command field that is empty", "command=&team_id=T0FAKE", FORM_TYPE],
];

// On the memory store: this is about the adapter, not the database (tests/contract proves the store).
for (const runtime of [memoryRuntime]) {
  for (const processBeforeResponse of [false, true]) {
    describe(`odd Slack requests on ${runtime.name} (processBeforeResponse ${processBeforeResponse})`, () => {
      let w: SlackWorld;
      afterEach(async () => {
        await w.close();
      });

      it("answers 400 at once to well-signed bodies that are not a Slack payload, and stores nothing", async () => {
        w = await startSlackWorld(runtime, { start: START, processBeforeResponse });
        const answers: string[] = [];
        for (const [label, body, headers] of ODD) {
          const res = await w.driver.send(body, headers);
          answers.push(`${label}: ${res.status}${res.ms > 1000 ? " (slow)" : ""}`);
        }
        expect(answers).toEqual(ODD.map(([label]) => `${label}: 400`));
        expect(await w.s.inbox.counts()).toEqual({ stored: 0, unprocessed: 0 });
        // A real command still works after all that.
        const status = await w.driver.command("/duiding", "help", { user_id: SLACK_USERS.colleague.id, channel_id: SLACK_CHANNELS.leerkring });
        expect(status.status).toBe(200);
      });
    });
  }

  describe(`Slack request timestamps on ${runtime.name}`, () => {
    let w: SlackWorld;
    afterEach(async () => {
      await w.close();
    });

    it("answers 401 to a timestamp more than 5 minutes in the future or past, and accepts one within", async () => {
      w = await startSlackWorld(runtime, { start: START });
      const event = { type: "message", channel: SLACK_CHANNELS.leerkring, user: SLACK_USERS.colleague.id, text: "hallo", ts: "1741000000.000100" };
      expect((await w.driver.event(event, { signature: "future" })).status).toBe(401);
      expect((await w.driver.event(event, { signature: "stale" })).status).toBe(401);
      expect(await w.s.inbox.counts()).toEqual({ stored: 0, unprocessed: 0 });
      const now = Math.floor(Date.now() / 1000);
      for (const skew of [-240, 240]) {
        const command = new URLSearchParams({ command: "/duiding", text: "help", team_id: "T0FAKE", channel_id: SLACK_CHANNELS.leerkring, user_id: SLACK_USERS.colleague.id, trigger_id: "t" });
        expect((await w.driver.sendAt(now + skew, command.toString(), FORM_TYPE)).status).toBe(200);
      }
    });
  });
}
