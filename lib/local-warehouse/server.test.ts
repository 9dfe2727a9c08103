/**
 * The real snowflake-sdk against the real local warehouse: every query state of the driver's
 * async API, cancellation in all three forms, results after the fact, long synchronous queries
 * (333333 polling), requestId dedupe, logout and token renewal.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWarehouse, waitForStatus, type TestWarehouse } from '@/test/local-warehouse';
import { cancelStatement, connect, destroy, execute, submitAsync, type Connection, type Statement } from '@/lib/warehouse/sdk';

/** snowflake-sdk's index.d.ts declares isAnError() without its status argument; the driver takes one. */
function isAnError(connection: Connection, status: string): boolean {
  return (connection as unknown as { isAnError(status: string): boolean }).isAnError(status);
}

async function rowsOf(connection: Connection, queryId: string): Promise<unknown[]> {
  const statement = await connection.getResultsFromQueryId({ queryId });
  return new Promise((resolve, reject) => {
    const rows: unknown[] = [];
    statement
      .streamRows()
      .on('data', (row: unknown) => rows.push(row))
      .on('end', () => resolve(rows))
      .on('error', reject);
  });
}

/** An asyncExec statement whose query id is known, so statement.cancel takes the by-id route. */
/** The session token the driver holds (its serialized state is the documented way to read it). */
function sessionToken(connection: Connection): string {
  return JSON.parse(connection.serialize()).services.sf.tokenInfo.sessionToken;
}

function submitStatement(connection: Connection, sqlText: string): Promise<Statement> {
  return new Promise((resolve, reject) => {
    connection.execute({
      sqlText,
      asyncExec: true,
      complete: (error, statement) => (error ? reject(error) : resolve(statement)),
    });
  });
}

describe('local warehouse with snowflake-sdk', () => {
  let warehouse: TestWarehouse;
  let connection: Connection;

  beforeAll(async () => {
    warehouse = await startTestWarehouse({ concurrency: 4, syncWaitSeconds: 1 });
    connection = await connect(warehouse.connectionOptions());
  });

  afterAll(async () => {
    await destroy(connection);
    await warehouse.close();
  });

  it('logs in with a full token set and answers heartbeats', async () => {
    expect(connection.isUp()).toBe(true);
    expect(await connection.isValidAsync()).toBe(true);
  });

  it('runs a synchronous select', async () => {
    const { rows } = await execute(connection, "SELECT 1 AS one, 'hello' AS greeting");
    expect(rows).toEqual([{ ONE: 1, GREETING: 'hello' }]);
  });

  it('binds positional values', async () => {
    await execute(connection, 'CREATE OR REPLACE TABLE bound (n INT, s VARCHAR, b BOOLEAN)');
    await execute(connection, 'INSERT INTO bound VALUES (?, ?, ?), (?, ?, ?)', { binds: [41, 'x', true, 7, null, false] });
    const { rows } = await execute(connection, 'SELECT n, s, b FROM bound WHERE n = ? OR s = ? ORDER BY n DESC', { binds: [7, 'x'] });
    expect(rows).toEqual([
      { N: 41, S: 'x', B: true },
      { N: 7, S: null, B: false },
    ]);
  });

  it('answers a synchronous query longer than syncWaitSeconds through 333333 polling', async () => {
    const started = Date.now();
    const { rows } = await execute(connection, 'SELECT SYSTEM$WAIT(2) AS waited');
    expect(rows).toEqual([{ WAITED: 'waited 2 seconds' }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it('reports a synchronous failure with its Snowflake code', async () => {
    await expect(execute(connection, 'SELECT * FROM no_such_table')).rejects.toMatchObject({ code: '002003' });
  });

  it('runs an async query to SUCCESS and returns its rows after the fact', async () => {
    const queryId = await submitAsync(connection, 'SELECT 6 * 7 AS answer');
    await waitForStatus(connection, queryId, 'SUCCESS');
    expect(connection.isStillRunning('SUCCESS')).toBe(false);
    expect(isAnError(connection, 'SUCCESS')).toBe(false);
    expect(await rowsOf(connection, queryId)).toEqual([{ ANSWER: 42 }]);
    // Still there later, from another session.
    const other = await connect(warehouse.connectionOptions());
    expect(await rowsOf(other, queryId)).toEqual([{ ANSWER: 42 }]);
    await destroy(other);
  });

  it('reports a RUNNING query as still running, then cancels it by id with statement.cancel', async () => {
    const statement = await submitStatement(connection, 'CALL SYSTEM$WAIT(30)');
    const queryId = statement.getQueryId();
    await waitForStatus(connection, queryId, 'RUNNING');
    expect(connection.isStillRunning('RUNNING')).toBe(true);
    expect(isAnError(connection, 'RUNNING')).toBe(false);

    await cancelStatement(statement);
    await waitForStatus(connection, queryId, 'ABORTED');
    expect(isAnError(connection, 'ABORTED')).toBe(true);
    expect(connection.isStillRunning('ABORTED')).toBe(false);
    // As against Snowflake: the monitoring call succeeded (top-level code null), so the driver
    // throws its own -1 with the query's message, before getResultsFromQueryId could say 460003.
    await expect(connection.getQueryStatusThrowIfError(queryId)).rejects.toMatchObject({
      code: -1,
      message: 'SQL execution canceled',
    });
    await expect(connection.getResultsFromQueryId({ queryId })).rejects.toMatchObject({ message: 'SQL execution canceled' });
  });

  it('cancels by requestId when the driver has no query id yet (POST /queries/v1/abort-request)', async () => {
    let statement: Statement | undefined;
    const outcome = new Promise<unknown>((resolve) => {
      statement = connection.execute({ sqlText: 'CALL SYSTEM$WAIT(30)', complete: (error) => resolve(error) });
    });
    // Give the request time to reach the warehouse, but not the first 333333 answer (after 1 s).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(statement!.getQueryId()).toBeUndefined();
    await cancelStatement(statement!);
    expect(await outcome).toMatchObject({ code: '000604' });
  });

  it('reports FAILED_WITH_ERROR, and getQueryStatusThrowIfError throws with the query\'s error', async () => {
    const queryId = await submitAsync(connection, 'SELECT * FROM no_such_table');
    await waitForStatus(connection, queryId, 'FAILED_WITH_ERROR');
    expect(isAnError(connection, 'FAILED_WITH_ERROR')).toBe(true);
    const error = await connection.getQueryStatusThrowIfError(queryId).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: -1 });
    expect((error as Error).message).toContain("Object 'NO_SUCH_TABLE' does not exist");
    await expect(connection.getResultsFromQueryId({ queryId })).rejects.toThrow(/NO_SUCH_TABLE/);
    // The Snowflake code itself is in the monitoring entry, where Flurry's tracker reads it.
    const monitoring = await fetch(`${warehouse.url}/monitoring/queries/${queryId}`, {
      headers: { Authorization: `Snowflake Token="${sessionToken(connection)}"` },
    }).then((response) => response.json());
    expect(monitoring).toMatchObject({ code: null, success: true, data: { queries: [{ status: 'FAILED_WITH_ERROR', errorCode: '002003' }] } });
  });

  it('answers NO_QUERY_DATA for an unknown query id, and getResultsFromQueryId fails fast (460002)', async () => {
    const queryId = randomUUID();
    expect(await connection.getQueryStatus(queryId)).toBe('NO_QUERY_DATA');
    await expect(connection.getResultsFromQueryId({ queryId })).rejects.toMatchObject({ code: 460002 });
  });

  it('runs a retried submission (same requestId) only once', async () => {
    await execute(connection, 'CREATE OR REPLACE TABLE retried (x INT)');
    const requestId = randomUUID();
    const first = await submitAsync(connection, 'INSERT INTO retried VALUES (1)', { requestId });
    const second = await submitAsync(connection, 'INSERT INTO retried VALUES (1)', { requestId });
    expect(second).toBe(first);
    await waitForStatus(connection, first, 'SUCCESS');
    const { rows } = await execute(connection, 'SELECT COUNT(*) AS n FROM retried');
    expect(rows).toEqual([{ N: 1 }]);
  });

  it('keeps an async query running after its session logs out', async () => {
    const leaving = await connect(warehouse.connectionOptions());
    const queryId = await submitAsync(leaving, 'SELECT SYSTEM$WAIT(1) AS waited');
    await destroy(leaving);
    expect(await connection.getQueryStatus(queryId)).toBe('RUNNING');
    expect(await rowsOf(connection, queryId)).toEqual([{ WAITED: 'waited 1 seconds' }]);
  });
});

describe('local warehouse queueing', () => {
  let warehouse: TestWarehouse;
  let connection: Connection;

  beforeAll(async () => {
    warehouse = await startTestWarehouse({ concurrency: 1 });
    connection = await connect(warehouse.connectionOptions());
  });

  afterAll(async () => {
    await destroy(connection);
    await warehouse.close();
  });

  it('holds a query QUEUED behind a running one and runs it when the slot frees', async () => {
    const ahead = await submitStatement(connection, 'CALL SYSTEM$WAIT(30)');
    await waitForStatus(connection, ahead.getQueryId(), 'RUNNING');
    const queued = await submitAsync(connection, 'SELECT 1 AS one');
    expect(await connection.getQueryStatus(queued)).toBe('QUEUED');
    expect(connection.isStillRunning('QUEUED')).toBe(true);

    await cancelStatement(ahead);
    expect(await rowsOf(connection, queued)).toEqual([{ ONE: 1 }]);
  });
});

describe('local warehouse session renewal', () => {
  let warehouse: TestWarehouse;

  beforeAll(async () => {
    warehouse = await startTestWarehouse({ sessionValiditySeconds: 1 });
  });

  afterAll(async () => {
    await warehouse.close();
  });

  it('renews an expired session token through /session/token-request and carries on', async () => {
    const connection = await connect(warehouse.connectionOptions());
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const { rows } = await execute(connection, 'SELECT 2 AS two');
    expect(rows).toEqual([{ TWO: 2 }]);
    await destroy(connection);
  });
});
