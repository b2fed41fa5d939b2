// Proves the data-folder lock refuses a live owner and takes over a lock no live process holds:
// a dead pid, an empty file (a crash between creating and writing it) or text that is no pid.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataDirInUseError, lockDataDir } from "../../src/store/dataDirLock.ts";

let dir: string;
const lockFile = () => path.join(dir, "duidbot.lock");

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "duidbot-lock-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("lockDataDir", () => {
  it("writes our pid, refuses while a live process holds it, and removes it on unlock", () => {
    const unlock = lockDataDir(dir);
    expect(readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
    unlock();
    writeFileSync(lockFile(), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
  });

  it.each([
    ["empty", () => ""],
    ["blank", () => " \n"],
    ["not a pid", () => "garbage"],
    ["zero (the process group, not a process)", () => "0"],
    ["negative", () => "-1"],
    ["a dead process", () => String(deadPid())],
  ])("takes over a lock file that is %s", (_label, content) => {
    writeFileSync(lockFile(), content());
    const unlock = lockDataDir(dir);
    expect(readFileSync(lockFile(), "utf8")).toBe(String(process.pid));
    unlock();
  });
});
