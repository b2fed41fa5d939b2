/**
 * The one HTTP server of `duidbot serve`: health check, the measurements API and (when
 * configured) the chat adapters, all on HOST:PORT.
 */
import type { Server } from "node:http";
import type { LogLevel } from "@slack/bolt";
import express, { type Express } from "express";
import { createSlackAdapter, type SlackAdapter } from "../../adapters/slack/app.ts";
import { measurementsRouter } from "../../adapters/web/api/measurementsRoute.ts";
import { vegaChartRenderer } from "../charts/index.ts";
import { importAndAnnounce } from "../app/measurements/importAndAnnounce.ts";
import type { Config } from "./config.ts";
import { notFound, onError } from "./httpFallbacks.ts";
import type { Services } from "./services.ts";

export interface HttpAppOptions {
  /** Wakes the outbox dispatcher after a chat event ran a use case (it also polls). */
  kick?: () => void;
  /** Slack: answer only after the listeners ran (tests); default false: ack first, work after. */
  slackProcessBeforeResponse?: boolean;
  slackLogLevel?: LogLevel;
  /** Slack: how long background work waits for a pause in requests (default: the adapter's, see src/app/workQueue.ts). */
  slackQuietMs?: number;
}

export interface HttpApp {
  app: Express;
  /** The Slack adapter when Slack is configured: start() it (inbox replay, guest checks), stop() it before closing the database. */
  slack?: SlackAdapter;
}

/** The express app only (callers that need no adapter lifecycle). */
export function buildHttpApp(config: Config, services: Services, options: HttpAppOptions = {}): Express {
  return buildHttp(config, services, options).app;
}

export function buildHttp(config: Config, services: Services, options: HttpAppOptions = {}): HttpApp {
  const app = express();
  app.disable("x-powered-by");
  let slack: SlackAdapter | undefined;
  if (config.slack) {
    // POST /slack/events; mounted before anything that could read the body (the signature covers the raw bytes).
    slack = createSlackAdapter({
      ...config.slack,
      sessions: services,
      inbox: services.inbox,
      lang: config.lang,
      charts: vegaChartRenderer,
      processBeforeResponse: options.slackProcessBeforeResponse ?? false,
      // Embedded PGlite has one connection: more than one transaction at a time only queues inside it.
      workConcurrency: services.db.kind === "pglite" ? 1 : 4,
      ...(options.kick ? { kick: options.kick } : {}),
      ...(options.slackLogLevel ? { logLevel: options.slackLogLevel } : {}),
      ...(options.slackQuietMs !== undefined ? { quietMs: options.slackQuietMs } : {}),
    });
    services.chats.set(slack.chat.platform, slack.chat);
    // A Slack root's ts was stored: replies that came in before it (deferred in the inbox) run again now.
    const { inbox, chat } = slack;
    services.onPosted((channel) => {
      if (channel.startsWith(`${chat.platform}:`)) inbox.wake();
    });
    app.use(slack.router);
  }
  app.get("/healthz", async (_req, res) => {
    try {
      await services.db.prisma.$queryRaw`SELECT 1`;
      res.json({ status: "ok", database: services.db.kind });
    } catch {
      res.status(503).json({ status: "error", database: services.db.kind });
    }
  });
  app.use(
    measurementsRouter({
      apiToken: config.apiToken,
      lang: config.lang,
      importMeasurements: async (source, { gemeente }) => {
        const result = await importAndAnnounce(services, { source, via: "api", ...(gemeente !== undefined ? { dinSlug: gemeente } : {}) });
        options.kick?.(); // change posts wait in the outbox: send them now rather than at the next poll
        return result;
      },
    }),
  );
  app.use(notFound);
  app.use(onError);
  return { app, ...(slack ? { slack } : {}) };
}

export function listen(app: Express, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
