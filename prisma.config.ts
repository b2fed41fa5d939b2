/**
 * Prisma CLI configuration: the JS schema engine with a driver adapter, so the CLI
 * (generate, migrate diff) works offline without native engine binaries.
 * Migrations are applied in-process by src/store/migrate.ts, not by the CLI.
 */
import path from "node:path";
import { defineConfig } from "prisma/config";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

// The CLI still checks these; pointing them at an existing placeholder stops download attempts.
const placeholder = path.join(import.meta.dirname, "prisma", "dummy-engine");
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= placeholder;
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= placeholder;
process.env.DATABASE_URL ??= "postgresql://duidbot@localhost/duidbot";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    // In-memory PGlite: enough for schema diffs; no server needed.
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    // Typed against an older driver-adapter-utils than Prisma 6.19's; the protocol is the same.
    return new PrismaPGlite(new PGlite()) as unknown as SqlMigrationAwareDriverAdapterFactory;
  },
});
