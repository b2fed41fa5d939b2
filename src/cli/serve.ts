/**
 * `duidbot serve` (= npm start): migrate, apply duidbot.yaml, seed the example when empty, start the
 * one HTTP server and the background loop (outbox dispatch, auto-advance of sessions, announcing
 * imports a crash left unannounced — its first pass runs at start — and pruning of processed-event keys).
 */
import { systemClock } from "../app/ports.ts";
import type { Config } from "../main/config.ts";
import { duidbotConfigPath, loadDuidbotConfig } from "../main/duidbotConfigFile.ts";
import { loadExampleIfEmpty } from "../main/example.ts";
import { buildHttp, listen } from "../main/server.ts";
import { BACKGROUND_INTERVAL_MS, databaseTarget, openServices } from "../main/services.ts";


export async function runServe(config: Config): Promise<void> {
  const configFile = duidbotConfigPath();
  const { config: duidbotConfig, found } = await loadDuidbotConfig(configFile, config.lang);
  const services = await openServices(databaseTarget(config), systemClock, { duidbotConfig, lang: config.lang, log: (line) => console.log(line) });
  const where = services.db.kind === "pglite" ? `PGlite in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)";
  console.log(`Database: ${where}; migraties toegepast / migrations applied.`);
  console.log(
    found
      ? `Kanalen en rollen uit ${configFile}: ${duidbotConfig.channels.length} kanaal/kanalen, ${duidbotConfig.people.length} perso(o)n(en).`
      : `Geen ${configFile}: nog geen kanalen gekoppeld (koppel ze in de chat met het commando koppel, of zie examples/duidbot.yaml).`,
  );
  // The HTTP app needs a kick before the loop exists; the loop needs the chat ports the app registers.
  let kick = () => {};
  const { app, adapters } = buildHttp(config, services, { kick: () => kick(), log: (line) => console.log(line) });
  const background = services.startBackground({ intervalMs: BACKGROUND_INTERVAL_MS, log: (line) => console.log(line) });
  kick = background.kick;
  // Each adapter replays events acked but not processed before a stop or crash, then checks channels for
  // guests (both repeat in the background). Not awaited: a slow platform must not hold up the start.
  for (const adapter of adapters) void adapter.start();
  if (config.loadExample && (await loadExampleIfEmpty(services)) === "loaded") {
    console.log("Lege database: voorbeeld-DIN Hilversum en cijfers geladen / empty database: example DIN loaded.");
    kick();
  }
  const server = await listen(app, config.host, config.port);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  console.log(`Duidbot luistert op / listening on http://${config.host}:${port} (GET /healthz)`);
  console.log(
    config.apiToken
      ? "API: POST /api/measurements staat aan (Bearer DUIDBOT_API_TOKEN)."
      : "API: POST /api/measurements staat uit; zet DUIDBOT_API_TOKEN om hem aan te zetten.",
  );
  for (const line of config.adapterLines) console.log(line);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    for (const adapter of adapters) await adapter.stop();
    await background.stop();
    await services.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}
