// The weekly digest end to end on the in-memory chat: preview equals what is sent; one digest per
// channel and week; the guest version hides intern indicators, small counts and staff contributions;
// an empty week sends nothing unless asked; "Reageer" joins (or starts) the item's session.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAction } from "../../src/app/commands/runAction.ts";
import { previewDigest, sendDigest } from "../../src/app/digest/sendDigest.ts";
import { runDueDigests } from "../../src/app/digest/digestJob.ts";
import { digestScheduleOf } from "../../src/app/digest/loadDigest.ts";
import { plainText } from "../../src/app/messages/message.ts";
import { linkChannel, postChanges, recordContribution } from "../../src/app/sessions/index.ts";
import { fixedClock, memoryRuntime } from "../support/db.ts";
import { outboxRows } from "../support/peek.ts";
import { actor, BELEID, DIGEST, DIN, GAST, GOAL, importFigures, LEERKRING, PEOPLE, type World, openFreshWorld } from "../support/sessionWorld.ts";

const START = "2025-03-03T09:00:00Z";

describe("weekly digest on memory", () => {
  let w: World;
  let dispose: () => Promise<void>;
  const clock = fixedClock(START);
  beforeEach(async () => {
    ({ world: w, dispose } = await openFreshWorld(memoryRuntime, clock, START));
  });
  afterEach(() => dispose());

  async function importAndDiscuss(): Promise<void> {
    const imported = await importFigures(w.s);
    const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
    if (posted.status !== "posted") throw new Error(posted.status);
    await w.dispatch();
    let n = 0;
    for (const [channel, who] of [[LEERKRING, PEOPLE.colleague], [LEERKRING, PEOPLE.facilitator], [GAST, PEOPLE.guest]] as const) {
      n++;
      await recordContribution(w.s, { eventId: `E${n}`, channel, threadId: w.rootIn(channel), messageId: `m${n}`, user: { ...who }, text: "Herkenbaar.", at: clock.now() });
    }
    await w.dispatch();
  }

  it("sends exactly what the preview showed, once a week", async () => {
    await importAndDiscuss();
    clock.set("2025-03-10T08:00:00Z"); // Monday 09:00 in Amsterdam
    const preview = await previewDigest(w.s, { channel: DIGEST });
    if (preview.status !== "ready") throw new Error(preview.status);
    const text = plainText(preview.prepared.message);
    expect(text).toContain("Weekoverzicht 10 maart 2025");
    expect(text).toContain("[1] Kansengelijkheid › Hilversumse kinderen en jongeren groeien gezond en veilig op");
    expect(text).toContain("Wachtlijst jeugdteam (intern): 80 (2024)");
    expect(text).toContain("Lopende duidingen");
    expect(text).toContain("bijdragen herkennen 3");
    expect(text).toContain("[Reageer 1]");

    const sent = await sendDigest(w.s, { channel: DIGEST, occurrence: clock.now() });
    expect(sent).toMatchObject({ status: "sent", week: "2025-W11" });
    await w.dispatch();
    const posts = w.chat.postsIn(DIGEST, null).filter((p) => p.message.summary.startsWith("Weekoverzicht"));
    expect(posts).toHaveLength(1);
    expect(posts[0]!.message.elements).toEqual(preview.prepared.message.elements);
    expect(posts[0]!.message.summary).toBe(preview.prepared.message.summary);

    // Another instance, a restart or `--now` in the same week: nothing more.
    clock.set("2025-03-12T10:00:00Z");
    expect(await sendDigest(w.s, { channel: DIGEST })).toEqual({ status: "already-claimed", week: "2025-W11" });
    expect((await outboxRows(w.s)).filter((r) => r.key.startsWith("digest:"))).toHaveLength(1);

    // The next week starts where this one ended: the figures were in it already.
    clock.set("2025-03-17T08:00:00Z");
    const next = await previewDigest(w.s, { channel: DIGEST });
    if (next.status !== "ready") throw new Error(next.status);
    expect(plainText(next.prepared.message)).not.toContain("Nieuwe en gecorrigeerde cijfers");
    expect(plainText(next.prepared.message)).toContain("Lopende duidingen");
  });

  it("gives a guest channel the guest version: no intern indicator, no small count, only guests' contributions, no buttons", async () => {
    await importAndDiscuss();
    const preview = await previewDigest(w.s, { channel: GAST });
    if (preview.status !== "ready") throw new Error(preview.status);
    const text = plainText(preview.prepared.message);
    expect(text).not.toContain("Wachtlijst");
    expect(text).not.toContain("Veilig Thuis"); // 20 → 6: under the small-number limit for guests
    expect(text).toContain("Jongeren met jeugdhulp: 12% (2024)");
    expect(text).toContain("bijdragen herkennen 1");
    expect(text).not.toContain("Verbeteracties");
    // How to join, in plain words; never a link in a channel message (links are personal).
    expect(text).toContain("Wilt u meedoen? Dat kan hier. Schrijf een bericht in deze draad. Zet het nummer van de duiding ervoor");
    expect(text).not.toMatch(/https?:/);
    expect(preview.prepared.message.elements.some((e) => e.type === "actions" || e.type === "choice")).toBe(false);
    await sendDigest(w.s, { channel: GAST });
    expect((await outboxRows(w.s)).find((r) => r.key.startsWith(`digest:${GAST}`))?.status).toBe("pending");

    // A DIN import that turns an indicator it shows intern, before it is sent: withdrawn, never sent as written.
    const stricter = { ...DIN, indicators: DIN.indicators.map((i) => (i.id === "jeugdhulp" ? { ...i, visibility: "intern" as const } : i)) };
    await w.s.dins.saveDinVersion(stricter, { fileName: "din.yaml", contentHash: "stricter" });
    await w.dispatch();
    expect(w.chat.postsIn(GAST, null).filter((p) => p.message.summary.startsWith("Weekoverzicht"))).toEqual([]);
    expect((await outboxRows(w.s)).find((r) => r.key.startsWith(`digest:${GAST}`))?.status).toBe("failed");
  });

  it("claims an empty week without sending, unless sendEmpty", async () => {
    expect(await sendDigest(w.s, { channel: DIGEST })).toEqual({ status: "empty", week: "2025-W10" });
    expect((await outboxRows(w.s)).filter((r) => r.key.startsWith("digest:"))).toHaveLength(0);
    clock.set("2025-03-10T08:00:00Z");
    expect(await sendDigest(w.s, { channel: DIGEST, sendEmpty: true })).toMatchObject({ status: "sent", week: "2025-W11" });
    await w.dispatch();
    expect(w.chat.postsIn(DIGEST, null).map((p) => p.message.summary)).toEqual(["Weekoverzicht: niets nieuws"]);
  });

  it("a channel's own leeg=ja|nee decides an empty week, over duidbot.yaml's default; a wrong word is refused", async () => {
    const admin = actor(PEOPLE.admin, DIGEST);
    const quietSends = async (at: string) => {
      clock.set(at);
      const due = await runDueDigests(w.s);
      return { sent: due.sent.length, empty: due.empty.length };
    };
    // No default, no channel setting: an empty week is claimed quietly (the scheduler's path).
    expect(await quietSends("2025-03-03T08:00:00Z")).toEqual({ sent: 0, empty: 1 });
    // The channel says yes (as `koppel digest leeg=ja` hands it over: the typed word).
    expect(await linkChannel(w.s, { actor: admin, settings: { audience: "digest", digestSendEmpty: "ja" } })).toMatchObject({ status: "linked" });
    expect(await quietSends("2025-03-10T08:00:00Z")).toEqual({ sent: 1, empty: 0 });
    // The default says yes, the channel no: the channel wins.
    w.s.sessionDefaults.digestSendEmpty = true;
    await linkChannel(w.s, { actor: admin, settings: { audience: "digest", digestSendEmpty: "nee" } });
    expect(await quietSends("2025-03-17T08:00:00Z")).toEqual({ sent: 0, empty: 1 });
    // A relink without leeg= keeps the channel's choice; the default applies to a channel without one.
    await linkChannel(w.s, { actor: admin, settings: { audience: "digest", autoStart: false } });
    expect((await w.s.sessions.transaction((tx) => tx.channel(DIGEST)))?.digestSendEmpty).toBe(false);
    await linkChannel(w.s, { actor: actor(PEOPLE.admin, BELEID), settings: { audience: "leerkring", digest: "ma 09:00" } });
    expect((await quietSends("2025-03-24T08:00:00Z")).sent).toBe(1); // BELEID, by the default
    await w.dispatch();
    expect(w.chat.postsIn(BELEID, null).map((p) => p.message.summary)).toEqual(["Weekoverzicht: niets nieuws"]);
    expect(w.chat.postsIn(DIGEST, null).map((p) => p.message.summary)).toEqual(["Weekoverzicht: niets nieuws"]);

    const refused = await linkChannel(w.s, { actor: admin, settings: { audience: "digest", digestSendEmpty: "misschien" } });
    expect(refused).toMatchObject({ status: "invalid", issues: [{ field: "leeg", message: expect.stringContaining("kies leeg=ja") }] });
  });

  it("a leerkring asks for a digest with koppel digest=…; a wrong time is refused", async () => {
    const admin = actor(PEOPLE.admin, LEERKRING);
    const channel = () => w.s.sessions.transaction((tx) => tx.channel(LEERKRING));
    expect(digestScheduleOf((await channel())!)).toBeUndefined();
    expect(await linkChannel(w.s, { actor: admin, settings: { audience: "leerkring", digest: "vr 16:30" } })).toMatchObject({ status: "linked" });
    expect(digestScheduleOf((await channel())!)).toEqual({ weekday: 5, hour: 16, minute: 30 });
    // Relinking without digest= keeps it.
    await linkChannel(w.s, { actor: admin, settings: { audience: "leerkring", autoStart: true } });
    expect((await channel())?.digest).toBe("vr 16:30");
    const refused = await linkChannel(w.s, { actor: admin, settings: { audience: "leerkring", digest: "vrijdagmiddag" } });
    expect(refused).toMatchObject({ status: "invalid", issues: [{ field: "digest" }] });
    // A digest channel without its own schedule: Monday 09:00.
    expect(digestScheduleOf((await w.s.sessions.transaction((tx) => tx.channel(DIGEST)))!)).toEqual({ weekday: 1, hour: 9, minute: 0 });
  });

  it("a reply in the digest's thread that names an item is a contribution to that session; otherwise the bot explains", async () => {
    await importAndDiscuss();
    const sent = await sendDigest(w.s, { channel: DIGEST });
    if (sent.status !== "sent") throw new Error(sent.status);
    await w.dispatch();
    const digestPost = w.chat.postsIn(DIGEST, null).find((p) => p.message.summary.startsWith("Weekoverzicht"))!;
    const reply = (eventId: string, text: string, channel = DIGEST, threadId = digestPost.messageId, who: { key: string; name: string } = PEOPLE.colleague) =>
      recordContribution(w.s, { eventId, channel, threadId, messageId: `r-${eventId}`, user: { ...who }, text, at: clock.now() });

    const recorded = await reply("D1", "1: dit herkennen we uit de wijk");
    expect(recorded).toMatchObject({ status: "recorded", question: "herkennen" });
    // While the new thread's root in this channel is on its way, a redelivery waits (deferred); after it, a duplicate.
    expect(await reply("D1", "1: dit herkennen we uit de wijk")).toEqual({ status: "deferred", reason: "thread-not-yet-known" });
    await w.dispatch();
    expect(await reply("D1", "1: dit herkennen we uit de wijk")).toEqual({ status: "ignored", reason: "duplicate" });
    const session = await w.s.sessions.transaction((tx) => tx.session(recorded.status === "recorded" ? recorded.sessionId : -1));
    // The digest channel joined the doel's session; the contribution is in its thread there, without the "1:".
    expect(session?.subject).toEqual({ kind: "doel", id: GOAL });
    const contributions = await w.s.sessions.transaction((tx) => tx.contributions(session!.id));
    expect(contributions.at(-1)).toMatchObject({ channel: DIGEST, text: "dit herkennen we uit de wijk", audience: "digest" });

    expect(await reply("D2", "goed bezig allemaal")).toEqual({ status: "answered", reason: "digest-how-to-reply" });
    expect(await reply("D2", "goed bezig allemaal")).toEqual({ status: "ignored", reason: "duplicate" });
    await w.dispatch();
    const help = w.chat.postsIn(DIGEST, digestPost.messageId).map((p) => plainText(p.message));
    expect(help).toHaveLength(1);
    expect(help[0]).toContain("Reageer in deze draad met het nummer van een onderwerp voorop");
    expect(help[0]).toContain("1. Hilversumse kinderen en jongeren groeien gezond en veilig op");

    // A guest channel's digest: its reply lands in the session it takes part in, as a guest contribution.
    const guestDigest = await sendDigest(w.s, { channel: GAST });
    if (guestDigest.status !== "sent") throw new Error(guestDigest.status);
    await w.dispatch();
    const guestPost = w.chat.postsIn(GAST, null).find((p) => p.message.summary.startsWith("Weekoverzicht"))!;
    const guestReply = await reply("G1", "1: als ervaringsdeskundige zie ik dit ook", GAST, guestPost.messageId, PEOPLE.guest);
    expect(guestReply).toMatchObject({ status: "recorded", sessionId: session!.id, perspective: "adviesraad" });
  });

  it("a channel that turned guest after an internal digest is reminded only of items it can still reply to", async () => {
    await importAndDiscuss();
    const sent = await sendDigest(w.s, { channel: DIGEST });
    if (sent.status !== "sent") throw new Error(sent.status);
    await w.dispatch();
    const digestPost = w.chat.postsIn(DIGEST, null).find((p) => p.message.summary.startsWith("Weekoverzicht"))!;
    const reply = (eventId: string) => recordContribution(w.s, { eventId, channel: DIGEST, threadId: digestPost.messageId, messageId: `r-${eventId}`, user: { ...PEOPLE.guest }, text: "hallo", at: clock.now() });
    // While internal, the how-to lists the digest's items (written for staff).
    expect(await reply("I1")).toEqual({ status: "answered", reason: "digest-how-to-reply" });
    await w.dispatch();
    expect(plainText(w.chat.postsIn(DIGEST, digestPost.messageId).at(-1)!.message)).toContain("1. Hilversumse kinderen en jongeren groeien gezond en veilig op");
    // A guest joins and the channel becomes a guest channel: the staff's labels are not repeated to it.
    await w.s.sessions.transaction(async (tx) => {
      const channel = (await tx.channel(DIGEST))!;
      await tx.saveChannel({ ...channel, audience: "gast" }, { source: "chat" });
    });
    expect(await reply("I2")).toEqual({ status: "answered", reason: "digest-how-to-reply" });
    await w.dispatch();
    const help = plainText(w.chat.postsIn(DIGEST, digestPost.messageId).at(-1)!.message);
    expect(help).toContain("Wilt u meedoen?");
    expect(help).not.toContain("Hilversumse kinderen");
  });

  it("Reageer joins the doel's open session in the digest channel", async () => {
    await importAndDiscuss();
    const sent = await sendDigest(w.s, { channel: DIGEST });
    if (sent.status !== "sent") throw new Error(sent.status);
    const button = sent.message.elements.flatMap((e) => (e.type === "choice" ? e.options : [])).find((o) => o.button === "Reageer 1")!;
    expect(button.value).toBe(`doel:${GOAL}:hilversum`);
    const outcome = await runAction(w.s, { eventId: "click1", actor: actor(PEOPLE.colleague, DIGEST), actionId: "digest.react", value: button.value, lang: "nl" });
    expect(outcome).toMatchObject({ kind: "result", result: { status: "already-open", joined: true } });
    await w.dispatch();
    expect(w.rootIn(DIGEST)).toBeDefined();
  });
});
