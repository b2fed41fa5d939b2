/**
 * The Teams SDK's logger, routed to the console at warn level (errors always): its debug output
 * carries whole activities, message texts included, which do not belong in a log.
 */
import type { ILogger } from "@microsoft/teams.common";

export function sdkLogger(verbose: boolean, name = "teams"): ILogger {
  const prefix = `[${name}]`;
  const logger: ILogger = {
    debug: () => {},
    info: () => {},
    trace: () => {},
    warn: (...msg: unknown[]) => void (verbose && console.warn(prefix, ...msg)),
    error: (...msg: unknown[]) => void (verbose && console.error(prefix, ...msg)),
    log: (level, ...msg: unknown[]) => void ((level === "error" || level === "warn") && verbose && console.warn(prefix, ...msg)),
    child: (child: string) => sdkLogger(verbose, `${name}/${child}`),
  };
  return logger;
}
