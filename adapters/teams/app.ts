/**
 * Builds the Teams adapter: the Teams SDK app on an express Router that the one HTTP server mounts
 * (the SDK registers POST /api/messages on it in `initialize()` and never opens a port), its routes,
 * and the ChatPort the outbox uses. The SDK validates every inbound JWT (issuer, audience = client
 * id, key from the OpenID metadata's JWKS, expiry, `serviceurl` claim = the activity's serviceUrl)
 * and answers 401 before any of our code runs. Replies in threads are stored in the durable inbox
 * before the 200 (inbox.ts) and replayed by start() and every minute while unprocessed; start() also
 * checks linked channels for guests, then every 15 minutes.
 * @see https://microsoft.github.io/teams-sdk/typescript/in-depth-guides/server/http-server
 */
import { App, ExpressAdapter } from "@microsoft/teams.apps";
import { PUBLIC, withOverrides } from "@microsoft/teams.api";
import express, { type Router } from "express";
import type { ChatAdapter } from "../../src/app/chatAdapter.ts";
import { GuestWatch, type GuestCheckResult } from "../../src/app/channels/guestWatch.ts";
import { Inbox, type ReplayResult } from "../../src/app/inbox/inbox.ts";
import type { InboxStore } from "../../src/app/inbox/ports.ts";
import type { AdapterStateStore } from "../../src/app/adapterState.ts";
import type { ChartRenderer } from "../../src/app/charts.ts";
import type { SessionDeps } from "../../src/app/sessions/index.ts";
import { WorkQueue } from "../../src/app/workQueue.ts";
import type { Lang } from "../../src/domain/format.ts";
import { ChartLinks } from "./charts.ts";
import type { TeamsConfig } from "./config.ts";
import { sdkConnector } from "./connector.ts";
import { ConversationBook } from "./conversations.ts";
import { TeamsDirectory } from "./directory.ts";
import { registerRoutes } from "./handlers/routes.ts";
import { processThreadActivity } from "./handlers/threadMessages.ts";
import { replayWith } from "./inbox.ts";
import { PLATFORM } from "./keys.ts";
import { sdkLogger } from "./logger.ts";
import { TeamsChat } from "./teamsChat.ts";

/**
 * The SDK's express adapter on a router the one server mounts: App.stop() asks the adapter to close
 * "its" server, which the stock adapter refuses (an error log) when it was handed a router. The
 * server is ours and closed by serve after every adapter stopped.
 */
class MountedExpressAdapter extends ExpressAdapter {
  override async stop(): Promise<void> {}
}

export const REPLAY_INTERVAL_MS = 60_000;
export const GUEST_CHECK_INTERVAL_MS = 15 * 60_000;
export const QUIET_MS = 20;

export interface TeamsAdapterOptions extends TeamsConfig {
  sessions: SessionDeps;
  inbox: InboxStore;
  /** The tenants' endpoints and the chart-URL key, kept across restarts. */
  state: AdapterStateStore;
  /** Draws the PNGs behind chart links (only used with publicUrl). */
  charts: Pick<ChartRenderer, "png">;
  lang: Lang;
  kick?: () => void;
  workConcurrency?: number;
  /** Tests: answer after the work (deterministic); production answers first. */
  processBeforeResponse?: boolean;
  quietMs?: number;
  /** Tests: keep the SDK's own warnings (a refused token, …) out of the output. */
  quiet?: boolean;
}

export interface TeamsAdapterStart {
  replay: ReplayResult;
  pruned: number;
  guests: GuestCheckResult;
}

export interface TeamsAdapter extends ChatAdapter {
  readonly name: "teams";
  router: Router;
  chat: TeamsChat;
  directory: TeamsDirectory;
  app: App;
  inbox: Inbox;
  queue: WorkQueue;
  guests: GuestWatch;
  /** Chart links (undefined without DUIDBOT_PUBLIC_URL: cards then carry no charts). */
  charts: ChartLinks | undefined;
  /** Resolves once the SDK registered its route (buildHttp does not wait; tests and serve may). */
  ready: Promise<void>;
  start(options?: { replayIntervalMs?: number; guestCheckIntervalMs?: number }): Promise<TeamsAdapterStart>;
  stop(): Promise<void>;
}

export function createTeamsAdapter(options: TeamsAdapterOptions): TeamsAdapter {
  const log = (message: string, error?: unknown) => console.warn(message, error instanceof Error ? error.message : (error ?? ""));
  const router = express.Router();
  const app = new App({
    clientId: options.clientId,
    ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}),
    ...(options.tenantId ? { tenantId: options.tenantId } : {}),
    // An emulator's static token; the SDK decodes it, so it must be JWT-shaped (config.ts checks).
    ...(options.devToken ? { token: () => options.devToken! } : {}),
    ...(options.openIdMetadataUrl ? { cloud: withOverrides(PUBLIC, { openIdMetadataUrl: options.openIdMetadataUrl }) } : {}),
    httpServerAdapter: new MountedExpressAdapter(router as unknown as express.Express),
    logger: sdkLogger(!(options.quiet ?? false)),
    serviceUrl: options.serviceUrl.replace(/\/$/, ""),
  });
  const SERVICE_URL = "serviceUrl:";
  const clock = options.sessions.clock;
  const book = new ConversationBook(options.serviceUrl, (tenantId, url) => {
    options.state.set(PLATFORM, `${SERVICE_URL}${tenantId}`, url, clock.now()).catch((error: unknown) => log("Teams: serviceUrl niet bewaard / not stored", error));
  });
  const charts = options.publicUrl ? new ChartLinks({ publicUrl: options.publicUrl, state: options.state, charts: options.charts, clock, log }) : undefined;
  if (charts) router.use(charts.router());
  const connector = sdkConnector(app.api);
  const directory = new TeamsDirectory(connector, book);
  const processBeforeResponse = options.processBeforeResponse ?? false;
  const queue = new WorkQueue({ concurrency: options.workConcurrency ?? 1, quietMs: options.quietMs ?? (processBeforeResponse ? 0 : QUIET_MS) });
  const deps = { sessions: options.sessions, directory, connector, book, queue, lang: options.lang, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}), kick: options.kick ?? (() => {}), log };
  const process = (activity: Parameters<typeof processThreadActivity>[0]) => processThreadActivity(activity, deps);
  const replay = replayWith(process);
  const inbox = new Inbox({ store: options.inbox, clock: options.sessions.clock, platform: PLATFORM, log, retry: (event) => replay(event) });
  const guests = new GuestWatch(deps);
  registerRoutes(app, { ...deps, inbox, guests, process, processBeforeResponse });
  const restore = async () => {
    const stored = await options.state.list(PLATFORM, SERVICE_URL);
    book.restore(new Map([...stored].map(([key, url]) => [key.slice(SERVICE_URL.length), url])));
  };
  const ready = Promise.all([app.initialize(), restore(), charts?.load()]).then(() => undefined);

  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, round: () => Promise<unknown>) => {
    const timer = setInterval(() => void round().catch((error: unknown) => log("Teams: achtergrondronde mislukt / background round failed", error)), ms);
    timer.unref();
    timers.push(timer);
  };
  const replayRound = async (olderThanMs: number) => {
    const result = await inbox.replay(replay, { olderThanMs });
    if (result.replayed > 0 || result.failed > 0) log(`Teams: ${result.replayed} activiteit(en) uit de inbox alsnog verwerkt, ${result.failed} mislukt / replayed, failed`);
    if (result.replayed > 0) deps.kick();
    return { replay: result, pruned: await inbox.prune() };
  };

  return {
    name: PLATFORM,
    router,
    chat: new TeamsChat({ connector, book, ...(charts ? { chartUrl: (chart) => charts.url(chart) } : {}) }),
    directory,
    rootPosted: () => inbox.wake(),
    app,
    inbox,
    queue,
    guests,
    charts,
    ready,
    async start(startOptions = {}) {
      await ready;
      const replayIntervalMs = startOptions.replayIntervalMs ?? REPLAY_INTERVAL_MS;
      const first = await replayRound(0).catch((error: unknown) => {
        log("Teams: inbox niet opnieuw verwerkt / inbox replay failed", error);
        return { replay: { replayed: 0, failed: 0, stopped: true }, pruned: 0 };
      });
      const checked = await guests.checkAll().catch((error: unknown): GuestCheckResult => {
        log("Teams: gastcontrole mislukt / guest check failed", error);
        return { checked: 0, switched: [], failed: [], rateLimited: false };
      });
      every(replayIntervalMs, () => replayRound(replayIntervalMs));
      every(startOptions.guestCheckIntervalMs ?? GUEST_CHECK_INTERVAL_MS, () => guests.checkAll());
      return { ...first, guests: checked };
    },
    async stop() {
      for (const timer of timers.splice(0)) clearInterval(timer);
      inbox.close();
      await queue.stop();
      await inbox.flush();
      // The SDK's plugins stop (its adapter has nothing to close: MountedExpressAdapter).
      await app.stop();
    },
  };
}
