/**
 * Every Snowflake result type through snowflake-sdk against the real local warehouse, with
 * NULLs: the column type the driver reports and the JS values it hands back, which are what it
 * hands back from Snowflake for the same wire cells (connection/result/column.js).
 */
import { describe, expect, it } from 'vitest';
import { useConnectedWarehouse } from '@/test/local-warehouse';
import { connect, destroy, type Connection, type Statement } from '@/lib/warehouse/sdk';

const local = useConnectedWarehouse();

type FetchAsString = 'String' | 'Boolean' | 'Number' | 'Date' | 'JSON' | 'Buffer';

function select(sqlText: string, fetchAsString: FetchAsString[] = [], connection: Connection = local.connection) {
  return new Promise<{ statement: Statement; row: unknown[] }>((resolve, reject) => {
    connection.execute({
      sqlText,
      rowMode: 'array',
      fetchAsString,
      complete: (error, statement, rows) => (error ? reject(error) : resolve({ statement, row: (rows as unknown[][])[0] })),
    });
  });
}

const columns = (statement: Statement) => statement.getColumns() ?? [];
const types = (statement: Statement) => columns(statement).map((column) => column.getType());

/** A Date as the driver gives it: the instant, and its toJSON() in the session's output format. */
const instant = (value: unknown) => ({ ms: (value as Date).getTime(), json: JSON.parse(JSON.stringify(value)) as string });

describe('result types through snowflake-sdk', () => {
  it('FIXED with a scale: Numbers, the exact text on request, precision and scale reported', async () => {
    const sql = 'SELECT 12.5::NUMBER(10,2), -0.07::NUMBER(10,2), NULL::NUMBER(10,2)';
    const { statement, row } = await select(sql);
    expect(row).toEqual([12.5, -0.07, null]);
    const column = columns(statement)[0];
    expect([column.getType(), column.getPrecision(), column.getScale()]).toEqual(['fixed', 10, 2]);
    // The driver writes NULL as the text NULL when asked for text (data_types.js getNullValue).
    expect((await select(sql, ['Number'])).row).toEqual(['12.50', '-0.07', 'NULL']);
  });

  it('NUMBER(38,0) beyond 2^53: a lossy Number by default, exact as text or with JS_TREAT_INTEGER_AS_BIGINT', async () => {
    const sql = 'SELECT 12345678901234567890::NUMBER(38,0), 99999999999999999999999999999999999999::NUMBER(38,0), -9007199254740993::NUMBER(38,0), 7';
    const { statement, row } = await select(sql);
    expect(types(statement)).toEqual(['fixed', 'fixed', 'fixed', 'fixed']);
    expect(row).toEqual([12345678901234567890, 1e38, -9007199254740992, 7]);
    const exact = ['12345678901234567890', '99999999999999999999999999999999999999', '-9007199254740993', '7'];
    expect((await select(sql, ['Number'])).row).toEqual(exact);
    const bigIntegers = await connect({ ...local.warehouse.connectionOptions(), jsTreatIntegerAsBigInt: true });
    try {
      expect((await select(sql, [], bigIntegers)).row.map(String)).toEqual(exact);
    } finally {
      await destroy(bigIntegers);
    }
  });

  it('REAL: 64-bit Numbers', async () => {
    const { statement, row } = await select('SELECT 1.5::FLOAT, 0.1::DOUBLE, -1e300::REAL, NULL::FLOAT');
    expect(types(statement)).toEqual(['real', 'real', 'real', 'real']);
    expect(row).toEqual([1.5, 0.1, -1e300, null]);
  });

  it('TEXT: strings as written, the empty string apart from NULL', async () => {
    const { statement, row } = await select(`SELECT 'héllo ''q'' "d" ☃', '', NULL::VARCHAR`);
    expect(types(statement)).toEqual(['text', 'text', 'text']);
    expect(row).toEqual([`héllo 'q' "d" ☃`, '', null]);
  });

  it('BOOLEAN: booleans', async () => {
    const { statement, row } = await select('SELECT TRUE, FALSE, NULL::BOOLEAN');
    expect(types(statement)).toEqual(['boolean', 'boolean', 'boolean']);
    expect(row).toEqual([true, false, null]);
  });

  it('DATE: Dates at midnight UTC, written in DATE_OUTPUT_FORMAT', async () => {
    const { statement, row } = await select("SELECT '2024-01-02'::DATE, '1969-12-31'::DATE, NULL::DATE");
    expect(types(statement)).toEqual(['date', 'date', 'date']);
    expect(row.slice(0, 2).map(instant)).toEqual([
      { ms: Date.UTC(2024, 0, 2), json: '2024-01-02' },
      { ms: Date.UTC(1969, 11, 31), json: '1969-12-31' },
    ]);
    expect(row[2]).toBeNull();
  });

  it('TIME: text in TIME_OUTPUT_FORMAT (the driver writes a NULL time as the text NULL)', async () => {
    const { statement, row } = await select("SELECT '10:11:12.5'::TIME, '23:59:59'::TIME, NULL::TIME");
    expect(columns(statement).map((column) => [column.getType(), column.getScale()])).toEqual([
      ['time', 9],
      ['time', 9],
      ['time', 9],
    ]);
    expect(row).toEqual(['10:11:12', '23:59:59', 'NULL']);
  });

  it('TIMESTAMP_NTZ: Dates holding the wall-clock time as UTC', async () => {
    const { statement, row } = await select("SELECT '2024-01-02 03:04:05.123456'::TIMESTAMP_NTZ, '1969-12-31 23:59:59.5'::TIMESTAMP_NTZ, NULL::TIMESTAMP_NTZ");
    expect(types(statement)).toEqual(['timestamp_ntz', 'timestamp_ntz', 'timestamp_ntz']);
    expect(row.slice(0, 2).map(instant)).toEqual([
      { ms: Date.UTC(2024, 0, 2, 3, 4, 5, 123), json: '2024-01-02 03:04:05.123' },
      { ms: Date.UTC(1969, 11, 31, 23, 59, 59, 500), json: '1969-12-31 23:59:59.500' },
    ]);
    expect(row[2]).toBeNull();
  });

  it('TIMESTAMP_LTZ: the instant, written in the session time zone (UTC)', async () => {
    const { statement, row } = await select("SELECT '2024-01-02 03:04:05.123+02:00'::TIMESTAMP_LTZ, NULL::TIMESTAMP_LTZ");
    expect(types(statement)).toEqual(['timestamp_ltz', 'timestamp_ltz']);
    expect(instant(row[0])).toEqual({ ms: Date.UTC(2024, 0, 2, 1, 4, 5, 123), json: '2024-01-02 01:04:05.123 +0000' });
    expect(row[1]).toBeNull();
  });

  it('TIMESTAMP_TZ: the same instant as Snowflake, reported as TIMESTAMP_LTZ without its own offset (docs/local-warehouse.md)', async () => {
    const { statement, row } = await select("SELECT '2024-01-02 03:04:05.123+02:00'::TIMESTAMP_TZ, NULL::TIMESTAMP_TZ");
    expect(types(statement)).toEqual(['timestamp_ltz', 'timestamp_ltz']);
    expect((row[0] as Date).getTime()).toBe(Date.UTC(2024, 0, 2, 1, 4, 5, 123));
    expect(row[1]).toBeNull();
  });

  it('VARIANT: the JSON value it holds, whatever its kind', async () => {
    const { statement, row } = await select("SELECT {'a': 1, 'b': [1, 2]}::VARIANT, 'text'::VARIANT, 3::VARIANT, NULL::VARIANT");
    expect(types(statement)).toEqual(['variant', 'variant', 'variant', 'variant']);
    expect(row).toEqual([{ a: 1, b: [1, 2] }, 'text', 3, null]);
    // The wire text is Snowflake's display form: two-space indentation, one pair per line.
    expect((await select("SELECT {'a': 1, 'b': [2]}::VARIANT", ['JSON'])).row).toEqual(['{\n  "a": 1,\n  "b": [\n    2\n  ]\n}']);
  });

  it('OBJECT and ARRAY: parsed objects and arrays', async () => {
    const { statement, row } = await select("SELECT {'a': 1, 'b': 'x'}, [1, 2, 3], NULL::OBJECT, NULL::ARRAY");
    expect(types(statement)).toEqual(['object', 'array', 'object', 'array']);
    expect(row).toEqual([{ a: 1, b: 'x' }, [1, 2, 3], null, null]);
  });

  it('BINARY: Buffers, from text read as hex', async () => {
    const { statement, row } = await select("SELECT '01AB'::BINARY, CAST('' AS BINARY), NULL::BINARY");
    expect(types(statement)).toEqual(['binary', 'binary', 'binary']);
    expect(row.map((value) => (Buffer.isBuffer(value) ? value.toString('hex') : value))).toEqual(['01ab', '', null]);
    expect((await select("SELECT '01AB'::BINARY", ['Buffer'])).row).toEqual(['01AB']);
  });

  it('keeps every type through a table declared with Snowflake type names', async () => {
    const columns = 'f NUMBER(10,2), r FLOAT, t VARCHAR, b BOOLEAN, d DATE, tm TIME, ntz TIMESTAMP_NTZ, ltz TIMESTAMP_LTZ, v VARIANT, bin BINARY';
    await select(`CREATE OR REPLACE TABLE every_type (${columns})`);
    await select(
      "INSERT INTO every_type SELECT 12.5, 0.25, 'x', TRUE, '2024-01-02', '10:11:12', '2024-01-02 03:04:05', '2024-01-02 03:04:05+00', [1]::VARIANT, '01AB'::BINARY",
    );
    await select('INSERT INTO every_type (f) VALUES (NULL)');
    const rows = await new Promise<unknown[][]>((resolve, reject) => {
      local.connection.execute({
        sqlText: 'SELECT * FROM every_type ORDER BY f NULLS LAST',
        rowMode: 'array',
        complete: (error, statement, result) => (error ? reject(error) : resolve(result as unknown[][])),
      });
    });
    const comparable = (value: unknown) => (value instanceof Date ? value.getTime() : Buffer.isBuffer(value) ? value.toString('hex') : value);
    expect(rows[0].map(comparable)).toEqual([
      12.5,
      0.25,
      'x',
      true,
      Date.UTC(2024, 0, 2),
      '10:11:12',
      Date.UTC(2024, 0, 2, 3, 4, 5),
      Date.UTC(2024, 0, 2, 3, 4, 5),
      [1],
      '01ab',
    ]);
    expect(rows[1]).toEqual([null, null, null, null, null, 'NULL', null, null, null, null]);
  });
});
