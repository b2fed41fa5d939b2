// The digest's schedule: weekday + time on the Amsterdam clock, across both DST switches, and its week key.
import { describe, expect, it } from "vitest";
import {
  amsterdamDay,
  digestDue,
  digestWeek,
  formatDigestSchedule,
  latestOccurrence,
  nextOccurrence,
  parseDigestSchedule,
  type DigestSchedule,
} from "../../src/domain/digest/schedule.ts";

const monday9: DigestSchedule = { weekday: 1, hour: 9, minute: 0 };
const iso = (d: Date) => d.toISOString();

describe("parseDigestSchedule", () => {
  it.each([
    ["ma 09:00", { weekday: 1, hour: 9, minute: 0 }],
    ["maandag 9:00", { weekday: 1, hour: 9, minute: 0 }],
    ["vr 16:30", { weekday: 5, hour: 16, minute: 30 }],
    ["Sun 07:05", { weekday: 7, hour: 7, minute: 5 }],
    ["wo-08.15", { weekday: 3, hour: 8, minute: 15 }],
  ])("reads %s", (text, schedule) => {
    expect(parseDigestSchedule(text)).toEqual({ ok: true, schedule });
  });

  it.each(["", "ma", "09:00", "xx 09:00", "ma 24:00", "ma 9:60"])("refuses %j with a Dutch and an English message", (text) => {
    const parsed = parseDigestSchedule(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain("ma 09:00");
      expect(parsed.messageEn).toContain("09:00");
    }
  });

  it("formats back to the short form", () => {
    expect(formatDigestSchedule({ weekday: 3, hour: 7, minute: 5 })).toBe("wo 07:05");
    expect(formatDigestSchedule({ weekday: 3, hour: 7, minute: 5 }, "en")).toBe("wed 07:05");
  });
});

describe("occurrences on the Amsterdam clock", () => {
  it("is 08:00 UTC in winter and 07:00 UTC in summer", () => {
    expect(iso(latestOccurrence(monday9, new Date("2026-12-09T12:00:00Z")))).toBe("2026-12-07T08:00:00.000Z");
    expect(iso(latestOccurrence(monday9, new Date("2026-07-08T12:00:00Z")))).toBe("2026-07-06T07:00:00.000Z");
  });

  it("counts the occurrence itself as the latest, and the minute before as last week's", () => {
    expect(iso(latestOccurrence(monday9, new Date("2026-12-07T08:00:00Z")))).toBe("2026-12-07T08:00:00.000Z");
    expect(iso(latestOccurrence(monday9, new Date("2026-12-07T07:59:59Z")))).toBe("2026-11-30T08:00:00.000Z");
    expect(iso(nextOccurrence(monday9, new Date("2026-12-07T07:59:59Z")))).toBe("2026-12-07T08:00:00.000Z");
    expect(iso(nextOccurrence(monday9, new Date("2026-12-07T08:00:00Z")))).toBe("2026-12-14T08:00:00.000Z");
  });

  it("steps over the spring and autumn switches", () => {
    // Summer time starts Sunday 29 March 2026; the Monday after is 07:00 UTC, the one before 08:00 UTC.
    expect(iso(nextOccurrence(monday9, new Date("2026-03-25T12:00:00Z")))).toBe("2026-03-30T07:00:00.000Z");
    expect(iso(latestOccurrence(monday9, new Date("2026-03-29T12:00:00Z")))).toBe("2026-03-23T08:00:00.000Z");
    // Winter time starts Sunday 25 October 2026.
    expect(iso(nextOccurrence(monday9, new Date("2026-10-20T12:00:00Z")))).toBe("2026-10-26T08:00:00.000Z");
    // A Sunday time on the switch day itself: 10:00 local is 08:00 UTC (summer) or 09:00 UTC (winter).
    const sunday10 = { weekday: 7, hour: 10, minute: 0 };
    expect(iso(latestOccurrence(sunday10, new Date("2026-03-29T23:00:00Z")))).toBe("2026-03-29T08:00:00.000Z");
    expect(iso(latestOccurrence(sunday10, new Date("2026-10-25T23:00:00Z")))).toBe("2026-10-25T09:00:00.000Z");
  });

  it("uses the Amsterdam date near midnight (Sunday 23:30 UTC is already Monday there)", () => {
    expect(amsterdamDay(new Date("2026-12-06T23:30:00Z"))).toBe("2026-12-07");
    const monday0030 = { weekday: 1, hour: 0, minute: 30 };
    expect(iso(latestOccurrence(monday0030, new Date("2026-12-06T23:30:00Z")))).toBe("2026-12-06T23:30:00.000Z");
  });
});

describe("digestWeek and digestDue", () => {
  it("keys an occurrence by its ISO week on the Amsterdam calendar", () => {
    expect(digestWeek(new Date("2026-12-07T08:00:00Z"))).toBe("2026-W50");
    expect(digestWeek(new Date("2027-01-04T08:00:00Z"))).toBe("2027-W01");
    // 31 December 2026 is a Thursday: week 53 of 2026.
    expect(digestWeek(new Date("2026-12-31T12:00:00Z"))).toBe("2026-W53");
    // Sunday 23:30 UTC is Monday in Amsterdam: the new week.
    expect(digestWeek(new Date("2026-12-06T23:30:00Z"))).toBe("2026-W50");
  });

  it("is late from a full day after the occurrence on", () => {
    expect(digestDue(monday9, new Date("2026-12-08T07:59:00Z")).late).toBe(false);
    expect(digestDue(monday9, new Date("2026-12-08T08:00:00Z"))).toEqual({ occurrence: new Date("2026-12-07T08:00:00Z"), week: "2026-W50", late: true });
  });
});
