/**
 * One process per PGlite data folder: PGlite is an embedded database, and two processes
 * writing the same folder corrupt it. A lock file with the owner's pid guards the folder;
 * a stale lock (its process is gone, e.g. after kill -9) is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
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

export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, "duidbot.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(file, "utf8").trim());
      if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) {
        throw new DataDirInUseError(
          `De database in ${dataDir} is in gebruik door proces ${owner} (draait duidbot serve?). ` +
            `Stop dat proces of stuur cijfers via POST /api/measurements. / ` +
            `The database in ${dataDir} is in use by process ${owner}; stop it or use the HTTP API.`,
        );
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirInUseError(`Kon ${file} niet vergrendelen / could not lock ${file}`);
}
