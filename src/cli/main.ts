/**
 * The `duidbot` command on this process's environment, output and exit code (run.ts does the work).
 * Before the command's modules load, the embedded database's start-up work that needs none of them
 * begins (startEarly.ts), so that it overlaps the loading.
 */
import { startEarly } from "./startEarly.ts";

startEarly(process.argv.slice(2), process.env, process.cwd());
const { runCli } = await import("./run.ts");

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (text) => console.log(text),
  err: (text) => console.error(text),
});
