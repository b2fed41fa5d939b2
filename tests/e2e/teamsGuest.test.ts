/**
 * Guests in Teams over real HTTP, against the fake Bot Connector's rosters: a linked leerkring whose
 * roster gets an Entra B2B guest (userRole "guest") turns gast at once on conversationUpdate
 * (membersAdded; a guest added to the whole team: every linked channel is checked), one shared with another tenant on `channelShared` or in the periodic roster check
 * (at start and every interval). A gast channel then gets what Slack's guest channels get: no intern
 * indicator (not in text, not as a chart), small counts as "< 10" (and left out of the chart data the
 * image link carries), no steering buttons, none of the staff's contributions; a guest's reply counts
 * with the channel's perspective. Channels without guests stay as they are.
 */
import { afterEach, describe, expect, it } from "vitest";
import { postChanges } from "../../src/app/sessions/index.ts";
import { memoryRuntime } from "../support/db.ts";
import type { RosterMember } from "../support/fakeTeams.ts";
import { importFigures, seedDin } from "../support/sessionWorld.ts";
import { chartIn, imageUrls, TEAMS_CHANNELS, TEAMS_USERS, TENANT, teamsKey, startTeamsWorld, type TeamsUser, type TeamsWorld } from "../support/teamsWorld.ts";

const { leerkring: LEER, gast: ADV } = TEAMS_CHANNELS;
const U = TEAMS_USERS;
const OTHER_TENANT = "0b0b0b0b-0000-4000-8000-0000000000bb";
const EMPTY_SCOPE = { opgaven: [], doelen: [], indicators: [] };
const linked = (conversation: string, name: string, perspective: "beleid" | "adviesraad" = "beleid") => ({
  key: teamsKey(conversation),
  name,
  audience: "leerkring" as const,
  scope: EMPTY_SCOPE,
  autoStart: true,
  perspective,
});
const member = (user: TeamsUser, extra: Partial<RosterMember> = {}): RosterMember => ({ id: `29:${user.aad}`, aadObjectId: user.aad, name: user.name, tenantId: TENANT, userRole: "user", ...extra });
const STAFF = [member(U.facilitator), member(U.colleague)];

// The adapter over the in-memory store: how the stores behave on PGlite and PostgreSQL is proven by
// tests/contract, so this file does not start a database (issue #14).
for (const runtime of [memoryRuntime]) {
  describe(`Teams guest channels on ${runtime.name}`, () => {
    let w: TeamsWorld;
    afterEach(async () => {
      await w.close();
    });

    const audienceOf = async (conversation: string) => (await w.s.sessions.transaction((tx) => tx.channel(teamsKey(conversation))))?.audience;
    const textIn = (conversation: string) => JSON.stringify(w.sentIn(conversation).map((m) => m.activity));
    /** A conversationUpdate in a channel, as Teams sends it (channelData names the channel and the event). */
    const update = (conversation: string, eventType: string, extra: Record<string, unknown> = {}) =>
      w.driver.base(U.admin, conversation, conversation, {
        type: "conversationUpdate",
        id: `f:${w.driver.nextId()}`,
        channelData: { tenant: { id: TENANT }, team: { id: "19:team@thread.tacv2" }, channel: { id: conversation }, eventType },
        ...extra,
      });

    it("turns a channel gast when a B2B guest is added, then shows it only what guests may see", async () => {
      w = await startTeamsWorld(runtime, { start: "2025-03-03T09:00:00Z", channels: [linked(LEER, "Leerkring"), linked(ADV, "Adviesraad", "adviesraad")] });
      await seedDin(w.s);
      w.fake.rosters.set(LEER, STAFF);
      w.fake.rosters.set(ADV, [...STAFF, member(U.guest, { userRole: "guest" })]);
      // A staff member joining changes nothing; the guest joining switches the channel at once.
      expect((await w.driver.send(update(LEER, "channelMemberAdded", { membersAdded: [{ id: `29:${U.colleague.aad}`, aadObjectId: U.colleague.aad }] }))).status).toBe(200);
      expect((await w.driver.send(update(ADV, "channelMemberAdded", { membersAdded: [{ id: `29:${U.guest.aad}`, aadObjectId: U.guest.aad }] }))).status).toBe(200);
      expect([await audienceOf(LEER), await audienceOf(ADV)]).toEqual(["leerkring", "gast"]);
      expect(await w.s.sessions.transaction((tx) => tx.channel(teamsKey(ADV)))).toMatchObject({ audience: "gast", autoStart: true, perspective: "adviesraad" });

      const imported = await importFigures(w.s);
      const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
      if (posted.status !== "posted") throw new Error(posted.status);
      await w.dispatch();
      const guestText = textIn(ADV);
      expect(guestText).toContain("Jongeren met jeugdhulp");
      expect(guestText).toContain(String.raw`**\\< 10 \\(2024\\)**`);
      expect(guestText).not.toContain("Wachtlijst");
      expect(guestText).not.toMatch(/\b80\b/);
      // No steering: the only button guests get is "Bijdrage bij andere vraag".
      const buttons = new Set([...guestText.matchAll(/"action":"([\w.]+)"/g)].map((m) => m[1]));
      expect(buttons).toEqual(new Set(["session.contributeOther"]));
      // Charts: guests get the public percentage only (the count falls to one point without the small 6: no chart).
      expect(new Set(imageUrls(w, ADV).map((l) => chartIn(l).title))).toEqual(new Set(["Jongeren met jeugdhulp"]));
      for (const link of imageUrls(w, ADV)) expect(chartIn(link).points.map((p) => p.value)).not.toContain(6);
      expect(new Set(imageUrls(w, LEER).map((l) => chartIn(l).title))).toEqual(new Set(["Jongeren met jeugdhulp", "Meldingen Veilig Thuis", "Wachtlijst jeugdteam (intern)"]));
      expect(textIn(LEER)).toContain("Wachtlijst jeugdteam (intern)");

      // Replies: staff in the leerkring thread, the guest in the gast thread. Guests never see the staff's words.
      const root = (conversation: string) => w.sentIn(conversation, { thread: null }).find((m) => String(m.activity.summary).startsWith("Duiding"))!.id;
      const sessionId = posted.sessions[0]!.sessionId;
      await w.driver.send(w.driver.message(U.colleague, LEER, "Intern: de wachtlijst loopt op door personeelstekort", { thread: root(LEER) }));
      await w.driver.send(w.driver.message(U.guest, ADV, "Dit herken ik: de wachttijd is lang.", { thread: root(ADV) }));
      await w.dispatch();
      const contributions = await w.s.sessions.transaction((tx) => tx.contributions(sessionId));
      expect(contributions.map((c) => [c.audience, c.perspective, c.author.name])).toEqual([
        ["leerkring", "beleid", U.colleague.name],
        ["gast", "adviesraad", U.guest.name],
      ]);
      expect(textIn(ADV)).not.toContain("personeelstekort");
      expect(textIn(ADV)).not.toContain(U.colleague.name);

      // Closing the loop: "Samenvatting delen" opens a dialog for the facilitator; guests get the summary
      // with their perspective acknowledged by role, never a name.
      const share = w.button(LEER, "session.share")!;
      expect(share.type).toBe("Action.Submit");
      const opened = (await w.driver.send(w.driver.taskFetch(U.facilitator, LEER, share.data, root(LEER)))).body as { task: { type: string; value: { card: { content: { body: { id?: string }[] } } } } };
      expect(opened.task.type).toBe("continue");
      expect(opened.task.value.card.content.body.some((b) => b.id === "summary.text")).toBe(true);
      const duidbot = (opened.task.value.card.content.body.at(-1) as unknown as { actions: { data: unknown }[] }).actions[0]!.data as Record<string, unknown>;
      const empty = (await w.driver.send(w.driver.taskSubmit(U.facilitator, LEER, { ...duidbot }, root(LEER)))).body as { task: { type: string } };
      expect(empty.task.type).toBe("continue");
      const shared = (await w.driver.send(w.driver.taskSubmit(U.facilitator, LEER, { ...duidbot, "summary.text": "We pakken de wachttijd aan." }, root(LEER)))).body as { task: { value: string } };
      expect(shared.task.value).toBe("De samenvatting is gedeeld met de gastkanalen.");
      await w.dispatch();
      expect(textIn(ADV)).toContain("We pakken de wachttijd aan.");
      expect(textIn(ADV)).toContain("Met dank aan de bijdragen vanuit: adviesraad.");
      expect(textIn(ADV)).not.toContain(U.guest.name);
      expect(textIn(ADV)).not.toContain("session.share");
    });

    it("checks every linked channel when a guest is added to the team (the event names only the team)", async () => {
      w = await startTeamsWorld(runtime, { start: "2025-03-03T09:00:00Z", channels: [linked(LEER, "Leerkring"), linked(ADV, "Adviesraad", "adviesraad")] });
      const team = "19:team@thread.tacv2";
      w.fake.rosters.set(LEER, STAFF);
      w.fake.rosters.set(team, [...STAFF, member(U.guest, { userRole: "guest" })]);
      w.fake.rosters.set(ADV, [...STAFF, member(U.guest, { userRole: "guest" })]);
      const added = update(team, "teamMemberAdded", { membersAdded: [{ id: `29:${U.guest.aad}`, aadObjectId: U.guest.aad }] });
      delete (added.channelData as { channel?: unknown }).channel;
      expect((await w.driver.send(added)).status).toBe(200);
      expect([await audienceOf(LEER), await audienceOf(ADV)]).toEqual(["leerkring", "gast"]);
    });

    it("turns a channel shared with another tenant gast: at start, on channelShared, and in the periodic check", async () => {
      const third = "19:wijkteam@thread.tacv2";
      w = await startTeamsWorld(runtime, { start: "2025-03-03T09:00:00Z", channels: [linked(LEER, "Leerkring"), linked(ADV, "Adviesraad", "adviesraad"), linked(third, "Wijkteam")] });
      w.fake.rosters.set(LEER, STAFF);
      w.fake.rosters.set(third, STAFF);
      w.fake.rosters.set(ADV, [...STAFF, member(U.guest, { tenantId: OTHER_TENANT })]);
      // The first round at start: the member from another tenant makes the channel shared.
      const started = await w.teams.start({ guestCheckIntervalMs: 100 });
      expect(started.guests).toMatchObject({ checked: 3, switched: [{ channel: teamsKey(ADV), reason: "shared" }], failed: [], rateLimited: false });
      expect([await audienceOf(LEER), await audienceOf(ADV), await audienceOf(third)]).toEqual(["leerkring", "gast", "leerkring"]);

      // Teams says the leerkring was shared with another team: gast at once.
      expect((await w.driver.send(update(LEER, "channelShared"))).status).toBe(200);
      expect(await audienceOf(LEER)).toBe("gast");

      // The wijkteam gets a guest without any event reaching us: the next periodic round finds it.
      w.fake.rosters.set(third, [...STAFF, member(U.guest, { userRole: "guest" })]);
      await expect.poll(() => audienceOf(third), { timeout: 5_000 }).toBe("gast");
    });
  });
}
