// Proves how duidbot.yaml and admin chat commands share the channel and person settings: the file
// seeds them, an admin changes them by chat, a restart with the same file keeps the chat change, and
// an edited file entry overrides it. Only admins configure, and never from a guest channel.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyConfig, linkChannel, setPersonRoles } from "../../src/app/sessions/index.ts";
import type { DuidbotConfig } from "../../src/domain/duidbotConfig.ts";
import { fixedClock, testRuntimes } from "../support/db.ts";
import { actor, CONFIG, GAST, LEERKRING, PEOPLE, seedDin } from "../support/sessionWorld.ts";

for (const runtime of testRuntimes()) {
  describe(`session settings on ${runtime.name}`, () => {
    let s: Awaited<ReturnType<typeof runtime.open>>;
    const clock = fixedClock("2025-03-03T09:00:00Z");
    beforeEach(async () => {
      s = await runtime.open(clock);
      await seedDin(s);
    });
    afterEach(async () => {
      await s.dispose();
    });
    const channel = (key: string) => s.sessions.transaction((tx) => tx.channel(key));

    it("seeds from the file; chat changes survive a restart with the same file; an edited entry wins", async () => {
      expect(await applyConfig(s, { config: CONFIG })).toMatchObject({ channels: { applied: [LEERKRING, GAST, "memory:digest"], kept: [] } });
      expect(await channel(LEERKRING)).toMatchObject({ audience: "leerkring", autoStart: true, advanceAfterDays: 3, lang: "nl" });

      const admin = actor(PEOPLE.admin, LEERKRING);
      expect(await linkChannel(s, { actor: admin, settings: { audience: "leerkring", autoStart: false, scope: { doelen: ["doel-gezond-opgroeien"] } } })).toEqual({
        status: "linked",
        channel: LEERKRING,
        created: false,
      });
      expect(await applyConfig(s, { config: CONFIG })).toMatchObject({ channels: { applied: [], kept: [LEERKRING, GAST, "memory:digest"] } });
      expect(await channel(LEERKRING)).toMatchObject({ autoStart: false, scope: { doelen: ["doel-gezond-opgroeien"] } });

      const edited: DuidbotConfig = { ...CONFIG, channels: CONFIG.channels.map((c) => (c.key === LEERKRING ? { ...c, advanceAfterDays: 5 } : c)) };
      expect(await applyConfig(s, { config: edited })).toMatchObject({ channels: { applied: [LEERKRING] } });
      expect(await channel(LEERKRING)).toMatchObject({ autoStart: true, advanceAfterDays: 5, scope: { doelen: [] } });
      const row = await s.db.prisma.channel.findUniqueOrThrow({ where: { key: LEERKRING } });
      expect(row.source).toBe("config");
    });

    it("lets only admins configure, in internal channels; links a new channel from inside it", async () => {
      await applyConfig(s, { config: CONFIG });
      expect(await linkChannel(s, { actor: actor(PEOPLE.facilitator, LEERKRING), settings: { audience: "gast" } })).toMatchObject({ status: "forbidden", reason: "missing-role" });
      expect(await linkChannel(s, { actor: actor(PEOPLE.admin, GAST), settings: { audience: "leerkring" } })).toMatchObject({ status: "forbidden", reason: "guest-channel" });
      expect(await linkChannel(s, { actor: actor(PEOPLE.admin, "memory:nieuw"), settings: { audience: "gast", perspective: "ervaringsdeskundige" } })).toMatchObject({
        status: "linked",
        created: true,
      });
      expect(await channel("memory:nieuw")).toMatchObject({ audience: "gast", perspective: "ervaringsdeskundige", autoStart: false });
      expect(await linkChannel(s, { actor: actor(PEOPLE.admin, LEERKRING), settings: { audience: "leerkring", scope: { doelen: ["bestaat-niet"] } } })).toMatchObject({
        status: "invalid",
        issues: [{ field: "scope.doelen" }],
      });
      // From an internal channel an admin may configure a guest channel by its key.
      expect(await linkChannel(s, { eventId: "cmd1", actor: actor(PEOPLE.admin, LEERKRING), channel: GAST, settings: { audience: "gast", autoStart: false } })).toMatchObject({ status: "linked" });
      expect(await linkChannel(s, { eventId: "cmd1", actor: actor(PEOPLE.admin, LEERKRING), channel: GAST, settings: { audience: "gast" } })).toEqual({ status: "duplicate" });

      expect(await setPersonRoles(s, { actor: actor(PEOPLE.colleague, LEERKRING), person: { ...PEOPLE.colleague }, roles: ["admin"] })).toMatchObject({ status: "forbidden" });
      expect(await setPersonRoles(s, { actor: actor(PEOPLE.admin, LEERKRING), person: { ...PEOPLE.colleague }, roles: ["facilitator"], perspective: "uitvoering" })).toEqual({
        status: "saved",
        person: PEOPLE.colleague.key,
      });
      expect(await s.sessions.transaction((tx) => tx.person(PEOPLE.colleague.key))).toEqual({ ...PEOPLE.colleague, roles: ["facilitator"], perspective: "uitvoering" });
    });
  });
}
