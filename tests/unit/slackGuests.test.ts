/**
 * Proves the small rules of Slack guest detection: which conversations.info flags mean "shared outside
 * the organisation", the warning the log shows when a channel is switched to gast (Dutch and English),
 * and that the system actor that switches is nobody a chat user can be: its key is no Slack key, and a
 * "system:" key gets no rights even when a person row with the admin role exists for it.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { isSharedOutside } from "../../adapters/slack/directory.ts";
import { inboxDraft } from "../../adapters/slack/inbox.ts";
import { userKey } from "../../adapters/slack/keys.ts";
import { GUEST_DETECTION } from "../../src/app/channels/guestChannels.ts";
import { guestWarning } from "../../src/app/channels/guestWatch.ts";
import { changeChannelAudienceBySystem, systemKey } from "../../src/app/sessions/index.ts";
import type { ChannelSettings, SystemActor } from "../../src/app/sessions/index.ts";
import type { SessionTx } from "../../src/app/sessions/ports.ts";
import { actorContext, refuse } from "../../src/app/sessions/shared.ts";
import { isSystemKey } from "../../src/app/sessions/types.ts";

describe("Slack guest detection", () => {
  it("treats Slack Connect, a pending share and a share outside the Grid organisation as outside", () => {
    expect(isSharedOutside({ is_ext_shared: true })).toBe(true);
    expect(isSharedOutside({ is_pending_ext_shared: true })).toBe(true);
    expect(isSharedOutside({ is_shared: true })).toBe(true);
    expect(isSharedOutside({ is_shared: true, is_org_shared: true })).toBe(false);
    expect(isSharedOutside({ is_shared: false, is_ext_shared: false })).toBe(false);
    expect(isSharedOutside(undefined)).toBe(false);
  });

  it("warns in Dutch and English, naming the channel, the reason and what changes", () => {
    const line = guestWarning({ label: "Slack", sharedVia: "Slack Connect" }, { key: "slack:T1:C1", name: "#leerkring-jeugd" }, "leerkring", "shared");
    expect(line).toContain("kanaal #leerkring-jeugd (slack:T1:C1) is gedeeld met een andere organisatie (Slack Connect): omgezet van leerkring naar gast");
    expect(line).toContain("geen interne indicatoren, kleine aantallen of bijdragen van medewerkers meer");
    expect(line).toContain("switched from leerkring to audience gast");
  });
});

describe("the guest-detection system actor", () => {
  const leerkring: ChannelSettings = { key: "slack:T1:C1", name: "#leerkring", audience: "leerkring", scope: { opgaven: [], doelen: [], indicators: [] }, autoStart: false, lang: "nl" };
  /** A transaction in which everyone asked for is an admin (as the old row "system:duidbot" was). */
  const everyoneAdmin = {
    channel: async () => leerkring,
    person: async (key: string) => ({ key, name: key, roles: ["admin"] }),
  } as unknown as SessionTx;

  it("is recorded as system:guest-detection, a key no Slack user id turns into", () => {
    expect(systemKey(GUEST_DETECTION)).toBe("system:guest-detection");
    expect(isSystemKey(systemKey(GUEST_DETECTION))).toBe(true);
    for (const id of ["U0ADMIN", "system:duidbot", "system:guest-detection", ""]) expect(isSystemKey(userKey(id))).toBe(false);
  });

  it("gives a system key no rights, even with an admin person row; a person key keeps them", async () => {
    for (const key of ["system:duidbot", systemKey(GUEST_DETECTION)]) {
      const context = await actorContext(everyoneAdmin, { user: { key, name: "Duidbot" }, channel: leerkring.key });
      expect(context.roles).toEqual([]);
      expect(refuse("configure", context)).toEqual({ status: "forbidden", action: "configure", reason: "missing-role" });
    }
    const admin = await actorContext(everyoneAdmin, { user: { key: userKey("U0ADMIN"), name: "Kim" }, channel: leerkring.key });
    expect(refuse("configure", admin)).toBeUndefined();
  });

  it("can only make a channel stricter, and takes no person (checked by tsc --noEmit)", () => {
    type Input = Parameters<typeof changeChannelAudienceBySystem>[1];
    expectTypeOf<Input["audience"]>().toEqualTypeOf<"gast">();
    expectTypeOf<Input["actor"]>().toEqualTypeOf<SystemActor>();
    expectTypeOf<{ key: string; name: string }>().not.toExtend<SystemActor>();
  });
});

describe("Slack inbox selection", () => {
  const envelope = (event: Record<string, unknown>) => ({ token: "legacy-secret", team_id: "T1", type: "event_callback", event_id: "Ev1", event });

  it("keeps thread replies, edits and deletions (without the verification token), nothing else", () => {
    const reply = inboxDraft(envelope({ type: "message", channel: "C1", user: "U1", text: "hoi", ts: "2.0", thread_ts: "1.0" }));
    expect(reply).toMatchObject({ eventId: "Ev1", teamId: "T1", type: "message" });
    expect(reply?.payload).not.toHaveProperty("token");
    expect(inboxDraft(envelope({ type: "message", subtype: "message_changed", channel: "C1", message: { ts: "2.0", text: "x", user: "U1" }, event_ts: "3.0" }))).toBeDefined();
    expect(inboxDraft(envelope({ type: "message", subtype: "message_deleted", channel: "C1", deleted_ts: "2.0", event_ts: "3.0" }))).toBeDefined();
    // Top-level messages, bot messages, mentions, other events, commands: not kept.
    expect(inboxDraft(envelope({ type: "message", channel: "C1", user: "U1", text: "hoi", ts: "2.0" }))).toBeUndefined();
    expect(inboxDraft(envelope({ type: "message", channel: "C1", user: "U1", bot_id: "B1", text: "hoi", ts: "2.0", thread_ts: "1.0" }))).toBeUndefined();
    expect(inboxDraft(envelope({ type: "app_mention", channel: "C1", user: "U1", text: "<@UBOT> status", ts: "2.0" }))).toBeUndefined();
    expect(inboxDraft(envelope({ type: "member_joined_channel", channel: "C1", user: "U1" }))).toBeUndefined();
    expect(inboxDraft({ command: "/duiding", text: "status", team_id: "T1" })).toBeUndefined();
  });
});
