import { describe, expect, it } from 'vitest';
import { snowflakeErrors } from '../engine/snowflake-errors';
import { interpreterFixture, type RunOptions } from './interpreter-fixture';
import type { ScriptedChild } from './memory-host';

const { run, value, failure, hostFor } = interpreterFixture();

/** A child runs for N virtual ms when its SQL names `ms_N` (a column alias, a table). */
function timed(sql: string): ScriptedChild | undefined {
  const ms = /\bms_(\d+)\b/i.exec(sql);
  return ms ? { durationMs: Number(ms[1]) } : undefined;
}

const slowInserts = `BEGIN
  FOR i IN 1 TO 6 DO
    ASYNC (INSERT INTO t SELECT :i);
  END FOR;
  AWAIT ALL;
  RETURN (SELECT SUM(a) FROM t);
END;`;

describe('asynchronous child jobs', () => {
  it('runs async children concurrently: six staggered children take the longest one, not the sum', async () => {
    // Child i runs i × 100 virtual ms.
    const script = (sql: string) => ({ durationMs: Number(/SELECT (\d+)/.exec(sql)?.[1]) * 100 });
    const { result, host } = await run(slowInserts, { script, setup: ['CREATE TABLE t (a INTEGER)'] });
    expect(result).toMatchObject({ kind: 'value', value: { value: 21 } });
    expect(host.now).toBe(600);
    expect(host.maxRunning).toBe(6);
  });

  it('reads awaited async RESULTSETs through cursors (asynchronous-child-jobs.md example)', async () => {
    const text = `DECLARE
  accumulator1 INTEGER DEFAULT 0;
  accumulator2 INTEGER DEFAULT 0;
  res1 RESULTSET DEFAULT ASYNC (SELECT order_amount FROM orders_q1_2024);
  res2 RESULTSET DEFAULT ASYNC (SELECT order_amount FROM orders_q2_2024);
BEGIN
  AWAIT res1;
  LET cur1 CURSOR FOR res1;
  OPEN cur1;
  AWAIT res2;
  LET cur2 CURSOR FOR res2;
  OPEN cur2;
  FOR row_variable IN cur1 DO
      accumulator1 := accumulator1 + row_variable.order_amount;
  END FOR;
  FOR row_variable IN cur2 DO
      accumulator2 := accumulator2 + row_variable.order_amount;
  END FOR;
  RETURN accumulator1 + accumulator2;
END;`;
    const setup = [
      'CREATE TABLE orders_q1_2024 (order_id INT, order_amount NUMBER(12,2))',
      'INSERT INTO orders_q1_2024 VALUES (1, 500.00), (2, 225.00), (3, 725.00), (4, 150.00), (5, 900.00)',
      'CREATE TABLE orders_q2_2024 (order_id INT, order_amount NUMBER(12,2))',
      'INSERT INTO orders_q2_2024 VALUES (1, 100.00), (2, 645.00), (3, 275.00), (4, 800.00), (5, 250.00)',
    ];
    expect(await value(text, { setup })).toBe(4570);
  });

  it('runs statements without ASYNC one after the other', async () => {
    const { host } = await run(
      `BEGIN
  SELECT 1 AS ms_100;
  SELECT 2 AS ms_200;
  SELECT 3 AS ms_300;
END;`,
      { script: timed },
    );
    expect(host.now).toBe(600);
    expect(host.maxRunning).toBe(1);
  });

  it('reports RUNNING, then SUCCESS after AWAIT, from SYSTEM$GET_RESULTSET_STATUS (system_get_resultset_status.md)', async () => {
    const text = `DECLARE
  status2 VARCHAR DEFAULT 'invalid';
BEGIN
  LET res RESULTSET := ASYNC (SELECT 1 AS ms_300);
  LET status VARCHAR := SYSTEM$GET_RESULTSET_STATUS(res);
  AWAIT res;
  status2 := SYSTEM$GET_RESULTSET_STATUS(res);
  RETURN status || ',' || status2;
END;`;
    expect(await value(text, { script: timed })).toBe('RUNNING,SUCCESS');
  });

  it('sets SQLID as soon as an async child starts, and the DML counts once AWAIT rs returns', async () => {
    const text = `BEGIN
  LET ins RESULTSET := ASYNC (INSERT INTO ms_100 VALUES (1), (2));
  LET id VARCHAR := SQLID;
  LET before := COALESCE(SQLROWCOUNT::VARCHAR, 'null');
  AWAIT ins;
  RETURN id || ' ' || before || ' ' || SQLROWCOUNT;
END;`;
    expect(await value(text, { script: timed, setup: ['CREATE TABLE ms_100 (a INTEGER)'] })).toBe('child-1 null 2');
  });

  it('refuses to read an async RESULTSET before it was awaited', async () => {
    const { error } = await failure(
      `BEGIN
  LET res RESULTSET := ASYNC (SELECT 1 AS a, 0 AS ms_100);
  FOR r IN res DO
    RETURN r.a;
  END FOR;
END;`,
      { script: timed },
    );
    expect(error.message).toBe(
      "Uncaught exception of type 'STATEMENT_ERROR' on line 3 at position 2 : The results of RESULTSET 'RES' are not available: its ASYNC query must be awaited (AWAIT RES) first.",
    );
  });

  it("fails AWAIT with the child's error, at the statement that started it (await.md)", async () => {
    const { error } = await failure(`BEGIN
  LET res RESULTSET := ASYNC (SELECT * FROM invalid_table);
  AWAIT res;
END;`);
    expect(error.code).toBe('002003');
    expect(error.sqlState).toBe('42S02');
    expect(error.message).toMatch(/^Uncaught exception of type 'STATEMENT_ERROR' on line 2 at position 2 : SQL compilation error:\n.*INVALID_TABLE/s);
  });

  it("lets a handler catch a failed child's error at AWAIT ALL: the first child to fail", async () => {
    const script = (sql: string): ScriptedChild | undefined => {
      if (sql.includes('first')) return { durationMs: 200, error: snowflakeErrors.execution('first to be started, second to fail') };
      if (sql.includes('second')) return { durationMs: 100, error: snowflakeErrors.objectNotFound('SECOND') };
      return timed(sql);
    };
    const text = `BEGIN
  ASYNC (SELECT 'first');
  ASYNC (SELECT 'second');
  ASYNC (SELECT 'fine' AS ms_300);
  AWAIT ALL;
  RETURN 'not reached';
EXCEPTION
  WHEN STATEMENT_ERROR THEN
    RETURN SQLCODE || ' ' || SQLSTATE || ' ' || SQLERRM;
END;`;
    const { result, host } = await run(text, { script });
    expect(result).toMatchObject({ kind: 'value', value: { value: "2003 42S02 SQL compilation error:\nObject 'SECOND' does not exist or not authorized." } });
    expect(host.now).toBe(300);
  });

  it('cancels a child with CANCEL rs: its status is ABORTING, then ABORTED', async () => {
    const text = `BEGIN
  LET res RESULTSET := ASYNC (SELECT 1 AS ms_1000);
  CANCEL res;
  LET aborting := SYSTEM$GET_RESULTSET_STATUS(res);
  SELECT 2;
  RETURN aborting || ',' || SYSTEM$GET_RESULTSET_STATUS(res);
END;`;
    const { result, host } = await run(text, { script: timed });
    expect(result).toMatchObject({ kind: 'value', value: { value: 'ABORTING,ABORTED' } });
    expect(host.cancelled).toEqual(['child-1']);
  });

  it('cancels the children still running when the block returns (no fire and forget)', async () => {
    const text = `BEGIN
  ASYNC (SELECT 1 AS ms_50);
  ASYNC (SELECT 2 AS ms_5000);
  SELECT 3 AS ms_100;
  RETURN 'early';
END;`;
    const { result, host } = await run(text, { script: timed });
    expect(result).toMatchObject({ kind: 'value', value: { value: 'early' } });
    expect(host.cancelled).toEqual(['child-2']);
    expect(host.running).toBe(0);
  });

  it('cancels the children still running when the block fails', async () => {
    const { error, host } = await failure(
      `DECLARE
  e EXCEPTION (-20001, 'stop');
BEGIN
  ASYNC (SELECT 1 AS ms_5000);
  RAISE e;
END;`,
      { script: timed },
    );
    expect(error.code).toBe('-20001');
    expect(host.cancelled).toEqual(['child-1']);
  });
});

describe('cancelling the block', () => {
  const text = `BEGIN
  ASYNC (SELECT 1 AS ms_5000);
  SELECT 2 AS ms_1000;
  INSERT INTO t VALUES (1);
EXCEPTION
  WHEN OTHER THEN
    INSERT INTO t VALUES (2);
END;`;

  it('stops at once, cancels every running child and fails with SQL execution canceled, past any handler', async () => {
    const options: RunOptions = { script: timed, setup: ['CREATE TABLE t (a INTEGER)'] };
    const host = await hostFor(options);
    const { runBlock } = await import('./interpreter');
    const { parseBlock } = await import('@/lib/domain/scripting/parse-block');
    const running = runBlock(parseBlock(text), host);
    // The block is waiting for its second statement; nothing moves the clock, so both children run.
    await new Promise((resolve) => setImmediate(resolve));
    expect(host.started).toHaveLength(2);
    host.abort();
    await expect(running).rejects.toMatchObject({ snowflake: snowflakeErrors.canceled() });
    expect(host.cancelled.sort()).toEqual(['child-1', 'child-2']);
    expect(host.started).toHaveLength(2);
  });

  it('does not start the next statement once the signal has aborted', async () => {
    const host = await hostFor({ setup: ['CREATE TABLE t (a INTEGER)'] });
    host.abort();
    const { runBlock } = await import('./interpreter');
    const { parseBlock } = await import('@/lib/domain/scripting/parse-block');
    await expect(runBlock(parseBlock(text), host)).rejects.toMatchObject({ snowflake: snowflakeErrors.canceled() });
    expect(host.started).toEqual([]);
  });
});
