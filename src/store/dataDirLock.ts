/**
 * One process per PGlite data folder: PGlite is an embedded database, and two processes
 * writing the same folder corrupt it. A lock file with the owner's pid guards the folder;
 * a lock no live process holds (its process is gone, e.g. after kill -9, or the file is empty or
 * holds no pid, e.g. after a full disk or a crash of an older version) is taken over.
 */
import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export class DataDirInUseError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid in a lock file; undefined when it holds none (0 and negatives signal process groups, not a process). */
function ownerOf(file: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined; // released meanwhile
    throw error;
  }
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}

/**
 * Creates the lock with its pid in one step: the pid goes into a file of our own that is then
 * hard-linked to the lock name (link fails when the name exists), so no other process ever reads
 * a lock file that is still empty.
 */
function create(file: string): boolean {
  const mine = `${file}.${process.pid}`;
  writeFileSync(mine, String(process.pid));
  try {
    linkSync(mine, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
  } finally {
    rmSync(mine, { force: true });
  }
  // A file system without hard links: create and write (a reader may then briefly see it empty).
  try {
    writeFileSync(file, String(process.pid), { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, "duidbot.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    if (create(file)) return () => rmSync(file, { force: true });
    const owner = ownerOf(file);
    if (owner !== undefined && owner !== process.pid && alive(owner)) {
      throw new DataDirInUseError(
        `De database in ${dataDir} is in gebruik door proces ${owner} (draait duidbot serve?). ` +
          `Stop dat proces of stuur cijfers via POST /api/measurements. / ` +
          `The database in ${dataDir} is in use by process ${owner}; stop it or use the HTTP API.`,
      );
    }
    rmSync(file, { force: true }); // stale: no live process holds it
  }
  throw new DataDirInUseError(`Kon ${file} niet vergrendelen / could not lock ${file}`);
}
