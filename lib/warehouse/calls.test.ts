import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestWarehouse, type TestWarehouse } from '@/test/local-warehouse';
import { testConfig } from '@/test/dashboard-parts';
import { createWarehouseCalls, type WarehouseCalls } from './calls';
import { queryTagText } from './query-tag';
import { WarehouseError, WarehouseUnavailableError } from './errors';
import { createWarehousePool, type WarehousePool } from './pool';
import { connect, destroy, execute, submitAsync } from './sdk';

let dataDir: string;
let local: TestWarehouse;
let pool: WarehousePool;
let calls: WarehouseCalls;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'flurry-calls-'));
  local = await startTestWarehouse({ dataDir: path.join(dataDir, 'warehouse') });
  pool = createWarehousePool(testConfig(dataDir, local.port));
  calls = createWarehouseCalls(pool);
});

afterAll(async () => {
  await pool?.close();
  await local?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const tag = { batchId: 'b-1', jobId: 'j-1' };

async function statusUntil(queryId: string, wanted: RegExp) {
  return vi.waitFor(
    async () => {
      const report = await calls.queryStatus(queryId);
      if (!wanted.test(report.status)) throw new Error(`status is ${report.status}`);
      return report;
    },
    { timeout: 10_000, interval: 50 },
  );
}

async function finished(sql: string): Promise<string> {
  const queryId = await calls.submitQuery(sql, { queryTag: tag });
  await statusUntil(queryId, /^(SUCCESS|FAILED_WITH_ERROR|ABORTED)$/);
  return queryId;
}

describe('warehouse calls against the local warehouse', () => {
  it('submits an async query under Flurry’s QUERY_TAG and follows its status to SUCCESS', async () => {
    const queryId = await calls.submitQuery('SELECT SYSTEM$WAIT(1)', { queryTag: tag });
    expect(queryId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect((await calls.queryStatus(queryId)).status).toMatch(/QUEUED|RUNNING/);
    expect(await statusUntil(queryId, /SUCCESS/)).toEqual({ status: 'SUCCESS', errorCode: null, errorMessage: null });

    const { rows } = await pool.withConnection((connection) =>
      execute<Record<string, unknown>>(connection, 'SELECT QUERY_TAG FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY()) WHERE QUERY_ID = ?', {
        binds: [queryId],
      }),
    );
    expect(JSON.parse(String(rows[0].QUERY_TAG))).toEqual({ app: 'flurry', batch: 'b-1', job: 'j-1' });
    expect(queryTagText(tag)).toBe(rows[0].QUERY_TAG);
  });

  it('resubmitting with the same requestId gives back the same query', async () => {
    const requestId = crypto.randomUUID();
    const first = await calls.submitQuery('SELECT 7', { queryTag: tag, requestId });
    const again = await calls.submitQuery('SELECT 7', { queryTag: tag, requestId });
    expect(again).toBe(first);
  });

  it('reports a failed query’s error code and message with its status', async () => {
    const queryId = await calls.submitQuery('SELECT * FROM flurry_calls_missing', { queryTag: tag }).catch((error: unknown) => {
      // The warehouse may refuse at once; then the refusal carries what the status would.
      expect(error).toBeInstanceOf(WarehouseError);
      return (error as WarehouseError).queryId as string;
    });
    const report = await statusUntil(queryId, /FAILED_WITH_ERROR/);
    expect(report.errorCode).toBe('002003');
    expect(report.errorMessage).toMatch(/does not exist/);
  });

  it('cancels a running query with SYSTEM$CANCEL_QUERY', async () => {
    const queryId = await calls.submitQuery('SELECT COUNT(*) FROM TABLE(GENERATOR(TIMELIMIT => 60))', { queryTag: tag });
    await statusUntil(queryId, /RUNNING/);
    expect(await calls.cancelQuery(queryId)).toBe(`query [${queryId}] terminated.`);
    expect((await statusUntil(queryId, /ABORTED/)).errorMessage).toMatch(/canceled/i);
    expect(await calls.cancelQuery(queryId)).toBe('Identified SQL statement is not currently executing.');
  });

  it('reads the first page of a result with Snowflake column types and cells as text', async () => {
    const queryId = await finished(
      "SELECT SEQ4() AS I, 'a,b' AS S, NULL AS Z, CAST(1.5 AS DECIMAL(10,2)) AS D, '2024-01-02 03:04:05'::TIMESTAMP AS T FROM TABLE(GENERATOR(ROWCOUNT => 250))",
    );
    const page = await calls.resultPage(queryId, 100);
    expect(page.total).toBe(250);
    expect(page.rows).toHaveLength(100);
    expect(page.columns.map((column) => [column.name, column.type])).toEqual([
      ['I', 'NUMBER(38,0)'],
      ['S', 'VARCHAR'],
      ['Z', expect.any(String)],
      ['D', 'NUMBER(10,2)'],
      ['T', 'TIMESTAMP_NTZ(9)'],
    ]);
    expect(page.rows[1].slice(0, 4)).toEqual(['1', 'a,b', null, '1.50']);
    expect(page.rows[0][4]).toMatch(/^2024-01-02 03:04:05/);
  });

  it('pages an empty result as no rows', async () => {
    const queryId = await finished('SELECT 1 AS X WHERE 1 = 0');
    expect(await calls.resultPage(queryId, 10)).toEqual({ columns: [expect.objectContaining({ name: 'X' })], rows: [], total: 0 });
  });

  it('streams a whole result, row after row', async () => {
    const queryId = await finished('SELECT SEQ4() AS I FROM TABLE(GENERATOR(ROWCOUNT => 3000))');
    const { columns, rows } = await calls.streamResultRows(queryId);
    expect(columns.map((column) => column.name)).toEqual(['I']);
    let count = 0;
    let last: string | null = null;
    for await (const row of rows) {
      count++;
      last = row[0];
    }
    expect(count).toBe(3000);
    expect(last).toBe('2999');
  });

  it('reads the warehouse’s own times for several queries in one history read', async () => {
    const slow = await finished('SELECT SYSTEM$WAIT(1)');
    const failed = await calls.submitQuery('SELECT * FROM flurry_times_missing', { queryTag: tag }).catch((error: WarehouseError) => error.queryId as string);
    await statusUntil(failed, /FAILED_WITH_ERROR/);
    const times = await calls.queryTimes([slow, failed, '00000000-0000-4000-8000-000000000000']);
    expect(times.map((t) => t.queryId).sort()).toEqual([slow, failed].sort());

    const ofSlow = times.find((t) => t.queryId === slow);
    expect(ofSlow).toMatchObject({ status: 'SUCCESS', rowCount: 1, errorCode: null });
    const ran = (ofSlow?.endedAt as number) - (ofSlow?.startedAt as number);
    expect(ran).toBeGreaterThanOrEqual(950);
    expect(ofSlow?.queuedAt).toBeLessThanOrEqual(ofSlow?.startedAt as number);
    expect(times.find((t) => t.queryId === failed)).toMatchObject({ status: 'FAILED_WITH_ERROR', errorCode: '002003' });
  });

  it('reads the queries other clients ran from the history, leaving out every statement Flurry tagged', async () => {
    const since = Date.now();
    const other = await connect(local.connectionOptions());
    try {
      const quick = (await execute(other, 'SELECT 42 AS ANSWER')).statement.getQueryId();
      const long = await submitAsync(other, 'CALL SYSTEM$WAIT(30)');
      // Flurry's own work and reads meanwhile: a launch, a history read, an identity read.
      await calls.queryTimes([await finished('SELECT 1')]);
      await calls.identity();
      await statusUntil(long, /RUNNING/);

      const found = await calls.externalQueries(since, 1_000);
      expect(found.map((q) => q.queryId)).toEqual([quick, long]);
      const [ended, running] = found;
      expect(ended).toMatchObject({
        sql: 'SELECT 42 AS ANSWER',
        status: 'SUCCESS',
        rowCount: 1,
        ranBy: { user: 'FLURRY_TEST', sessionId: expect.stringMatching(/^\d+$/) },
      });
      expect(ended.queuedAt).toBeLessThanOrEqual(ended.startedAt as number);
      expect(ended.startedAt).toBeLessThanOrEqual(ended.endedAt as number);
      expect(running).toMatchObject({ status: 'RUNNING', endedAt: null, ranBy: ended.ranBy });
      expect(running.startedAt).toBeGreaterThanOrEqual(running.queuedAt as number);
      expect(running.startedAt).toBeLessThanOrEqual(Date.now());

      // A read from a later moment still finds what is running, and not what ended before it.
      expect((await calls.externalQueries(Date.now() + 60_000, 1_000)).map((q) => q.queryId)).toEqual([long]);
      expect(await calls.cancelQuery(long)).toBe(`query [${long}] terminated.`);
    } finally {
      await destroy(other);
    }
  });

  it('answers a heartbeat', async () => {
    await expect(calls.ping()).resolves.toBeUndefined();
  });
});

describe('the pool when the warehouse goes away', () => {
  it('says the warehouse is unavailable, then replaces the dead session once it is back', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'flurry-restart-'));
    let warehouse = await startTestWarehouse({ dataDir: path.join(dir, 'warehouse') });
    const port = warehouse.port;
    const restartPool = createWarehousePool(testConfig(dir, port));
    const restartCalls = createWarehouseCalls(restartPool);
    try {
      const before = await restartCalls.submitQuery('SELECT 1', { queryTag: tag });
      await vi.waitFor(async () => expect((await restartCalls.queryStatus(before)).status).toBe('SUCCESS'));
      await warehouse.close();
      await expect(restartCalls.queryStatus(before)).rejects.toBeInstanceOf(WarehouseUnavailableError);

      warehouse = await startTestWarehouse({ dataDir: path.join(dir, 'warehouse'), port });
      // The pooled connection's session died with the old process; the call still succeeds.
      expect((await restartCalls.queryStatus(before)).status).toBe('SUCCESS');
    } finally {
      await restartPool.close();
      await warehouse.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
