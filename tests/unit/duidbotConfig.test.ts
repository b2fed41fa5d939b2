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
      value: {
        defaults: { lang: "nl" },
        channels: [{ key: "slack:T1:C1", name: "test", audience: "leerkring", scope: { opgaven: [], doelen: [], indicators: [] }, autoStart: false }],
        people: [],
        source: { file: "d.yaml", lines: {} },
      },
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

  it("reads a channel's digest schedule and refuses one that is no day and time, with its line", () => {
    const ok = parseDuidbotConfig("defaults:\n  digestSendEmpty: true\nchannels:\n  - key: slack:T1:C1\n    name: x\n    audience: leerkring\n    digest: wo 08:30\n", "d.yaml");
    expect(ok.ok && [ok.value.defaults.digestSendEmpty, ok.value.channels[0]?.digest]).toEqual([true, "wo 08:30"]);
    const bad = parseDuidbotConfig("channels:\n  - key: slack:T1:C1\n    name: x\n    audience: digest\n    digest: maandagochtend\n", "d.yaml");
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => [i.line, i.field])).toEqual([[5, "channels[0].digest"]]);
    expect(bad.issues[0]?.message).toContain('schrijf bijvoorbeeld "ma 09:00"');
    expect(bad.issues[0]?.messageEn).toContain("is no day and time");
  });

  it("reads a channel's own digestSendEmpty, and refuses one that is no true/false with its line", () => {
    const ok = parseDuidbotConfig("defaults:\n  digestSendEmpty: true\nchannels:\n  - key: slack:T1:C1\n    name: x\n    audience: digest\n    digestSendEmpty: false\n  - key: slack:T1:C2\n    name: y\n    audience: digest\n", "d.yaml");
    expect(ok.ok && [ok.value.defaults.digestSendEmpty, ok.value.channels[0]?.digestSendEmpty, ok.value.channels[1]?.digestSendEmpty]).toEqual([true, false, undefined]);
    const bad = parseDuidbotConfig("channels:\n  - key: slack:T1:C1\n    name: x\n    audience: digest\n    digestSendEmpty: ja\n    digestSendEmty: true\n", "d.yaml");
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => [i.line, i.field])).toEqual([
      [5, "channels[0].digestSendEmpty"],
      [6, "channels[0].digestSendEmty"],
    ]);
    expect(bad.issues[1]?.message).toContain("digestSendEmpty");
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

  it("refuses a channel or person listed twice, on the line of the second one", () => {
    const entry = "  - key: slack:T1:C1\n    name: x\n    audience: leerkring\n";
    const person = "  - key: slack:U1\n    name: p\n";
    const parsed = parseDuidbotConfig(`channels:\n${entry}${entry}people:\n${person}${person}`, "d.yaml");
    expect(parsed).toMatchObject({
      ok: false,
      issues: [
        { line: 5, field: "channels[1].key", message: "kanaal slack:T1:C1 staat er twee keer in (ook op regel 2)", messageEn: "channel slack:T1:C1 is listed twice (also on line 2)" },
        { line: 11, field: "people[1].key", messageEn: "person slack:U1 is listed twice (also on line 9)" },
      ],
    });
  });

  it("reports YAML, schema and duplicate problems together, top to bottom", () => {
    const text = [
      "channels:", //                      1
      "  - key: slack:T1:C1", //           2
      "    name: a", //                    3
      "    name: b", //                    4 key given twice in one block
      "    audience: leerkring", //        5
      "  - key: slack:T1:C1", //           6 channel listed twice
      "    audience: gast", //             7 name missing (reported on the item's line)
      "    audeince: gast", //             8 unknown field
      "",
    ].join("\n");
    const parsed = parseDuidbotConfig(text, "d.yaml");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => `${i.line}: ${i.field}: ${i.message}`)).toEqual([
      expect.stringMatching(/^4: yaml: YAML-fout: hetzelfde veld staat twee keer in dit blok/),
      "6: channels[1].name: naam ontbreekt; dit veld is verplicht",
      "6: channels[1].key: kanaal slack:T1:C1 staat er twee keer in (ook op regel 2)",
      '8: channels[1].audeince: onbekend veld "audeince"; bedoelt u "audience"?',
    ]);
  });

  it("still stops at a real syntax error: the tree after it is unreliable", () => {
    const parsed = parseDuidbotConfig("channels:\n  - key: slack:T1:C1\n    name: [a\n", "d.yaml");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.every((i) => i.field === "yaml")).toBe(true);
  });

  it("refuses Slack keys without workspace, with lower case or with too many parts", () => {
    const channel = (key: string) => `  - key: ${key}\n    name: x\n    audience: leerkring\n`;
    const text = `channels:\n${channel("slack:CY")}${channel("slack:t1:c1")}${channel("slack:T1:C1:X")}${channel("slack:E0ORG:C0LEER")}people:\n  - key: slack:T1:U1\n    name: p\n`;
    const parsed = parseDuidbotConfig(text, "d.yaml");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => [i.line, i.field])).toEqual([
      [2, "channels[0].key"],
      [5, "channels[1].key"],
      [8, "channels[2].key"],
      [15, "people[0].key"],
    ]);
    expect(parsed.issues[0]?.message).toBe('"slack:CY" moet "slack:<werkruimte-id>:<kanaal-id>" in hoofdletters, bijv. "slack:T0123:C0456" zijn');
    expect(parsed.issues[0]?.messageEn).toBe('"slack:CY" must be "slack:<workspace id>:<channel id>" in upper case, e.g. "slack:T0123:C0456"');
    expect(parsed.issues[3]?.messageEn).toContain('"slack:<user id>" in upper case');
  });

  it("keeps the line of every scope id for the check against the DIN", () => {
    const text = "channels:\n  - key: slack:T1:C1\n    name: x\n    audience: leerkring\n    scope:\n      opgaven: [a]\n      indicators:\n        - b\n        - c\n";
    const parsed = parseDuidbotConfig(text, "d.yaml");
    expect(parsed.ok && parsed.value.source).toEqual({
      file: "d.yaml",
      lines: { "channels[0].scope.opgaven[0]": 6, "channels[0].scope.indicators[0]": 8, "channels[0].scope.indicators[1]": 9 },
    });
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

describe("duidbot.yaml that would blow up or cannot be stored", () => {
  it("refuses aliases that expand the file more than tenfold, before expanding them", () => {
    const people = Array.from({ length: 2_000 }, (_, i) => `    - key: slack:U${i}\n      name: P${i}\n`).join("");
    const text = `groups:\n  - &g\n    name: veel\n    roles: [facilitator]\n    members: []\n    extra:\n${people}${"  - *g\n".repeat(99)}`;
    const parsed = parseDuidbotConfig(text, "duidbot.yaml");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues).toEqual([expect.objectContaining({ file: "duidbot.yaml", message: expect.stringContaining("meer dan 10 keer") })]);
  });

  it("names the line of a value with a NUL character", () => {
    const parsed = parseDuidbotConfig("channels:\n  - key: slack:T1:C1\n    name: \"a\\0b\"\n    audience: leerkring\n", "duidbot.yaml");
    expect(parsed).toEqual({ ok: false, issues: [expect.objectContaining({ line: 3, field: "channels[0].name", message: expect.stringContaining("NUL") })] });
  });
});
