/**
 * Verbeteracties followed up (#20), on the in-memory chat: `acties` and `actie <nr> <status>` through the
 * platform-neutral command core (what Slack's /duiding and Teams' @duidbot run), the owner or a
 * facilitator setting a status with history, the reminders a week before and on the due date (each
 * once), the reminder's buttons, openActions for the digest, and a contributor's own perspective.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAction } from "../../src/app/commands/runAction.ts";
import { runCommand, type CommandDeps, type CommandReply } from "../../src/app/commands/runCommand.ts";
import { plainText } from "../../src/app/messages/message.ts";
import { richPlain } from "../../src/app/messages/richText.ts";
import { adoptConclusion, draftConclusion, openActions, postChanges, recordContribution, sendActionReminders, submitConclusion } from "../../src/app/sessions/index.ts";
import { actionReminderJob } from "../../src/app/sessions/actionReminders.ts";
import { createScheduler } from "../../src/app/scheduler/scheduler.ts";
import { presentActions } from "../../src/cli/actions.ts";
import { MemoryDirectory } from "../../adapters/memory/memoryDirectory.ts";
import { fixedClock, memoryRuntime } from "../support/db.ts";
import { actor, GAST, importFigures, LEERKRING, PEOPLE, type World, openFreshWorld } from "../support/sessionWorld.ts";

const START = "2025-03-03T09:00:00Z";

describe("verbeteracties followed up", () => {
  let w: World;
  let dispose: () => Promise<void>;
  const clock = fixedClock(START);
  let events = 0;

  beforeEach(async () => {
    events = 0;
    ({ world: w, dispose } = await openFreshWorld(memoryRuntime, clock, START));
  });
  afterEach(() => dispose());

  const deps = (): CommandDeps => ({
    ...w.s,
    directory: new MemoryDirectory(),
    surface: { invoke: "/duiding", invite: { nl: "Nodig de bot uit", en: "Invite the bot" } },
    lang: "nl",
    log: () => {},
  });
  const command = (who: { key: string; name: string }, channel: string, text: string) => runCommand(deps(), { eventId: `cmd${++events}`, actor: actor(who, channel), text });
  const shown = (reply: CommandReply) => (reply.kind === "text" ? richPlain(reply.text) : plainText(reply.message));
  const threadText = (channel: string) => w.chat.textIn(channel);

  /** New figures open the doel's session in the leerkring and the guest channel (both autoStart); roots sent. */
  async function openSession(): Promise<number> {
    const imported = await importFigures(w.s);
    const posted = await postChanges(w.s, { key: `import:${imported.importId}`, changes: imported.changes });
    if (posted.status !== "posted") throw new Error(posted.status);
    await w.dispatch();
    return posted.sessions[0]!.sessionId;
  }

  /** A session with an adopted conclusion: one action for Piet (by name), one for a team, one without a date. */
  async function adoptedSession(): Promise<{ sessionId: number; piet: number; team: number; undated: number }> {
    const sessionId = await openSession();
    const fac = actor(PEOPLE.facilitator, LEERKRING);
    const values = {
      "conclusion.overall": "We zetten eerder lichte hulp in.",
      "action.1.text": "Lichte opvoedhulp in elke wijk",
      "action.1.owner": "Team Jeugd",
      "action.1.due": "2025-03-20",
      "action.2.text": "Wachtlijst uitzoeken",
      "action.2.owner": "piet collega",
      "action.2.due": "2025-03-10",
      "action.3.text": "Gesprek met de adviesraad",
      "action.3.owner": PEOPLE.guest.key,
    };
    expect(await submitConclusion(w.s, { actor: fac, session: { sessionId }, values })).toMatchObject({ status: "saved" });
    expect(await adoptConclusion(w.s, { actor: actor(PEOPLE.adopter, LEERKRING), session: { sessionId } })).toMatchObject({ status: "adopted" });
    await w.dispatch();
    const ids = (await w.s.sessions.transaction((tx) => tx.actions(sessionId))).map((a) => a.id!);
    return { sessionId, team: ids[0]!, piet: ids[1]!, undated: ids[2]! };
  }

  it("lists actions with status, owner, date and indicators; the owner or a facilitator sets the status, with history", async () => {
    const { piet, team, undated } = await adoptedSession();
    const list = shown(await command(PEOPLE.colleague, LEERKRING, "acties"));
    expect(list).toContain("Openstaande verbeteracties");
    expect(list).toContain(`#${piet} [open] Wachtlijst uitzoeken — piet collega · uiterlijk 2025-03-10 · doel doel-gezond-opgroeien`);
    expect(list).toContain(`#${team} [open] Lichte opvoedhulp in elke wijk — Team Jeugd · uiterlijk 2025-03-20`);
    // Soonest due first, none last.
    expect(list.indexOf(`#${piet} `)).toBeLessThan(list.indexOf(`#${team} `));
    expect(list.indexOf(`#${team} `)).toBeLessThan(list.indexOf(`#${undated} `));
    expect(list).toContain("/duiding actie <nr> bezig|gereed|vervallen|open");

    // Owners are internal: a guest channel gets no list and sets nothing.
    expect(shown(await command(PEOPLE.guest, GAST, "acties"))).toContain("In een gastkanaal kunt u alleen reageren");
    expect(shown(await command(PEOPLE.colleague, "memory:dm-piet", "acties"))).toContain("Dit kanaal is nog niet gekoppeld aan Duidbot.");
    expect(shown(await command(PEOPLE.guest, GAST, `actie ${undated} gereed`))).toContain("In een gastkanaal kunt u alleen reageren");

    // Piet owns action 2 by name (case aside), not the team's.
    clock.set("2025-03-05T10:00:00Z");
    expect(shown(await command(PEOPLE.colleague, LEERKRING, `actie ${team} gereed`))).toBe("Alleen de eigenaar van de actie of een gespreksleider kan de status zetten.");
    expect(shown(await command(PEOPLE.colleague, LEERKRING, `actie #${piet} klaar`))).toBe(`Verbeteractie #${piet} is gereed. Dank u!`);
    expect(shown(await command(PEOPLE.colleague, LEERKRING, `actie ${piet} gereed`))).toBe(`Verbeteractie #${piet} had die status al.`);
    // A facilitator sets any action.
    clock.set("2025-03-06T10:00:00Z");
    expect(shown(await command(PEOPLE.facilitator, LEERKRING, `actie ${team} bezig`))).toBe(`Verbeteractie #${team} is nu bezig.`);
    expect(shown(await command(PEOPLE.facilitator, LEERKRING, "actie 999 gereed"))).toContain("Verbeteractie #999 bestaat niet");
    expect(shown(await command(PEOPLE.facilitator, LEERKRING, `actie ${team} half`))).toContain("/duiding actie <nr> bezig|gereed|vervallen|open");

    const history = await w.s.sessions.transaction(async (tx) => [await tx.actionHistory(piet), await tx.actionHistory(team)]);
    expect(history).toEqual([
      [{ from: "open", to: "gereed", by: PEOPLE.colleague, at: new Date("2025-03-05T10:00:00Z") }],
      [{ from: "open", to: "bezig", by: PEOPLE.facilitator, at: new Date("2025-03-06T10:00:00Z") }],
    ]);
    await w.dispatch();
    expect(threadText(LEERKRING)).toContain(`Verbeteractie #${piet} „Wachtlijst uitzoeken" is nu gereed (door Piet Collega).`);
    expect(threadText(GAST)).not.toContain("Wachtlijst uitzoeken");

    // Open = open and bezig; `alle` shows the rest too; a name filters by owner.
    const open = shown(await command(PEOPLE.colleague, LEERKRING, "acties"));
    expect(open).not.toContain(`#${piet} `);
    expect(open).toContain(`#${team} [bezig]`);
    expect(shown(await command(PEOPLE.colleague, LEERKRING, "acties alle"))).toContain(`#${piet} [gereed]`);
    const teams = shown(await command(PEOPLE.colleague, LEERKRING, "acties alle team"));
    expect(teams).toContain(`#${team} `);
    expect(teams).not.toContain(`#${piet} `);

    // The CLI (`duidbot acties [--open] [--eigenaar <naam>]`) lists the same.
    const cli = await presentActions(w.s, { openOnly: false, owner: "PIET", lang: "en" });
    expect(cli.split("\n")).toEqual(["Improvement actions", `#${piet} [done] Wachtlijst uitzoeken — piet collega · due 2025-03-10 · doel doel-gezond-opgroeien`]);
    expect(await presentActions(w.s, { openOnly: true, owner: "piet", lang: "nl" })).toBe("Er staan geen verbeteracties open.");
  });

  it("reminds a week before and on the due date, once each, in internal threads only; the buttons set the status", async () => {
    const { team, piet } = await adoptedSession();
    const reminders = () => w.chat.postsIn(LEERKRING).filter((p) => p.message.summary.startsWith("Herinnering verbeteractie")).map((p) => plainText(p.current));

    // 2025-03-03: Piet's action (10 March) is a week away; the team's (20 March) is not yet.
    expect((await sendActionReminders(w.s, clock.now())).sent).toEqual([{ actionId: piet, kind: "week" }]);
    expect((await sendActionReminders(w.s, clock.now())).sent).toEqual([]);
    clock.set("2025-03-04T09:00:00Z");
    expect((await sendActionReminders(w.s, clock.now())).sent).toEqual([]);
    await w.dispatch();
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]).toContain(`#${piet} „Wachtlijst uitzoeken" (eigenaar: piet collega) moet over 7 dagen af zijn (uiterlijk 2025-03-10).`);
    expect(threadText(GAST)).not.toContain("Herinnering");

    // Due day, late in the evening in Amsterdam (still 10 March there, 23:30 UTC on the 9th is 00:30 on the 10th).
    clock.set("2025-03-09T23:30:00Z");
    expect((await sendActionReminders(w.s, clock.now())).sent).toEqual([{ actionId: piet, kind: "due" }]);
    expect((await sendActionReminders(w.s, clock.now())).sent).toEqual([]);
    await w.dispatch();
    expect(reminders().at(-1)).toContain("moet vandaag af zijn");

    // The reminder's button, clicked by the owner.
    const button = w.chat.postsIn(LEERKRING).at(-1)!.message.elements.flatMap((e) => (e.type === "actions" ? e.actions : [])).find((a) => a.label === "Gereed")!;
    expect(button).toMatchObject({ id: "session.actionStatus", value: `${piet}:gereed` });
    const clicked = await runAction(w.s, { eventId: "click1", actor: actor(PEOPLE.colleague, LEERKRING), actionId: button.id, value: button.value, lang: "nl" });
    expect(clicked).toMatchObject({ kind: "result", result: { status: "action-set", code: "gereed" } });

    // Overdue: no more reminders, but openActions (the digest's source) marks it.
    clock.set("2025-03-22T09:00:00Z");
    await w.s.sessions.transaction((tx) => tx.claimReminder(team, "week", "2025-03-20", clock.now()));
    expect((await sendActionReminders(w.s, clock.now())).sent).toEqual([]);
    const open = await openActions(w.s, clock.now());
    expect(open.map((a) => [a.id, a.status, a.daysLeft, a.overdue])).toEqual([
      [team, "open", -2, true],
      [open[1]!.id, "open", undefined, false],
    ]);
    expect(open[0]).toMatchObject({ owner: "Team Jeugd", due: "2025-03-20", dinSlug: "hilversum", subject: { kind: "doel" }, adopted: true });
    expect(open[0]!.indicatorIds.length).toBeGreaterThan(0);
  });

  it("the scheduler's reminder job looks for reminders at most once a minute", async () => {
    const { piet } = await adoptedSession();
    const lines: string[] = [];
    let at = new Date(0);
    const scheduler = createScheduler({ clock: { now: () => at } }, [actionReminderJob(w.s, (line) => lines.push(line))]);
    const tick = async (now: Date) => {
      at = now;
      await scheduler.tick();
    };
    // 23:59:30 on 2 March in Amsterdam: nothing is due yet.
    await tick(new Date("2025-03-02T22:59:30Z"));
    // 40 s later it is 3 March, a week before Piet's action, but the tick does not look again within the minute.
    await tick(new Date("2025-03-02T23:00:10Z"));
    expect(lines).toEqual([]);
    await tick(new Date("2025-03-02T23:00:40Z"));
    expect(lines).toEqual([`verbeteractie ${piet}: herinnering week / reminder sent`]);
  });

  it("does not remind actions of a conclusion that is not adopted yet, nor closed ones", async () => {
    const sessionId = await openSession();
    const values = { "conclusion.overall": "Concept.", "action.1.text": "Iets", "action.1.owner": "Team", "action.1.due": "2025-03-03" };
    await submitConclusion(w.s, { actor: actor(PEOPLE.facilitator, LEERKRING), session: { sessionId }, values });
    expect((await sendActionReminders(w.s, clock.now())).sent).toEqual([]);
    const [action] = await w.s.sessions.transaction((tx) => tx.actions(sessionId));
    await command(PEOPLE.facilitator, LEERKRING, `actie ${action!.id} vervallen`);
    await adoptConclusion(w.s, { actor: actor(PEOPLE.adopter, LEERKRING), session: { sessionId } });
    expect((await sendActionReminders(w.s, clock.now())).sent).toEqual([]);
  });

  it("lets a contributor set their own perspective once; a guest chooses only a guest perspective", async () => {
    await openSession();
    expect(shown(await command(PEOPLE.guest, GAST, "ik ben beleid"))).toContain("In een gastkanaal kiest u uit");
    expect(shown(await command(PEOPLE.guest, GAST, "ik ben baas"))).toContain("Dat perspectief kennen we niet");
    expect(shown(await command(PEOPLE.guest, GAST, "ik ben Ervaringsdeskundige"))).toBe("Genoteerd: u draagt voortaan bij als ervaringsdeskundige.");
    const said = await recordContribution(w.s, { eventId: "e1", channel: GAST, threadId: w.rootIn(GAST), messageId: "m1", user: { ...PEOPLE.guest }, text: "Dit zie ik ook.", at: clock.now() });
    expect(said.status).toBe("recorded");
    // A colleague in an internal channel may take any perspective; their roles stay.
    expect(shown(await command(PEOPLE.facilitator, LEERKRING, "perspectief uitvoering"))).toContain("uitvoering");
    const [guest, facilitator] = await w.s.sessions.transaction(async (tx) => [await tx.person(PEOPLE.guest.key), await tx.person(PEOPLE.facilitator.key)]);
    expect(guest).toMatchObject({ perspective: "ervaringsdeskundige", roles: [] });
    expect(facilitator).toMatchObject({ perspective: "uitvoering", roles: ["facilitator"] });
    const contributions = await w.s.sessions.transaction(async (tx) => tx.contributions((await tx.sessionIdByThread(GAST, w.rootIn(GAST)))!));
    // Recorded as ervaringsdeskundige in the adviesraad's channel (whose default is adviesraad).
    expect(contributions.map((c) => [c.text, c.perspective])).toEqual([["Dit zie ik ook.", "ervaringsdeskundige"]]);
    // Who chose already is not asked.
    await w.dispatch();
    expect(threadText(GAST)).not.toContain("Vanuit welk perspectief spreekt u?");
  });

  it("asks a guest once, after their first contribution, from which perspective they speak; the answer relabels it", async () => {
    const sessionId = await openSession();
    const reply = (n: number) => recordContribution(w.s, { eventId: `g${n}`, channel: GAST, threadId: w.rootIn(GAST), messageId: `g${n}`, user: { ...PEOPLE.guest }, text: `Bijdrage ${n}`, at: clock.now() });
    await reply(1);
    await reply(2);
    await w.dispatch();
    const asks = () => w.chat.postsIn(GAST).filter((p) => p.message.summary.startsWith("Dank voor uw bijdrage. Vanuit welk perspectief"));
    expect(asks()).toHaveLength(1);
    const buttons = asks()[0]!.message.elements.flatMap((e) => (e.type === "actions" ? e.actions : []));
    expect(buttons.map((b) => [b.id, b.label, b.value])).toEqual([
      ["session.perspective", "Ervaringsdeskundige", "ervaringsdeskundige"],
      ["session.perspective", "Adviesraad", "adviesraad"],
      ["session.perspective", "Anders", "overig"],
    ]);
    // Staff in the leerkring are never asked.
    await recordContribution(w.s, { eventId: "l1", channel: LEERKRING, threadId: w.rootIn(LEERKRING), messageId: "l1", user: { ...PEOPLE.colleague }, text: "Intern", at: clock.now() });
    const clicked = await runAction(w.s, { eventId: "p1", actor: actor(PEOPLE.guest, GAST), actionId: "session.perspective", value: "ervaringsdeskundige", lang: "nl" });
    expect(clicked).toMatchObject({ kind: "result", result: { status: "perspective-set" } });
    // A staff perspective cannot be clicked into a guest channel (a tampered value).
    const tampered = await runAction(w.s, { eventId: "p2", actor: actor(PEOPLE.guest, GAST), actionId: "session.perspective", value: "beleid", lang: "nl" });
    expect(tampered).toMatchObject({ kind: "result", result: { status: "refused", code: "staff-perspective" } });
    await reply(3);
    await w.dispatch();
    expect(asks()).toHaveLength(1);
    const contributions = await w.s.sessions.transaction((tx) => tx.contributions(sessionId));
    expect(contributions.map((c) => [c.text, c.perspective])).toEqual([
      ["Bijdrage 1", "ervaringsdeskundige"],
      ["Bijdrage 2", "ervaringsdeskundige"],
      ["Intern", "overig"],
      ["Bijdrage 3", "ervaringsdeskundige"],
    ]);
    expect(w.chat.postsIn(LEERKRING).some((p) => p.message.summary.includes("Vanuit welk perspectief"))).toBe(false);
  });

  it("closes the loop on adoption: the guest threads get the summary the facilitator wrote for them, by role", async () => {
    const sessionId = await openSession();
    await recordContribution(w.s, { eventId: "g1", channel: GAST, threadId: w.rootIn(GAST), messageId: "g1", user: { ...PEOPLE.guest }, text: "Herkenbaar.", at: clock.now() });
    const fac = actor(PEOPLE.facilitator, LEERKRING);
    const draft = await draftConclusion(w.s, { actor: fac, session: { sessionId } });
    if (draft.status !== "ok") throw new Error(draft.status);
    expect(draft.form.fields.find((f) => f.id === "conclusion.guestSummary")).toMatchObject({ label: "Samenvatting voor de gasten (bij vaststellen)", optional: true });
    const values = { "conclusion.overall": "Intern: de wachtlijst groeit door personeelstekort.", "conclusion.guestSummary": "We zorgen dat gezinnen sneller hulp krijgen." };
    await submitConclusion(w.s, { actor: fac, session: { sessionId }, values });
    expect((await w.s.sessions.transaction((tx) => tx.conclusion(sessionId)))?.current.guestSummary).toBe("We zorgen dat gezinnen sneller hulp krijgen.");
    await adoptConclusion(w.s, { actor: actor(PEOPLE.adopter, LEERKRING), session: { sessionId } });
    await w.dispatch();
    const guest = threadText(GAST);
    expect(guest).toContain("De duiding van deze cijfers is afgerond.");
    expect(guest).toContain("We zorgen dat gezinnen sneller hulp krijgen.");
    expect(guest).toContain("Met dank aan de bijdragen vanuit: adviesraad.");
    expect(guest).not.toContain("personeelstekort");
    expect(guest).not.toContain(PEOPLE.guest.name);
    // The leerkring gets the conclusion itself, not the guests' version.
    expect(threadText(LEERKRING)).toContain("personeelstekort");
    expect(threadText(LEERKRING)).not.toContain("We zorgen dat gezinnen sneller hulp krijgen.");
  });
});
