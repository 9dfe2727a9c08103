/**
 * Bind variables through snowflake-sdk against the real local warehouse: both placeholder forms,
 * each type the driver binds (connection/statement.js buildBindsMap picks TEXT, FIXED, REAL,
 * BOOLEAN or VARIANT from the JS value, and sends Dates as ISO text), NULLs, array binding and
 * a missing value. The typed binds other drivers send (DATE, TIME, TIMESTAMP_*, BINARY) are
 * checked at the HTTP boundary, where snowflake-sdk cannot reach.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { rawSession, useConnectedWarehouse } from '@/test/local-warehouse';
import { execute, type Binds } from '@/lib/warehouse/sdk';

const local = useConnectedWarehouse();

async function row(sqlText: string, binds: Binds): Promise<{ types: string[]; values: unknown[] }> {
  const { statement, rows } = await execute<unknown[]>(local.connection, sqlText, { binds, rowMode: 'array' });
  return { types: (statement.getColumns() ?? []).map((column) => column.getType()), values: rows[0] };
}

function failure(sqlText: string, binds: Binds): Promise<{ code?: string; sqlState?: string; message: string }> {
  return execute(local.connection, sqlText, { binds }).then(
    () => {
      throw new Error(`expected ${sqlText} to fail`);
    },
    (error: { code?: string; sqlState?: string; message: string }) => error,
  );
}

describe('bind variables through snowflake-sdk', () => {
  beforeAll(async () => {
    await execute(local.connection, 'CREATE OR REPLACE TABLE bound (n NUMBER, s VARCHAR, ts TIMESTAMP_NTZ, b BINARY, v VARIANT)');
  });

  it('fills ? placeholders in order, each value typed as the driver bound it', async () => {
    const { types, values } = await row('SELECT ? AS T, ? AS F, ? AS R, ? AS B', ['a', 42, 2.5, true]);
    expect(types).toEqual(['text', 'fixed', 'real', 'boolean']);
    expect(values).toEqual(['a', 42, 2.5, true]);
  });

  it('fills :n placeholders by position, as often as they appear', async () => {
    expect((await row('SELECT :2 AS A, :1 AS B, :2 AS C', ['x', 7])).values).toEqual([7, 'x', 7]);
  });

  it('binds NULL as SQL NULL, not as text', async () => {
    expect((await row('SELECT ? IS NULL, ?::NUMBER, COALESCE(?, \'none\')', [null, null, null])).values).toEqual([true, null, 'none']);
  });

  it('binds text that looks like SQL as text', async () => {
    const text = "x'); DROP TABLE bound; -- \\ ?";
    expect((await row('SELECT ? AS T', [text])).values).toEqual([text]);
  });

  it('binds a Date (sent as ISO text) into a timestamp, and hex text into BINARY', async () => {
    const at = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 123));
    // The driver binds Dates (buildBindsMap sends toJSON()), though its typings leave them out.
    const withDate = (...values: unknown[]) => values as Binds;
    await execute(local.connection, 'INSERT INTO bound (n, ts, b) SELECT ?, ?, ?::BINARY', { binds: withDate(1, at, '01ab') });
    const { values } = await row('SELECT ts, ?::TIMESTAMP_NTZ, b FROM bound WHERE n = ?', withDate(at, 1));
    expect((values[0] as Date).getTime()).toBe(at.getTime());
    expect((values[1] as Date).getTime()).toBe(at.getTime());
    expect((values[2] as Buffer).toString('hex')).toBe('01ab');
  });

  it('binds a JS object or array (VARIANT) as its JSON text, which a VARIANT column stores parsed', async () => {
    const json = [{ a: 5 }, [1, 2]] as unknown as Binds;
    expect((await row('SELECT ? AS O, ? AS A', json)).values).toEqual(['{"a":5}', '[1,2]']);
    await execute(local.connection, 'INSERT INTO bound (n, v) SELECT 2, ?', { binds: [{ a: 5 }] as unknown as Binds });
    expect((await row('SELECT v FROM bound WHERE n = ?', [2])).values).toEqual([{ a: 5 }]);
  });

  it('inserts every row of an array bind in one statement', async () => {
    const rows = [
      [10, 'ten'],
      [11, null],
      [12, 'twelve'],
    ];
    const { statement } = await execute(local.connection, 'INSERT INTO bound (n, s) VALUES (?, ?)', { binds: rows });
    expect(statement.getNumUpdatedRows()).toBe(3);
    const { rows: stored } = await execute<unknown[]>(local.connection, 'SELECT n, s FROM bound WHERE n >= 10 ORDER BY n', { rowMode: 'array' });
    expect(stored).toEqual(rows);
  });

  it("fails a placeholder without a value with Snowflake's 002049, naming the placeholder and its position", async () => {
    expect(await failure('SELECT ?, ?', [1])).toMatchObject({
      code: '002049',
      sqlState: '42601',
      message: 'SQL compilation error: error line 1 at position 10\nBind variable ? not set.',
    });
    expect((await failure('SELECT :1,\n :3', ['a', 'b'])).message).toBe('SQL compilation error: error line 2 at position 1\nBind variable :3 not set.');
    expect((await failure('SELECT ?', [])).code).toBe('002049');
  });
});

describe('typed binds as other drivers send them', () => {
  it('binds DATE, TIME, TIMESTAMP_NTZ/LTZ/TZ and BINARY values as those types', async () => {
    const session = await rawSession(local.warehouse);
    const answer = await session.query({
      sqlText: 'SELECT ?, ?, ?, ?, ?, ?, ?',
      bindings: {
        '1': { type: 'DATE', value: '1704153600000' },
        '2': { type: 'TIME', value: '36672500000000' },
        '3': { type: 'TIMESTAMP_NTZ', value: '1704164645123456000' },
        '4': { type: 'TIMESTAMP_LTZ', value: '1704164645000000000' },
        '5': { type: 'TIMESTAMP_TZ', value: '1704164645000000000 1560' },
        '6': { type: 'BINARY', value: '01ab' },
        '7': { type: 'ANY', value: null },
      },
    });
    expect(answer.success).toBe(true);
    expect(answer.data.rowtype.slice(0, 6).map((column: { type: string }) => column.type)).toEqual([
      'date',
      'time',
      'timestamp_ntz',
      'timestamp_ltz',
      'timestamp_ltz',
      'binary',
    ]);
    expect(answer.data.rowset).toEqual([
      ['19724', '36672.500000000', '1704164645.123456000', '1704164645.000000000', '1704164645.000000000', '01AB', null],
    ]);
  });
});
