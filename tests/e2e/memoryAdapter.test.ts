/**
 * A second platform on the same seam: the in-memory adapter (adapters/memory/plugin.ts) plugged into
 * the one server like Slack, driven over real HTTP. A whole session — link a channel (a shared one is
 * forced to gast), start, contribute, move, contribute to another question through the form, conclude,
 * adopt — runs through the chat core with no session rule in the adapter; posts come out of the
 * outbox through its ChatPort.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MemoryAdapter } from "../../adapters/memory/plugin.ts";
import { memoryPlugin } from "../../adapters/memory/plugin.ts";
import { enable } from "../../src/app/chatAdapter.ts";
import { plainText } from "../../src/app/messages/message.ts";
import { createDispatcher } from "../../src/app/outbox/dispatch.ts";
import { applyConfig } from "../../src/app/sessions/index.ts";
import { buildHttp, listen } from "../../src/main/server.ts";
import type { Services } from "../../src/main/services.ts";
import { fixedClock, memoryRuntime } from "../support/db.ts";
import { CONFIG, importFigures, PEOPLE, seedDin } from "../support/sessionWorld.ts";

// On the memory store: this is about the adapter, not the database (tests/contract proves the store).
for (const runtime of [memoryRuntime]) {
  describe(`a second chat platform on the adapter seam, on ${runtime.name}`, () => {
    let s: Services & { dispose(): Promise<void> };
    let server: Server;
    let memory: MemoryAdapter;
    let base: string;
    let n = 0;
    const clock = fixedClock("2025-03-03T09:00:00Z");

    beforeEach(async () => {
      s = await runtime.open(clock);
      // Only the people of the shared test config: channels are linked through the platform.
      await applyConfig(s, { config: { ...CONFIG, channels: [] } });
      await seedDin(s);
      const config = { dataDir: "unused", host: "127.0.0.1", port: 0, lang: "nl" as const, loadExample: false, web: { mode: "off" as const }, adapters: [enable(memoryPlugin, {})], adapterLines: [] };
      const built = buildHttp(config, s);
      memory = built.adapters[0] as MemoryAdapter;
      server = await listen(built.app, "127.0.0.1", 0);
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterEach(async () => {
      server.close();
      await s.dispose();
    });

    const post = async (path: string, body: Record<string, unknown>) => {
      const response = await fetch(`${base}/memory/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ eventId: `e${++n}`, ...body }) });
      return (await response.json()) as Record<string, unknown>;
    };
    const as = (who: keyof typeof PEOPLE) => ({ user: PEOPLE[who].key.replace(/^memory:/, ""), name: PEOPLE[who].name });
    const dispatch = () => createDispatcher({ outbox: s.outbox, chats: s.chats, clock }).dispatchOnce();

    it("links a channel's digest with leeg=ja from chat, and names what to write for a wrong word", async () => {
      memory.directory.channels.set("memory:week", {});
      expect((await post("command", { ...as("admin"), channel: "week", text: "koppel digest leeg=ja" })).text).toBe("Het kanaal is gekoppeld.");
      expect((await s.sessions.transaction((tx) => tx.channel("memory:week")))?.digestSendEmpty).toBe(true);
      const wrong = (await post("command", { ...as("admin"), channel: "week", text: "koppel digest leeg=soms" })).text as string;
      expect(wrong).toContain("kies leeg=ja");
      expect((await s.sessions.transaction((tx) => tx.channel("memory:week")))?.digestSendEmpty).toBe(true);
      expect((await post("command", { ...as("admin"), channel: "week", text: "koppel digest digest=vr 16:00 leeg=nee" })).text).toBe("Het kanaal is gekoppeld.");
      expect(await s.sessions.transaction((tx) => tx.channel("memory:week"))).toMatchObject({ digest: "vr 16:00", digestSendEmpty: false });
    });

    it("runs a whole session through the chat core, with the platform's own words in the help", async () => {
      memory.directory.channels.set("memory:leer", {});
      memory.directory.channels.set("memory:raad", { shared: true });
      memory.directory.channels.set("memory:buiten", { botIn: false });

      expect((await post("command", { ...as("colleague"), channel: "leer", text: "help" })).text).toContain("• @duidbot start <indicator of doel>");
      expect((await post("command", { ...as("colleague"), channel: "leer", text: "koppel leerkring" })).text).toBe("Alleen een beheerder kan dit instellen.");
      expect((await post("command", { ...as("admin"), channel: "buiten", text: "koppel leerkring" })).text).toContain("Voeg Duidbot eerst toe aan het kanaal en typ daarna opnieuw `@duidbot koppel …`".replaceAll("`", ""));
      expect((await post("command", { ...as("admin"), channel: "leer", text: "koppel leerkring" })).text).toBe("Het kanaal is gekoppeld.");
      // The platform says the channel is shared outside the organisation: linked as gast, whatever was typed.
      expect((await post("command", { ...as("admin"), channel: "raad", text: "koppel leerkring perspectief=adviesraad" })).text).toContain("gekoppeld als gast-kanaal");
      expect(await s.sessions.transaction((tx) => tx.channel("memory:raad"))).toMatchObject({ audience: "gast", perspective: "adviesraad" });

      await importFigures(s);
      expect((await post("command", { ...as("colleague"), channel: "leer", text: "start Doel-Gezond-Opgroeien" })).text).toBe("De duidingssessie is gestart.");
      await dispatch();
      const root = memory.chat.postsIn("memory:leer", null).find((p) => p.message.summary.startsWith("Duiding"))!;
      expect(root).toBeDefined();

      expect(await post("message", { ...as("colleague"), channel: "leer", thread: root.messageId, messageId: "r1", text: "Herkenbaar: meer aanmeldingen." })).toMatchObject({ status: "recorded", question: "herkennen" });
      const next = root.current.elements.flatMap((e) => (e.type === "actions" ? e.actions : [])).find((a) => a.id === "session.next")!;
      expect(await post("click", { ...as("colleague"), channel: "leer", actionId: "session.next", value: next.value })).toMatchObject({ status: "forbidden", text: expect.stringContaining("gespreksleider") });
      expect(await post("click", { ...as("facilitator"), channel: "leer", actionId: "session.next", value: next.value })).toEqual({ status: "moved" });
      // Vorige vraag: the memory platform renders it too (plain text) and routes it through the same core.
      await dispatch();
      const back = root.current.elements.flatMap((e) => (e.type === "actions" ? e.actions : [])).find((a) => a.id === "session.back")!;
      expect(back).toMatchObject({ label: "Vorige vraag", value: next.value.replace("herkennen", "verklaren") });
      expect(plainText(root.current)).toContain("[Vorige vraag]");
      expect(await post("click", { ...as("colleague"), channel: "leer", actionId: "session.back", value: back.value })).toMatchObject({ status: "forbidden" });
      expect(await post("click", { ...as("facilitator"), channel: "leer", actionId: "session.back", value: back.value })).toEqual({ status: "moved" });
      expect(await post("click", { ...as("facilitator"), channel: "leer", actionId: "session.back", value: back.value })).toEqual({ status: "already-moved", text: "De sessie was al verplaatst en staat nu bij Herkennen." });

      const other = (await post("click", { ...as("colleague"), channel: "leer", actionId: "session.contributeOther", value: next.value.split(":")[0] })) as { form: { id: string; state: string } };
      expect(other.form.id).toBe("session.contributeOther");
      expect(await post("form", { ...as("colleague"), channel: "leer", thread: root.messageId, formId: other.form.id, state: other.form.state, values: { question: "verbeteren", text: "Wachtlijst aanpakken." } })).toMatchObject({ status: "recorded", question: "verbeteren" });

      const conclude = (await post("click", { ...as("facilitator"), channel: "leer", actionId: "session.conclude", value: other.form.state })) as { form: { id: string; state: string } };
      expect(conclude.form.id).toBe("session.conclude");
      expect(await post("form", { ...as("facilitator"), channel: "leer", formId: conclude.form.id, state: conclude.form.state, values: { "conclusion.overall": "Meer jeugdhulp, vooral door snellere toegang." } })).toMatchObject({ status: "saved" });
      expect(await post("click", { ...as("adopter"), channel: "leer", actionId: "session.adopt", value: conclude.form.state })).toEqual({ status: "adopted" });
      expect(await post("form", { ...as("facilitator"), channel: "leer", formId: "session.onbekend", state: "1", values: {} })).toEqual({ text: expect.stringContaining("Dit formulier kennen we niet") });

      await dispatch();
      const contributions = await s.sessions.transaction((tx) => tx.contributions(Number(conclude.form.state)));
      expect(contributions.map((c) => [c.question, c.text])).toEqual([
        ["herkennen", "Herkenbaar: meer aanmeldingen."],
        ["verbeteren", "Wachtlijst aanpakken."],
      ]);
      expect(memory.chat.acknowledged.map((a) => a.messageId)).toEqual(expect.arrayContaining(["r1"]));
      expect(memory.chat.textIn("memory:leer")).toContain("Conclusie vastgesteld");
    });
  });
}
