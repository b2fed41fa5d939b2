/**
 * `serve` listens before it is ready: a port already in use fails at once instead of after the database
 * is opened, and a supervisor or load balancer sees "starting" instead of a refused connection. Until
 * ready() every request gets 503 with Retry-After (GET /healthz: {"status":"starting"}); from then on the
 * app answers everything. Ready means: migrations applied, duidbot.yaml applied and, on a first start,
 * the example loaded (src/cli/serve.ts).
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";

export interface GatedServer {
  server: Server;
  /** The port it listens on (the one the OS picked for PORT=0). */
  port: number;
  /** From now on `app` answers every request. */
  ready(app: RequestListener): void;
  close(): Promise<void>;
}

function starting(req: IncomingMessage, res: ServerResponse): void {
  // Node does not read the body of a request nobody handles; drain it so the connection can be reused.
  req.resume();
  const path = (req.url ?? "/").split("?")[0];
  const body =
    path === "/healthz"
      ? { status: "starting" }
      : { error: "starting", message: "Duidbot start nog; probeer het zo opnieuw / Duidbot is starting; try again shortly" };
  res.writeHead(503, { "content-type": "application/json; charset=utf-8", "retry-after": "1", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

export function listenGated(host: string, port: number): Promise<GatedServer> {
  let app: RequestListener | undefined;
  const server = createServer((req, res) => (app ? app(req, res) : starting(req, res)));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve({
        server,
        port: typeof address === "object" && address ? address.port : port,
        ready: (real) => void (app = real),
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeIdleConnections(); // a health checker's keep-alive connection must not hold the close up
          }),
      });
    });
  });
}
