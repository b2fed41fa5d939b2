#!/usr/bin/env -S node --liftoff-only
/** The `duidbot` executable: the command (run.ts) on this process's environment, output and exit code. */
import { runCli } from "./run.ts";

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (text) => console.log(text),
  err: (text) => console.error(text),
});
