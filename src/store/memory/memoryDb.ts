/**
 * The in-memory database behind the memory stores (src/store/memory): the same tables as
 * prisma/schema.prisma, as arrays of rows, for tests that are not about the database (most session and
 * adapter tests). tests/contract/ runs one suite on this and on PGlite and PostgreSQL, so both keep
 * the same semantics. What it copies from the real databases, and how:
 * - one statement or transaction at a time (like PGlite's one connection): a promise-chain mutex;
 * - a failed write leaves nothing behind: the tables are cloned before it and put back on error;
 * - id sequences are not rolled back, and an insert skipped as a duplicate still draws its id
 *   (PostgreSQL's nextval runs before ON CONFLICT), so ids match the real databases';
 * - Json columns hold a JSON round trip of what was written (no undefined, no Dates, no aliasing),
 *   and every value read is a copy: a caller can never change a stored row by mutating a result.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type {
  AdapterStateRow,
  ChannelRow,
  ContributionRevisionRow,
  ContributionRow,
  ConclusionRevisionRow,
  ConclusionRow,
  ActionRow,
  ActionReminderRow,
  ActionStatusChangeRow,
  ChangePostRow,
  DinRow,
  DinVersionRow,
  ImportRow,
  InboundRow,
  IndicatorRow,
  MeasurementRow,
  OutboxMessageRow,
  PersonRow,
  ReportEditionRow,
  SessionIndicatorRow,
  SessionRow,
  ThreadRow,
  GuestLinkRow,
  DigestRunRow,
} from "./memoryRows.ts";

export interface Tables {
  dins: DinRow[];
  dinVersions: DinVersionRow[];
  indicators: IndicatorRow[];
  imports: ImportRow[];
  measurements: MeasurementRow[];
  channels: ChannelRow[];
  persons: PersonRow[];
  /** ProcessedEvent: key → processedAt. */
  processedEvents: Map<string, Date>;
  /** AdapterState: "<platform>\u0000<key>" → row. */
  adapterState: Map<string, AdapterStateRow>;
  sessions: SessionRow[];
  sessionIndicators: SessionIndicatorRow[];
  threads: ThreadRow[];
  contributions: ContributionRow[];
  contributionRevisions: ContributionRevisionRow[];
  conclusions: ConclusionRow[];
  conclusionRevisions: ConclusionRevisionRow[];
  actions: ActionRow[];
  actionStatusChanges: ActionStatusChangeRow[];
  actionReminders: ActionReminderRow[];
  changePosts: ChangePostRow[];
  outbox: OutboxMessageRow[];
  inbound: InboundRow[];
  reportEditions: ReportEditionRow[];
  guestLinks: GuestLinkRow[];
  digestRuns: DigestRunRow[];
}

/** The tables with a serial id (one sequence each, as in PostgreSQL). */
export type SerialTable = Exclude<keyof Tables, "processedEvents" | "adapterState">;

function emptyTables(): Tables {
  return {
    dins: [],
    dinVersions: [],
    indicators: [],
    imports: [],
    measurements: [],
    channels: [],
    persons: [],
    processedEvents: new Map(),
    adapterState: new Map(),
    sessions: [],
    sessionIndicators: [],
    threads: [],
    contributions: [],
    contributionRevisions: [],
    conclusions: [],
    conclusionRevisions: [],
    actions: [],
    actionStatusChanges: [],
    actionReminders: [],
    changePosts: [],
    outbox: [],
    inbound: [],
    reportEditions: [],
    guestLinks: [],
    digestRuns: [],
  };
}

/**
 * The tables as they are, for a write to roll back to: every table and row copied, not what rows hold.
 * Enough because the stores only assign a row's fields (a nested value, a Json column's, is replaced
 * whole, never changed in place) and replace or append to tables; a deep copy (structuredClone) of
 * every table before every write was most of the memory store's cost in the tests (issue #14).
 */
function snapshot(t: Tables): Tables {
  const copy: Record<string, unknown> = {};
  for (const [name, table] of Object.entries(t)) copy[name] = table instanceof Map ? new Map(table) : (table as object[]).map((row) => ({ ...row }));
  return copy as unknown as Tables;
}

/** A value as a Json column gives it back: plain data, a copy. */
export function json<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** What a failed statement reports: the table and what was wrong, like the database's own errors. */
export class MemoryConstraintError extends Error {
  constructor(table: string, message: string) {
    super(`memory store, ${table}: ${message}`);
    this.name = "MemoryConstraintError";
  }
}

/** Marks the async context of a running statement, to catch a store called from inside another's transaction. */
const inside = new AsyncLocalStorage<MemoryDb>();

export class MemoryDb {
  /** Replaced as a whole when a write fails (see write()): always read it through `db.t`. */
  t: Tables = emptyTables();
  private readonly sequences = new Map<SerialTable, number>();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  /** The next id of a table's sequence; never given back, not even by a rollback. */
  nextId(table: SerialTable): number {
    const id = (this.sequences.get(table) ?? 0) + 1;
    this.sequences.set(table, id);
    return id;
  }

  /** A read: waits its turn, changes nothing; the result is a copy. */
  read<T>(fn: (t: Tables) => T | Promise<T>): Promise<T> {
    return this.turn(async () => structuredClone(await fn(this.t)));
  }

  /**
   * A write or a transaction: waits its turn; when `fn` throws, the tables are as they were before
   * (the sequences excepted). The result is a copy.
   */
  write<T>(fn: (t: Tables) => T | Promise<T>): Promise<T> {
    return this.turn(async () => {
      const before = snapshot(this.t);
      try {
        return structuredClone(await fn(this.t));
      } catch (error) {
        this.t = before;
        throw error;
      }
    });
  }

  /** Ends every later call with an error, as a closed database would. */
  close(): void {
    this.closed = true;
  }

  private turn<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error("memory store is closed"));
    if (inside.getStore() === this) {
      // On PGlite (one connection) this call would wait for the transaction around it forever.
      return Promise.reject(new Error("memory store: a store was called inside another store's transaction; use only `tx` there"));
    }
    const run = this.queue.then(() => inside.run(this, fn));
    this.queue = run.catch(() => {});
    return run;
  }
}

/** Wraps a transaction object so that every value it returns is a copy (rows stay the store's own). */
export function copying<T extends object>(tx: T): T {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(tx)) {
    out[name] = typeof fn === "function" ? async (...args: unknown[]) => structuredClone(await (fn as (...a: unknown[]) => unknown)(...args)) : fn;
  }
  return out as T;
}

/** The one row `where` finds, or the error Prisma's update/findUniqueOrThrow gives (no such row). */
export function must<T>(row: T | undefined, table: string, what: string): T {
  if (row === undefined) throw new MemoryConstraintError(table, `no row ${what} / geen rij ${what}`);
  return row;
}
