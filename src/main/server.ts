/**
 * The one HTTP server of `duidbot serve`: health check, the measurements API, the DIN report
 * (/rapport) and (when configured) the chat adapters, all on HOST:PORT.
 */
import type { Server } from "node:http";
import express, { type Express } from "express";
import { measurementsRouter } from "../../adapters/web/api/measurementsRoute.ts";
import { reportRouter } from "../../adapters/web/report/reportRoute.ts";
import { renderEdition } from "../app/report/renderEdition.ts";
import { htmlReportRenderer } from "../report/index.ts";
import { createWorkspace } from "../../adapters/web/workspace/router.ts";
import type { ChatAdapter } from "../app/chatAdapter.ts";
import type { ChartRenderer } from "../app/charts.ts";
import { vegaChartRenderer } from "../charts/index.ts";
import { importAndAnnounce } from "../app/measurements/importAndAnnounce.ts";
import type { Config } from "./config.ts";
import { notFound, onError } from "./httpFallbacks.ts";
import type { Services } from "./services.ts";

export interface HttpAppOptions {
  /** Wakes the outbox dispatcher after a chat event ran a use case (it also polls). */
  kick?: () => void;
  /** Where the web workspace writes what a page cannot show (e.g. why a sign-in failed). */
  log?: (line: string) => void;
  /** Per adapter name: settings only tests and benches pass (see AdapterContext.tuning). */
  adapterTuning?: Record<string, Record<string, unknown>>;
  /** The chart port (default vega). Tests that are not about charts pass a cheap one: rendering costs CPU (issue #14). */
  charts?: ChartRenderer;
}

export interface HttpApp {
  app: Express;
  /** The chat adapters switched on: start() them (replay, guest checks), stop() them before closing the database. */
  adapters: ChatAdapter[];
}

/** The express app only (callers that need no adapter lifecycle). */
export function buildHttpApp(config: Config, services: Services, options: HttpAppOptions = {}): Express {
  return buildHttp(config, services, options).app;
}

export function buildHttp(config: Config, services: Services, options: HttpAppOptions = {}): HttpApp {
  const app = express();
  app.disable("x-powered-by");
  const charts = options.charts ?? vegaChartRenderer;
  const adapters = config.adapters.map((enabled) => {
    const tuning = options.adapterTuning?.[enabled.name];
    const adapter = enabled.create({
      sessions: services,
      inbox: services.inbox,
      state: services.adapterState,
      charts,
      lang: config.lang,
      // Embedded PGlite has one connection: more than one transaction at a time only queues inside it.
      workConcurrency: services.db.kind === "pglite" ? 1 : 4,
      kick: options.kick ?? (() => {}),
      ...(tuning ? { tuning } : {}),
    });
    services.chats.set(adapter.chat.platform, adapter.chat);
    // A root's platform id was stored: events that came in before it (held back) run again now.
    services.onPosted((channel) => {
      if (channel.startsWith(`${adapter.chat.platform}:`)) adapter.rootPosted?.(channel);
    });
    // Mounted before anything that could read the body (platforms sign the raw bytes).
    app.use(adapter.router);
    return adapter;
  });
  app.get("/healthz", async (_req, res) => {
    try {
      // The memory store (tests) has no connection to lose.
      if (services.db.kind !== "memory") await services.db.prisma.$queryRaw`SELECT 1`;
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
  const workspace =
    config.web.mode === "off"
      ? undefined
      : createWorkspace({ ...services, charts }, { lang: config.lang, access: config.web, ...(options.kick ? { kick: options.kick } : {}), ...(options.log ? { log: options.log } : {}) });
  const reportDeps = { ...services, renderer: htmlReportRenderer(charts) };
  app.use(
    reportRouter({
      apiToken: config.apiToken,
      lang: config.lang,
      render: (request) => renderEdition(reportDeps, request),
      // The workspace's user (the local user on loopback, or signed in) is staff: the internal edition by default.
      isStaff: (req) => workspace?.userOf(req) !== undefined,
    }),
  );
  // The web workspace last: its pages are the site's root, and nothing above may be shadowed by it.
  if (workspace) {
    // The web is a face of the sessions too: its threads' messages go through the outbox like any platform's.
    services.chats.set(workspace.chat.platform, workspace.chat);
    app.use(workspace.router);
  }
  app.use(notFound);
  app.use(onError);
  return { app, adapters };
}

export function listen(app: Express, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
