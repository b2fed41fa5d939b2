/**
 * Transport and request verification: Bolt's ExpressReceiver, mounted as an express Router on the
 * one HTTP server at POST /slack/events (events, slash commands and interactivity all use it).
 * The receiver reads the raw body, checks the v0 signature and the 5-minute timestamp window
 * (401 otherwise, before any handler runs) and only then parses. So no body parser may run before
 * this router on /slack/events: the signature is over the exact bytes Slack sent. Bolt only refuses
 * timestamps too old; one more than 5 minutes ahead is refused here (401) before it reads the body.
 * A verified body that is no shape duidbot serves gets 400 at once (requestShape.ts), before Bolt
 * could crash on it (500) or wait 3 s for an ack no listener gives (404).
 * @see https://github.com/slackapi/bolt-js/blob/main/src/receivers/ExpressReceiver.ts
 * @see https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
import { ExpressReceiver, type App, type Logger, type ReceiverEvent } from "@slack/bolt";
import express, { type Request, type RequestHandler, type Response, type Router } from "express";
import { slackRequestKind } from "./requestShape.ts";

export const SLACK_EVENTS_PATH = "/slack/events";
/** Slack's window for X-Slack-Request-Timestamp, either way (Bolt checks only the past). */
export const TIMESTAMP_WINDOW_S = 5 * 60;

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
  readonly #logger: Logger;

  constructor(options: ConstructorParameters<typeof ExpressReceiver>[0] & { gate?: Gate; logger: Logger }) {
    const { gate, ...rest } = options;
    super(rest);
    this.#gate = gate;
    this.#logger = options.logger;
  }

  /** Runs after the signature check and body parse (Bolt's middleware), before Bolt sees the body. */
  override async requestHandler(req: Request, res: Response): Promise<void> {
    const kind = slackRequestKind(req.body);
    if (kind === "served") return super.requestHandler(req, res);
    if (kind === "rate-limited") this.#logger.warn("Slack houdt events tegen (app_rate_limited) / Slack is holding events back");
    else this.#logger.warn("Slack: ondertekend verzoek zonder bekende vorm genegeerd (400) / signed request of unknown shape refused");
    res.status(kind === "rate-limited" ? 200 : 400).send();
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
  // Registered before the receiver's own route on the same path, so it runs first.
  router.post(SLACK_EVENTS_PATH, refuseFutureTimestamps(options.logger));
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

/** 401 for a timestamp more than the window ahead of our clock, like Bolt's answer to an old one. */
function refuseFutureTimestamps(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const timestamp = Number(req.get("x-slack-request-timestamp"));
    if (Number.isFinite(timestamp) && timestamp > Date.now() / 1000 + TIMESTAMP_WINDOW_S) {
      logger.warn("Slack: tijdstempel ligt meer dan 5 minuten in de toekomst (401) / request timestamp too far in the future");
      res.status(401).send();
      return;
    }
    next();
  };
}
