// Proves how duidbot.yaml and admin chat commands share the channel and person settings: the file
// seeds them, an admin changes them by chat, a restart with the same file keeps the chat change, and
// an edited file entry overrides it. Only admins configure, and never from a guest channel.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyConfig, linkChannel, setPersonRoles } from "../../src/app/sessions/index.ts";
import { parseDuidbotConfig, type DuidbotConfig } from "../../src/domain/duidbotConfig.ts";
import { ConfigError } from "../../src/main/config.ts";
import { openServices } from "../../src/main/services.ts";
import { fixedClock, testRuntimes } from "../support/db.ts";
import { actor, CONFIG, GAST, LEERKRING, PEOPLE, persistentTarget, seedDin } from "../support/sessionWorld.ts";

/** A duidbot.yaml whose leerkring scope names one doel the DIN has, a misspelt one and an unknown opgave. */
const BAD_SCOPE = [
  "channels:", //                                               1
  `  - key: ${LEERKRING}`, //                                   2
  "    name: '#leerkring'", //                                   3
  "    audience: leerkring", //                                  4
  "    scope:", //                                               5
  "      doelen: [doel-gezond-opgroeien, doel-gezond-opgroien]", // 6
  "      opgaven:", //                                           7
  "        - bestaat-niet", //                                   8
  "",
].join("\n");

function parsed(text: string): DuidbotConfig {
  const result = parseDuidbotConfig(text, "duidbot.yaml");
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

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
      expect(await applyConfig(s, { config: CONFIG })).toMatchObject({ channels: { applied: [LEERKRING, GAST, "memory:digest", "memory:beleid"], kept: [] } });
      expect(await channel(LEERKRING)).toMatchObject({ audience: "leerkring", autoStart: true, advanceAfterDays: 3, lang: "nl" });

      const admin = actor(PEOPLE.admin, LEERKRING);
      expect(await linkChannel(s, { actor: admin, settings: { audience: "leerkring", autoStart: false, scope: { doelen: ["doel-gezond-opgroeien"] } } })).toEqual({
        status: "linked",
        channel: LEERKRING,
        created: false,
      });
      expect(await applyConfig(s, { config: CONFIG })).toMatchObject({ channels: { applied: [], kept: [LEERKRING, GAST, "memory:digest", "memory:beleid"] } });
      expect(await channel(LEERKRING)).toMatchObject({ autoStart: false, scope: { doelen: ["doel-gezond-opgroeien"] } });

      const edited: DuidbotConfig = { ...CONFIG, channels: CONFIG.channels.map((c) => (c.key === LEERKRING ? { ...c, advanceAfterDays: 5 } : c)) };
      expect(await applyConfig(s, { config: edited })).toMatchObject({ channels: { applied: [LEERKRING] } });
      expect(await channel(LEERKRING)).toMatchObject({ autoStart: true, advanceAfterDays: 5, scope: { doelen: [] } });
      const row = await s.db.prisma.channel.findUniqueOrThrow({ where: { key: LEERKRING } });
      expect(row.source).toBe("config");
    });

    it("refuses scope ids the DIN in force does not know, with file:line and a suggestion, and applies nothing", async () => {
      expect(await applyConfig(s, { config: parsed(BAD_SCOPE) })).toEqual({
        status: "invalid",
        issues: [
          {
            file: "duidbot.yaml",
            line: 6,
            field: "channels[0].scope.doelen[1]",
            message: '"doel-gezond-opgroien" staat niet in de DIN (hilversum 2025); bedoelt u "doel-gezond-opgroeien"?',
            messageEn: '"doel-gezond-opgroien" is not in the DIN (hilversum 2025); did you mean "doel-gezond-opgroeien"?',
          },
          expect.objectContaining({ line: 8, field: "channels[0].scope.opgaven[0]", messageEn: '"bestaat-niet" is not in the DIN (hilversum 2025)' }),
        ],
      });
      expect(await channel(LEERKRING)).toBeUndefined();
      // Known ids are applied as before.
      expect(await applyConfig(s, { config: parsed(BAD_SCOPE.replace("doel-gezond-opgroien", "doel-gezond-opgroeien").replace("- bestaat-niet", "- opgave-kansengelijkheid")) })).toMatchObject({ status: "applied" });
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

  describe(`duidbot.yaml against the DIN at start on ${runtime.name}`, () => {
    it("stops the open with every unknown scope id as file:line, releasing the database", async () => {
      const { target, cleanup } = await persistentTarget(runtime);
      const clock = fixedClock("2025-03-03T09:00:00Z");
      try {
        // First start: no DIN yet, nothing to check against.
        const first = await openServices(target, clock, { duidbotConfig: parsed(BAD_SCOPE) });
        await seedDin(first);
        await first.close();
        const failed = openServices(target, clock, { duidbotConfig: parsed(BAD_SCOPE), lang: "en" });
        await expect(failed).rejects.toThrow(ConfigError);
        await expect(failed).rejects.toThrow(
          'duidbot.yaml:6: channels[0].scope.doelen[1]: "doel-gezond-opgroien" is not in the DIN (hilversum 2025); did you mean "doel-gezond-opgroeien"?\n' +
            'duidbot.yaml:8: channels[0].scope.opgaven[0]: "bestaat-niet" is not in the DIN (hilversum 2025)',
        );
        const again = await openServices(target, clock);
        await again.close();
      } finally {
        await cleanup();
      }
    });
  });
}
