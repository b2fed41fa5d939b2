// Proves `serve` as a real process answering /healthz on the embedded database while refusing a second
// process on the same folder (a command run in this process, and a second serve as a process of its own,
// which must exit rather than hang). It starts
// from a copy of the migrated template folder; cli.test.ts proves a folder created from nothing.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { childEnv, nodeArgs, root, runDuidbot, runDuidbotHere } from "../support/cli.ts";
import { copyTemplateFolder } from "../support/dbTemplate.ts";

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "duidbot-serve-"));
  await copyTemplateFolder(inject("pgliteTemplate"), dataDir);
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("duidbot serve on a data folder", () => {
  // Two processes on PGlite (serve, a second serve) and a command: more than the default 30 s on a busy machine.
  it("serves /healthz on the embedded database and refuses a second process on the same folder", { timeout: 90_000 }, async () => {
    const child = spawn(process.execPath, [...nodeArgs, "serve"], {
      cwd: root,
      env: { ...process.env, ...childEnv, DUIDBOT_DATA_DIR: dataDir, DATABASE_URL: "", PORT: "0", HOST: "127.0.0.1" },
    });
    try {
      let out = "";
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      });
      // It listened before it was ready (healthz 503 "starting" meanwhile: tests/e2e/readiness.test.ts) and says so when it is.
      expect(out).toMatch(new RegExp(`starting on ${url} [^]*listening on ${url}`));
      const res = await fetch(`${url}/healthz`);
      expect(await res.json()).toEqual({ status: "ok", database: "pglite" });
      // It tells a newcomer what to open.
      await expect.poll(() => out).toContain(`Webwerkplek: open ${url}/ in een browser`);
      // A command from another process (this one, by the command's own code path: src/cli/run.ts) is refused.
      const second = await runDuidbotHere(["changes"], { DUIDBOT_DATA_DIR: dataDir });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain("is in gebruik door proces");
      // A second serve listens, fails on the lock, and must exit rather than hang on its open port.
      const secondServe = await runDuidbot(["serve"], { DUIDBOT_DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" });
      expect(secondServe.code).toBe(1);
      expect(secondServe.stderr).toContain("is in gebruik door proces");
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  });
});
