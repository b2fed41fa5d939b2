/**
 * A Slack world for e2e tests: duidbot's real HTTP server (buildHttpApp with the Slack adapter and
 * Bolt's receiver) on 127.0.0.1, a fake Slack Web API that records every call, a real database,
 * a movable clock and a dispatcher the test runs by hand. Requests are v0-signed like Slack's.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { LogLevel } from "@slack/bolt";
import { createDispatcher, type Dispatcher } from "../../src/app/outbox/dispatch.ts";
import type { Config } from "../../src/main/config.ts";
import { enable, loadAdapters } from "../../src/app/chatAdapter.ts";
import { slackPlugin } from "../../adapters/slack/plugin.ts";
import type { SlackAdapter, SlackAdapterStart } from "../../adapters/slack/app.ts";
import { buildHttp, listen } from "../../src/main/server.ts";
import { cheapChartRenderer } from "./cheapCharts.ts";
import { openServices, type DbServices, type Services } from "../../src/main/services.ts";
import type { InboxStore } from "../../src/app/inbox/ports.ts";
import type { DatabaseTarget } from "../../src/store/database.ts";
import type { DuidbotConfig } from "../../src/domain/duidbotConfig.ts";
import { applyConfig, rerenderForGuests } from "../../src/app/sessions/index.ts";
import { fixedClock, type TestRuntime } from "./db.ts";
import { FAKE_TEAM, startFakeSlack, type FakeMessage, type FakeSlack } from "./fakeSlack.ts";
import { SlackDriver } from "./slackSigner.ts";

export const SIGNING_SECRET = "test-signing-secret";

export const SLACK_USERS = {
  facilitator: { id: "U0FAC", real_name: "Sanne Facilitator" },
  adopter: { id: "U0ADOPT", real_name: "Ahmed Vaststeller" },
  admin: { id: "U0ADMIN", real_name: "Kim Beheer" },
  colleague: { id: "U0COL", real_name: "Piet Collega" },
  guest: { id: "U0GUEST", real_name: "Joke Ervaringsdeskundige", is_restricted: true },
} as const;

export const SLACK_CHANNELS = { leerkring: "C0LEER", gast: "C0GAST" } as const;

export const slackKey = (channel: string) => `slack:${FAKE_TEAM}:${channel}`;

/** People and roles as duidbot.yaml would give them; channels are linked in the tests with /duiding koppel. */
export const SLACK_PEOPLE: DuidbotConfig = {
  defaults: { lang: "nl" },
  channels: [],
  people: [
    { key: `slack:${SLACK_USERS.facilitator.id}`, name: SLACK_USERS.facilitator.real_name, roles: ["facilitator"], perspective: "beleid" },
    { key: `slack:${SLACK_USERS.adopter.id}`, name: SLACK_USERS.adopter.real_name, roles: ["adopter"], perspective: "uitvoering" },
    { key: `slack:${SLACK_USERS.admin.id}`, name: SLACK_USERS.admin.real_name, roles: ["admin"] },
  ],
};

export interface SlackWorld<S extends Services = Services> {
  s: S & { dispose(): Promise<void> };
  fake: FakeSlack;
  /** The Slack adapter (inbox, work queue, guest checks); not started unless the world was asked to. */
  slack: SlackAdapter;
  /** What the adapter's start() did, when the world started it. */
  started?: SlackAdapterStart;
  driver: SlackDriver;
  clock: ReturnType<typeof fixedClock>;
  dispatcher: Dispatcher;
  /** Sends everything due now through the Slack ChatPort. */
  dispatch(): ReturnType<Dispatcher["dispatchOnce"]>;
  /** Messages the bot posted in a channel (top level: thread undefined → only roots). */
  posted(channel: string, options?: { thread?: string | null }): FakeMessage[];
  /** The first button with this action id in the channel's current messages: where it is and its value. */
  button(channel: string, actionId: string): { message: FakeMessage; value: string } | undefined;
  close(): Promise<void>;
}

export interface SlackWorldOptions {
  start: string;
  /** Render charts with vega (uploads real PNGs); otherwise a cheap renderer (tests/support/cheapCharts.ts). */
  realCharts?: boolean;
  processBeforeResponse?: boolean;
  /** A database that outlives the world (see sessionWorld.ts persistentTarget): closing it only closes. */
  target?: DatabaseTarget;
  /** Reuse a fake Slack (a restart against the same Slack); the world then leaves it open. */
  fake?: FakeSlack;
  /** duidbot.yaml channels, applied on open like `serve` does. */
  channels?: DuidbotConfig["channels"];
  /** Run the adapter's start() (inbox replay, guest check) before returning; an object sets its intervals. */
  startAdapter?: boolean | Parameters<SlackAdapter["start"]>[0];
  /** DUIDBOT_PUBLIC_URL as the Slack adapter reads it (guest links); default not set. */
  publicUrl?: string;
  /** Replaces the inbox store the adapter writes to (to make its writes fail). */
  wrapInbox?: (store: InboxStore) => InboxStore;
}

export async function startSlackWorld<S extends Services>(runtime: TestRuntime<S>, options: SlackWorldOptions): Promise<SlackWorld<S>> {
  const clock = fixedClock(options.start);
  const fake = options.fake ?? (await startFakeSlack());
  for (const user of Object.values(SLACK_USERS)) fake.users.set(user.id, { ...user });
  // A persistent target is a real database: its services are DbServices, which S (at most that) accepts.
  const s = (options.target ? await openPersistent(options.target, clock) : await runtime.open(clock)) as S & { dispose(): Promise<void> };
  await applyConfig(s, { config: { ...SLACK_PEOPLE, channels: options.channels ?? [] } });
  if (options.wrapInbox) s.inbox = options.wrapInbox(s.inbox);
  const config: Config = {
    dataDir: "unused",
    host: "127.0.0.1",
    port: 0,
    lang: "nl",
    loadExample: false,
    web: { mode: "off" },
    adapters: [enable(slackPlugin, { botToken: "xoxb-test", signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) })],
    adapterLines: [],
  };
  await loadAdapters(config.adapters);
  const { app, adapters } = buildHttp(config, s, {
    ...(options.realCharts ? {} : { charts: cheapChartRenderer() }),
    adapterTuning: { slack: { processBeforeResponse: options.processBeforeResponse ?? true, logLevel: process.env.SLACK_DEBUG ? LogLevel.DEBUG : LogLevel.ERROR } },
  });
  const slack = adapters.find((a): a is SlackAdapter => a.name === "slack");
  if (!slack) throw new Error("Slack adapter missing");
  const started = options.startAdapter ? await slack.start(options.startAdapter === true ? {} : options.startAdapter) : undefined;
  const server: Server = await listen(app, "127.0.0.1", 0);
  const { port } = server.address() as AddressInfo;
  // Fixed jitter so retry times are exact; the test moves the clock past them.
  const dispatcher = createDispatcher({ outbox: s.outbox, chats: s.chats, clock, random: () => 0.5, posted: s.posted, rerender: (row) => rerenderForGuests(s, row) });

  const posted = (channel: string, o: { thread?: string | null } = {}) =>
    fake.messages.filter((m) => m.channel === channel && (o.thread === undefined ? true : o.thread === null ? !m.thread_ts : m.thread_ts === o.thread));

  return {
    s,
    fake,
    slack,
    ...(started ? { started } : {}),
    driver: new SlackDriver({ baseUrl: `http://127.0.0.1:${port}`, signingSecret: SIGNING_SECRET }),
    clock,
    dispatcher,
    dispatch: () => dispatcher.dispatchOnce(),
    posted,
    button(channel, actionId) {
      for (const message of posted(channel)) {
        for (const block of message.blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[]) {
          const element = block.type === "actions" ? block.elements?.find((e) => e.action_id === actionId) : undefined;
          if (element?.value !== undefined) return { message, value: element.value };
        }
      }
      return undefined;
    },
    async close() {
      await slack.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.fake) await fake.close();
      await s.dispose();
    },
  };
}

async function openPersistent(target: DatabaseTarget, clock: ReturnType<typeof fixedClock>): Promise<DbServices & { dispose(): Promise<void> }> {
  const services = await openServices(target, clock);
  return { ...services, dispose: () => services.close() };
}
