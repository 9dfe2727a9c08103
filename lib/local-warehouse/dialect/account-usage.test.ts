/**
 * SNOWFLAKE.ACCOUNT_USAGE views through snowflake-sdk against a real local warehouse: what each
 * view shows of failed queries and task runs, how the views join and alias like tables, and the
 * refusal of the views the warehouse does not keep.
 */
import { describe, expect, it } from 'vitest';
import { useConnectedWarehouse } from '@/test/local-warehouse';
import { execute } from '@/lib/warehouse/sdk';

const local = useConnectedWarehouse();

async function run(sql: string): Promise<Record<string, unknown>[]> {
  return (await execute(local.connection, sql)).rows as Record<string, unknown>[];
}

describe('SNOWFLAKE.ACCOUNT_USAGE', () => {
  it('shows ended queries in QUERY_HISTORY, a failed one as FAIL with its error', async () => {
    await run('SELECT 7 AS AU_OK');
    await expect(run('SELECT * FROM AU_NO_SUCH_TABLE')).rejects.toThrow(/does not exist/);
    const rows = await run(
      `SELECT QUERY_TEXT, EXECUTION_STATUS, ERROR_CODE, ROWS_PRODUCED, START_TIME <= END_TIME AS ORDERED, TOTAL_ELAPSED_TIME >= 0 AS ELAPSED
       FROM SNOWFLAKE.ACCOUNT_USAGE.QUERY_HISTORY WHERE QUERY_TEXT LIKE '%AU_%' AND QUERY_TEXT NOT LIKE '%ACCOUNT_USAGE%' ORDER BY START_TIME`,
    );
    expect(rows).toEqual([
      { QUERY_TEXT: 'SELECT 7 AS AU_OK', EXECUTION_STATUS: 'SUCCESS', ERROR_CODE: null, ROWS_PRODUCED: 1, ORDERED: true, ELAPSED: true },
      { QUERY_TEXT: 'SELECT * FROM AU_NO_SUCH_TABLE', EXECUTION_STATUS: 'FAIL', ERROR_CODE: '002003', ROWS_PRODUCED: null, ORDERED: true, ELAPSED: true },
    ]);
    // The statement asking is still running, so it is not in the view.
    expect(await run(`SELECT COUNT(*) AS N FROM SNOWFLAKE.ACCOUNT_USAGE.QUERY_HISTORY WHERE QUERY_TEXT LIKE '%COUNT(*) AS N FROM SNOWFLAKE%'`)).toEqual([{ N: 0 }]);
  });

  it('joins and aliases a view like a table, with or without AS', async () => {
    await run('SELECT 8 AS AU_JOINED');
    const rows = await run(
      `SELECT query_history.QUERY_TEXT, q.EXECUTION_STATUS FROM snowflake.account_usage.query_history
       JOIN snowflake.account_usage.query_history AS q ON q.QUERY_ID = query_history.QUERY_ID
       WHERE query_history.QUERY_TEXT = 'SELECT 8 AS AU_JOINED'`,
    );
    expect(rows).toEqual([{ QUERY_TEXT: 'SELECT 8 AS AU_JOINED', EXECUTION_STATUS: 'SUCCESS' }]);
  });

  it('shows completed task runs in TASK_HISTORY, a failed one with its numeric ERROR_CODE, and serverless runs in SERVERLESS_TASK_HISTORY', async () => {
    await run('CREATE TASK AU_FAILS AS SELECT * FROM AU_NO_SUCH_TABLE');
    await run('CREATE TASK AU_SERVERLESS AS SELECT 1');
    await run('EXECUTE TASK AU_FAILS AWAIT');
    await run('EXECUTE TASK AU_SERVERLESS AWAIT');
    expect(
      await run(`SELECT NAME, STATE, ERROR_CODE, ERROR_MESSAGE LIKE '%AU_NO_SUCH_TABLE%' AS NAMED FROM SNOWFLAKE.ACCOUNT_USAGE.TASK_HISTORY WHERE NAME LIKE 'AU_%' ORDER BY NAME`),
    ).toEqual([
      { NAME: 'AU_FAILS', STATE: 'FAILED', ERROR_CODE: 2003, NAMED: true },
      { NAME: 'AU_SERVERLESS', STATE: 'SUCCEEDED', ERROR_CODE: null, NAMED: null },
    ]);
    await run('ALTER TASK AU_SERVERLESS SET SCHEDULE = \'5 MINUTES\'');
    await run('ALTER TASK AU_SERVERLESS RESUME');
    // The next scheduled run is in INFORMATION_SCHEMA.TASK_HISTORY(), never in the view.
    expect(await run(`SELECT COUNT(*) AS N FROM SNOWFLAKE.ACCOUNT_USAGE.TASK_HISTORY WHERE STATE = 'SCHEDULED'`)).toEqual([{ N: 0 }]);
    await run('ALTER TASK AU_SERVERLESS SUSPEND');
    expect(await run(`SELECT TASK_NAME, CREDITS_USED, TASK_ID FROM SNOWFLAKE.ACCOUNT_USAGE.SERVERLESS_TASK_HISTORY WHERE TASK_NAME LIKE 'AU_%' ORDER BY TASK_NAME`)).toEqual([
      { TASK_NAME: 'AU_FAILS', CREDITS_USED: null, TASK_ID: null },
      { TASK_NAME: 'AU_SERVERLESS', CREDITS_USED: null, TASK_ID: null },
    ]);
  });

  it('refuses the views the local warehouse does not keep', async () => {
    await expect(run('SELECT * FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY')).rejects.toMatchObject({
      code: '000002',
      message: "Unsupported feature 'SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY' in the local warehouse.",
    });
  });
});
