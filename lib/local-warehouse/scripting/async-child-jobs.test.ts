/**
 * The documented behaviours of asynchronous child jobs, each through the real snowflake-sdk
 * against the local warehouse: a child's status before it ends, cancelling a child before it
 * inserts, AWAIT blocking until it is done, returning an unfinished result, the parent ending
 * first (its child is cancelled), and children running at once.
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/asynchronous-child-jobs
 * https://docs.snowflake.com/en/sql-reference/snowflake-scripting/await
 * https://docs.snowflake.com/en/sql-reference/snowflake-scripting/cancel
 */
import { describe, expect, it } from 'vitest';
import { execute } from '@/lib/warehouse/sdk';
import { useConnectedWarehouse } from '@/test/local-warehouse';

// Eight slots, as a warehouse's default MAX_CONCURRENCY_LEVEL, so six children can all run at once.
const ctx = useConnectedWarehouse({ concurrency: 8 });

const values = async (sqlText: string) => (await execute<unknown[]>(ctx.connection, sqlText, { rowMode: 'array' })).rows;
const count = async (table: string) => Number((await values(`SELECT COUNT(*) FROM ${table}`))[0][0]);

/** The child's history rows (by text), once none is running any more. */
async function settledChildren(textLike: string): Promise<Record<string, unknown>[]> {
  const read = async () =>
    (
      await execute<Record<string, unknown>>(
        ctx.connection,
        `SELECT QUERY_TEXT, EXECUTION_STATUS, START_TIME, END_TIME, EXECUTION_TIME FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY())
         WHERE QUERY_TEXT LIKE '${textLike}' AND QUERY_TEXT NOT LIKE '%QUERY_HISTORY%' ORDER BY START_TIME`,
      )
    ).rows;
  const deadline = Date.now() + 15_000;
  let rows = await read();
  while (rows.some((row) => row.EXECUTION_STATUS === 'RUNNING' || row.EXECUTION_STATUS === 'QUEUED') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    rows = await read();
  }
  return rows;
}

describe('asynchronous child jobs', () => {
  it('reports a child that has not finished as running', async () => {
    const [[status]] = await values(`BEGIN
      LET rs RESULTSET := ASYNC (CALL SYSTEM$WAIT(2));
      LET seen VARCHAR := SYSTEM$GET_RESULTSET_STATUS(rs);
      CANCEL rs;
      RETURN seen;
    END;`);
    expect(['QUEUED', 'RUNNING']).toContain(status);
  });

  it('cancels a child before it inserts, so nothing is inserted', async () => {
    await values('CREATE OR REPLACE TABLE cancelled_insert (n INT)');
    const [[status]] = await values(`BEGIN
      LET rs RESULTSET := ASYNC (INSERT INTO cancelled_insert SELECT 1 FROM (SELECT SYSTEM$WAIT(2) AS w));
      CANCEL rs;
      RETURN SYSTEM$GET_RESULTSET_STATUS(rs);
    END;`);
    expect(['ABORTING', 'ABORTED']).toContain(status);
    const [child] = await settledChildren('INSERT INTO cancelled_insert%');
    expect(child.EXECUTION_STATUS).toBe('FAILED_WITH_ERROR');
    expect(await count('cancelled_insert')).toBe(0);
  });

  it('blocks on AWAIT until the child is done, then reads its rows', async () => {
    const [[answer]] = await values(`BEGIN
      LET rs RESULTSET := ASYNC (SELECT 40 + 2 AS n FROM (SELECT SYSTEM$WAIT(1) AS w));
      AWAIT rs;
      LET status VARCHAR := SYSTEM$GET_RESULTSET_STATUS(rs);
      LET c CURSOR FOR rs;
      FOR row_variable IN c DO
        RETURN status || ' ' || row_variable.n;
      END FOR;
    END;`);
    expect(answer).toBe('SUCCESS 42');
  });

  it('refuses to return the result of a child that has not been awaited', async () => {
    await expect(
      values(`BEGIN
        LET rs RESULTSET := ASYNC (SELECT 1 AS n FROM (SELECT SYSTEM$WAIT(1) AS w));
        RETURN TABLE(rs);
      END;`),
    ).rejects.toMatchObject({ message: expect.stringContaining('AWAIT') });
  });

  it('cancels a child still running when the block ends first: it inserts nothing', async () => {
    await values('CREATE OR REPLACE TABLE orphan_insert (n INT)');
    expect(
      await values(`BEGIN
        ASYNC (INSERT INTO orphan_insert SELECT 1 FROM (SELECT SYSTEM$WAIT(2) AS w));
        RETURN 'returned';
      END;`),
    ).toEqual([['returned']]);
    const [child] = await settledChildren('INSERT INTO orphan_insert%');
    expect(child.EXECUTION_STATUS).toBe('FAILED_WITH_ERROR');
    expect(await count('orphan_insert')).toBe(0);
  });

  it('runs six children at once: all six are executing before the first one ends', async () => {
    await values('CREATE OR REPLACE TABLE six_children (n INT)');
    const waits = [2, 2, 2, 1, 1, 1];
    const [[answer]] = await values(`BEGIN
      ${waits.map((seconds, i) => `ASYNC (INSERT INTO six_children SELECT ${i} FROM (SELECT SYSTEM$WAIT(${seconds}) AS w));`).join('\n      ')}
      AWAIT ALL;
      RETURN 'done';
    END;`);
    expect(answer).toBe('done');
    expect(await count('six_children')).toBe(6);
    const children = await settledChildren('INSERT INTO six_children%');
    expect(children).toHaveLength(6);
    // START_TIME is when a query was received; it began executing EXECUTION_TIME before it ended.
    const end = (row: Record<string, unknown>) => (row.END_TIME as Date).getTime();
    const executing = (row: Record<string, unknown>) => end(row) - Number(row.EXECUTION_TIME);
    expect(Math.max(...children.map(executing))).toBeLessThan(Math.min(...children.map(end)));
    // Sequentially they would take 9 s: the last would end at least 9 s after the first began.
    expect(Math.max(...children.map(end)) - Math.min(...children.map(executing))).toBeLessThan(9_000);
  });
});
