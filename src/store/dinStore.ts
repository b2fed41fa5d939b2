/**
 * The DinStore port: DIN versions and the indicators across them. Written and read on the driver
 * (RawSql): a DIN of 5,000 indicators went through Prisma's query compiler as 5,000 JSON values (and a
 * next year's version as 5,000 single updates); now it is one statement per table, the arrays in binary.
 */
import type { PrismaClient } from "@prisma/client";
import type { DinDefinition, Indicator } from "../domain/din.ts";
import type { DinSaveResult, DinState, DinStore } from "../app/ports.ts";
import { slugify } from "../domain/slug.ts";
import { binaryArray, binaryTextArray } from "./binaryArrays.ts";
import type { RawQuery, RawSql } from "./database.ts";

export class PrismaDinStore implements DinStore {
  private readonly prisma: PrismaClient;
  private readonly raw: RawSql;
  constructor(prisma: PrismaClient, raw: RawSql) {
    this.prisma = prisma;
    this.raw = raw;
  }

  async listDinSlugs(): Promise<string[]> {
    // On the driver: every import asks this first, and in a CLI process Prisma's first query costs
    // ~0.3 s (its query compiler's WebAssembly) that nothing else in an import needs (issue #15).
    return (await this.raw.query<{ slug: string }>(`SELECT "slug" FROM "Din" ORDER BY "slug"`)).map((d) => d.slug);
  }

  async loadDin(slug?: string): Promise<DinState | undefined> {
    const [din] = slug
      ? await this.raw.query<{ id: number; slug: string }>(`SELECT "id", "slug" FROM "Din" WHERE "slug" = $1`, [slug])
      : await this.raw.query<{ id: number; slug: string }>(`SELECT "id", "slug" FROM "Din" ORDER BY "id" LIMIT 1`);
    if (!din) return undefined;
    // Every version's year, only the newest one's definition: older definitions are history, not state.
    // importedAt as UTC text: a timestamp without time zone would be read in the process's zone.
    const versions = (
      await this.raw.query<{ year: number; fileName: string; importedAt: string }>(
        `SELECT "year", "fileName", to_char("importedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "importedAt"
           FROM "DinVersion" WHERE "dinId" = $1 ORDER BY "year"`,
        [din.id],
      )
    ).map((v) => ({ year: v.year, fileName: v.fileName, importedAt: new Date(v.importedAt) }));
    const newest = versions.at(-1);
    if (!newest) return undefined;
    const [version] = await this.raw.query<{ definition: string }>(
      `SELECT "definition"::text AS "definition" FROM "DinVersion" WHERE "dinId" = $1 AND "year" = $2`,
      [din.id, newest.year],
    );
    const latest = JSON.parse(version!.definition) as DinDefinition;
    // An indicator of the newest version has that version's definition in its row too (saveIndicators):
    // only retired indicators need theirs read.
    const current = new Map(latest.indicators.map((i) => [i.id, i]));
    // One JSON text rather than rows: PGlite decodes rows field by field in JavaScript, ~40 ms for a
    // DIN of 5,000 indicators (the figures import loads the DIN first; issue #15).
    const [list] = await this.raw.query<{ rows: string }>(
      `SELECT coalesce(json_agg(json_build_array("slug", "firstYear", "lastYear") ORDER BY "id"), '[]')::text AS "rows" FROM "Indicator" WHERE "dinId" = $1`,
      [din.id],
    );
    const rows = (JSON.parse(list!.rows) as [string, number, number][]).map(([slug, firstYear, lastYear]) => ({ slug, firstYear, lastYear }));
    const retired = rows.filter((r) => !current.has(r.slug)).map((r) => r.slug);
    const older = new Map(
      retired.length === 0
        ? []
        : (await this.raw.query<{ slug: string; definition: Indicator }>(
            `SELECT "slug", "definition" FROM "Indicator" WHERE "dinId" = $1 AND "slug" = ANY($2::text[])`,
            [din.id, retired],
          )).map((r) => [r.slug, r.definition]),
    );
    return {
      slug: din.slug,
      latest,
      versions,
      indicators: rows.map((r) => ({
        indicator: current.get(r.slug) ?? older.get(r.slug)!,
        firstYear: r.firstYear,
        lastYear: r.lastYear,
        retired: !current.has(r.slug),
      })),
    };
  }

  async saveDinVersion(definition: DinDefinition, meta: { fileName: string; contentHash: string }): Promise<DinSaveResult> {
    const slug = slugify(definition.municipality);
    const year = definition.year;
    return this.raw.transaction(async (tx) => {
      // An upsert that returns the id either way (the no-op update locks the row: imports of one DIN take turns).
      // Timestamps in UTC from here, as Prisma writes them (a column default would use the session's time zone).
      const now = new Date().toISOString();
      const [din] = await tx.query<{ id: number }>(
        `INSERT INTO "Din" ("slug", "name", "createdAt") VALUES ($1, $2, $3::timestamp(3))
         ON CONFLICT ("slug") DO UPDATE SET "slug" = EXCLUDED."slug" RETURNING "id"`,
        [slug, definition.municipality, now],
      );
      const dinId = din!.id;
      const [existing] = await tx.query<{ id: number; contentHash: string }>(
        `SELECT "id", "contentHash" FROM "DinVersion" WHERE "dinId" = $1 AND "year" = $2`,
        [dinId, year],
      );
      if (existing && existing.contentHash === meta.contentHash) {
        return { status: "unchanged", year, slug, added: [], retired: [] } satisfies DinSaveResult;
      }
      // Only the indicator ids of the version before, not its whole definition.
      const [previous] = await tx.query<{ ids: string[] | null }>(
        `SELECT ARRAY(SELECT x ->> 'id' FROM jsonb_array_elements("definition" -> 'indicators') x) AS "ids"
           FROM "DinVersion" WHERE "dinId" = $1 AND "year" < $2 ORDER BY "year" DESC LIMIT 1`,
        [dinId, year],
      );
      const json = JSON.stringify(definition);
      if (existing) {
        await tx.query(
          `UPDATE "DinVersion" SET "mission" = $2, "definition" = $3::jsonb, "contentHash" = $4, "fileName" = $5, "updatedAt" = $6::timestamp(3) WHERE "id" = $1`,
          [existing.id, definition.mission, json, meta.contentHash, meta.fileName, now],
        );
      } else {
        await tx.query(
          `INSERT INTO "DinVersion" ("dinId", "year", "mission", "definition", "contentHash", "fileName", "importedAt", "updatedAt")
           VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::timestamp(3), $7::timestamp(3))`,
          [dinId, year, definition.mission, json, meta.contentHash, meta.fileName, now],
        );
      }
      await saveIndicators(tx, dinId, year, definition.indicators);
      const ids = new Set(definition.indicators.map((i) => i.id));
      const before = previous ? new Set(previous.ids ?? []) : undefined;
      return {
        status: existing ? "updated" : "created",
        year,
        slug,
        added: before ? [...ids].filter((id) => !before.has(id)) : [],
        retired: before ? [...before].filter((id) => !ids.has(id)) : [],
      } satisfies DinSaveResult;
    });
  }
}

/**
 * New indicators are inserted; for known ones the newest version's definition wins (importing an older
 * year never overwrites it, it only moves firstYear back). One statement per kind of write.
 */
async function saveIndicators(tx: RawQuery, dinId: number, year: number, indicators: readonly Indicator[]) {
  const rows = new Map(
    (await tx.query<{ id: number; slug: string; firstYear: number; lastYear: number }>(
      `SELECT "id", "slug", "firstYear", "lastYear" FROM "Indicator" WHERE "dinId" = $1`,
      [dinId],
    )).map((r) => [r.slug, r]),
  );
  const fresh = indicators.filter((i) => !rows.has(i.id));
  if (fresh.length > 0) {
    await tx.query(
      `INSERT INTO "Indicator" ("dinId", "slug", "name", "definition", "firstYear", "lastYear")
       SELECT $1, s, n, d, $4, $4 FROM unnest($2::text[], $3::text[], $5::jsonb[]) AS r(s, n, d)`,
      [dinId, binaryTextArray(fresh.map((i) => i.id)), binaryTextArray(fresh.map((i) => i.name)), year, binaryTextArray(fresh.map((i) => JSON.stringify(i)), "jsonb")],
    );
  }
  const newest = indicators.flatMap((i) => {
    const row = rows.get(i.id);
    return row && year >= row.lastYear ? [{ row, indicator: i }] : [];
  });
  if (newest.length > 0) {
    await tx.query(
      `UPDATE "Indicator" t SET "name" = r.n, "definition" = r.d, "lastYear" = $4, "firstYear" = LEAST(t."firstYear", $4)
         FROM unnest($1::int[], $2::text[], $3::jsonb[]) AS r(id, n, d) WHERE t."id" = r.id`,
      [
        binaryArray("int4", newest.map((n) => n.row.id)),
        binaryTextArray(newest.map((n) => n.indicator.name)),
        binaryTextArray(newest.map((n) => JSON.stringify(n.indicator)), "jsonb"),
        year,
      ],
    );
  }
  const older = indicators.flatMap((i) => {
    const row = rows.get(i.id);
    return row && year < row.lastYear && year < row.firstYear ? [row.id] : [];
  });
  if (older.length > 0) await tx.query(`UPDATE "Indicator" SET "firstYear" = $2 WHERE "id" = ANY($1::int[])`, [older, year]);
}
