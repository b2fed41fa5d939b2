/**
 * Runs the fake Slack Web API (tests/support/fakeSlack.ts) in a worker thread for bench/slackAck.ts:
 * real Slack costs our process nothing but the HTTP client, so its stand-in must not share our event loop.
 */
import { parentPort } from "node:worker_threads";
import { startFakeSlack } from "../tests/support/fakeSlack.ts";

const fake = await startFakeSlack();
parentPort?.postMessage({ apiUrl: fake.apiUrl });
parentPort?.on("message", (m: unknown) => {
  if (m === "close") void fake.close().then(() => process.exit(0));
});
