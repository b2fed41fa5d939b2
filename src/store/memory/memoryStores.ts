/**
 * All memory stores on one fresh in-memory database (see memoryDb.ts), as src/main/services.ts wires
 * them: openMemoryServices. `db` stands where the real database's handle stands in Services.
 */
import type { MigrationResult } from "../migrate.ts";
import { MemoryAdapterStateStore } from "./memoryAdapterStateStore.ts";
import { MemoryAnnouncementStore } from "./memoryAnnouncementStore.ts";
import { MemoryDb } from "./memoryDb.ts";
import { MemoryDinStore } from "./memoryDinStore.ts";
import { MemoryInboxStore } from "./memoryInboxStore.ts";
import { MemoryMeasurementStore } from "./memoryMeasurementStore.ts";
import { MemoryOutboxStore } from "./memoryOutboxStore.ts";
import { MemoryReportStore } from "./memoryReportStore.ts";
import { MemorySessionStore } from "./memorySessionStore.ts";

export interface MemoryDatabase {
  kind: "memory";
  /** The tables, for tests that look at rows the ports do not return (an outbox row's next attempt). */
  memory: MemoryDb;
  /** Nothing to migrate: the tables are the schema's from the start. */
  migrate(): Promise<MigrationResult>;
  close(): Promise<void>;
}

export function memoryStores() {
  const memory = new MemoryDb();
  const db: MemoryDatabase = {
    kind: "memory",
    memory,
    migrate: async () => ({ applied: [], alreadyApplied: 0 }),
    close: async () => memory.close(),
  };
  return {
    db,
    dins: new MemoryDinStore(memory),
    measurements: new MemoryMeasurementStore(memory),
    sessions: new MemorySessionStore(memory),
    outbox: new MemoryOutboxStore(memory),
    inbox: new MemoryInboxStore(memory),
    announcements: new MemoryAnnouncementStore(memory),
    reports: new MemoryReportStore(memory),
    adapterState: new MemoryAdapterStateStore(memory),
  };
}
