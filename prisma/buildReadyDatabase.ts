/**
 * `npm run db:ready`: writes prisma/ready/ (src/store/readyDatabase.ts says what it is and when it is
 * used). Run it after adding a migration or updating PGlite; tests/integration/readyDatabase.test.ts
 * fails until then.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { PGLITE_START_PARAMS, pgliteDatabase } from "../src/store/database.ts";
import { readMigrations } from "../src/store/migrate.ts";
import { pgliteVersion, READY_DIR, READY_DUMP_FILE, READY_MANIFEST_FILE, type ReadyManifest } from "../src/store/readyDatabase.ts";

export async function buildReadyDatabase(dir = READY_DIR): Promise<ReadyManifest> {
  // A PGlite of its own (no ready dump, in memory): initdb and every migration, as from nothing.
  const pglite = new PGlite({ startParams: PGLITE_START_PARAMS });
  const db = pgliteDatabase(pglite, () => pglite.close());
  let tar: Uint8Array;
  try {
    await db.migrate();
    // initdb's two template databases are 14 of the 40 MB a first start would write; the bot only ever uses
    // its own database ("postgres") and never runs CREATE DATABASE, which is all they are for.
    // One statement per exec: DROP DATABASE refuses to run inside the transaction a multi-statement exec is.
    for (const template of ["template0", "template1"]) {
      await pglite.exec(`ALTER DATABASE ${template} IS_TEMPLATE false`);
      await pglite.exec(`DROP DATABASE ${template}`);
    }
    // Everything written to the data files, so the dump holds no WAL to replay at its first start.
    await pglite.exec("CHECKPOINT");
    tar = new Uint8Array(await (await pglite.dumpDataDir("none")).arrayBuffer());
  } finally {
    await db.close();
  }
  const manifest: ReadyManifest = {
    pglite: await pgliteVersion(),
    migrations: (await readMigrations()).map(({ name, checksum }) => ({ name, checksum })),
  };
  // gzip at level 9: 27 MB of data folder (much of it zeroed WAL and catalog pages) in 2.9 MB, unpacked in
  // 130–280 ms at a first start (most of it creating the 27 MB). Brotli (quality 9) made 1.8 MB but took
  // 250–330 ms, on the path of every cold start and every new data folder in the tests (issue #15).
  const compressed = await promisify(gzip)(tar, { level: 9 });
  await mkdir(dir, { recursive: true });
  // The dump first, the manifest that vouches for it last: an interrupted run leaves an old manifest, which the test catches.
  await writeFile(path.join(dir, `${READY_DUMP_FILE}.tmp`), compressed);
  await rename(path.join(dir, `${READY_DUMP_FILE}.tmp`), path.join(dir, READY_DUMP_FILE));
  await writeFile(path.join(dir, READY_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (import.meta.main) {
  const manifest = await buildReadyDatabase();
  console.log(`prisma/ready: PGlite ${manifest.pglite}, ${manifest.migrations.length} migraties / migrations`);
}
