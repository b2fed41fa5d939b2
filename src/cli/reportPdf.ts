/**
 * `duidbot report --pdf`: prints the document with a headless Chromium (Debian's `chromium`), using
 * the report's print stylesheet (A4). Looked for at DUIDBOT_CHROMIUM, then the usual paths; never
 * downloaded. Network off: the document needs none, and a report must not call out.
 */
import { execFile } from "node:child_process";
import { access, constants } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export async function findChromium(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const configured = env["DUIDBOT_CHROMIUM"];
  for (const candidate of configured ? [configured] : CANDIDATES) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not there: try the next one
    }
  }
  return undefined;
}

export async function printPdf(chromium: string, htmlFile: string, pdfFile: string): Promise<void> {
  await run(
    chromium,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--no-pdf-header-footer",
      `--print-to-pdf=${pdfFile}`,
      pathToFileURL(htmlFile).href,
    ],
    { timeout: 120_000 },
  );
}
