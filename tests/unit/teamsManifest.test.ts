// Proves the Teams app manifest offers the bot in team, group chat and personal scope, lists every
// command word the adapter answers, asks for resource-specific consent to read channel messages
// (thread replies without an @mention), and ships icons of the sizes Teams requires.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commandVerb } from "../../src/app/commands/commandTable.ts";
import { isWhoAmI } from "../../adapters/teams/texts.ts";

const dir = path.join(import.meta.dirname, "..", "..", "adapters", "teams", "manifest");
const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as {
  id: string;
  bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string; description: string }[] }[] }[];
  webApplicationInfo: { id: string };
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
  icons: { color: string; outline: string };
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(path.join(dir, file));
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe("Teams app manifest", () => {
  it("offers the bot in every scope under the app registration's id", () => {
    const [bot] = manifest.bots;
    expect(bot!.scopes).toEqual(["team", "groupChat", "personal"]);
    expect(new Set([manifest.id, bot!.botId, manifest.webApplicationInfo.id])).toEqual(new Set(["{{TEAMS_CLIENT_ID}}"]));
  });

  it("lists only commands the adapter answers, and all of them", () => {
    const titles = manifest.bots[0]!.commandLists[0]!.commands.map((c) => c.title);
    expect(titles.filter((t) => !isWhoAmI(t)).map((t) => commandVerb(t))).toEqual(["help", "status", "start", "koppel"]);
    expect(titles.some(isWhoAmI)).toBe(true);
    for (const c of manifest.bots[0]!.commandLists[0]!.commands) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
  });

  it("asks consent to read channel messages, so thread replies without a mention arrive", () => {
    expect(manifest.authorization.permissions.resourceSpecific).toContainEqual({ name: "ChannelMessage.Read.Group", type: "Application" });
  });

  it("ships a 192×192 colour icon and a 32×32 outline icon", () => {
    expect(pngSize(manifest.icons.color)).toEqual([192, 192]);
    expect(pngSize(manifest.icons.outline)).toEqual([32, 32]);
  });
});
