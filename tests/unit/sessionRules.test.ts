// Proves the session rules as tables: who may do what per audience and role, which perspective a
// contribution gets, which indicators a channel follows, and what guest channels may never receive.
import { describe, expect, it } from "vitest";
import {
  formatAudience,
  indicatorsForChannel,
  isAllowed,
  mayShowIndicator,
  PERMISSIONS,
  resolvePerspective,
  scopeCovers,
} from "../../src/domain/sessionRules.ts";
import type { ChannelAudience, Role, SessionAction } from "../../src/domain/sessionRules.ts";
import { buildDin, buildIndicator } from "../support/factories.ts";

type Row = [SessionAction, ChannelAudience, Role[], boolean];
const table: Row[] = [
  ["contribute", "leerkring", [], true],
  ["contribute", "digest", [], true],
  ["contribute", "gast", [], true],
  ["start", "leerkring", [], true],
  ["start", "gast", ["facilitator", "admin", "adopter"], false],
  ["move", "leerkring", [], false],
  ["move", "leerkring", ["facilitator"], true],
  ["move", "digest", ["facilitator"], true],
  ["move", "gast", ["facilitator"], false],
  ["conclude", "leerkring", ["adopter"], false],
  ["conclude", "leerkring", ["facilitator"], true],
  ["conclude", "gast", ["facilitator"], false],
  ["adopt", "leerkring", ["facilitator"], false],
  ["adopt", "leerkring", ["adopter"], true],
  ["adopt", "digest", ["adopter"], true],
  ["adopt", "gast", ["adopter"], false],
  ["share", "leerkring", ["facilitator"], true],
  ["share", "leerkring", [], false],
  ["configure", "leerkring", ["admin"], true],
  ["configure", "leerkring", ["facilitator", "adopter"], false],
  ["configure", "gast", ["admin"], false],
];

describe("permission table", () => {
  it.each(table)("%s in a %s channel with roles %j → %s", (action, audience, roles, allowed) => {
    expect(isAllowed(action, audience, roles)).toBe(allowed);
  });

  it("lets guest channels do nothing but contribute, whatever the role", () => {
    for (const [action, rules] of Object.entries(PERMISSIONS)) {
      expect(isAllowed(action as SessionAction, "gast", ["facilitator", "adopter", "admin"])).toBe(action === "contribute");
      expect(rules.gast === "nobody" || action === "contribute").toBe(true);
    }
  });
});

describe("perspective", () => {
  it.each([
    ["the person's own", { perspective: "beleid" as const }, { perspective: "adviesraad" as const }, "beleid"],
    ["the channel default", { perspective: undefined }, { perspective: "adviesraad" as const }, "adviesraad"],
    ["the channel default for unknown people", undefined, { perspective: "ervaringsdeskundige" as const }, "ervaringsdeskundige"],
    ["overig otherwise", undefined, {}, "overig"],
  ])("takes %s", (_name, person, channel, expected) => {
    expect(resolvePerspective(person, channel)).toBe(expected);
  });
});

describe("scope and visibility", () => {
  const din = buildDin({
    opgaven: [{ id: "o1", name: "O1" }, { id: "o2", name: "O2" }],
    goals: [
      { id: "g1", name: "G1", opgaveId: "o1" },
      { id: "g2", name: "G2", opgaveId: "o2" },
    ],
  });
  const open = buildIndicator({ id: "open", goalId: "g1" });
  const other = buildIndicator({ id: "other", goalId: "g2" });
  const intern = buildIndicator({ id: "intern", goalId: "g1", visibility: "intern" });
  const none = { opgaven: [], doelen: [], indicators: [] };

  it.each([
    ["an empty scope (the whole DIN)", none, [true, true]],
    ["its opgave", { ...none, opgaven: ["o1"] }, [true, false]],
    ["its doel", { ...none, doelen: ["g2"] }, [false, true]],
    ["its id", { ...none, indicators: ["other"] }, [false, true]],
  ])("covers indicators by %s", (_name, scope, expected) => {
    expect([scopeCovers(scope, open, din), scopeCovers(scope, other, din)]).toEqual(expected);
  });

  it("never gives a guest channel an intern indicator, even when its scope names it", () => {
    expect(mayShowIndicator("gast", intern)).toBe(false);
    expect(mayShowIndicator("leerkring", intern)).toBe(true);
    expect(mayShowIndicator("digest", intern)).toBe(true);
    const guest = { audience: "gast" as const, scope: { ...none, indicators: ["intern", "open"] } };
    expect(indicatorsForChannel(guest, [open, other, intern], din).map((i) => i.id)).toEqual(["open"]);
    const leerkring = { audience: "leerkring" as const, scope: { ...none, opgaven: ["o1"] } };
    expect(indicatorsForChannel(leerkring, [open, other, intern], din).map((i) => i.id)).toEqual(["open", "intern"]);
  });

  it("formats figures for guests as extern (small numbers suppressed)", () => {
    expect(formatAudience("gast")).toBe("extern");
    expect(formatAudience("leerkring")).toBe("intern");
    expect(formatAudience("digest")).toBe("intern");
  });
});
