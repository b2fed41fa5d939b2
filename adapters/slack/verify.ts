/**
 * Transport and request verification: Bolt's ExpressReceiver, mounted as an express Router on the
 * one HTTP server at POST /slack/events (events, slash commands and interactivity all use it).
 * The receiver reads the raw body, checks the v0 signature and the 5-minute timestamp window
 * (401 otherwise, before any handler runs) and only then parses. So no body parser may run before
 * this router on /slack/events: the signature is over the exact bytes Slack sent.
 * @see https://github.com/slackapi/bolt-js/blob/main/src/receivers/ExpressReceiver.ts
 * @see https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
import { ExpressReceiver, type App, type Logger, type ReceiverEvent } from "@slack/bolt";
import express, { type Router } from "express";

export const SLACK_EVENTS_PATH = "/slack/events";

export interface SlackReceiverOptions {
  signingSecret: string;
  /**
   * false (production): the HTTP 200 goes out as soon as a listener acks (events: before any
   * listener runs), slow work follows. true: the response waits for the listeners (deterministic
   * tests; a listener error then answers 500 so Slack retries).
   */
  processBeforeResponse: boolean;
  logger: Logger;
  /** Runs around Bolt's processing of every verified request, BEFORE Bolt acknowledges it (see GatedReceiver). */
  gate?: Gate;
}

/** Wraps App.processEvent: do durable work first, then call `process` (which acks and runs the listeners). */
export type Gate = (event: ReceiverEvent, process: (event: ReceiverEvent) => Promise<void>) => Promise<void>;

/**
 * Bolt 5 acknowledges an Events API request inside App.processEvent, right after authorize() and
 * before any global middleware or listener runs (for every event type but function_executed); with
 * processBeforeResponse false the HTTP 200 leaves at that moment. So work that must happen before
 * the ack cannot live in a middleware or listener: it has to run before App.processEvent is called.
 * The ExpressReceiver calls `this.bolt.processEvent(event)` after verifying the signature, so this
 * receiver hands Bolt's init() an App whose processEvent goes through the gate first. A gate that
 * throws means no ack: the receiver answers 500 and Slack delivers the event again.
 * Commands, actions and views pass the gate untouched (it decides per request), so their acks stay
 * where their listeners put them.
 * @see https://github.com/slackapi/bolt-js/blob/main/src/App.ts (processEvent: "Events API requests are acknowledged right away")
 */
class GatedReceiver extends ExpressReceiver {
  readonly #gate: Gate | undefined;

  constructor(options: ConstructorParameters<typeof ExpressReceiver>[0] & { gate?: Gate }) {
    const { gate, ...rest } = options;
    super(rest);
    this.#gate = gate;
  }

  override init(bolt: App): void {
    const gate = this.#gate;
    if (!gate) {
      super.init(bolt);
      return;
    }
    const process = (event: ReceiverEvent) => bolt.processEvent(event);
    const processEvent = (event: ReceiverEvent) => gate(event, process);
    super.init(new Proxy(bolt, { get: (target, property) => (property === "processEvent" ? processEvent : Reflect.get(target, property)) }));
  }
}

export function slackReceiver(options: SlackReceiverOptions): { receiver: ExpressReceiver; router: Router } {
  // The receiver registers its route on the router we give it; we mount that router on our app.
  const router = express.Router();
  const receiver = new GatedReceiver({
    signingSecret: options.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    processBeforeResponse: options.processBeforeResponse,
    router,
    logger: options.logger,
    ...(options.gate ? { gate: options.gate } : {}),
  });
  return { receiver, router };
}
