/**
 * `duidbot report`: the DIN report. `--edition <year> --out <file.html>` writes the edition (the
 * frozen bytes once published, else the draft), `--preview` says what the next edition will hold,
 * `--publish --edition <year>` freezes it, `--pdf <file>` prints it with a headless Chromium.
 * `--public` and `--lang en` choose the variant.
 */
import { writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { composeEdition } from "../app/report/composeEdition.ts";
import { publishEdition } from "../app/report/publishEdition.ts";
import { renderEdition } from "../app/report/renderEdition.ts";
import type { ReportDeps } from "../app/report/ports.ts";
import type { Lang } from "../domain/format.ts";
import { formatDate } from "../domain/format.ts";
import { presentPreview } from "./reportPreview.ts";
import { findChromium, printPdf } from "./reportPdf.ts";

export const REPORT_USAGE = `  report --edition <jaar> --out <bestand.html> [--public] [--pdf <bestand.pdf>]
                                     DIN-rapportage schrijven / write the DIN report
  report --preview [--edition <jaar>]  wat de volgende editie bevat / what the next edition holds
  report --publish --edition <jaar>  editie vastleggen (onveranderlijk) / freeze an edition`;

export interface ReportArgs {
  edition?: string;
  out?: string;
  pdf?: string;
  preview: boolean;
  publish: boolean;
  public: boolean;
}

/** Thrown for wrong arguments: run.ts shows it with the usage (exit 2). */
export class ReportUsageError extends Error {}

const editionSchema = z
  .string()
  .regex(/^\d{4}$/, "--edition verwacht een jaartal (2024) / expects a year (2024)")
  .transform(Number);

export function checkReportArgs(args: ReportArgs): { edition?: number } {
  let edition: number | undefined;
  if (args.edition !== undefined) {
    const parsed = editionSchema.safeParse(args.edition);
    if (!parsed.success) throw new ReportUsageError(`${parsed.error.issues[0]?.message ?? "--edition"}: "${args.edition}"`);
    edition = parsed.data;
  }
  const modes = [args.preview, args.publish, args.out !== undefined || args.pdf !== undefined].filter(Boolean).length;
  if (modes !== 1) throw new ReportUsageError("Kies één van --out/--pdf, --preview of --publish / choose one of --out/--pdf, --preview or --publish");
  if (args.publish && edition === undefined) throw new ReportUsageError("--publish heeft --edition <jaar> nodig / --publish needs --edition <year>");
  return edition === undefined ? {} : { edition };
}

const NO_DIN = "Er is nog geen DIN geïmporteerd / no DIN imported yet.";

export async function runReportCommand(
  deps: ReportDeps,
  args: ReportArgs,
  options: { lang: Lang; dinSlug?: string; io: { out(text: string): void; err(text: string): void }; env: NodeJS.ProcessEnv },
): Promise<number> {
  const { edition } = checkReportArgs(args);
  const { lang, io } = options;
  const variant = { lang, public: args.public, ...(options.dinSlug ? { dinSlug: options.dinSlug } : {}) };
  if (args.preview) {
    const result = await composeEdition(deps, { ...variant, ...(edition !== undefined ? { edition } : {}) });
    if (result.status === "no-din") return fail(io, NO_DIN);
    io.out(result.status === "published" ? presentPreview(result.edition.data, lang, true) : presentPreview(result.model, lang, false));
    return 0;
  }
  if (args.publish) {
    const result = await publishEdition(deps, { ...variant, edition: edition! });
    if (result.status === "no-din") return fail(io, NO_DIN);
    const when = formatDate(result.publishedAt, lang);
    if (result.status === "already-published") {
      return fail(io, lang === "en"
        ? `Edition ${result.edition} was published on ${when} already (sha256 ${result.contentHash}); a published edition never changes.`
        : `Editie ${result.edition} is al gepubliceerd op ${when} (sha256 ${result.contentHash}); een gepubliceerde editie verandert niet meer.`);
    }
    io.out(lang === "en"
      ? `Edition ${result.edition} published (${result.conclusions} conclusions attached), sha256 ${result.contentHash}`
      : `Editie ${result.edition} gepubliceerd (${result.conclusions} conclusies bijgevoegd), sha256 ${result.contentHash}`);
    return 0;
  }
  // Checked before any work: a missing browser is said at once, not after rendering.
  const chromium = args.pdf !== undefined ? await findChromium(options.env) : undefined;
  if (args.pdf !== undefined && !chromium) {
    return fail(io, lang === "en"
      ? "--pdf needs Chromium, which was not found (install it: apt-get install chromium, or set DUIDBOT_CHROMIUM to its path). Without it: write --out file.html and print it from a browser."
      : "--pdf heeft Chromium nodig en dat is niet gevonden (installeer het: apt-get install chromium, of zet DUIDBOT_CHROMIUM op het pad). Zonder: schrijf --out bestand.html en druk dat af vanuit de browser.");
  }
  const result = await renderEdition(deps, { ...variant, ...(edition !== undefined ? { edition } : {}) });
  if (result.status === "no-din") return fail(io, NO_DIN);
  const what = result.status === "published"
    ? (lang === "en" ? `published edition ${result.edition}` : `gepubliceerde editie ${result.edition}`)
    : (lang === "en" ? `draft of edition ${result.edition}` : `concept van editie ${result.edition}`);
  if (args.out !== undefined) {
    await writeFile(args.out, result.html);
    io.out(`${args.out}: ${what}`);
  }
  if (args.pdf !== undefined && chromium) {
    const dir = await mkdtemp(path.join(tmpdir(), "duidbot-report-"));
    try {
      const html = path.join(dir, "rapport.html");
      await writeFile(html, result.html);
      await printPdf(chromium, html, path.resolve(args.pdf));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    io.out(`${args.pdf}: ${what} (PDF)`);
  }
  return 0;
}

function fail(io: { err(text: string): void }, message: string): number {
  io.err(message);
  return 1;
}
