/**
 * The seam every chat platform plugs into. An adapter (adapters/<platform>/plugin.ts) reads its own
 * environment variables, and when switched on builds a ChatAdapter: an HTTP handler for the one
 * server, the ChatPort the outbox sends through, the ChatDirectory guest checks ask, and a start/stop
 * for its background rounds. src/main loops over the list in src/main/chatAdapters.ts and names no
 * platform; adding one is one line there plus the adapter's folder.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Lang } from "../domain/format.ts";
import type { AdapterStateStore } from "./adapterState.ts";
import type { ChatDirectory } from "./channels/directory.ts";
import type { ChartRenderer } from "./charts.ts";
import type { ChatPort } from "./chat.ts";
import type { InboxStore } from "./inbox/ports.ts";
import type { SessionDeps } from "./sessions/index.ts";

/**
 * A connect-style handler (an express Router is one): the adapter's routes on the one HTTP server.
 * Declared as a method so that a handler typed for express's richer request still fits.
 */
export type HttpHandler = { handle(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void }["handle"];

export interface ChatAdapter {
  /** "slack": the prefix of its channel and user keys. */
  readonly name: string;
  /** Mounted before anything that reads a body (platforms sign the raw bytes). */
  readonly router: HttpHandler;
  readonly chat: ChatPort;
  readonly directory: ChatDirectory;
  /**
   * Resolves once `chat` can send (Teams: the SDK initialised and the tenants' endpoints restored).
   * `duidbot digest --now` awaits it before its one send; serve's start() awaits it itself.
   */
  readonly ready?: Promise<void>;
  /** A thread root in one of its channels got its platform id: events held back for it may run now. */
  rootPosted?(channel: string): void;
  /** Starts its background rounds (replay, guest checks); resolves with what the first round did. */
  start(): Promise<unknown>;
  /** Stops them; called before the database closes. */
  stop(): Promise<void>;
}

/** What the composition root gives every adapter it creates. */
export interface AdapterContext {
  sessions: SessionDeps;
  /** The durable inbox (journal beside PGlite, table on PostgreSQL). */
  inbox: InboxStore;
  /** What the adapter remembers across restarts besides channel settings (src/app/adapterState.ts). */
  state: AdapterStateStore;
  charts: ChartRenderer;
  lang: Lang;
  /** Use cases at once: 1 for embedded PGlite (one connection), a few for PostgreSQL. */
  workConcurrency: number;
  /** Wakes the outbox dispatcher after a use case may have enqueued messages. */
  kick(): void;
  /** Settings only tests or benches pass (e.g. answering after the work, for determinism); the adapter validates them. */
  tuning?: Record<string, unknown>;
}

/** The environment variables of one adapter, read: off, on (with its settings), or wrong. */
export type AdapterSetting<C> = { status: "off" } | { status: "on"; config: C } | { status: "invalid"; issues: string[] };

export interface ChatAdapterPlugin<C> {
  name: string;
  /** How people call the platform ("Slack"). */
  label: string;
  readEnv(env: NodeJS.ProcessEnv): AdapterSetting<C>;
  /** The start-up log line when on ("Slack: aan, events op POST /slack/events …"). */
  describeOn(config: C): string;
  /** The start-up log line when off: what to set to switch it on. */
  describeOff: string;
  /**
   * Loads the platform's SDK (Bolt, the Teams SDK: a second or more each). Separate from create() so that
   * a process with the platform off — every CLI command, `serve` without it — never pays for it.
   */
  load?(): Promise<void>;
  /** After load(). */
  create(config: C, context: AdapterContext): ChatAdapter;
}

/** An adapter that is switched on, its settings bound in (so lists of different adapters type-check). */
export interface EnabledAdapter {
  name: string;
  describe: string;
  /** Loads the platform's SDK; await it before create() (see loadAdapters). */
  load(): Promise<void>;
  create(context: AdapterContext): ChatAdapter;
}

export function enable<C>(plugin: ChatAdapterPlugin<C>, config: C): EnabledAdapter {
  return {
    name: plugin.name,
    describe: plugin.describeOn(config),
    load: async () => plugin.load?.(),
    create: (context) => plugin.create(config, context),
  };
}

/** Loads the SDKs of the adapters switched on (before buildHttp). */
export async function loadAdapters(adapters: readonly EnabledAdapter[]): Promise<void> {
  await Promise.all(adapters.map((a) => a.load()));
}

/** A plug-in with its settings type bound in, so one list can hold plug-ins of different settings. */
export interface ListedAdapter {
  name: string;
  label: string;
  describeOff: string;
  read(env: NodeJS.ProcessEnv): { status: "off" } | { status: "on"; adapter: EnabledAdapter } | { status: "invalid"; issues: string[] };
}

export function listed<C>(plugin: ChatAdapterPlugin<C>): ListedAdapter {
  return {
    name: plugin.name,
    label: plugin.label,
    describeOff: plugin.describeOff,
    read(env) {
      const setting = plugin.readEnv(env);
      return setting.status === "on" ? { status: "on", adapter: enable(plugin, setting.config) } : setting;
    },
  };
}
