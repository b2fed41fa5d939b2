/** Composition root: opens the database and wires the stores every use case needs. */
import type { Clock, DinStore, MeasurementStore } from "../app/ports.ts";
import { systemClock } from "../app/ports.ts";
import { openDatabase, type Database, type DatabaseTarget } from "../store/database.ts";
import { PrismaDinStore } from "../store/dinStore.ts";
import { PrismaMeasurementStore } from "../store/measurementStore.ts";
import type { Config } from "./config.ts";

export interface Services {
  db: Database;
  dins: DinStore;
  measurements: MeasurementStore;
  clock: Clock;
  close(): Promise<void>;
}

export function databaseTarget(config: Pick<Config, "databaseUrl" | "dataDir">): DatabaseTarget {
  return config.databaseUrl ? { kind: "postgres", url: config.databaseUrl } : { kind: "pglite", dataDir: config.dataDir };
}

/** Opens the database and applies pending migrations (always on start: a stale schema is never used). */
export async function openServices(target: DatabaseTarget, clock: Clock = systemClock): Promise<Services> {
  const db = await openDatabase(target);
  await db.migrate();
  return {
    db,
    dins: new PrismaDinStore(db.prisma),
    measurements: new PrismaMeasurementStore(db.prisma),
    clock,
    close: () => db.close(),
  };
}
