/**
 * The `duidbot` command's work, apart from the process it runs in: arguments in, text out through `io`,
 * an exit code back (0 ok, 1 invalid input with nothing written, 2 usage, 3 unexpected failure). The
 * executable (duidbot.js, main.ts) gives it the process's environment and streams; tests may run it in their
 * own process. `serve` is the exception: it runs until stopped and writes to the console.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { saveParsedDin } from "../app/din/importDin.ts";
import { parseDinFile } from "../domain/dinFile.ts";
import { importAndAnnounce } from "../app/measurements/importAndAnnounce.ts";
import { listChanges } from "../app/measurements/listChanges.ts";
import { ConfigError, loadConfig, type Config } from "../main/config.ts";
import { databaseTarget, servicesOn, type ServiceOptions, type Services } from "../main/services.ts";
import { openDatabase, type Database, type DatabaseTarget } from "../store/database.ts";
import { presentImport, presentIssues, presentOverview, presentWarnings } from "./present.ts";
import { presentIndicator } from "./indicator.ts";
import { ACTIES_USAGE, presentActions } from "./actions.ts";
import { cliGemeente } from "./gemeente.ts";
import { checkInboxArgs, INBOX_USAGE, InboxUsageError, runInboxCommand } from "./inbox.ts";
import { DataDirInUseError } from "../store/dataDirLock.ts";
import { parseCalendarDate } from "../domain/period.ts";
import { decodeText, encodingNote } from "../domain/textEncoding.ts";
import { checkReportArgs, REPORT_USAGE, ReportUsageError, runReportCommand } from "./report.ts";
import { vegaChartRenderer } from "../charts/index.ts";
import type { ChartRenderer } from "../app/charts.ts";
import { htmlReportRenderer } from "../report/index.ts";
import { checkDigestArgs, DIGEST_USAGE, DigestUsageError, digestServeRunning, runDigestCommand } from "./digest.ts";
import { openChatClient } from "../main/chatClient.ts";
import { CHAT_ADAPTERS } from "../main/chatAdapters.ts";
import { duidbotConfigPath, loadDuidbotConfig } from "../main/duidbotConfigFile.ts";


/** Where the command reads its environment and writes its output; each call is one block of lines. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
  /**
   * How a command opens its database (default: openDatabase, then closed after the command). The tests
   * keep one open across the commands of a file (tests/support/cli.ts): a PGlite start costs ~0.25 s of
   * CPU, most of a small command's.
   */
  openDatabase?: (target: DatabaseTarget) => Promise<Database>;
  /** How charts are drawn (default: vega). Tests that are not about charts draw cheap ones, as buildHttp's `charts`. */
  charts?: ChartRenderer;
}

const USAGE = `Gebruik / usage: duidbot <opdracht>

  din import <bestand.yaml>          DIN (doelenboom) inlezen / import a DIN file
  measurements import <bestand>      cijfers inlezen (CSV of JSON) / import figures
  changes [--since JJJJ-MM-DD] [--significant] [--alle]
                                     veranderingen per doel / changes per goal
                                     (--alle: ook oudere perioden uit één import)
  indicator <id>                     waarden en historie van één indicator / one indicator
  db migrate                         database bijwerken / apply migrations
${ACTIES_USAGE}
${INBOX_USAGE}
${REPORT_USAGE}
${DIGEST_USAGE}
  serve                              de bot starten (HTTP op HOST:PORT) / start the bot

Opties / options: --gemeente <slug>  --lang nl|en  --help`;

class UsageError extends Error {}

async function main(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      since: { type: "string" },
      significant: { type: "boolean", default: false },
      alle: { type: "boolean", default: false },
      gemeente: { type: "string" },
      lang: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
      // duidbot report
      edition: { type: "string" },
      out: { type: "string" },
      pdf: { type: "string" },
      preview: { type: "boolean", default: false },
      publish: { type: "boolean", default: false },
      public: { type: "boolean", default: false },
      // duidbot digest
      channel: { type: "string" },
      now: { type: "boolean", default: false },
      // duidbot acties
      open: { type: "boolean", default: false },
      eigenaar: { type: "string" },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    io.out(USAGE);
    return values.help ? 0 : 2;
  }
  const config = loadConfig(io.env);
  const lang = values.lang === "en" || values.lang === "nl" ? values.lang : config.lang;
  if (values.lang !== undefined && values.lang !== lang) throw new UsageError(`--lang moet nl of en zijn / must be nl or en`);

  switch (`${command} ${sub ?? ""}`.trim()) {
    case "serve":
      // Loaded here: the HTTP server (express, the web workspace, the report routes) is only for `serve`.
      const { runServe } = await import("./serve.ts");
      await runServe(config);
      return 0;
    case "db migrate":
      return withServices(io, config, async (s) => {
        const result = await s.db.migrate();
        io.out(`Database (${s.db.kind}) is bijgewerkt / up to date. ${result.applied.join(", ")}`);
        return 0;
      });
    case "din import": {
      const file = requireArg(arg, "din import <bestand.yaml>");
      const fileName = path.basename(file);
      // Validated before the database is opened: a bad file is refused at once.
      const parsed = parseDinFile(await readInput(file, lang, io), fileName);
      if (!parsed.ok) return fail(io, presentIssues(parsed.issues, lang));
      return withServices(io, config, async (s) => {
        const result = await saveParsedDin(s, { definition: parsed.value, warnings: parsed.warnings ?? [], fileName });
        if (!result.ok) return fail(io, presentIssues(result.issues, lang));
        if (result.warnings.length > 0) io.err(presentWarnings(result.warnings, lang));
        io.out(
          `DIN ${result.slug} ${result.year}: ${result.status}` +
            (result.added.length ? `; nieuw/new: ${result.added.join(", ")}` : "") +
            (result.retired.length ? `; vervallen/retired: ${result.retired.join(", ")}` : ""),
        );
        return 0;
      });
    }
    case "measurements import": {
      const file = requireArg(arg, "measurements import <bestand.csv|json>");
      const text = await readInput(file, lang, io);
      return withServices(io, config, async (s) => {
        const gemeente = await cliGemeente(s.dins, values.gemeente, lang);
        if (!gemeente.ok) return fail(io, gemeente.message);
        const { dinSlug } = gemeente;
        const result = await importAndAnnounce(s, {
          source: { kind: "file", text, fileName: path.basename(file) },
          via: "cli",
          ...(dinSlug ? { dinSlug } : {}),
        });
        if (!result.ok) return fail(io, presentIssues(result.issues, lang));
        io.out(presentImport(result, lang));
        return 0;
      });
    }
    case "changes": {
      const since = values.since === undefined ? undefined : parseDate(values.since);
      return withServices(io, config, async (s) => {
        const gemeente = await cliGemeente(s.dins, values.gemeente, lang);
        if (!gemeente.ok) return fail(io, gemeente.message);
        const { dinSlug } = gemeente;
        const overview = await listChanges(s, { ...(since ? { since } : {}), ...(dinSlug ? { dinSlug } : {}), significantOnly: values.significant, all: values.alle });
        if (!overview) return fail(io, lang === "en" ? "No DIN imported yet." : "Er is nog geen DIN geïmporteerd.");
        io.out(presentOverview(overview, lang));
        return 0;
      });
    }
    default:
      if (command === "inbox") {
        checkInboxArgs(positionals.slice(1));
        return withServices(io, config, (s) => runInboxCommand(s.inbox, positionals.slice(1), io));
      }
      if (command === "report" && sub === undefined) {
        const { edition, out, pdf, preview, publish } = values;
        const args = { ...(edition !== undefined ? { edition } : {}), ...(out !== undefined ? { out } : {}), ...(pdf !== undefined ? { pdf } : {}), preview, publish, public: values.public };
        checkReportArgs(args); // wrong arguments are said before the database is opened
        return withServices(io, config, async (s) => {
          const gemeente = await cliGemeente(s.dins, values.gemeente, lang);
          if (!gemeente.ok) return fail(io, gemeente.message);
          const deps = { ...s, renderer: htmlReportRenderer(io.charts ?? vegaChartRenderer) };
          return runReportCommand(deps, args, { lang, io, env: io.env, ...(gemeente.dinSlug ? { dinSlug: gemeente.dinSlug } : {}) });
        });
      }
      if (command === "digest" && sub === undefined) {
        const args = checkDigestArgs({ ...(values.channel !== undefined ? { channel: values.channel } : {}), preview: values.preview, now: values.now });
        // Like serve: duidbot.yaml applied first, so its channels are known before serve ever ran.
        const { config: duidbotConfig } = await loadDuidbotConfig(duidbotConfigPath(io.env), lang);
        let services: Services;
        try {
          services = await openCommandServices(io, config, { duidbotConfig, lang });
        } catch (error) {
          // PGlite: serve holds the data folder. It sends the digest itself, at the scheduled time.
          if (error instanceof DataDirInUseError && args.mode === "now") return fail(io, `${digestServeRunning(lang)}\n${error.message}`);
          throw error;
        }
        try {
          const gemeente = await cliGemeente(services.dins, values.gemeente, lang);
          if (!gemeente.ok) return fail(io, gemeente.message);
          const openChat = (platform: string) => openChatClient({ ...config, lang }, services, platform, io.charts ?? vegaChartRenderer);
          const offHint = (platform: string) => CHAT_ADAPTERS.find((a) => a.name === platform)?.describeOff;
          return await runDigestCommand({ ...services, openChat, offHint }, { ...args, ...(gemeente.dinSlug ? { dinSlug: gemeente.dinSlug } : {}) }, { lang, out: io.out, err: io.err });
        } finally {
          await services.close();
        }
      }
      if (command === "acties" && sub === undefined) {
        return withServices(io, config, async (s) => {
          const gemeente = await cliGemeente(s.dins, values.gemeente, lang);
          if (!gemeente.ok) return fail(io, gemeente.message);
          const owner = values.eigenaar;
          io.out(await presentActions(s, { openOnly: values.open, lang, ...(owner !== undefined ? { owner } : {}), ...(gemeente.dinSlug ? { dinSlug: gemeente.dinSlug } : {}) }));
          return 0;
        });
      }
      if (command === "indicator" && sub) {
        return withServices(io, config, async (s) => {
          const gemeente = await cliGemeente(s.dins, values.gemeente, lang);
          if (!gemeente.ok) return fail(io, gemeente.message);
          const text = await presentIndicator(s, sub, lang, gemeente.dinSlug);
          if (text === undefined) return fail(io, lang === "en" ? `Unknown indicator ${sub}` : `Onbekende indicator ${sub}`);
          io.out(text);
          return 0;
        });
      }
      throw new UsageError(`Onbekende opdracht / unknown command: ${positionals.join(" ")}`);
  }
}

function requireArg(value: string | undefined, usage: string): string {
  if (!value) throw new UsageError(`Bestand ontbreekt / file missing: duidbot ${usage}`);
  return value;
}

function parseDate(value: string): Date {
  const date = parseCalendarDate(value);
  if (!date) throw new UsageError(`--since verwacht een bestaande datum JJJJ-MM-DD / expects an existing date YYYY-MM-DD, niet "${value}"`);
  return date;
}

class InputError extends Error {}

/** Reads a file in whatever encoding Excel wrote it (see textEncoding.ts) and says so when not UTF-8. */
async function readInput(file: string, lang: "nl" | "en", io: CliIo): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: bestand niet te lezen / cannot read file (${code ?? "?"})`);
  }
  const decoded = decodeText(bytes);
  const note = encodingNote(decoded.encoding, lang);
  if (note) io.err(`${path.basename(file)}: ${note}`);
  return decoded.text;
}

function fail(io: CliIo, message: string): number {
  io.err(message);
  return 1;
}

/** openServices through `io.openDatabase` when given. */
async function openCommandServices(io: CliIo, config: Config, options: ServiceOptions = {}): Promise<Services> {
  const target = databaseTarget(config);
  return servicesOn(await (io.openDatabase ?? openDatabase)(target), target, undefined, options);
}

async function withServices(io: CliIo, config: Config, fn: (s: Services) => Promise<number>): Promise<number> {
  const services = await openCommandServices(io, config);
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}

/** Runs one command; every failure becomes its exit code and a message on `err`, nothing is thrown. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await main(argv, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InboxUsageError || error instanceof ReportUsageError || error instanceof DigestUsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof InputError || error instanceof DataDirInUseError) {
      io.err(error.message);
      return 1;
    }
    io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 3;
  }
}
