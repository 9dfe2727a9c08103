/**
 * Multi-statement requests through the real snowflake-sdk against the real local warehouse:
 * MULTI_STATEMENT_COUNT as the driver sends it, each statement's result fetched with
 * hasNext()/NextResult(), synchronously and with asyncExec, statements running in order in one
 * session, the first failure stopping the rest, and every statement (and the request) in history.
 */
import type snowflake from 'snowflake-sdk';
import { describe, expect, it } from 'vitest';
import { useConnectedWarehouse, waitForStatus } from '@/test/local-warehouse';
import { execute, submitAsync, type Connection } from '@/lib/warehouse/sdk';

const ctx = useConnectedWarehouse();

type MultiStatement = snowflake.FileAndStageBindStatement;

interface StatementResult {
  queryId: string;
  sqlText: string;
  rows: unknown[][];
}

/**
 * Collects each statement's result as an application does with snowflake-sdk: `complete` is
 * called once per statement, and NextResult() fetches the next one.
 */
function collect(resolve: (results: StatementResult[]) => void, reject: (error: unknown) => void) {
  const results: StatementResult[] = [];
  return (error: snowflake.SnowflakeError | undefined, statement: snowflake.RowStatement, rows: unknown[] | undefined) => {
    if (error) return reject(error);
    const multi = statement as MultiStatement;
    results.push({ queryId: multi.getQueryId(), sqlText: multi.getSqlText(), rows: (rows ?? []) as unknown[][] });
    if (multi.hasNext()) multi.NextResult();
    else resolve(results);
  };
}

function executeMany(connection: Connection, sqlText: string, count: number): Promise<StatementResult[]> {
  return new Promise((resolve, reject) => {
    connection.execute({ sqlText, parameters: { MULTI_STATEMENT_COUNT: count }, rowMode: 'array', complete: collect(resolve, reject) });
  });
}

/** asyncExec: the driver gets the request's id at once and fetches its statements' results later. */
async function executeManyAsync(connection: Connection, sqlText: string, count: number): Promise<{ requestId: string; results: StatementResult[] }> {
  const requestId = await submitAsync(connection, sqlText, { parameters: { MULTI_STATEMENT_COUNT: count } });
  const results = await new Promise<StatementResult[]>((resolve, reject) => {
    // The driver splits sqlText to name each statement; without it the fetch fails in the driver.
    connection.getResultsFromQueryId({ queryId: requestId, sqlText, rowMode: 'array', complete: collect(resolve, reject) }).catch(reject);
  });
  return { requestId, results };
}

async function history(connection: Connection, where: string): Promise<unknown[][]> {
  const { rows } = await execute<unknown[]>(
    connection,
    `SELECT QUERY_TEXT, QUERY_TYPE, EXECUTION_STATUS, DATABASE_NAME, ERROR_CODE FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY()) WHERE ${where} ORDER BY START_TIME, QUERY_ID`,
    { rowMode: 'array' },
  );
  return rows;
}

describe('multi-statement requests through snowflake-sdk', () => {
  it('runs each statement as a query of its own and hands back their results one by one', async () => {
    const results = await executeMany(ctx.connection, "CREATE OR REPLACE TABLE MS (N INT);\nINSERT INTO MS VALUES (1), (2); SELECT SUM(N), 'ms' FROM MS", 3);
    expect(results.map((result) => result.rows)).toEqual([
      [['Table MS successfully created.']],
      [[2]],
      [[3, 'ms']],
    ]);
    expect(results.map((result) => result.sqlText)).toEqual(['CREATE OR REPLACE TABLE MS (N INT)', '\nINSERT INTO MS VALUES (1), (2)', " SELECT SUM(N), 'ms' FROM MS"]);
    expect(new Set(results.map((result) => result.queryId)).size).toBe(3);

    // The request is in the history too, as Snowflake shows it, before its statements.
    expect(await history(ctx.connection, "QUERY_TEXT LIKE '%FROM MS%' AND QUERY_TEXT NOT LIKE '%QUERY_HISTORY%'")).toEqual([
      ["CREATE OR REPLACE TABLE MS (N INT);\nINSERT INTO MS VALUES (1), (2); SELECT SUM(N), 'ms' FROM MS", 'MULTI_STATEMENT', 'SUCCESS', 'FLURRY', null],
      ["SELECT SUM(N), 'ms' FROM MS", 'SELECT', 'SUCCESS', 'FLURRY', null],
    ]);
  });

  it('takes any number of statements with MULTI_STATEMENT_COUNT 0, and runs one as an ordinary query', async () => {
    const many = await executeMany(ctx.connection, 'SELECT 1; SELECT 2; SELECT 3; SELECT 4', 0);
    expect(many.map((result) => result.rows)).toEqual([[[1]], [[2]], [[3]], [[4]]]);
    const one = await execute<unknown[]>(ctx.connection, 'SELECT 5', { parameters: { MULTI_STATEMENT_COUNT: 0 }, rowMode: 'array' });
    expect(one.rows).toEqual([[5]]);
  });

  it('runs the statements in order in one session: a USE moves the statements after it, and the session', async () => {
    await execute(ctx.connection, 'CREATE OR REPLACE DATABASE MS_DB');
    const results = await executeMany(
      ctx.connection,
      "USE DATABASE MS_DB; CREATE TABLE T AS SELECT CURRENT_DATABASE() AS D; ALTER SESSION SET QUERY_TAG = 'multi'; SELECT D FROM T",
      4,
    );
    expect(results[3].rows).toEqual([['MS_DB']]);
    const { statement } = await execute(ctx.connection, 'SELECT 1');
    expect((statement.getSessionState() as { getCurrentDatabase(): string }).getCurrentDatabase()).toBe('MS_DB');
    expect(await history(ctx.connection, `QUERY_ID = '${statement.getQueryId()}'`)).toEqual([['SELECT 1', 'SELECT', 'SUCCESS', 'MS_DB', null]]);
    const tags = await execute<unknown[]>(
      ctx.connection,
      `SELECT QUERY_TAG FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY()) WHERE QUERY_ID IN ('${results[3].queryId}', '${statement.getQueryId()}')`,
      { rowMode: 'array' },
    );
    expect(tags.rows).toEqual([['multi'], ['multi']]);
    await execute(ctx.connection, "USE DATABASE FLURRY; ALTER SESSION UNSET QUERY_TAG", { parameters: { MULTI_STATEMENT_COUNT: 2 } });
  });

  it('works with asyncExec: the request id first, then each statement through getResultsFromQueryId', async () => {
    const { requestId, results } = await executeManyAsync(ctx.connection, "SELECT 'a'; CALL SYSTEM$WAIT(300, 'MILLISECONDS'); SELECT 'c'", 3);
    expect(results.map((result) => result.rows)).toEqual([[['a']], [['waited 300 milliseconds']], [['c']]]);
    expect(results.map((result) => result.queryId)).not.toContain(requestId);
    expect(await ctx.connection.getQueryStatus(requestId)).toBe('SUCCESS');
  });

  it('stops at the first statement that fails, with Snowflake\'s error naming it, and runs none after it', async () => {
    const sqlText = "SELECT 1;\nSELECT * FROM MS_NO_SUCH_TABLE_AT_ALL_ANYWHERE; SELECT 'never'";
    const error = await executeMany(ctx.connection, sqlText, 3).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: '100132',
      sqlState: 'P0000',
      message:
        'JavaScript execution error: Uncaught Execution of multiple statements failed on statement ' +
        '"SELECT * FROM MS_NO_SUCH_TABLE..." (at line 2, position 0).\n' +
        "SQL compilation error:\nObject 'MS_NO_SUCH_TABLE_AT_ALL_ANYWHERE' does not exist or not authorized. in SYSTEM$MULTISTMT at " +
        "'    throw `Execution of multiple statements failed on statement {0} (at line {1}, position {2}).`.replace('{1}', LINES[i])' " +
        'position 4\nstackstrace: \nSYSTEM$MULTISTMT line: 10',
    });
    expect(await history(ctx.connection, "QUERY_TEXT LIKE '%MS_NO_SUCH_TABLE%' AND QUERY_TEXT NOT LIKE '%QUERY_HISTORY%' OR QUERY_TEXT = 'SELECT ''never'''")).toEqual([
      [sqlText, 'MULTI_STATEMENT', 'FAILED_WITH_ERROR', 'FLURRY', '100132'],
      ['SELECT * FROM MS_NO_SUCH_TABLE_AT_ALL_ANYWHERE', 'SELECT', 'FAILED_WITH_ERROR', 'FLURRY', '002003'],
    ]);
  });

  it('cancels the statement running when the request is cancelled, and runs none after it', async () => {
    const requestId = await submitAsync(ctx.connection, "CALL SYSTEM$WAIT(30); SELECT 'ms never runs'", { parameters: { MULTI_STATEMENT_COUNT: 2 } });
    await waitForStatus(ctx.connection, requestId, 'RUNNING');
    const waiting = async () => (await history(ctx.connection, "QUERY_TEXT = 'CALL SYSTEM$WAIT(30)'")).at(-1)?.[2];
    for (let tries = 0; tries < 100 && (await waiting()) !== 'RUNNING'; tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    await execute(ctx.connection, `SELECT SYSTEM$CANCEL_QUERY('${requestId}')`);
    await waitForStatus(ctx.connection, requestId, 'ABORTED');
    expect((await history(ctx.connection, "QUERY_TEXT = 'CALL SYSTEM$WAIT(30)'")).at(-1)).toEqual([
      'CALL SYSTEM$WAIT(30)', 'CALL', 'FAILED_WITH_ERROR', 'FLURRY', '000604',
    ]);
    expect(await history(ctx.connection, "QUERY_TEXT = 'SELECT ''ms never runs'''")).toEqual([]);
  });

  it('refuses a text whose statement count is not the one asked for, with 000008', async () => {
    await expect(executeMany(ctx.connection, 'SELECT 1; SELECT 2', 3)).rejects.toMatchObject({
      code: '000008',
      sqlState: '0A000',
      message: 'Actual statement count 2 did not match the desired statement count 3.',
    });
    await expect(execute(ctx.connection, 'SELECT 1; SELECT 2')).rejects.toMatchObject({
      code: '000008',
      message: 'Actual statement count 2 did not match the desired statement count 1.',
    });
    await expect(execute(ctx.connection, 'SELECT ?; SELECT 2', { binds: [1], parameters: { MULTI_STATEMENT_COUNT: 2 } })).rejects.toMatchObject({
      code: '000002',
      message: "Unsupported feature 'bind variables in a multi-statement request' in the local warehouse.",
    });
  });
});
