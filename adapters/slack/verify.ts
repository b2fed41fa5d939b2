/**
 * Transport and request verification: Bolt's ExpressReceiver, mounted as an express Router on the
 * one HTTP server at POST /slack/events (events, slash commands and interactivity all use it).
 * The receiver reads the raw body, checks the v0 signature and the 5-minute timestamp window
 * (401 otherwise, before any handler runs) and only then parses. So no body parser may run before
 * this router on /slack/events: the signature is over the exact bytes Slack sent.
 * @see https://github.com/slackapi/bolt-js/blob/main/src/receivers/ExpressReceiver.ts
 * @see https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
import { ExpressReceiver, type Logger } from "@slack/bolt";
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
}

export function slackReceiver(options: SlackReceiverOptions): { receiver: ExpressReceiver; router: Router } {
  // The receiver registers its route on the router we give it; we mount that router on our app.
  const router = express.Router();
  const receiver = new ExpressReceiver({
    signingSecret: options.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    processBeforeResponse: options.processBeforeResponse,
    router,
    logger: options.logger,
  });
  return { receiver, router };
}
