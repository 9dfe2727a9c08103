/**
 * A task's body may be a Snowflake Scripting block or a CALL of a procedure, and a run of it is
 * a script like any other: its statements run as queries of their own.
 * https://docs.snowflake.com/en/sql-reference/sql/create-task
 */
import { expect, it } from 'vitest';
import { execute } from '@/lib/warehouse/sdk';
import { useConnectedWarehouse } from '@/test/local-warehouse';

const ctx = useConnectedWarehouse();

const values = async (sqlText: string) => (await execute<unknown[]>(ctx.connection, sqlText, { rowMode: 'array' })).rows;

async function runsOf(): Promise<unknown[][]> {
  const read = () => values("SELECT NAME, STATE FROM TABLE(INFORMATION_SCHEMA.TASK_HISTORY()) WHERE STATE <> 'SCHEDULED' ORDER BY NAME");
  const deadline = Date.now() + 15_000;
  let runs = await read();
  while ((runs.length < 2 || runs.some(([, state]) => state === 'EXECUTING')) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    runs = await read();
  }
  return runs;
}

it('runs a task whose body is a block, and one whose body CALLs a procedure', async () => {
  await values('CREATE OR REPLACE TABLE task_rows (n INT)');
  await values(`CREATE OR REPLACE PROCEDURE add_two() RETURNS VARCHAR AS $$
    BEGIN
      INSERT INTO task_rows VALUES (2);
      RETURN 'added';
    END;
  $$`);
  await values(`CREATE OR REPLACE TASK block_task WAREHOUSE = COMPUTE_WH SCHEDULE = '60 MINUTE' AS
    BEGIN
      LET n INT := 0;
      FOR i IN 1 TO 3 DO
        n := n + i;
      END FOR;
      INSERT INTO task_rows VALUES (:n);
    END;`);
  await values("CREATE OR REPLACE TASK call_task WAREHOUSE = COMPUTE_WH SCHEDULE = '60 MINUTE' AS CALL add_two()");
  await values('EXECUTE TASK block_task');
  await values('EXECUTE TASK call_task');
  expect(await runsOf()).toEqual([
    ['BLOCK_TASK', 'SUCCEEDED'],
    ['CALL_TASK', 'SUCCEEDED'],
  ]);
  expect(await values('SELECT n FROM task_rows ORDER BY n')).toEqual([[2], [6]]);
  // The block's INSERT ran as a query of its own.
  expect(await values("SELECT QUERY_TYPE FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY()) WHERE QUERY_TEXT = 'INSERT INTO task_rows VALUES (6)'")).toEqual([['INSERT']]);
});
