// Proves the bundled Slack app manifest subscribes to every event the adapter listens to and points
// commands, events and interactivity at the one endpoint, POST /slack/events.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

const root = path.join(import.meta.dirname, "..", "..");
const manifest = parse(readFileSync(path.join(root, "examples", "slack-manifest.yaml"), "utf8")) as {
  features: { slash_commands: { command: string; url: string }[] };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { request_url: string } };
};

function listenedEvents(): string[] {
  const dir = path.join(root, "adapters", "slack");
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
  const events = new Set<string>();
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), "utf8");
    for (const m of text.matchAll(/app\.event\("([a-z_]+)"/g)) events.add(m[1]!);
  }
  return [...events];
}

describe("Slack app manifest", () => {
  it("subscribes to every event the adapter handles", () => {
    const subscribed = manifest.settings.event_subscriptions.bot_events;
    const needed = listenedEvents().flatMap((e) => (e === "message" ? ["message.channels", "message.groups"] : [e]));
    expect(needed.length).toBeGreaterThan(2);
    for (const event of needed) expect(subscribed).toContain(event);
  });

  it("sends commands, events and interactivity to /slack/events", () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe("/slack/events");
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(["/duiding"]);
  });
});
