/**
 * Graph runs on the local warehouse, driven by SQL on a replaceable clock: the documented
 * examples (https://docs.snowflake.com/en/user-guide/tasks-graphs), WHEN, suspended children, timeouts, cancels, retries and
 * auto-suspend, each read back through TASK_HISTORY and its sibling functions.
 */
import { describe, expect, it } from 'vitest';
import { iso, taskFixture, type Row } from './task-fixture';

const START = Date.parse('2026-11-20T12:00:00Z');

const fx = taskFixture();

const states = (rows: Row[]) => Object.fromEntries(rows.map((row) => [row.NAME, row.STATE]));

describe('graph runs', () => {
  it('runs the documented example: B and C in parallel after A, D after both', async () => {
    await fx.open(START);
    await fx.script(`
      CREATE TABLE RUN_LOG (STEP VARCHAR);
      CREATE TASK A WAREHOUSE = LOCAL_WH AS INSERT INTO RUN_LOG VALUES ('A');
      CREATE TASK B AFTER A AS CALL SYSTEM$WAIT(2);
      CREATE TASK C AFTER A AS CALL SYSTEM$WAIT(2);
      CREATE TASK D AFTER B, C AS INSERT INTO RUN_LOG VALUES ('D');
      SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('FLURRY.PUBLIC.A')`);
    expect(await fx.sql(`EXECUTE TASK A`)).toEqual([{ status: 'Task A is scheduled to run immediately.' }]);

    // Both siblings are running at once, and D waits for them.
    await fx.settled(true);
    const during = states(await fx.history());
    expect(during).toEqual({ A: 'SUCCEEDED', B: 'EXECUTING', C: 'EXECUTING' });
    const current = await fx.sql(`SELECT ROOT_TASK_NAME, STATE, SCHEDULED_FROM FROM TABLE(INFORMATION_SCHEMA.CURRENT_TASK_GRAPHS())`);
    expect(current).toEqual([{ ROOT_TASK_NAME: 'A', STATE: 'EXECUTING', SCHEDULED_FROM: 'EXECUTE_TASK' }]);

    await fx.settled();
    const rows = await fx.history();
    expect(states(rows)).toEqual({ A: 'SUCCEEDED', B: 'SUCCEEDED', C: 'SUCCEEDED', D: 'SUCCEEDED' });
    // One graph run: every row shares the run id, the root's id and the graph run group.
    expect(new Set(rows.map((row) => `${row.RUN_ID}|${row.ROOT_TASK_ID}|${row.GRAPH_RUN_GROUP_ID}`)).size).toBe(1);
    expect(rows.every((row) => row.QUERY_ID !== null && row.SCHEDULED_FROM === 'EXECUTE_TASK' && row.ATTEMPT_NUMBER === '1')).toBe(true);
    expect(await fx.sql(`SELECT STEP FROM RUN_LOG ORDER BY STEP`)).toEqual([{ STEP: 'A' }, { STEP: 'D' }]);

    // Each task's QUERY_ID is a query in QUERY_HISTORY, run by the system user.
    const queries = await fx.sql(
      `SELECT QUERY_TEXT, USER_NAME, EXECUTION_STATUS FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY()) WHERE QUERY_ID = '${rows.find((r) => r.NAME === 'D')?.QUERY_ID}'`,
    );
    expect(queries).toEqual([{ QUERY_TEXT: `INSERT INTO RUN_LOG VALUES ('D')`, USER_NAME: 'SYSTEM', EXECUTION_STATUS: 'SUCCESS' }]);

    const complete = await fx.sql(`SELECT ROOT_TASK_NAME, STATE, FIRST_ERROR_TASK_NAME FROM TABLE(INFORMATION_SCHEMA.COMPLETE_TASK_GRAPHS())`);
    expect(complete).toEqual([{ ROOT_TASK_NAME: 'A', STATE: 'SUCCEEDED', FIRST_ERROR_TASK_NAME: null }]);
    expect(await fx.sql(`SELECT * FROM TABLE(INFORMATION_SCHEMA.CURRENT_TASK_GRAPHS())`)).toEqual([]);
  });

  it('runs the sales example: dimensions before facts, then the finalizer', async () => {
    await fx.open(START);
    await fx.script(`
      CREATE TABLE RAW_SALES (PRODUCT VARCHAR, CUSTOMER VARCHAR, AMOUNT NUMBER);
      CREATE TABLE DIM_PRODUCT (PRODUCT VARCHAR);
      CREATE TABLE DIM_CUSTOMER (CUSTOMER VARCHAR);
      CREATE TABLE SALES_BY_PRODUCT (PRODUCT VARCHAR, TOTAL NUMBER);
      CREATE TABLE GRAPH_LOG (NOTE VARCHAR);
      INSERT INTO RAW_SALES VALUES ('tea', 'ann', 3), ('tea', 'bob', 4), ('jam', 'ann', 5);
      CREATE TASK SALES_ROOT SCHEDULE = 'USING CRON 0 6 * * * UTC' AS SELECT COUNT(*) FROM RAW_SALES;
      CREATE TASK UPDATE_DIM_PRODUCT AFTER SALES_ROOT AS INSERT INTO DIM_PRODUCT SELECT DISTINCT PRODUCT FROM RAW_SALES;
      CREATE TASK UPDATE_DIM_CUSTOMER AFTER SALES_ROOT AS INSERT INTO DIM_CUSTOMER SELECT DISTINCT CUSTOMER FROM RAW_SALES;
      CREATE TASK AGGREGATE_SALES AFTER UPDATE_DIM_PRODUCT, UPDATE_DIM_CUSTOMER AS
        INSERT INTO SALES_BY_PRODUCT SELECT S.PRODUCT, SUM(AMOUNT) FROM RAW_SALES S JOIN DIM_PRODUCT P ON P.PRODUCT = S.PRODUCT GROUP BY S.PRODUCT;
      CREATE TASK NOTIFY_DONE FINALIZE = SALES_ROOT AS INSERT INTO GRAPH_LOG SELECT 'rows: ' || COUNT(*) FROM SALES_BY_PRODUCT;
      SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('FLURRY.PUBLIC.SALES_ROOT')`);

    const dependents = await fx.sql(`SELECT NAME, PREDECESSORS FROM TABLE(INFORMATION_SCHEMA.TASK_DEPENDENTS(TASK_NAME => 'FLURRY.PUBLIC.SALES_ROOT', RECURSIVE => TRUE))`);
    expect(dependents.map((row) => row.NAME)).toEqual(['SALES_ROOT', 'UPDATE_DIM_PRODUCT', 'UPDATE_DIM_CUSTOMER', 'AGGREGATE_SALES', 'NOTIFY_DONE']);
    expect(JSON.parse(dependents[3].PREDECESSORS ?? '')).toEqual(['FLURRY.PUBLIC.UPDATE_DIM_PRODUCT', 'FLURRY.PUBLIC.UPDATE_DIM_CUSTOMER']);

    // The next run is on the schedule: 06:00 UTC tomorrow, shown as SCHEDULED.
    const scheduled = (await fx.history('TRUE', true)).filter((row) => row.STATE === 'SCHEDULED');
    expect(scheduled.map((row) => [row.NAME, iso(row.SCHEDULED_TIME)])).toEqual([['SALES_ROOT', '2026-11-21T06:00:00.000Z']]);
    await fx.advanceTo(Date.parse('2026-11-21T06:00:00Z'));

    const rows = await fx.history();
    expect(states(rows)).toEqual({
      SALES_ROOT: 'SUCCEEDED',
      UPDATE_DIM_PRODUCT: 'SUCCEEDED',
      UPDATE_DIM_CUSTOMER: 'SUCCEEDED',
      AGGREGATE_SALES: 'SUCCEEDED',
      NOTIFY_DONE: 'SUCCEEDED',
    });
    expect(rows.every((row) => row.SCHEDULED_FROM === 'SCHEDULE')).toBe(true);
    expect(await fx.sql(`SELECT PRODUCT, TOTAL FROM SALES_BY_PRODUCT ORDER BY PRODUCT`)).toEqual([
      { PRODUCT: 'jam', TOTAL: '5' },
      { PRODUCT: 'tea', TOTAL: '7' },
    ]);
    // The finalizer ran last: it saw the aggregate.
    expect(await fx.sql(`SELECT NOTE FROM GRAPH_LOG`)).toEqual([{ NOTE: 'rows: 2' }]);
  });

  it('skips a task whose WHEN is false, and its dependents, and skips nothing for a suspended child', async () => {
    await fx.open(START);
    await fx.script(`
      CREATE TASK ROOT AS SELECT 1;
      CREATE TASK GATED AFTER ROOT WHEN 1 = 2 AS SELECT 2;
      CREATE TASK AFTER_GATED AFTER GATED AS SELECT 3;
      CREATE TASK PAUSED AFTER ROOT AS SELECT 4;
      CREATE TASK AFTER_PAUSED AFTER PAUSED AS SELECT 5;
      SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('ROOT');
      ALTER TASK PAUSED SUSPEND`);
    await fx.sql(`EXECUTE TASK ROOT`);
    await fx.settled();
    // A suspended child counts as succeeded; WHEN false skips the task and its dependents.
    expect(states(await fx.history())).toEqual({ ROOT: 'SUCCEEDED', GATED: 'SKIPPED', AFTER_PAUSED: 'SUCCEEDED' });
    const [graph] = await fx.sql(`SELECT STATE FROM TABLE(INFORMATION_SCHEMA.COMPLETE_TASK_GRAPHS())`);
    expect(graph.STATE).toBe('SUCCEEDED');
  });

  it('fails a task that outlives USER_TASK_TIMEOUT_MS, blocks its dependents and still runs the finalizer', async () => {
    await fx.open(START);
    await fx.script(`
      CREATE TASK ROOT AS SELECT 1;
      CREATE TASK SLOW USER_TASK_TIMEOUT_MS = 5000 AFTER ROOT AS CALL SYSTEM$WAIT(60);
      CREATE TASK NEVER AFTER SLOW AS SELECT 2;
      CREATE TASK FIN FINALIZE = ROOT AS SELECT 3;
      SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('ROOT')`);
    await fx.sql(`EXECUTE TASK ROOT`);
    await fx.settled(true);
    expect(states(await fx.history())).toEqual({ ROOT: 'SUCCEEDED', SLOW: 'EXECUTING' });
    await fx.advanceTo(START + 4999, true);
    expect(states(await fx.history()).SLOW).toBe('EXECUTING');
    await fx.advanceTo(START + 5000, true);
    await fx.settled();
    const rows = await fx.history();
    expect(states(rows)).toEqual({ ROOT: 'SUCCEEDED', SLOW: 'FAILED', FIN: 'SUCCEEDED' });
    const slow = rows.find((row) => row.NAME === 'SLOW');
    expect(slow?.ERROR_MESSAGE).toBe('Task FLURRY.PUBLIC.SLOW reached its USER_TASK_TIMEOUT_MS of 5000 ms and was canceled.');
    const [graph] = await fx.sql(`SELECT STATE, FIRST_ERROR_TASK_NAME FROM TABLE(INFORMATION_SCHEMA.COMPLETE_TASK_GRAPHS())`);
    expect(graph).toEqual({ STATE: 'FAILED', FIRST_ERROR_TASK_NAME: 'SLOW' });
  });

  it('cancels ongoing runs; RETRY LAST runs the failed and cancelled part again as attempt 2', async () => {
    await fx.open(START);
    await fx.script(`
      CREATE TASK ROOT AS SELECT 1;
      CREATE TASK LOAD AFTER ROOT AS INSERT INTO LANDING VALUES (1);
      CREATE TASK REPORT AFTER LOAD AS SELECT COUNT(*) FROM LANDING;
      SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('ROOT')`);
    expect(await fx.fails(`EXECUTE TASK ROOT RETRY LAST`)).toContain('Cannot retry the last graph run of task FLURRY.PUBLIC.ROOT: it has no finished graph run.');
    await fx.sql(`EXECUTE TASK ROOT`);
    await fx.settled();
    const first = await fx.history();
    expect(states(first)).toEqual({ ROOT: 'SUCCEEDED', LOAD: 'FAILED' });
    expect(first.find((row) => row.NAME === 'LOAD')?.ERROR_MESSAGE).toMatch(/LANDING/);

    await fx.sql(`CREATE TABLE LANDING (ID NUMBER)`);
    await fx.sql(`EXECUTE TASK ROOT RETRY LAST`);
    await fx.settled();
    const retried = (await fx.history()).filter((row) => row.ATTEMPT_NUMBER === '2');
    // Succeeded tasks are not run again.
    expect(states(retried)).toEqual({ LOAD: 'SUCCEEDED', REPORT: 'SUCCEEDED' });
    expect(retried.every((row) => row.SCHEDULED_FROM === 'MANUAL RETRY' && row.RUN_ID === first[0].RUN_ID)).toBe(true);
    expect(retried[0].GRAPH_RUN_GROUP_ID).toBe(first[0].GRAPH_RUN_GROUP_ID);
    expect(await fx.fails(`EXECUTE TASK ROOT RETRY LAST`)).toContain('its last graph run ended SUCCEEDED, not FAILED or CANCELLED');

    // A cancel stops the running task; the run is CANCELLED and can be retried, unless the graph changed.
    await fx.sql(`ALTER TASK ROOT SUSPEND`);
    await fx.sql(`ALTER TASK LOAD MODIFY AS CALL SYSTEM$WAIT(60)`);
    await fx.sql(`ALTER TASK ROOT RESUME`);
    await fx.sql(`EXECUTE TASK ROOT`);
    await fx.settled(true);
    expect(await fx.sql(`SELECT SYSTEM$USER_TASK_CANCEL_ONGOING_EXECUTIONS('ROOT') AS RESULT`)).toEqual([
      { RESULT: 'Cancelled 1 running task(s) of the graph of ROOT.' },
    ]);
    await fx.settled();
    const [cancelled] = await fx.sql(`SELECT STATE FROM TABLE(INFORMATION_SCHEMA.COMPLETE_TASK_GRAPHS()) ORDER BY RUN_ID DESC LIMIT 1`);
    expect(cancelled.STATE).toBe('CANCELLED');
    await fx.sql(`ALTER TASK ROOT SUSPEND`);
    await fx.sql(`ALTER TASK REPORT MODIFY AS SELECT 2`);
    expect(await fx.fails(`EXECUTE TASK ROOT RETRY LAST`)).toContain('the graph has changed since that run');
  });

  it('retries the last run after the warehouse restarted', async () => {
    await fx.open(START);
    await fx.script(`
      CREATE TASK ROOT AS SELECT 1;
      CREATE TASK LOAD AFTER ROOT AS INSERT INTO LATE_TABLE VALUES (1);
      SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('ROOT')`);
    await fx.sql(`EXECUTE TASK ROOT`);
    await fx.settled();
    await fx.close();
    await fx.open(START + 60_000);
    await fx.sql(`CREATE TABLE LATE_TABLE (ID NUMBER)`);
    await fx.sql(`EXECUTE TASK ROOT RETRY LAST`);
    await fx.settled();
    expect((await fx.history(`ATTEMPT_NUMBER = 2`)).map((row) => [row.NAME, row.STATE, row.SCHEDULED_FROM])).toEqual([['LOAD', 'SUCCEEDED', 'MANUAL RETRY']]);
  });

  it('retries a failed graph automatically with TASK_AUTO_RETRY_ATTEMPTS', async () => {
    await fx.open(START);
    await fx.script(`
      CREATE TASK ROOT TASK_AUTO_RETRY_ATTEMPTS = 2 AS SELECT 1;
      CREATE TASK BROKEN AFTER ROOT AS SELECT * FROM MISSING_TABLE;
      SELECT SYSTEM$TASK_DEPENDENTS_ENABLE('ROOT')`);
    await fx.sql(`EXECUTE TASK ROOT`);
    await fx.settled();
    const rows = await fx.history(`NAME = 'BROKEN'`);
    expect(rows.map((row) => [row.ATTEMPT_NUMBER, row.STATE, row.SCHEDULED_FROM])).toEqual([
      ['1', 'FAILED', 'EXECUTE_TASK'],
      ['2', 'FAILED', 'AUTOMATIC RETRY'],
      ['3', 'FAILED', 'AUTOMATIC RETRY'],
    ]);
    expect(await fx.history(`NAME = 'ROOT'`)).toHaveLength(1);
  });
});
