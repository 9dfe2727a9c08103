/**
 * Semi-structured values through snowflake-sdk beyond the documentation's examples (those are the
 * SQL corpus's `semi-structured` category): the wire text Snowflake sends, arguments named like
 * the macros' own variables, filters DuckDB may test on FLATTEN's other nodes, and deep nesting.
 */
import { describe, expect, it } from 'vitest';
import { execute } from '@/lib/warehouse/sdk';
import { useConnectedWarehouse } from '@/test/local-warehouse';

const local = useConnectedWarehouse();

function rawRow(sqlText: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    local.connection.execute({
      sqlText,
      rowMode: 'array',
      fetchAsString: ['JSON'],
      complete: (error, _statement, rows) => (error ? reject(error) : resolve((rows as unknown[][])[0])),
    });
  });
}

describe('semi-structured values through snowflake-sdk', () => {
  it('sends a VARIANT as Snowflake prints it: two-space indentation, keys sorted, a DOUBLE in exponent form', async () => {
    const [value] = await rawRow(`SELECT PARSE_JSON('{"b": [1, {"d": null}], "a": {}, "c": 1.5e0, "e": []}')`);
    expect(value).toBe('{\n  "a": {},\n  "b": [\n    1,\n    {\n      "d": null\n    }\n  ],\n  "c": 1.500000000000000e+00,\n  "e": []\n}');
  });

  it('reads arguments that are columns named like the functions’ own lambda variables', async () => {
    await execute(local.connection, 'CREATE OR REPLACE TABLE hygiene (j VARCHAR, l VARIANT, e VARCHAR, k VARCHAR, m INT)');
    await execute(local.connection, `INSERT INTO hygiene SELECT 'a', PARSE_JSON('[1, 2]'), 'b', 'a', 1`);
    const { rows } = await execute(
      local.connection,
      `SELECT GET(OBJECT_CONSTRUCT('a', 1), j) AS g, ARRAY_CONTAINS(m, l) AS c, OBJECT_DELETE(OBJECT_CONSTRUCT('a', 1, 'b', 2), e) AS d,
              OBJECT_INSERT(OBJECT_CONSTRUCT('z', 0), k, m) AS i, ARRAY_SLICE(l, m, m + 1) AS s FROM hygiene`,
    );
    expect(rows).toEqual([{ G: 1, C: true, D: { a: 1 }, I: { a: 1, z: 0 }, S: [2] }]);
  });

  it('filters FLATTEN rows on a cast of VALUE without failing on the value being flattened', async () => {
    await execute(local.connection, "CREATE OR REPLACE TABLE numbers_doc AS SELECT PARSE_JSON('{\"n\": [1, 2, 3], \"s\": \"x\"}') AS v");
    const { rows } = await execute(
      local.connection,
      "SELECT f.value::INT AS n FROM numbers_doc, LATERAL FLATTEN(INPUT => v:n) f WHERE f.value::INT > 1 ORDER BY n",
    );
    expect(rows).toEqual([{ N: 2 }, { N: 3 }]);
  });

  it('evaluates deeply nested constructors without their arguments multiplying', async () => {
    // Each level's functions name their argument several times; pasted in, 20 levels would be 5^20 copies.
    const nested = Array.from({ length: 20 }).reduce<string>((inner) => `ARRAY_CONSTRUCT(${inner})`, 'TO_ARRAY(1)');
    const started = Date.now();
    const { rows } = await execute(local.connection, `SELECT ARRAY_SIZE(ARRAY_FLATTEN(${nested})) AS n, TYPEOF(${nested}[0]) AS t`);
    expect(rows).toEqual([{ N: 1, T: 'ARRAY' }]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('keeps OBJECT and ARRAY columns typed through CREATE TABLE … AS and RESULT_SCAN', async () => {
    await execute(local.connection, "CREATE OR REPLACE TABLE typed_copy AS SELECT OBJECT_CONSTRUCT('a', 1) AS o, ARRAY_CONSTRUCT(1) AS a");
    const copied = await execute(local.connection, 'SELECT o, a FROM typed_copy');
    const scanned = await execute(local.connection, 'SELECT * FROM TABLE(RESULT_SCAN(LAST_QUERY_ID()))');
    for (const result of [copied, scanned]) {
      expect((result.statement.getColumns() ?? []).map((column) => column.getType())).toEqual(['object', 'array']);
      expect(result.rows).toEqual([{ O: { a: 1 }, A: [1] }]);
    }
  });
});
