#!/usr/bin/env node
/**
 * The `duidbot` command. Exit codes: 0 ok, 1 invalid input (file errors, nothing written),
 * 2 usage (unknown command or option), 3 unexpected failure.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { saveParsedDin } from "../app/din/importDin.ts";
import { parseDinFile } from "../domain/dinFile.ts";
import { importAndAnnounce } from "../app/measurements/importAndAnnounce.ts";
import { listChanges } from "../app/measurements/listChanges.ts";
import { ConfigError, loadConfig, type Config } from "../main/config.ts";
import { databaseTarget, openServices, type Services } from "../main/services.ts";
import { presentImport, presentIssues, presentOverview, presentWarnings } from "./present.ts";
import { runServe } from "./serve.ts";
import { presentIndicator } from "./indicator.ts";
import { cliGemeente } from "./gemeente.ts";
import { checkInboxArgs, INBOX_USAGE, InboxUsageError, runInboxCommand } from "./inbox.ts";
import { DataDirInUseError } from "../store/dataDirLock.ts";
import { parseCalendarDate } from "../domain/period.ts";
import { decodeText, encodingNote } from "../domain/textEncoding.ts";

const USAGE = `Gebruik / usage: duidbot <opdracht>

  din import <bestand.yaml>          DIN (doelenboom) inlezen / import a DIN file
  measurements import <bestand>      cijfers inlezen (CSV of JSON) / import figures
  changes [--since JJJJ-MM-DD] [--significant] [--alle]
                                     veranderingen per doel / changes per goal
                                     (--alle: ook oudere perioden uit één import)
  indicator <id>                     waarden en historie van één indicator / one indicator
  db migrate                         database bijwerken / apply migrations
${INBOX_USAGE}
  serve                              de bot starten (HTTP op HOST:PORT) / start the bot

Opties / options: --gemeente <slug>  --lang nl|en  --help`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
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
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  const lang = values.lang === "en" || values.lang === "nl" ? values.lang : config.lang;
  if (values.lang !== undefined && values.lang !== lang) throw new UsageError(`--lang moet nl of en zijn / must be nl or en`);

  switch (`${command} ${sub ?? ""}`.trim()) {
    case "serve":
      await runServe(config);
      return 0;
    case "db migrate":
      return withServices(config, async (s) => {
        const result = await s.db.migrate();
        console.log(`Database (${s.db.kind}) is bijgewerkt / up to date.`, result.applied.length ? result.applied.join(", ") : "");
        return 0;
      });
    case "din import": {
      const file = requireArg(arg, "din import <bestand.yaml>");
      const fileName = path.basename(file);
      // Validated before the database is opened: a bad file is refused at once.
      const parsed = parseDinFile(await readInput(file, lang), fileName);
      if (!parsed.ok) return fail(presentIssues(parsed.issues, lang));
      return withServices(config, async (s) => {
        const result = await saveParsedDin(s, { definition: parsed.value, warnings: parsed.warnings ?? [], fileName });
        if (!result.ok) return fail(presentIssues(result.issues, lang));
        if (result.warnings.length > 0) console.error(presentWarnings(result.warnings, lang));
        console.log(
          `DIN ${result.slug} ${result.year}: ${result.status}` +
            (result.added.length ? `; nieuw/new: ${result.added.join(", ")}` : "") +
            (result.retired.length ? `; vervallen/retired: ${result.retired.join(", ")}` : ""),
        );
        return 0;
      });
    }
    case "measurements import": {
      const file = requireArg(arg, "measurements import <bestand.csv|json>");
      const text = await readInput(file, lang);
      return withServices(config, async (s) => {
        const gemeente = await cliGemeente(s.dins, values.gemeente, lang);
        if (!gemeente.ok) return fail(gemeente.message);
        const { dinSlug } = gemeente;
        const result = await importAndAnnounce(s, {
          source: { kind: "file", text, fileName: path.basename(file) },
          via: "cli",
          ...(dinSlug ? { dinSlug } : {}),
        });
        if (!result.ok) return fail(presentIssues(result.issues, lang));
        console.log(presentImport(result, lang));
        return 0;
      });
    }
    case "changes": {
      const since = values.since === undefined ? undefined : parseDate(values.since);
      return withServices(config, async (s) => {
        const gemeente = await cliGemeente(s.dins, values.gemeente, lang);
        if (!gemeente.ok) return fail(gemeente.message);
        const { dinSlug } = gemeente;
        const overview = await listChanges(s, { ...(since ? { since } : {}), ...(dinSlug ? { dinSlug } : {}), significantOnly: values.significant, all: values.alle });
        if (!overview) return fail(lang === "en" ? "No DIN imported yet." : "Er is nog geen DIN geïmporteerd.");
        console.log(presentOverview(overview, lang));
        return 0;
      });
    }
    default:
      if (command === "inbox") {
        checkInboxArgs(positionals.slice(1));
        return withServices(config, (s) => runInboxCommand(s.inbox, positionals.slice(1)));
      }
      if (command === "indicator" && sub) {
        return withServices(config, async (s) => {
          const gemeente = await cliGemeente(s.dins, values.gemeente, lang);
          if (!gemeente.ok) return fail(gemeente.message);
          const text = await presentIndicator(s, sub, lang, gemeente.dinSlug);
          if (text === undefined) return fail(lang === "en" ? `Unknown indicator ${sub}` : `Onbekende indicator ${sub}`);
          console.log(text);
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
async function readInput(file: string, lang: "nl" | "en"): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: bestand niet te lezen / cannot read file (${code ?? "?"})`);
  }
  const decoded = decodeText(bytes);
  const note = encodingNote(decoded.encoding, lang);
  if (note) console.error(`${path.basename(file)}: ${note}`);
  return decoded.text;
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

async function withServices(config: Config, fn: (s: Services) => Promise<number>): Promise<number> {
  const services = await openServices(databaseTarget(config));
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof InboxUsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof ConfigError || error instanceof InputError || error instanceof DataDirInUseError) {
      console.error(error.message);
      process.exitCode = 1;
    } else {
      console.error(error);
      process.exitCode = 3;
    }
  },
);
