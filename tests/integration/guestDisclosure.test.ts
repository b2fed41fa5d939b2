/**
 * Proves that guests get only what the DIN in force now lets them see, also for messages written
 * before a DIN import and still waiting in the outbox: a guest thread's root post and status update
 * are rendered again at send time, a guest change post is rendered again (or withdrawn when nothing
 * newsworthy is left for guests). And that a guest channel is told about new figures only when a
 * change it may see is newsworthy: a significant intern change, or a significant change hidden by
 * the small-number rule, posts nothing to guests.
 */
import type { Services } from "../../src/main/services.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importDin } from "../../src/app/din/importDin.ts";
import { applyConfig, postChanges, recordContribution } from "../../src/app/sessions/index.ts";
import { fixedClock, memoryRuntime } from "../support/db.ts";
import { outboxRows } from "../support/peek.ts";
import { CONFIG, DIN, GAST, importFigures, LEERKRING, openFreshWorld, PEOPLE, type World } from "../support/sessionWorld.ts";

/** The public count drops from 30 to 12: significant, and 12 is shown exactly under the limit of 10. */
const FIGURES = "indicator;periode;waarde\njeugdhulp;2023;10\njeugdhulp;2024;12\nveilig-thuis;2023;30\nveilig-thuis;2024;12\nwachtlijst;2023;50\nwachtlijst;2024;80\n";

/** The next DIN version: "Jongeren met jeugdhulp" turns intern, the count's limit rises to 20. */
const STRICTER_DIN = {
  ...DIN,
  indicators: DIN.indicators.map((i) =>
    i.id === "jeugdhulp" ? { ...i, visibility: "intern" as const } : i.id === "veilig-thuis" ? { ...i, smallNumbers: 20 } : i,
  ),
};

/** STRICTER_DIN as a din.yaml, for importDin. */
const STRICTER_YAML = `municipality: Hilversum
year: 2025
mission: "Wij zijn Hilversum, iedereen doet mee."
opgaven:
  - id: opgave-kansengelijkheid
    name: Kansengelijkheid
    goals:
      - id: doel-gezond-opgroeien
        name: Hilversumse kinderen en jongeren groeien gezond en veilig op
indicators:
  - { id: jeugdhulp, name: Jongeren met jeugdhulp, kind: effect, goal: doel-gezond-opgroeien, unit: "%", direction: lager-is-beter, baseline: { period: 2022, value: 11 }, target: { period: 2026, value: 10 }, source: CBS, frequency: jaarlijks, visibility: intern }
  - { id: veilig-thuis, name: Meldingen Veilig Thuis, kind: effect, goal: doel-gezond-opgroeien, unit: aantal, direction: lager-is-beter, frequency: jaarlijks, visibility: openbaar, smallNumbers: 20 }
  - { id: wachtlijst, name: Wachtlijst jeugdteam (intern), kind: effect, goal: doel-gezond-opgroeien, unit: aantal, direction: lager-is-beter, frequency: jaarlijks, visibility: intern }
`;

/** Channels as in CONFIG, but none opens or joins a session: every channel gets a change post. */
const POSTS_ONLY = { ...CONFIG, channels: CONFIG.channels.map((c) => ({ ...c, autoStart: false })) };

// On the memory store only (issue #14): these are the rules of what guests see, in src/app; the outbox and
// DIN store calls behind them are proven on memory, PGlite and PostgreSQL in tests/contract.
for (const runtime of [memoryRuntime]) {
  describe(`guest disclosure on ${runtime.name}`, () => {
    const clock = fixedClock("2025-03-03T09:00:00Z");
    let w: World<Services>;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ world: w, dispose } = await openFreshWorld(runtime, clock, "2025-03-03T09:00:00Z"));
    });
    afterEach(async () => {
      await dispose();
    });

    const importAndPost = async (figures: string) => {
      const imported = await importFigures(w.s, figures);
      const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
      if (posted.status !== "posted") throw new Error(posted.status);
      return posted;
    };
    const stricterDin = () => w.s.dins.saveDinVersion(STRICTER_DIN, { fileName: "din-2025b.yaml", contentHash: "stricter" });
    const shown = (channel: string) => JSON.stringify(w.chat.postsIn(channel).map((p) => p.current));
    const expectGuestViewNow = () => {
      const guest = shown(GAST);
      expect(guest).not.toContain("Jongeren met jeugdhulp");
      expect(guest).not.toMatch(/\b12\b/);
      expect(guest).toContain("Meldingen Veilig Thuis");
      expect(guest).toContain("< 20 (2024)");
    };

    it("renders a guest thread's root post again when a DIN import came between writing and sending", async () => {
      const posted = await importAndPost(FIGURES);
      expect(posted.sessions[0]?.channels).toContain(GAST);
      await stricterDin();
      await w.dispatch();
      expectGuestViewNow();
      // The thread goes on: the first question follows the root, in its thread.
      expect(w.chat.postsIn(GAST, w.rootIn(GAST)).length).toBeGreaterThan(0);
      const staff = shown(LEERKRING);
      expect(staff).toContain("Jongeren met jeugdhulp");
      expect(staff).toContain("12 (2024)");
    });

    it("renders a pending status update of a guest thread again", async () => {
      await importAndPost(FIGURES);
      await w.dispatch();
      expect(shown(GAST)).toContain("Jongeren met jeugdhulp");
      const reply = { eventId: "Ev1", channel: GAST, threadId: w.rootIn(GAST), messageId: "m1", user: { ...PEOPLE.guest }, text: "Herken ik.", at: clock.now() };
      expect(await recordContribution(w.s, reply)).toMatchObject({ status: "recorded" });
      await stricterDin();
      await w.dispatch();
      const root = w.chat.postsIn(GAST, null).find((p) => p.messageId === w.rootIn(GAST))!;
      expect(root.updates).toBe(1);
      expectGuestViewNow();
    });

    it("updates guest thread roots already posted when a DIN import makes their figures stricter", async () => {
      await importAndPost(FIGURES);
      await w.dispatch();
      expect(shown(GAST)).toContain("Jongeren met jeugdhulp");
      const imported = await importDin(w.s, { text: STRICTER_YAML, fileName: "din.yaml" });
      expect(imported).toMatchObject({ ok: true, status: "updated" });
      await w.dispatch();
      const root = w.chat.postsIn(GAST, null).find((p) => p.messageId === w.rootIn(GAST))!;
      expect(root.updates).toBe(1);
      expect(JSON.stringify(root.current)).not.toContain("Jongeren met jeugdhulp");
      expect(JSON.stringify(root.current)).toContain("< 20 (2024)");
      // Staff threads are not touched: nothing changed for them.
      expect(w.chat.postsIn(LEERKRING, null).find((p) => p.messageId === w.rootIn(LEERKRING))!.updates).toBe(0);
    });

    it("renders a pending guest change post again with the DIN in force now", async () => {
      await applyConfig(w.s, { config: POSTS_ONLY });
      const posted = await importAndPost(FIGURES);
      expect(posted.posts.map((p) => p.channel)).toContain(GAST);
      await stricterDin();
      await w.dispatch();
      expect(w.chat.postsIn(GAST)).toHaveLength(1);
      expectGuestViewNow();
    });

    it("withdraws a pending guest change post when nothing newsworthy for guests is left in it", async () => {
      await applyConfig(w.s, { config: POSTS_ONLY });
      // Only "Jongeren met jeugdhulp" moves (10 → 12); it turns intern before the post is sent.
      const posted = await importAndPost("indicator;periode;waarde\njeugdhulp;2023;10\njeugdhulp;2024;12\nveilig-thuis;2023;30\nveilig-thuis;2024;30\n");
      expect(posted.posts.map((p) => p.channel)).toContain(GAST);
      await stricterDin();
      await w.dispatch();
      expect(w.chat.postsIn(GAST)).toHaveLength(0);
      expect(w.chat.postsIn(LEERKRING)).toHaveLength(1);
      const guestRow = (await outboxRows(w.s)).find((r) => r.channel === GAST);
      expect(guestRow).toMatchObject({ status: "failed", lastError: expect.stringContaining("DIN") });
    });

    it("tells guests nothing when the significant change was an intern one", async () => {
      // The public percentage stays at 10 (not significant); the intern waiting list jumps 50 → 80.
      const figures = "indicator;periode;waarde\njeugdhulp;2023;10\njeugdhulp;2024;10\nwachtlijst;2023;50\nwachtlijst;2024;80\n";
      const session = await importAndPost(figures);
      expect(session.sessions[0]?.channels).toEqual([LEERKRING]);
      await w.dispatch();
      expect(w.chat.postsIn(GAST)).toHaveLength(0);
    });

    it("posts no change to guests when the intern change was the significant one, even without a session", async () => {
      await applyConfig(w.s, { config: POSTS_ONLY });
      const posted = await importAndPost("indicator;periode;waarde\njeugdhulp;2023;10\njeugdhulp;2024;10\nwachtlijst;2023;50\nwachtlijst;2024;80\n");
      expect(posted.posts.map((p) => p.channel)).not.toContain(GAST);
      expect(posted.posts.map((p) => p.channel)).toContain(LEERKRING);
      await w.dispatch();
      expect(w.chat.postsIn(GAST)).toHaveLength(0);
    });

    it("posts no change to guests when the significant change is hidden by the small-number rule", async () => {
      await applyConfig(w.s, { config: POSTS_ONLY });
      // 3 → 7 is significant, but guests see "< 10" both years: nothing moved for them.
      const posted = await importAndPost("indicator;periode;waarde\njeugdhulp;2023;10\njeugdhulp;2024;10\nveilig-thuis;2023;3\nveilig-thuis;2024;7\n");
      expect(posted.posts.map((p) => p.channel)).not.toContain(GAST);
      expect(posted.posts.map((p) => p.channel)).toContain(LEERKRING);
    });
  });
}
