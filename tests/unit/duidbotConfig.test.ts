// Proves duidbot.yaml is read strictly and explained in Dutch and English with line numbers, and that
// the bundled example is valid.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EMPTY_CONFIG, parseDuidbotConfig } from "../../src/domain/duidbotConfig.ts";

describe("duidbot.yaml", () => {
  it("accepts the bundled example", () => {
    const text = readFileSync(path.join(import.meta.dirname, "..", "..", "examples", "duidbot.yaml"), "utf8");
    const parsed = parseDuidbotConfig(text, "duidbot.yaml");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.channels.map((c) => c.audience)).toEqual(["leerkring", "digest", "gast"]);
    expect(parsed.value.people.find((p) => p.roles.includes("adopter"))).toBeDefined();
  });

  it("fills defaults: empty scope, no autoStart, Dutch", () => {
    const parsed = parseDuidbotConfig("channels:\n  - key: slack:T1:C1\n    name: test\n    audience: leerkring\n", "d.yaml");
    expect(parsed).toEqual({
      ok: true,
      value: { defaults: { lang: "nl" }, channels: [{ key: "slack:T1:C1", name: "test", audience: "leerkring", scope: { opgaven: [], doelen: [], indicators: [] }, autoStart: false }], people: [] },
    });
    expect(parseDuidbotConfig("", "d.yaml")).toEqual({ ok: true, value: EMPTY_CONFIG });
  });

  it("reports every problem with its line, in both languages", () => {
    const text = "channels:\n  - key: nope\n    name: x\n    audience: gastt\n  - key: slack:T1:C1\n    name: y\n    audience: gast\n    advanceAfterDays: 0\npeople:\n  - key: slack:U1\n    name: z\n    roles: [baas]\n";
    const parsed = parseDuidbotConfig(text, "d.yaml");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => [i.line, i.field])).toEqual([
      [2, "channels[0].key"],
      [4, "channels[0].audience"],
      [8, "channels[1].advanceAfterDays"],
      [12, "people[0].roles[0]"],
    ]);
    expect(parsed.issues[1]?.message).toContain('"leerkring", "digest" of "gast"');
    expect(parsed.issues[0]?.messageEn).toContain('must be "platform:id"');
  });

  it("refuses keys of duidbot's own system actors, for people and channels", () => {
    const text = "channels:\n  - key: system:kanaal\n    name: x\n    audience: leerkring\npeople:\n  - key: system:guest-detection\n    name: Nep\n    roles: [admin]\n";
    const parsed = parseDuidbotConfig(text, "d.yaml");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => [i.line, i.field])).toEqual([
      [2, "channels[0].key"],
      [6, "people[0].key"],
    ]);
    expect(parsed.issues[1]?.message).toContain("voorbehouden aan duidbot zelf");
    expect(parsed.issues[1]?.messageEn).toContain("reserved for duidbot itself");
  });

  it("refuses a channel listed twice", () => {
    const entry = "  - key: slack:T1:C1\n    name: x\n    audience: leerkring\n";
    const parsed = parseDuidbotConfig(`channels:\n${entry}${entry}`, "d.yaml");
    expect(parsed).toMatchObject({ ok: false, issues: [{ field: "channels", messageEn: "channel slack:T1:C1 is listed twice" }] });
  });

  it("gives a group's roles to its members: union of roles, a person's own perspective first", () => {
    const text = [
      "people:",
      "  - key: slack:U1",
      "    name: Sanne",
      "    roles: [adopter]",
      "    perspective: beleid",
      "groups:",
      "  - name: trekkers leerkringen",
      "    roles: [facilitator, adopter]",
      "    perspective: uitvoering",
      "    members: [slack:U1, slack:U2]",
      "",
    ].join("\n");
    const parsed = parseDuidbotConfig(text, "d.yaml");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.people).toEqual([
      { key: "slack:U1", name: "Sanne", roles: ["adopter", "facilitator"], perspective: "beleid" },
      { key: "slack:U2", name: "slack:U2", roles: ["facilitator", "adopter"], perspective: "uitvoering" },
    ]);
  });

  it("refuses a group without members or with a malformed member key, naming the line", () => {
    const parsed = parseDuidbotConfig("groups:\n  - name: leeg\n    members: []\n  - name: fout\n    members: [U2]\n", "d.yaml");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => [i.line, i.field])).toEqual([
      [3, "groups[0].members"],
      [5, "groups[1].members[0]"],
    ]);
  });
});
