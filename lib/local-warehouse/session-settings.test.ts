/**
 * Session variables and session parameters through the real snowflake-sdk against the real local
 * warehouse: what a session sets holds for its later statements (also in a multi-statement
 * request), reaches the driver (output formats, TIMEZONE) and DuckDB (time zone, timeout), and
 * never another session's, although sessions share DuckDB's connections.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useConnectedWarehouse } from '@/test/local-warehouse';
import { connect, destroy, execute, type Connection } from '@/lib/warehouse/sdk';

const ctx = useConnectedWarehouse();
let other: Connection;

beforeAll(async () => {
  other = await connect(ctx.warehouse.connectionOptions());
});

afterAll(async () => {
  await destroy(other);
});

async function rows(sql: string, connection = ctx.connection): Promise<unknown[][]> {
  return (await execute<unknown[]>(connection, sql, { rowMode: 'array' })).rows;
}

/** The rows of each statement of a request, fetched one after the other as snowflake-sdk hands them over. */
function results(sql: string, parameters?: Record<string, unknown>): Promise<unknown[][][]> {
  const all: unknown[][][] = [];
  return new Promise((resolve, reject) => {
    ctx.connection.execute({
      sqlText: sql,
      parameters,
      rowMode: 'array',
      complete: (error, statement, result) => {
        if (error) return reject(error);
        all.push((result ?? []) as unknown[][]);
        const multi = statement as unknown as { hasNext(): boolean; NextResult(): void };
        if (multi.hasNext()) multi.NextResult();
        else resolve(all);
      },
    });
  });
}

/** Column names of a statement's result. */
async function columnsOf(sql: string): Promise<string[]> {
  const { statement } = await execute(ctx.connection, sql);
  return (statement.getColumns() ?? []).map((column) => column.getName());
}

/** Every cell as the text the driver shows in the session's output formats. */
function text(sql: string, connection = ctx.connection): Promise<unknown[][]> {
  return new Promise((resolve, reject) => {
    connection.execute({
      sqlText: sql,
      rowMode: 'array',
      fetchAsString: ['Date', 'Buffer', 'Number'],
      complete: (error, _statement, result) => (error ? reject(error) : resolve((result ?? []) as unknown[][])),
    });
  });
}

describe('session variables', () => {
  it('SET gives $name a value of the expression\'s type, by case-insensitive name, evaluated before anything is assigned', async () => {
    await rows("SET (v_num, v_text) = (10.5, 'it''s')");
    await rows('SET v_day = CURRENT_DATE()');
    const { statement, rows: values } = await execute<unknown[]>(ctx.connection, 'SELECT $V_NUM * 2, $v_text, $v_day = CURRENT_DATE()', { rowMode: 'array' });
    expect(values).toEqual([[21, "it's", true]]);
    expect((statement.getColumns() ?? []).map((column) => [column.getName(), column.getType()])).toEqual([
      ['$V_NUM * 2', 'fixed'],
      ['$V_TEXT', 'text'],
      ['$V_DAY = CURRENT_DATE()', 'boolean'],
    ]);
    await rows('SET (lo, hi) = (40, 70)');
    await rows('SET (lo, hi) = (50, 2 * $lo)');
    expect(await rows('SELECT $lo, $hi')).toEqual([[50, 80]]);
  });

  it('answers Snowflake\'s 002211 for a variable that does not exist, and SET never reaches the engine\'s settings', async () => {
    await expect(rows('SELECT 1 AS a,\n  $never_set')).rejects.toMatchObject({
      code: '002211',
      sqlState: '02000',
      message: "SQL compilation error: error line 2 at position 2\nSession variable '$NEVER_SET' does not exist",
    });
    expect(await rows('SET access_mode = 1')).toEqual([['Statement executed successfully.']]);
    expect(await rows('SELECT $access_mode')).toEqual([[1]]);
  });

  it('belongs to its session', async () => {
    await rows("SET only_mine = 'x'");
    await expect(rows('SELECT $only_mine', other)).rejects.toMatchObject({ code: '002211' });
    expect(await rows('SELECT $only_mine')).toEqual([['x']]);
  });

  it('names objects through IDENTIFIER($name) and TABLE($name)', async () => {
    await rows("SET tbl = 'session_vars_t'");
    expect(await rows('CREATE TABLE IDENTIFIER($tbl) (i INT)')).toEqual([['Table SESSION_VARS_T successfully created.']]);
    await rows('INSERT INTO IDENTIFIER($tbl) (i) VALUES (42)');
    expect(await rows('SELECT i FROM TABLE($tbl)')).toEqual([[42]]);
    await rows("SET bad = 't; DROP TABLE x'");
    await expect(rows('SELECT * FROM IDENTIFIER($bad)')).rejects.toMatchObject({ code: '000904' });
  });

  it('lists variables in SHOW VARIABLES with Snowflake\'s columns, and UNSET removes them', async () => {
    await rows("SET (show_a, show_b) = (1, 'b')");
    expect(await columnsOf('SHOW VARIABLES')).toEqual(['session_id', 'created_on', 'updated_on', 'name', 'value', 'type', 'comment']);
    const listed = await rows("SHOW VARIABLES LIKE 'show_%'");
    expect(listed.map((row) => row.slice(3))).toEqual([['SHOW_A', '1', 'fixed', ''], ['SHOW_B', 'b', 'text', '']]);
    expect(typeof listed[0][0]).toBe('number');
    await rows('UNSET (show_a, show_b)');
    expect(await rows("SHOW VARIABLES LIKE 'show_%'")).toEqual([]);
    await expect(rows('SELECT $show_a')).rejects.toMatchObject({ code: '002211' });
  });

  it('holds from one statement of a multi-statement request to the next, and for the session afterwards', async () => {
    expect(await results('SET chained = 7; SELECT $chained * 2; SET doubled = $chained * 2', { MULTI_STATEMENT_COUNT: 3 })).toEqual([
      [['Statement executed successfully.']],
      [[14]],
      [['Statement executed successfully.']],
    ]);
    expect(await rows('SELECT $doubled')).toEqual([[14]]);
  });
});

describe('session parameters', () => {
  it('TIMEZONE moves CURRENT_TIMESTAMP and TIMESTAMP_LTZ values for its session only, on shared connections', async () => {
    expect(await rows("ALTER SESSION SET TIMEZONE = 'Asia/Kolkata'")).toEqual([['Statement executed successfully.']]);
    for (let round = 0; round < 3; round += 1) {
      expect(await text("SELECT '2024-01-01 12:00:00'::TIMESTAMP_LTZ")).toEqual([['2024-01-01 12:00:00.000 +0530']]);
      expect(await text("SELECT '2024-01-01 12:00:00'::TIMESTAMP_LTZ", other)).toEqual([['2024-01-01 12:00:00.000 +0000']]);
    }
    const [[now]] = await text('SELECT CURRENT_TIMESTAMP()');
    expect(now).toMatch(/ \+0530$/);
    await rows('ALTER SESSION UNSET TIMEZONE');
    expect(await text("SELECT '2024-01-01 12:00:00'::TIMESTAMP_LTZ")).toEqual([['2024-01-01 12:00:00.000 +0000']]);
  });

  it('output formats change what the driver shows, several set in one statement', async () => {
    await rows(
      "ALTER SESSION SET DATE_OUTPUT_FORMAT = 'DD/MM/YYYY' TIMESTAMP_NTZ_OUTPUT_FORMAT = 'YYYY-MM-DD HH24:MI', BINARY_OUTPUT_FORMAT = 'base64'",
    );
    expect(await text("SELECT '2024-03-04'::DATE, '2024-03-04 05:06:07'::TIMESTAMP_NTZ, '414243'::BINARY")).toEqual([['04/03/2024', '2024-03-04 05:06', 'QUJD']]);
    expect(await text("SELECT '2024-03-04'::DATE", other)).toEqual([['2024-03-04']]);
    await rows('ALTER SESSION UNSET DATE_OUTPUT_FORMAT, TIMESTAMP_NTZ_OUTPUT_FORMAT, BINARY_OUTPUT_FORMAT');
    expect(await text("SELECT '2024-03-04'::DATE, '414243'::BINARY")).toEqual([['2024-03-04', '414243']]);
  });

  it('JS_TREAT_INTEGER_AS_BIGINT reaches the driver', async () => {
    await rows('ALTER SESSION SET JS_TREAT_INTEGER_AS_BIGINT = TRUE');
    const [[value]] = await rows('SELECT 12345');
    await rows('ALTER SESSION UNSET JS_TREAT_INTEGER_AS_BIGINT');
    // snowflake-sdk's wrapper of an integer read as BigInt.
    expect(value).toMatchObject({ value: 12345n });
    expect(await rows('SELECT 12345')).toEqual([[12345]]);
  });

  it('MULTI_STATEMENT_COUNT holds for the session\'s later requests', async () => {
    await rows('ALTER SESSION SET MULTI_STATEMENT_COUNT = 0');
    expect(await results('SELECT 1; SELECT 2')).toEqual([[[1]], [[2]]]);
    await rows('ALTER SESSION UNSET MULTI_STATEMENT_COUNT');
    await expect(execute(ctx.connection, 'SELECT 1; SELECT 2')).rejects.toMatchObject({ code: '000008' });
  });

  it('STATEMENT_TIMEOUT_IN_SECONDS cancels a statement that runs longer, with Snowflake\'s 000630', async () => {
    await rows('ALTER SESSION SET STATEMENT_TIMEOUT_IN_SECONDS = 1');
    await expect(rows('CALL SYSTEM$WAIT(3)')).rejects.toMatchObject({
      code: '000630',
      sqlState: '57014',
      message: 'Statement reached its statement or warehouse timeout of 1 second(s) and was canceled.',
    });
    expect(await rows('CALL SYSTEM$WAIT(3)', other)).toEqual([['waited 3 seconds']]);
    await rows('ALTER SESSION UNSET STATEMENT_TIMEOUT_IN_SECONDS');
  });

  it('SHOW PARAMETERS lists every session parameter with its value, default and level', async () => {
    await rows("ALTER SESSION SET USE_CACHED_RESULT = FALSE QUERY_TAG = 'shown'");
    expect(await columnsOf('SHOW PARAMETERS')).toEqual(['key', 'value', 'default', 'level', 'description', 'type']);
    const listed = await rows("SHOW PARAMETERS LIKE 'use_cached%' IN SESSION");
    expect(listed.map((row) => [row[0], row[1], row[2], row[3], row[5]])).toEqual([['USE_CACHED_RESULT', 'false', 'true', 'SESSION', 'BOOLEAN']]);
    expect((await rows("SHOW PARAMETERS LIKE 'QUERY_TAG'")).map((row) => row.slice(0, 4))).toEqual([['QUERY_TAG', 'shown', '', 'SESSION']]);
    expect((await rows('SHOW PARAMETERS', other)).find((row) => row[0] === 'USE_CACHED_RESULT')?.slice(0, 4)).toEqual(['USE_CACHED_RESULT', 'true', 'true', '']);
    await rows('ALTER SESSION UNSET USE_CACHED_RESULT, QUERY_TAG');
  });

  it('refuses, and applies nothing of, a statement naming an unknown parameter or a value it cannot take', async () => {
    await expect(rows("ALTER SESSION SET DATE_OUTPUT_FORMAT = 'YYYY' NO_SUCH_PARAMETER = 1")).rejects.toMatchObject({
      code: '001006',
      sqlState: '22023',
      message: "SQL compilation error:\ninvalid parameter 'NO_SUCH_PARAMETER'",
    });
    expect(await text("SELECT '2024-03-04'::DATE")).toEqual([['2024-03-04']]);
    await expect(rows("ALTER SESSION SET TIMEZONE = 'Not/AZone'")).rejects.toMatchObject({
      code: '001008',
      message: "SQL compilation error:\ninvalid value [Not/AZone] for parameter 'TIMEZONE'",
    });
    await expect(rows('ALTER SESSION SET AUTOCOMMIT = FALSE')).rejects.toMatchObject({
      code: '000002',
      message: "Unsupported feature 'ALTER SESSION SET AUTOCOMMIT = FALSE' in the local warehouse.",
    });
    await expect(rows('ALTER SESSION UNSET NO_SUCH_PARAMETER')).rejects.toMatchObject({ code: '001006' });
  });
});
