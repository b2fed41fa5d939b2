/**
 * The platform-neutral chat commands: words, help per platform, koppel's arguments and the sorting
 * of ids into opgaven, doelen and indicators, rich text and its Slack rendering.
 */
import { describe, expect, it } from "vitest";
import { commandVerb, helpText, isBotRequest } from "../../src/app/commands/commandTable.ts";
import { parseKoppelArgs, sortScopeIds } from "../../src/app/commands/koppelArgs.ts";
import { bold, code, plainSpan, rich, richPlain } from "../../src/app/messages/richText.ts";
import { richMrkdwn } from "../../adapters/slack/render/text.ts";
import type { DinState } from "../../src/app/ports.ts";

describe("command words", () => {
  it("knows Dutch and English words, case-insensitively; nothing typed asks for help", () => {
    expect(["", "help", "HULP", "status", "Start", "koppel", "link"].map(commandVerb)).toEqual(["help", "help", "help", "status", "start", "koppel", "koppel"]);
    expect(commandVerb("onzin")).toBeUndefined();
    expect(commandVerb("constructor")).toBeUndefined();
  });

  it("takes help and status after @duidbot as a request to the bot, the rest is a contribution", () => {
    // "@duidbot" alone asks for help too.
    expect(["status", "help", "hulp", ""].every(isBotRequest)).toBe(true);
    expect(["wij", "start", "koppel"].some(isBotRequest)).toBe(false);
  });

  it("takes the actions and one's own perspective as requests, but not a sentence that starts with 'ik'", () => {
    expect(["acties", "acties alle", "actie 3 gereed", "ik ben ervaringsdeskundige", "I am adviesraad", "perspectief beleid"].every(isBotRequest)).toBe(true);
    expect(["ik herken dit niet", "ik ben het er niet mee eens", "ik ben ervaringsdeskundige en zie dit vaak", "i think so"].some(isBotRequest)).toBe(false);
    expect(["acties", "actions", "actie", "action", "ik", "perspective"].map(commandVerb)).toEqual(["acties", "acties", "actie", "actie", "perspectief", "perspectief"]);
  });

  it("renders the help with the platform's way to address the bot", () => {
    const slack = richPlain(helpText("nl", "/duiding", [{ usage: "@duidbot status", text: "hetzelfde" }]));
    expect(slack).toContain("• /duiding start <indicator of doel> — start een sessie, bv. /duiding start jongeren-met-jeugdhulp");
    expect(slack).toContain("• @duidbot status — hetzelfde");
    const teams = richPlain(helpText("en", "@duidbot"));
    expect(teams).toContain("• @duidbot koppel <leerkring|digest|gast>");
    expect(teams).not.toContain("/duiding");
  });
});

describe("koppel arguments", () => {
  it("reads audience, ids (comma or space separated), auto, perspective and language", () => {
    expect(parseKoppelArgs("Gast doel-a,doel-b Opgave-x AUTO perspectief=adviesraad taal=en")).toEqual({
      audience: "gast",
      ids: ["doel-a", "doel-b", "opgave-x"],
      autoStart: true,
      perspective: "adviesraad",
      lang: "en",
    });
    expect(parseKoppelArgs("leerkring")).toEqual({ audience: "leerkring" });
    expect(parseKoppelArgs("perspectief=beleid")).toBeUndefined();
    expect(parseKoppelArgs("")).toBeUndefined();
    // An unknown perspective or language is left out (the use case keeps the channel's own).
    expect(parseKoppelArgs("leerkring perspectief=baas taal=fr")).toEqual({ audience: "leerkring" });
  });

  it("reads digest=ma 09:00 with the space in it, and leaves the time out of the ids", () => {
    expect(parseKoppelArgs("leerkring doel-a digest=ma 09:00")).toEqual({ audience: "leerkring", ids: ["doel-a"], digest: "ma 09:00" });
    expect(parseKoppelArgs("digest weekoverzicht=vr 16:30 auto")).toEqual({ audience: "digest", autoStart: true, digest: "vr 16:30" });
    // Without a time the text goes on as it is: linkChannel refuses it with its own message.
    expect(parseKoppelArgs("digest digest=ma")).toEqual({ audience: "digest", digest: "ma" });
  });

  it("sorts ids into opgaven, doelen and indicators by the DIN; unknown ids go to indicators", () => {
    const din = { latest: { opgaven: [{ id: "bestaanszekerheid" }], goals: [{ id: "voldoende-middelen" }] } } as unknown as DinState;
    expect(sortScopeIds(din, ["bestaanszekerheid", "voldoende-middelen", "huisuitzettingen", "bestaat-niet"])).toEqual({
      opgaven: ["bestaanszekerheid"],
      doelen: ["voldoende-middelen"],
      indicators: ["huisuitzettingen", "bestaat-niet"],
    });
  });
});

describe("rich text", () => {
  it("reads **bold** and `code` from catalogue texts, and nothing else", () => {
    expect(rich("Typ `/duiding help` of **nu** *niet*")).toEqual([plainSpan("Typ "), code("/duiding help"), plainSpan(" of "), bold("nu"), plainSpan(" *niet*")]);
  });

  it("renders as Slack mrkdwn with escaping, stars next to the text", () => {
    expect(richMrkdwn([bold(" Let op "), plainSpan("<!channel> & co "), code("a<b")])).toBe(" *Let op* &lt;!channel&gt; &amp; co `a&lt;b`");
  });
});
