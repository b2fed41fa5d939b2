// Proves on PGlite and PostgreSQL that the binary array parameters of the bulk import (binaryArrays.ts)
// arrive exactly: integers, floats (negative, fractional, extreme), booleans, timestamps before and after
// 2000 to the millisecond, texts with accents, emoji, quotes, backslashes and commas, NULLs, and empty arrays;
// and that a transaction's `write` (on PGlite one hand-built protocol message: pgliteStatement.ts) takes
// them with texts, numbers and NULLs beside, and that a failing write rolls its transaction back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { binaryArray, BinaryArrayWriter, binaryTextArray } from "../../src/store/binaryArrays.ts";
import { testRuntimes } from "../support/db.ts";

for (const runtime of testRuntimes()) {
  describe(`binary array parameters on ${runtime.name}`, () => {
    let s: Awaited<ReturnType<typeof runtime.open>>;
    beforeAll(async () => {
      s = await runtime.open();
    });
    afterAll(async () => {
      await s.dispose();
    });
    const one = async <T>(sql: string, param: Buffer): Promise<T> => {
      const [row] = await s.db.raw.query<{ v: T }>(sql, [param]);
      return row!.v;
    };

    it("reads int4, float8 and bool arrays element by element, NULLs included", async () => {
      const ints = [0, 1, -1, 2_147_483_647, -2_147_483_648, 42];
      expect(await one(`SELECT array_to_json($1::int[])::text AS v`, binaryArray("int4", ints))).toBe(JSON.stringify(ints));
      const floats = [0, -0.5, 12.5, 1e-12, -1234567.125, 1.7976931348623157e308, 0.1 + 0.2];
      const back = await one<string>(`SELECT array_to_json($1::float8[])::text AS v`, binaryArray("float8", floats));
      expect((JSON.parse(back) as number[]).map(Number)).toEqual(floats);
      expect(await one(`SELECT array_to_json($1::float8[])::text AS v`, binaryArray("float8", [1.5, null, undefined, 2]))).toBe("[1.5,null,null,2]");
      expect(await one(`SELECT array_to_json($1::bool[])::text AS v`, binaryArray("bool", [true, false, null]))).toBe("[true,false,null]");
    });

    it("reads timestamps to the millisecond, before and after PostgreSQL's epoch of 2000", async () => {
      const dates = ["1900-01-01T00:00:00.000Z", "1999-12-31T23:59:59.999Z", "2000-01-01T00:00:00.000Z", "2024-12-30T00:00:00.000Z", "2200-12-31T12:34:56.789Z"];
      const back = await one<string[]>(
        `SELECT array_agg(to_char(t, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ORDER BY o) AS v FROM unnest($1::timestamp(3)[]) WITH ORDINALITY AS x(t, o)`,
        binaryArray("timestamp", dates.map((d) => new Date(d))),
      );
      expect(back).toEqual(dates);
      expect(await one(`SELECT ($1::timestamp(3)[])[1] IS NULL AS v`, binaryArray("timestamp", [null, Date.parse(dates[1]!)]))).toBe(true);
      expect(() => binaryArray("timestamp", [new Date("not a date")])).toThrow(/invalid timestamp/);
    });

    it("reads texts exactly, whatever their characters", async () => {
      const texts = ["", "Súdwest-Fryslân", 'quote " and \\ backslash', "a,b;c\td", "{braces}", "NULL", "😀 emoji", "regel\nnieuw", null, "x".repeat(5000)];
      expect(await one(`SELECT array_to_json($1::text[])::text AS v`, binaryTextArray(texts))).toBe(JSON.stringify(texts));
    });

    it("reads jsonb texts as the JSON they hold", async () => {
      const docs = [{ id: "a", name: 'Huishoudens "met" \\ achterstand', baseline: { period: 2022, value: 8 } }, [1, 2.5, null], "tekst", null];
      const back = await one<string>(`SELECT array_to_json($1::jsonb[])::text AS v`, binaryTextArray(docs.map((d) => (d === null ? null : JSON.stringify(d))), "jsonb"));
      expect(JSON.parse(back)).toEqual(docs);
    });

    it("writes in a transaction with byte, text, number and NULL parameters; a failing write rolls back", async () => {
      const raw = s.db.raw;
      // Not a TEMP table: on PostgreSQL transactions run on connections of their own.
      await raw.execute(`CREATE TABLE written (id int PRIMARY KEY, label text, at timestamp(3), n int, note text)`, []);
      try {
        const labels = ["Súdwest-Fryslân", "😀", "", "x".repeat(70_000)];
        await raw.transaction(async (tx) => {
          await tx.write(
            `INSERT INTO written SELECT unnest($1::int[]), unnest($2::text[]), $3::timestamp(3), $4::int, $5::text`,
            [binaryArray("int4", [1, 2, 3, 4]), binaryTextArray(labels), "2024-05-06T07:08:09.123Z", 42, null],
          );
          // The transaction goes on after a write, on the same connection.
          expect(await tx.query<{ c: number }>(`SELECT count(*)::int AS c FROM written`)).toEqual([{ c: 4 }]);
        });
        const rows = await raw.query<{ id: number; label: string; at: string; n: number; note: string | null }>(
          `SELECT id, label, to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at, n, note FROM written ORDER BY id`,
        );
        expect(rows).toEqual(labels.map((label, i) => ({ id: i + 1, label, at: "2024-05-06T07:08:09.123", n: 42, note: null })));

        // A duplicate key: the error comes back as the database's, and nothing of the transaction stays.
        const failing = raw.transaction(async (tx) => {
          await tx.write(`INSERT INTO written (id, label) VALUES ($1::int, $2)`, [5, "kept?"]);
          await tx.write(`INSERT INTO written (id, label) SELECT unnest($1::int[]), 'dup'`, [binaryArray("int4", [6, 1])]);
        });
        await expect(failing).rejects.toThrow(/duplicate key|unique/);
        expect(await raw.query<{ ids: number[] }>(`SELECT array_agg(id ORDER BY id) AS ids FROM written`)).toEqual([{ ids: [1, 2, 3, 4] }]);
        // And the connection is usable again.
        expect(await raw.query<{ one: number }>(`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
      } finally {
        await raw.execute(`DROP TABLE written`, []);
      }
    });

    it("tells whether a column holds only NULLs or only empty texts (a bulk write then leaves it out)", () => {
      const texts = new BinaryArrayWriter("text");
      for (const v of ["", ""]) texts.text(v);
      expect([texts.allAre("empty"), texts.allAre("null")]).toEqual([true, false]);
      texts.text(undefined);
      expect([texts.allAre("empty"), texts.allAre("null")]).toEqual([false, false]);
      const numbers = new BinaryArrayWriter("float8");
      numbers.number(undefined);
      expect(numbers.allAre("null")).toBe(true);
      numbers.number(0);
      expect(numbers.allAre("null")).toBe(false);
    });

    it("sends an empty array as one without dimensions", async () => {
      expect(await one(`SELECT cardinality($1::int[]) AS v`, binaryArray("int4", []))).toBe(0);
      expect(await one(`SELECT cardinality($1::text[]) AS v`, binaryTextArray([]))).toBe(0);
    });
  });
}
