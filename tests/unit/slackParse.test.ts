/**
 * Proves parse.ts reads the Slack payload parts the handlers use into neutral inputs, and rejects
 * what must not become a contribution (and turns Slack's escaped text back into what was typed): bot messages (including our own status updates arriving as
 * message_changed), joins and other subtypes, malformed payloads.
 */
import { describe, expect, it } from "vitest";
import { parseButtonClick, parseCommand, parseFormSubmission, parseMention, parseMessageEvent, slackTextToPlain, userIdsIn } from "../../adapters/slack/parse.ts";

const envelope = { team_id: "T1", event_id: "Ev1" };

describe("parseMessageEvent", () => {
  it("reads a reply in a thread", () => {
    const event = { type: "message", channel: "C1", user: "U1", text: "Dit herken ik", ts: "1741000000.000200", thread_ts: "1741000000.000100" };
    expect(parseMessageEvent(envelope, event)).toEqual({
      kind: "posted",
      eventId: "Ev1",
      channel: "slack:T1:C1",
      userId: "U1",
      threadId: "1741000000.000100",
      messageId: "1741000000.000200",
      text: "Dit herken ik",
      at: new Date(1741000000000),
    });
  });

  it("leaves the thread out for a top-level message (thread_ts equal to ts is the root itself)", () => {
    expect(parseMessageEvent(envelope, { type: "message", channel: "C1", user: "U1", text: "x", ts: "1.1", thread_ts: "1.1" })).not.toHaveProperty("threadId");
  });

  it.each([
    ["a bot message", { type: "message", channel: "C1", user: "UBOT", bot_id: "B1", text: "x", ts: "1.2", thread_ts: "1.1" }],
    ["a join", { type: "message", subtype: "channel_join", channel: "C1", user: "U1", text: "x", ts: "1.2" }],
    ["our own update", { type: "message", subtype: "message_changed", channel: "C1", event_ts: "1.3", message: { ts: "1.1", text: "x", user: "UBOT", bot_id: "B1" } }],
    ["deletion of a bot message", { type: "message", subtype: "message_deleted", channel: "C1", event_ts: "1.3", deleted_ts: "1.1", previous_message: { bot_id: "B1" } }],
    ["no channel", { type: "message", user: "U1", text: "x", ts: "1.2" }],
  ])("ignores %s", (_name, event) => {
    expect(parseMessageEvent(envelope, event)).toBeUndefined();
  });

  it("reads an edit and a deletion", () => {
    expect(parseMessageEvent(envelope, { type: "message", subtype: "message_changed", channel: "C1", event_ts: "2.0", message: { ts: "1.2", text: "nieuw", user: "U1" } })).toEqual({
      kind: "edited",
      eventId: "Ev1",
      channel: "slack:T1:C1",
      messageId: "1.2",
      text: "nieuw",
      at: new Date(2000),
    });
    expect(parseMessageEvent(envelope, { type: "message", subtype: "message_deleted", channel: "C1", event_ts: "3.0", deleted_ts: "1.2" })).toMatchObject({ kind: "deleted", messageId: "1.2" });
  });
});

describe("text the database refuses", () => {
  it("strips NUL and makes lone surrogates U+FFFD in replies, edits, mentions, commands and modal values", () => {
    const bad = "Dit\u0000 herken\ud800 ik";
    const clean = "Dit herken\ufffd ik";
    expect(parseMessageEvent(envelope, { type: "message", channel: "C1", user: "U1", text: bad, ts: "1.2", thread_ts: "1.1" })).toMatchObject({ text: clean });
    expect(parseMessageEvent(envelope, { type: "message", subtype: "message_changed", channel: "C1", event_ts: "2.0", message: { ts: "1.2", text: bad, user: "U1" } })).toMatchObject({ text: clean });
    expect(parseMention(envelope, { type: "app_mention", channel: "C1", user: "U1", text: `<@UBOT> ${bad}`, ts: "1.2" })).toMatchObject({ text: clean });
    expect(parseCommand({ team_id: "T1", channel_id: "C1", user_id: "U1", text: `start ${bad}`, trigger_id: "t" })).toMatchObject({ text: `start ${clean}` });
    const form = parseFormSubmission({
      user: { id: "U1" },
      trigger_id: "t",
      view: { id: "V1", callback_id: "f", state: { values: { b: { a: { type: "plain_text_input", value: bad } } } } },
    });
    expect(form?.values).toEqual({ b: clean });
  });
});

describe("other payloads", () => {
  it("strips the bot mention from app_mention text", () => {
    expect(parseMention(envelope, { type: "app_mention", channel: "C1", user: "U1", text: "<@UBOT>  status ", ts: "1.2", thread_ts: "1.1" })).toMatchObject({
      text: "status",
      threadId: "1.1",
      channel: "slack:T1:C1",
    });
  });

  it("reads a slash command's channel, user and text (the chat core reads the words)", () => {
    expect(parseCommand({ team_id: "T1", channel_id: "C1", user_id: "U1", text: "  Koppel gast  doel-a,doel-b auto ", trigger_id: "t" })).toMatchObject({
      text: "Koppel gast  doel-a,doel-b auto",
      channel: "slack:T1:C1",
      userId: "U1",
    });
    expect(parseCommand({ team_id: "T1", channel_id: "C1", user_id: "U1", trigger_id: "t" })).toMatchObject({ text: "" });
  });

  it("reads a button click, without the suffix of a repeated button", () => {
    const click = parseButtonClick({
      user: { id: "U1", team_id: "T1" },
      team: { id: "T1" },
      channel: { id: "C1" },
      message: { ts: "1.5", thread_ts: "1.1" },
      trigger_id: "tr",
      actions: [{ action_id: "session.next#2", value: "12" }],
    });
    expect(click).toEqual({ actionId: "session.next", value: "12", channel: "slack:T1:C1", slackChannel: "C1", userId: "U1", messageId: "1.5", threadId: "1.1", triggerId: "tr" });
    expect(parseButtonClick({ user: { id: "U1" }, trigger_id: "tr", actions: [] })).toBeUndefined();
  });

  it("reads modal values by block id: text, selected option and date; empty is undefined", () => {
    const submission = parseFormSubmission({
      user: { id: "U1" },
      trigger_id: "tr",
      view: {
        id: "V1",
        callback_id: "session.conclude",
        private_metadata: "{}",
        state: {
          values: {
            "conclusion.overall": { a: { type: "plain_text_input", value: "Tekst" } },
            "conclusion.verklaren": { a: { type: "plain_text_input", value: "  " } },
            question: { q: { type: "static_select", selected_option: { value: "verklaren" } } },
            "action.1.due": { d: { type: "datepicker", selected_date: "2025-12-31" } },
            "action.1.owner": { o: { type: "plain_text_input", value: null } },
          },
        },
      },
    });
    expect(submission?.values).toEqual({
      "conclusion.overall": "Tekst",
      "conclusion.verklaren": undefined,
      question: "verklaren",
      "action.1.due": "2025-12-31",
      "action.1.owner": undefined,
    });
  });
});

describe("slackTextToPlain", () => {
  it("turns Slack's escaping and markup back into what the person typed", () => {
    expect(slackTextToPlain("Kosten &lt; 5% &amp; wachttijd &gt; 6 weken")).toBe("Kosten < 5% & wachttijd > 6 weken");
    expect(slackTextToPlain("Zie <https://www.waarstaatjegemeente.nl/|WSJG> en <https://cbs.nl>")).toBe("Zie WSJG (https://www.waarstaatjegemeente.nl/) en https://cbs.nl");
    expect(slackTextToPlain("In <#C0LEER|leerkring> zei <!here> iets")).toBe("In #leerkring zei @here iets");
    // A literal "&amp;lt;" (the person typed "&lt;") stays "&lt;": entities are undone once, amp last.
    expect(slackTextToPlain("&amp;lt;")).toBe("&lt;");
    // User mentions stay for the caller to name.
    expect(slackTextToPlain("dank <@U0SANNE>!")).toBe("dank <@U0SANNE>!");
  });

  it("lists each mentioned user once", () => {
    expect(userIdsIn("<@U1> en <@U2|oud> en weer <@U1>")).toEqual(["U1", "U2"]);
    expect(userIdsIn("niemand")).toEqual([]);
  });
});
