/** Where the embedded database lives: DUIDBOT_DATA_DIR (blank = unset), else `data` in the working folder. */
import path from "node:path";

export function dataDirFrom(value: string | undefined, cwd: string): string {
  return path.resolve(cwd, value?.trim() ? value : "data");
}
