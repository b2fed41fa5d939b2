/** `duidbot serve` (= npm start): migrate, seed the example when empty, start the one HTTP server. */
import type { Config } from "../main/config.ts";
import { loadExampleIfEmpty } from "../main/example.ts";
import { buildHttpApp, listen } from "../main/server.ts";
import { databaseTarget, openServices } from "../main/services.ts";

export async function runServe(config: Config): Promise<void> {
  const services = await openServices(databaseTarget(config));
  const where = services.db.kind === "pglite" ? `PGlite in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)";
  console.log(`Database: ${where}; migraties toegepast / migrations applied.`);
  if (config.loadExample && (await loadExampleIfEmpty(services)) === "loaded") {
    console.log("Lege database: voorbeeld-DIN Hilversum en cijfers geladen / empty database: example DIN loaded.");
  }
  const app = buildHttpApp(config, services);
  const server = await listen(app, config.host, config.port);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  console.log(`Duidbot luistert op / listening on http://${config.host}:${port} (GET /healthz)`);
  console.log(
    config.apiToken
      ? "API: POST /api/measurements staat aan (Bearer DUIDBOT_API_TOKEN)."
      : "API: POST /api/measurements staat uit; zet DUIDBOT_API_TOKEN om hem aan te zetten.",
  );
  console.log(
    config.slack
      ? `Slack: aan, events op POST /slack/events${config.slack.apiUrl ? ` (Web API: ${config.slack.apiUrl})` : ""}.`
      : "Slack: uit; zet SLACK_BOT_TOKEN en SLACK_SIGNING_SECRET om Slack aan te zetten.",
  );
  console.log("Microsoft Teams: nog niet beschikbaar in deze versie / not available yet.");

  const stop = async () => {
    server.close();
    await services.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}
