/**
 * A small world for session tests: real services on a real database (PGlite or PostgreSQL), a
 * DIN with a public percentage, a public count with small numbers and an intern indicator, the
 * in-memory chat, a movable clock, and channels/people from a duidbot.yaml-shaped config.
 * Persistent targets (a PGlite folder or a PostgreSQL schema) can be closed and reopened.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { MemoryChat } from "../../adapters/memory/memoryChat.ts";
import { importMeasurements } from "../../src/app/measurements/importMeasurements.ts";
import { createDispatcher, type Dispatcher } from "../../src/app/outbox/dispatch.ts";
import { applyConfig, rerenderForGuests, type Actor } from "../../src/app/sessions/index.ts";
import type { DuidbotConfig } from "../../src/domain/duidbotConfig.ts";
import { openServices, type DbServices, type Services } from "../../src/main/services.ts";
import type { DatabaseTarget } from "../../src/store/database.ts";
import { fixedClock, TEST_DATABASE_URL, type TestRuntime } from "./db.ts";
import { copyTemplateFolder } from "./dbTemplate.ts";
import { buildDin, buildIndicator } from "./factories.ts";

export const LEERKRING = "memory:leerkring";
export const GAST = "memory:gast";
export const DIGEST = "memory:digest";
/** A leerkring that starts sessions only on request: it gets change posts with a start button. */
export const BELEID = "memory:beleid";

export const PEOPLE = {
  facilitator: { key: "memory:U-fac", name: "Sanne Facilitator" },
  adopter: { key: "memory:U-adopt", name: "Ahmed Vaststeller" },
  admin: { key: "memory:U-admin", name: "Kim Beheer" },
  colleague: { key: "memory:U-col", name: "Piet Collega" },
  guest: { key: "memory:U-guest", name: "Joke Gast" },
} as const;

export const CONFIG: DuidbotConfig = {
  defaults: { lang: "nl" },
  channels: [
    { key: LEERKRING, name: "#leerkring", audience: "leerkring", scope: { opgaven: [], doelen: [], indicators: [] }, autoStart: true, advanceAfterDays: 3 },
    { key: GAST, name: "#adviesraad", audience: "gast", scope: { opgaven: [], doelen: [], indicators: [] }, autoStart: true, perspective: "adviesraad" },
    { key: DIGEST, name: "#weekoverzicht", audience: "digest", scope: { opgaven: [], doelen: [], indicators: [] }, autoStart: false },
    { key: BELEID, name: "#beleid", audience: "leerkring", scope: { opgaven: [], doelen: [], indicators: [] }, autoStart: false },
  ],
  people: [
    { key: PEOPLE.facilitator.key, name: PEOPLE.facilitator.name, roles: ["facilitator"], perspective: "beleid" },
    { key: PEOPLE.adopter.key, name: PEOPLE.adopter.name, roles: ["adopter"], perspective: "uitvoering" },
    { key: PEOPLE.admin.key, name: PEOPLE.admin.name, roles: ["admin"] },
  ],
};

export const GOAL = "doel-gezond-opgroeien";
/**
 * A public percentage with referentie- and streefwaarde, a public count whose 2024 value (6) is below
 * the small-number limit (guests see "< 10"), and an intern count.
 */
export const DIN = buildDin({
  indicators: [
    buildIndicator({
      id: "jeugdhulp",
      name: "Jongeren met jeugdhulp",
      unit: "%",
      source: "CBS",
      baseline: { period: "2022", value: 11 },
      target: { period: "2026", value: 10 },
    }),
    buildIndicator({ id: "veilig-thuis", name: "Meldingen Veilig Thuis", unit: "aantal", direction: "lager-is-beter" }),
    buildIndicator({ id: "wachtlijst", name: "Wachtlijst jeugdteam (intern)", unit: "aantal", visibility: "intern" }),
  ],
});

export const FIGURES = "indicator;periode;waarde\njeugdhulp;2023;10\njeugdhulp;2024;12\nveilig-thuis;2023;20\nveilig-thuis;2024;6\nwachtlijst;2023;50\nwachtlijst;2024;80\n";

export const actor = (user: { key: string; name: string }, channel: string): Actor => ({ user: { ...user }, channel });

export interface World<S extends Services = Services> {
  s: S;
  chat: MemoryChat;
  clock: ReturnType<typeof fixedClock>;
  dispatcher: Dispatcher;
  /** Sends everything due now. */
  dispatch(): ReturnType<Dispatcher["dispatchOnce"]>;
  /** Platform id of the session's root post in a channel (after dispatch). */
  rootIn(channel: string, index?: number): string;
  close(): Promise<void>;
}

export async function buildWorld<S extends Services>(s: S, clock: ReturnType<typeof fixedClock>, chat?: MemoryChat): Promise<World<S>> {
  const memory = chat ?? new MemoryChat({ now: () => clock.now() });
  s.chats.set("memory", memory);
  // Fixed jitter: backoff times are exact in tests.
  const dispatcher = createDispatcher({ outbox: s.outbox, chats: s.chats, clock, random: () => 0.5, rerender: (row) => rerenderForGuests(s, row) });
  return {
    s,
    chat: memory,
    clock,
    dispatcher,
    dispatch: () => dispatcher.dispatchOnce(),
    rootIn(channel, index = 0) {
      const root = memory.postsIn(channel, null).filter((p) => p.message.elements[0]?.type === "header" && p.message.summary.startsWith("Duiding"))[index];
      if (!root) throw new Error(`no session root in ${channel}`);
      return root.messageId;
    },
    close: () => s.close(),
  };
}

/**
 * A fresh database for one test (beforeEach): the clock back at `start`, CONFIG applied, the DIN seeded
 * (or `seed`), and a world on it; dispose() in afterEach.
 */
export async function openFreshWorld<S extends Services>(
  runtime: TestRuntime<S>,
  clock: ReturnType<typeof fixedClock>,
  start: string,
  seed: (s: S) => Promise<void> = seedDin,
): Promise<{ world: World<S>; dispose(): Promise<void> }> {
  clock.set(start);
  const s = await runtime.open(clock);
  await applyConfig(s, { config: CONFIG });
  await seed(s);
  return { world: await buildWorld(s, clock), dispose: s.dispose };
}

export async function seedDin(s: Services): Promise<void> {
  await s.dins.saveDinVersion(DIN, { fileName: "din.yaml", contentHash: "test" });
}

/** Imports FIGURES and returns the changes (as postChanges receives them). */
export async function importFigures(s: Services, text = FIGURES) {
  const result = await importMeasurements(s, { source: { kind: "file", text, fileName: "metingen.csv" }, via: "cli" });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

/** A database that survives closing the services: a PGlite folder, or a PostgreSQL schema. */
export async function persistentTarget(runtime: TestRuntime<Services>): Promise<{ target: DatabaseTarget; cleanup(): Promise<void> }> {
  if (runtime.name === "memory") throw new Error("the memory store does not survive closing: use a real runtime");
  if (runtime.name === "pglite") {
    const dir = await mkdtemp(path.join(tmpdir(), "duidbot-sessions-"));
    // A copy of the migrated template folder: these tests are about surviving a restart; a folder
    // created from scratch is proven by tests/e2e/cli.test.ts (and costs seconds more).
    await copyTemplateFolder(inject("pgliteTemplate"), dir);
    return { target: { kind: "pglite", dataDir: dir }, cleanup: () => rm(dir, { recursive: true, force: true }) };
  }
  const url = TEST_DATABASE_URL;
  if (!url) throw new Error("postgres runtime without TEST_DATABASE_URL");
  const schema = `t_${process.pid}_${randomBytes(4).toString("hex")}`;
  return {
    target: { kind: "postgres", url, schema },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export function openWith(target: DatabaseTarget, clock: ReturnType<typeof fixedClock>): Promise<DbServices> {
  return openServices(target, clock, { duidbotConfig: CONFIG });
}
