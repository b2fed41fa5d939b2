/**
 * `duidbot serve` (= npm start): listen (503 "starting" until ready), migrate, apply duidbot.yaml, seed
 * the example when empty, then answer on the one HTTP server. The background loop (outbox dispatch and
 * the scheduler's jobs: auto-advance of sessions, weekly digests, late-data checks, announcing imports a
 * crash left unannounced — its first pass runs at start — and pruning of processed-event keys) starts
 * before the example is loaded, as it always did.
 */
import { loadAdapters } from "../app/chatAdapter.ts";
import { systemClock } from "../app/ports.ts";
import type { Config } from "../main/config.ts";
import { duidbotConfigPath, loadDuidbotConfig } from "../main/duidbotConfigFile.ts";
import { loadExampleIfEmpty } from "../main/example.ts";
import { listenGated, type GatedServer } from "../main/readiness.ts";
import { buildHttp } from "../main/server.ts";
import { BACKGROUND_INTERVAL_MS, databaseTarget, openServices, type Services } from "../main/services.ts";
import type { Database } from "../store/database.ts";

export async function runServe(config: Config): Promise<void> {
  // Listening first: /healthz says "starting" (503) until everything below is done (src/main/readiness.ts).
  const gate = await listenGated(config.host, config.port);
  const url = `http://${config.host}:${gate.port}`;
  console.log(`Duidbot start op / starting on ${url} (GET /healthz: 503 tot hij klaar is / until ready)`);
  let started: Awaited<ReturnType<typeof start>>;
  try {
    started = await start(config, gate);
  } catch (error) {
    await gate.close(); // or the listening socket keeps the failed process alive
    throw error;
  }
  const { services, adapters, background } = started;
  console.log(`Duidbot luistert op / listening on ${url} (GET /healthz)`);
  // The embedded default's face: what a newcomer opens after `npm start` (docs/web.md).
  console.log(
    config.web.mode === "off"
      ? "Webwerkplek: uit (DUIDBOT_WEB=off) / web workspace off."
      : `Webwerkplek: open ${url}/ in een browser / open it in a browser${config.web.mode === "local" ? "" : " (inloggen / sign in)"}.`,
  );
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
    void gate.close(); // new connections refused; requests in flight may finish while the rest stops
    for (const adapter of adapters) await adapter.stop();
    await background.stop();
    await services.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

/** Everything before ready: database (migrated), duidbot.yaml, the HTTP app and its adapters, the example. */
async function start(config: Config, gate: GatedServer) {
  const configFile = duidbotConfigPath();
  const { config: duidbotConfig, found } = await loadDuidbotConfig(configFile, config.lang);
  const services = await openServices(databaseTarget(config), systemClock, { duidbotConfig, lang: config.lang, log: (line) => console.log(line) });
  let background: ReturnType<Services["startBackground"]> | undefined;
  try {
    console.log(`Database: ${describeDatabase(services.db, config.dataDir)}; migraties toegepast / migrations applied.`);
    console.log(
      found
        ? `Kanalen en rollen uit ${configFile}: ${duidbotConfig.channels.length} kanaal/kanalen, ${duidbotConfig.people.length} perso(o)n(en).`
        : `Geen ${configFile}: nog geen kanalen gekoppeld (koppel ze in de chat met het commando koppel, of zie examples/duidbot.yaml).`,
    );
    // The HTTP app needs a kick before the loop exists; the loop needs the chat ports the app registers.
    let kick = () => {};
    await loadAdapters(config.adapters);
    const { app, adapters } = buildHttp(config, services, { kick: () => kick(), log: (line) => console.log(line) });
    background = services.startBackground({ intervalMs: BACKGROUND_INTERVAL_MS, log: (line) => console.log(line) });
    console.log(`Planner / scheduler: ${services.scheduler.names().join(", ")} (weekoverzicht: docs/digest.md).`);
    kick = background.kick;
    // Each adapter replays events acked but not processed before a stop or crash, then checks channels for
    // guests (both repeat in the background). Not awaited: a slow platform must not hold up the start.
    for (const adapter of adapters) void adapter.start();
    if (config.loadExample && (await loadExampleIfEmpty(services)) === "loaded") {
      console.log("Lege database: voorbeeld-DIN Hilversum en cijfers geladen / empty database: example DIN loaded.");
      kick();
    }
    gate.ready(app);
    return { services, adapters, background };
  } catch (error) {
    await background?.stop();
    await services.close();
    throw error;
  }
}

function describeDatabase(db: Database, dataDir: string): string {
  if (db.kind === "postgres") return "PostgreSQL (DATABASE_URL)";
  const origin = db.origin?.kind === "ready" ? " (nieuw, kant-en-klaar geladen / new, loaded ready-made)" : db.origin?.kind === "initdb" ? " (nieuw / new)" : "";
  return `PGlite in ${dataDir}${origin}`;
}
