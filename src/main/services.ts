/** Composition root: opens the database and wires the stores every use case needs. */
import path from "node:path";
import type { Clock, DinStore, MeasurementStore } from "../app/ports.ts";
import { systemClock } from "../app/ports.ts";
import { openDatabase, type Database, type DatabaseTarget } from "../store/database.ts";
import { PrismaAnnouncementStore } from "../store/announcementStore.ts";
import { PrismaDinStore } from "../store/dinStore.ts";
import { PrismaMeasurementStore } from "../store/measurementStore.ts";
import { ConfigError, type Config } from "./config.ts";
import type { ChatPort } from "../app/chat.ts";
import { createDispatcher, type Dispatcher } from "../app/outbox/dispatch.ts";
import type { OutboxStore } from "../app/outbox/ports.ts";
import { importChoreJobs } from "../app/measurements/importChores.ts";
import { lateDataJob } from "../app/measurements/lateDataJob.ts";
import { digestJob } from "../app/digest/digestJob.ts";
import { createScheduler, type Scheduler } from "../app/scheduler/scheduler.ts";
import { advanceDueSessions } from "../app/sessions/advanceDueSessions.ts";
import { actionReminderJob } from "../app/sessions/actionReminders.ts";
import { applyConfig } from "../app/sessions/applyConfig.ts";
import { rerenderForGuests } from "../app/sessions/rerenderForGuests.ts";
import type { SessionDefaults, SessionStore } from "../app/sessions/ports.ts";
import type { DuidbotConfig } from "../domain/duidbotConfig.ts";
import { formatIssue } from "../domain/validation.ts";
import type { InboxStore } from "../app/inbox/ports.ts";
import { PrismaInboxStore } from "../store/inboxStore.ts";
import { JOURNAL_FILE, JournalInboxStore } from "../store/journalInboxStore.ts";
import { PrismaOutboxStore } from "../store/outboxStore.ts";
import { PrismaSessionStore } from "../store/sessionStore.ts";
import { PrismaReportStore } from "../store/reportStore.ts";
import type { ReportStore } from "../app/report/ports.ts";
import type { AnnouncementStore } from "../app/measurements/ports.ts";
import type { AdapterStateStore } from "../app/adapterState.ts";
import { PrismaAdapterStateStore } from "../store/adapterStateStore.ts";
import type { MemoryDatabase } from "../store/memory/memoryStores.ts";

/** What the services know of their database: a real one (Prisma on PGlite or PostgreSQL), or the memory store (tests). */
export type ServicesDb = Database | MemoryDatabase;

export interface Services {
  db: ServicesDb;
  dins: DinStore;
  measurements: MeasurementStore;
  clock: Clock;
  /** Duiding sessions (src/app/sessions): state changes + outbox rows in one transaction. */
  sessions: SessionStore;
  sessionDefaults: SessionDefaults;
  /** DIN report editions and what they read (src/app/report). */
  reports: ReportStore;
  /** The outbox the dispatcher sends from. */
  outbox: OutboxStore;
  /**
   * The durable inbox: chat events stored before they are acknowledged (src/app/inbox). A journal file
   * in the PGlite data folder, the InboundEvent table on PostgreSQL (see openInbox).
   */
  inbox: InboxStore;
  /** What chat adapters remember across restarts besides channel settings (src/app/adapterState.ts). */
  adapterState: AdapterStateStore;
  /** ChatPort per platform (the prefix of its channel keys); adapters register theirs with chats.set(). */
  chats: Map<string, ChatPort>;
  dispatcher: Dispatcher;
  /** Tells the listeners that a post's platform id was stored (dispatchers call it: DispatcherDeps.posted). */
  posted(channel: string): void;
  /** Registers a listener for posted(): an adapter wakes its inbox's deferred events with it. */
  onPosted(listener: (channel: string) => void): void;
  /**
   * The one scheduler (src/app/scheduler): auto-advance, weekly digests, late-data checks, announcing
   * unannounced imports, pruning event keys. A feature adds its own job with `scheduler.register({ name,
   * everyMs, run })` before startBackground; the background loop ticks it before each outbox pass.
   */
  scheduler: Scheduler;
  /**
   * Starts the background loop: every `intervalMs`, the scheduler's due jobs run, then the outbox is
   * dispatched. stop() before close(); kick() runs a pass now (e.g. after a use case).
   */
  startBackground(options: { intervalMs: number; log?: (line: string) => void }): { stop(): Promise<void>; kick(): void };
  close(): Promise<void>;
}

/** How often `serve`'s background loop runs (auto-advance, outbox; a use case kicks it at once). */
export const BACKGROUND_INTERVAL_MS = 1_000;

export interface ServiceOptions {
  /**
   * duidbot.yaml, applied to the database on open (see src/app/sessions/applyConfig.ts for precedence).
   * Scope ids the DIN in force does not know stop the open with a ConfigError naming file:line.
   */
  duidbotConfig?: DuidbotConfig;
  /** Language of that error (default nl). */
  lang?: "nl" | "en";
  /** Chat ports to register from the start. */
  chats?: ChatPort[];
  /** Jitter source of the dispatcher's backoff (tests pass a fixed one). */
  random?: () => number;
  log?: (line: string) => void;
}

export function databaseTarget(config: Pick<Config, "databaseUrl" | "dataDir">): DatabaseTarget {
  return config.databaseUrl ? { kind: "postgres", url: config.databaseUrl } : { kind: "pglite", dataDir: config.dataDir };
}

/** Services on a real database: its Prisma client is at hand (`db.prisma`). */
export type DbServices = Services & { db: Database };

/** Opens the database and applies pending migrations (always on start: a stale schema is never used). */
export async function openServices(target: DatabaseTarget, clock: Clock = systemClock, options: ServiceOptions = {}): Promise<DbServices> {
  return servicesOn(await openDatabase(target), target, clock, options);
}

/**
 * The services on a database that is already open (`target` says what it is): applies pending
 * migrations first, like openServices; close() closes `db`. The tests use it to reuse one PGlite.
 */
export async function servicesOn(db: Database, target: DatabaseTarget, clock: Clock = systemClock, options: ServiceOptions = {}): Promise<DbServices> {
  await db.migrate();
  let inbox: InboxStore;
  try {
    inbox = await openInbox(db, target, options.log);
  } catch (error) {
    await db.close();
    throw error;
  }
  const stores: ServiceStores<Database> = {
    db,
    dins: new PrismaDinStore(db.prisma, db.raw),
    measurements: new PrismaMeasurementStore(db.prisma, db.raw),
    sessions: new PrismaSessionStore(db.prisma),
    outbox: new PrismaOutboxStore(db.prisma),
    inbox,
    announcements: new PrismaAnnouncementStore(db.prisma),
    reports: new PrismaReportStore(db.prisma),
    adapterState: new PrismaAdapterStateStore(db.prisma),
  };
  return assemble(stores, clock, options);
}

/**
 * The services on the in-memory store (src/store/memory): no database, no files, nothing outlives
 * close(). For tests that are not about the database; tests/contract/ keeps it equal to the real ones.
 */
export async function openMemoryServices(clock: Clock = systemClock, options: ServiceOptions = {}): Promise<Services> {
  // Loaded here, not with this module: `serve` never uses the memory store (20 modules less at start-up).
  const { memoryStores } = await import("../store/memory/memoryStores.ts");
  return assemble(memoryStores(), clock, options);
}

/** The stores the services are built on; `db` closes them all. */
interface ServiceStores<D extends ServicesDb> {
  db: D;
  dins: DinStore;
  measurements: MeasurementStore;
  sessions: SessionStore;
  outbox: OutboxStore;
  inbox: InboxStore;
  announcements: AnnouncementStore;
  reports: ReportStore;
  adapterState: AdapterStateStore;
}

async function assemble<D extends ServicesDb>(stores: ServiceStores<D>, clock: Clock, options: ServiceOptions): Promise<Services & { db: D }> {
  const { db, dins, measurements, sessions, outbox, inbox } = stores;
  const chats = new Map((options.chats ?? []).map((c) => [c.platform, c]));
  const log = options.log;
  const postedListeners: ((channel: string) => void)[] = [];
  const posted = (channel: string) => {
    for (const listener of postedListeners) listener(channel);
  };
  const config = options.duidbotConfig;
  const sessionDefaults: SessionDefaults = {
    lang: config?.defaults.lang ?? "nl",
    ...(config?.defaults.advanceAfterDays !== undefined ? { advanceAfterDays: config.defaults.advanceAfterDays } : {}),
    ...(config?.defaults.digestSendEmpty !== undefined ? { digestSendEmpty: config.defaults.digestSendEmpty } : {}),
  };
  const dispatcher = createDispatcher({
    outbox,
    chats,
    clock,
    posted,
    // Guest messages written under a looser DIN version than the one in force are rendered again.
    rerender: (row) => rerenderForGuests({ sessions, dins, measurements, clock, sessionDefaults }, row),
    ...(options.random ? { random: options.random } : {}),
    ...(log ? { log } : {}),
  });
  if (config) {
    const applied = await applyConfig({ sessions, clock, dins }, { config });
    if (applied.status === "invalid") {
      await inbox.close();
      await db.close();
      throw new ConfigError(applied.issues.map((i) => formatIssue(i, options.lang ?? "nl")).join("\n"));
    }
  }
  // Jobs log where the running loop logs (startBackground's `log`), else where the services do.
  let backgroundLog = log;
  const jobLog = (line: string) => backgroundLog?.(line);
  const scheduler = createScheduler({ clock, log: jobLog });
  const services: Services & { db: D } = {
    db,
    dins,
    measurements,
    clock,
    sessions,
    sessionDefaults,
    reports: stores.reports,
    adapterState: stores.adapterState,
    outbox,
    inbox,
    chats,
    dispatcher,
    posted,
    onPosted: (listener) => void postedListeners.push(listener),
    scheduler,
    startBackground: ({ intervalMs, log: logLine }) => {
      if (logLine) backgroundLog = logLine;
      return dispatcher.run({ intervalMs, tick: () => scheduler.tick() });
    },
    close: async () => {
      try {
        await services.inbox.close();
      } finally {
        await db.close();
      }
    },
  };
  scheduler.register({
    name: "auto-advance",
    run: async () => {
      const { moved } = await advanceDueSessions(services);
      for (const m of moved) jobLog(`sessie ${m.sessionId}: vanzelf naar ${m.question} / auto-advanced`);
    },
  });
  scheduler.register(digestJob(services, jobLog));
  scheduler.register(lateDataJob(services, jobLog));
  scheduler.register(actionReminderJob(services, jobLog));
  // Announce imports a crash left unannounced (each minute), prune old event keys (each hour).
  for (const job of importChoreJobs({ ...services, announcements: stores.announcements }, jobLog)) scheduler.register(job);
  return services;
}

/**
 * PGlite in a folder: the journal file beside it (src/store/journalInboxStore.ts says why: PGlite's
 * one connection would make every acknowledgement wait for the transaction in progress). PostgreSQL,
 * and an in-memory PGlite (tests: nothing outlives the process there anyway), use the table.
 */
async function openInbox(db: Database, target: DatabaseTarget, log: ((line: string) => void) | undefined): Promise<InboxStore> {
  if (target.kind !== "pglite" || target.dataDir === undefined) return new PrismaInboxStore(db.prisma, db.raw);
  return JournalInboxStore.open(path.join(target.dataDir, JOURNAL_FILE), log ? { log } : {});
}
