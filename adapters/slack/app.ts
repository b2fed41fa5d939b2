/**
 * Builds the Slack adapter: a Bolt App on an ExpressReceiver router (mounted by src/main/server.ts
 * at POST /slack/events on the one HTTP server), its listeners, and the ChatPort the outbox uses.
 * Neither Bolt nor the WebClients retry by themselves: the outbox owns retries of channel messages,
 * and Slack itself retries events we fail to ack.
 * @see https://docs.slack.dev/tools/bolt-js/concepts/receiver
 */
import { App, LogLevel, webApi, type Authorize, type Logger } from "@slack/bolt";
import type { Router } from "express";
import type { SessionDeps } from "../../src/app/sessions/index.ts";
import type { Lang } from "../../src/domain/format.ts";
import { SlackDirectory } from "./directory.ts";
import { registerActions } from "./handlers/actions.ts";
import { registerCommands } from "./handlers/commands.ts";
import { registerEvents } from "./handlers/events.ts";
import { registerViews } from "./handlers/views.ts";
import { SlackChat, type ChartPng } from "./slackChat.ts";
import { slackReceiver } from "./verify.ts";
import { WorkQueue } from "./workQueue.ts";

export interface SlackAdapterOptions {
  botToken: string;
  signingSecret: string;
  /** Base URL of the Web API (SLACK_API_URL); default Slack's own. */
  apiUrl?: string;
  /** false in production (ack first, work after); tests may set true for determinism. */
  processBeforeResponse?: boolean;
  sessions: SessionDeps;
  lang: Lang;
  charts?: ChartPng;
  /** Wakes the outbox dispatcher after a listener ran a use case. */
  kick?: () => void;
  /** Use cases running at once (see workQueue.ts): 1 for embedded PGlite, a few for PostgreSQL. */
  workConcurrency?: number;
  logLevel?: LogLevel;
}

export interface SlackAdapter {
  /** Mount on the HTTP app before any body parser: it handles POST /slack/events. */
  router: Router;
  /** The ChatPort for the outbox dispatcher. */
  chat: SlackChat;
  app: App;
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
  const { receiver, router } = slackReceiver({
    signingSecret: options.signingSecret,
    processBeforeResponse: options.processBeforeResponse ?? false,
    logger,
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
    log("Slack: verwerking mislukt / listener failed", error);
    // Rethrow: with processBeforeResponse the request then answers 500 and Slack retries it.
    throw error;
  });

  const deps = {
    sessions: options.sessions,
    directory: new SlackDirectory(client),
    queue: new WorkQueue(options.workConcurrency ?? 1),
    lang: options.lang,
    kick: options.kick ?? (() => {}),
    log,
  };
  registerEvents(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);

  return { router, app, chat: new SlackChat({ client, ...(options.charts ? { charts: options.charts } : {}), log }) };
}

/**
 * Bolt's single-token mode runs auth.test once at construction and caches the promise, a failure
 * included: one network hiccup at start would reject every event until a restart. This caches only
 * a successful answer and asks again on the next event otherwise.
 */
function cachedAuthorize(botToken: string, client: webApi.WebClient): Authorize<boolean> {
  let identity: Promise<{ botUserId?: string; botId?: string }> | undefined;
  return async () => {
    identity ??= client.auth.test().then(
      (r) => ({ ...(r.user_id ? { botUserId: r.user_id } : {}), ...(r.bot_id ? { botId: r.bot_id } : {}) }),
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
