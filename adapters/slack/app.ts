/**
 * Builds the Slack adapter: a Bolt App on an ExpressReceiver router (mounted by src/main/server.ts
 * at POST /slack/events on the one HTTP server), its listeners, and the ChatPort the outbox uses.
 * Neither Bolt nor the WebClients retry by themselves: the outbox owns retries of channel messages,
 * and Slack itself retries events we fail to ack. Thread replies, edits and deletions are stored in
 * the durable inbox before the ack (inbox.ts) and replayed by start() and every minute while
 * unprocessed; start() also checks linked channels for guests, then every 15 minutes (guests.ts).
 * @see https://docs.slack.dev/tools/bolt-js/concepts/receiver
 */
import { App, LogLevel, webApi, type Authorize, type Logger } from "@slack/bolt";
import type { Router } from "express";
import type { ChatAdapter } from "../../src/app/chatAdapter.ts";
import { isDeferred } from "../../src/app/inbox/deferral.ts";
import { Inbox, type ReplayResult } from "../../src/app/inbox/inbox.ts";
import type { InboxStore } from "../../src/app/inbox/ports.ts";
import type { SessionDeps } from "../../src/app/sessions/index.ts";
import type { Lang } from "../../src/domain/format.ts";
import { SlackDirectory } from "./directory.ts";
import { GuestWatch, type GuestCheckResult } from "../../src/app/channels/guestWatch.ts";
import { registerGuestEvents } from "./guests.ts";
import { registerActions } from "./handlers/actions.ts";
import { registerCommands } from "./handlers/commands.ts";
import { registerEvents } from "./handlers/events.ts";
import { registerViews } from "./handlers/views.ts";
import { inboxGate, replayThrough } from "./inbox.ts";
import { PLATFORM } from "./keys.ts";
import { SlackChat, type ChartPng } from "./slackChat.ts";
import { slackReceiver } from "./verify.ts";
import { WorkQueue, WorkQueueStopped } from "../../src/app/workQueue.ts";

/** Unprocessed inbox rows are replayed this often (and old rows pruned); a row must be this old to be replayed. */
export const REPLAY_INTERVAL_MS = 60_000;
/** Background work starts once Slack requests have paused this long (see workQueue.ts). */
export const QUIET_MS = 20;
/** Linked channels are checked for guests this often (and at start). */
export const GUEST_CHECK_INTERVAL_MS = 15 * 60_000;

export interface SlackAdapterOptions {
  botToken: string;
  signingSecret: string;
  /** Base URL of the Web API (SLACK_API_URL); default Slack's own. */
  apiUrl?: string;
  /** DUIDBOT_PUBLIC_URL: the base of guest links shown by "Gastlink maken". */
  publicUrl?: string;
  /** false in production (ack first, work after); tests may set true for determinism. */
  processBeforeResponse?: boolean;
  sessions: SessionDeps;
  /** The durable inbox table (Services.inbox). */
  inbox: InboxStore;
  lang: Lang;
  charts?: ChartPng;
  /** Wakes the outbox dispatcher after a listener ran a use case. */
  kick?: () => void;
  /** Use cases running at once (see workQueue.ts): 1 for embedded PGlite, a few for PostgreSQL. */
  workConcurrency?: number;
  /**
   * Background work waits until no Slack request arrived for this long (workQueue.ts: acks first).
   * Default 20 ms with processBeforeResponse false; 0 with true (the response waits for the work).
   */
  quietMs?: number;
  logLevel?: LogLevel;
}

export interface SlackAdapterStart {
  replay: ReplayResult;
  pruned: number;
  guests: GuestCheckResult;
}

export interface SlackAdapter extends ChatAdapter {
  readonly name: "slack";
  /** Mount on the HTTP app before any body parser: it handles POST /slack/events. */
  router: Router;
  directory: SlackDirectory;
  /** The ChatPort for the outbox dispatcher. */
  chat: SlackChat;
  app: App;
  inbox: Inbox;
  queue: WorkQueue;
  guests: GuestWatch;
  /**
   * Replays the inbox rows left unprocessed (a crash or stop after the ack), prunes rows older than
   * 7 days and checks the linked channels for guests; then repeats: replay + prune every
   * `replayIntervalMs` (rows at least that old), the guest check every `guestCheckIntervalMs`.
   * Resolves with what the first round did (each part's failure is logged, not thrown).
   */
  start(options?: { replayIntervalMs?: number; guestCheckIntervalMs?: number }): Promise<SlackAdapterStart>;
  /** Stops the rounds and the work queue (waiting work is dropped: the inbox replays it on the next start). */
  stop(): Promise<void>;
}

/** No retries inside the client: 429 and 5xx surface at once (see slackChat.ts and errors.ts). */
function clientOptions(apiUrl: string | undefined, logger: Logger): webApi.WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/` } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger,
  };
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const logLevel = options.logLevel ?? LogLevel.WARN;
  const logger = consoleLogger(logLevel);
  const log = (message: string, error?: unknown) => logger.warn(message, error instanceof Error ? error.message : (error ?? ""));
  // Deferred events run again through the app built below (the retry only runs after a wake()).
  const inbox = new Inbox({ store: options.inbox, clock: options.sessions.clock, platform: PLATFORM, log, retry: (event) => replay(event) });
  const processBeforeResponse = options.processBeforeResponse ?? false;
  const queue = new WorkQueue({ concurrency: options.workConcurrency ?? 1, quietMs: options.quietMs ?? (processBeforeResponse ? 0 : QUIET_MS) });
  const stored = inboxGate(inbox, log);
  const { receiver, router } = slackReceiver({
    signingSecret: options.signingSecret,
    processBeforeResponse,
    logger,
    // Every verified request holds background work off for a moment (acks first, see workQueue.ts).
    gate: (event, process) => {
      queue.arrived();
      return stored(event, process);
    },
  });
  const client = new webApi.WebClient(options.botToken, clientOptions(options.apiUrl, logger));
  const app = new App({
    receiver,
    authorize: cachedAuthorize(options.botToken, client),
    clientOptions: clientOptions(options.apiUrl, logger),
    logger,
    // Bolt resets its logger to INFO unless told the level.
    logLevel,
  });
  app.error(async (error) => {
    // Work dropped by stop(): its event stays in the inbox and is replayed on the next start.
    // A deferred event is no failure (the inbox keeps it and runs it again).
    if (!(error instanceof WorkQueueStopped || error.original instanceof WorkQueueStopped || isDeferred(error))) log("Slack: verwerking mislukt / listener failed", error);
    // Rethrow: with processBeforeResponse the request then answers 500 and Slack retries it.
    throw error;
  });

  const deps = {
    sessions: options.sessions,
    directory: new SlackDirectory(client),
    queue,
    lang: options.lang,
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    kick: options.kick ?? (() => {}),
    log,
  };
  registerEvents(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  const guests = new GuestWatch(deps);
  registerGuestEvents(app, guests, log);

  const replay = replayThrough(app);
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, round: () => Promise<unknown>) => {
    const timer = setInterval(() => void round().catch((error: unknown) => log("Slack: achtergrondronde mislukt / background round failed", error)), ms);
    timer.unref();
    timers.push(timer);
  };
  const replayRound = async (olderThanMs: number): Promise<{ replay: ReplayResult; pruned: number }> => {
    const result = await inbox.replay(replay, { olderThanMs });
    if (result.replayed > 0 || result.failed > 0) {
      log(`Slack: ${result.replayed} bericht(en) uit de inbox alsnog verwerkt, ${result.failed} mislukt / replayed from the inbox, failed`);
    }
    if (result.replayed > 0) deps.kick();
    return { replay: result, pruned: await inbox.prune() };
  };
  const noGuestCheck: GuestCheckResult = { checked: 0, switched: [], failed: [], rateLimited: false };

  return {
    name: PLATFORM,
    router,
    directory: deps.directory,
    rootPosted: () => inbox.wake(),
    app,
    inbox,
    queue: deps.queue,
    guests,
    chat: new SlackChat({ client, ...(options.charts ? { charts: options.charts } : {}), log }),
    async start(startOptions = {}) {
      const replayIntervalMs = startOptions.replayIntervalMs ?? REPLAY_INTERVAL_MS;
      const first = await replayRound(0).catch((error: unknown) => {
        log("Slack: inbox niet opnieuw verwerkt / inbox replay failed", error);
        return { replay: { replayed: 0, failed: 0, stopped: true }, pruned: 0 };
      });
      const checked = await guests.checkAll().catch((error: unknown) => {
        log("Slack: gastcontrole mislukt / guest check failed", error);
        return noGuestCheck;
      });
      every(replayIntervalMs, () => replayRound(replayIntervalMs));
      every(startOptions.guestCheckIntervalMs ?? GUEST_CHECK_INTERVAL_MS, () => guests.checkAll());
      return { ...first, guests: checked };
    },
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      inbox.close();
      await deps.queue.stop();
      await inbox.flush();
    },
  };
}

/**
 * Bolt's single-token mode runs auth.test once at construction and caches the promise, a failure
 * included: one network hiccup at start would reject every event until a restart. This caches only
 * a successful answer and asks again on the next event otherwise.
 */
function cachedAuthorize(botToken: string, client: webApi.WebClient): Authorize<boolean> {
  let identity: Promise<{ botUserId?: string; botId?: string; teamId?: string }> | undefined;
  return async () => {
    identity ??= client.auth.test().then(
      // team_id: our workspace. Bolt puts it in context.teamId, which the handlers key channels with
      // (the payload's own team is the other organisation's in a Slack Connect channel; see parse.ts).
      (r) => ({ ...(r.user_id ? { botUserId: r.user_id } : {}), ...(r.bot_id ? { botId: r.bot_id } : {}), ...(r.team_id ? { teamId: r.team_id } : {}) }),
      (error: unknown) => {
        identity = undefined;
        throw error;
      },
    );
    return { botToken, ...(await identity) };
  };
}

function consoleLogger(initial: LogLevel): Logger {
  const order = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];
  let level = initial;
  let name = "slack";
  const at = (l: LogLevel) => order.indexOf(l) >= order.indexOf(level);
  return {
    debug: (...msg) => void (at(LogLevel.DEBUG) && console.debug(`[${name}]`, ...msg)),
    info: (...msg) => void (at(LogLevel.INFO) && console.info(`[${name}]`, ...msg)),
    warn: (...msg) => void (at(LogLevel.WARN) && console.warn(`[${name}]`, ...msg)),
    error: (...msg) => void (at(LogLevel.ERROR) && console.error(`[${name}]`, ...msg)),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: (n) => void (name = n),
  };
}
