/**
 * Load generator for bench/slackAck.ts, run in a worker thread so that signing and sending do not
 * compete with the server under test for its event loop. Sends signed Events API thread replies
 * over keep-alive HTTP with a fixed number in flight and reports each request's time to the 200.
 */
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import { sign } from "../tests/support/slackSigner.ts";

export interface ClientJob {
  baseUrl: string;
  signingSecret: string;
  teamId: string;
  slackChannel: string;
  threadTs: string;
  count: number;
  concurrency: number;
  /** First reply number (keeps event ids and message ts unique across runs). */
  offset: number;
}

function post(agent: http.Agent, url: URL, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function run(job: ClientJob): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const url = new URL("/slack/events", job.baseUrl);
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < job.count) {
      const i = job.offset + next++;
      const body = JSON.stringify({
        team_id: job.teamId,
        api_app_id: "A0DUIDBOT",
        type: "event_callback",
        event_id: `EvBENCH${i}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: job.teamId, user_id: "UBOT", is_bot: true }],
        event: {
          type: "message",
          channel: job.slackChannel,
          user: `U${String(i % 37).padStart(4, "0")}`,
          text: `Bijdrage ${i}: dit herken ik uit de wijk.`,
          ts: `1800000000.${String(i).padStart(6, "0")}`,
          ...(job.threadTs ? { thread_ts: job.threadTs } : {}),
          channel_type: "channel",
        },
      });
      const timestamp = Math.floor(Date.now() / 1000);
      const headers = {
        "content-type": "application/json",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": sign(job.signingSecret, timestamp, body),
      };
      const started = performance.now();
      const status = await post(agent, url, body, headers);
      times.push(performance.now() - started);
      if (status !== 200) throw new Error(`reply ${i}: HTTP ${status}`);
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  agent.destroy();
  return times;
}

if (parentPort) {
  run(workerData as ClientJob).then(
    (times) => parentPort?.postMessage({ times }),
    (error: unknown) => parentPort?.postMessage({ error: String(error) }),
  );
}
