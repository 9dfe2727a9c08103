/**
 * Warehouses through the real snowflake-sdk against the real local warehouse: CREATE / ALTER /
 * DROP WAREHOUSE and SHOW WAREHOUSES with Snowflake's answers, USE WAREHOUSE, a warehouse's
 * MAX_CONCURRENCY_LEVEL queueing its own queries while other warehouses run, and warehouses
 * kept across a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWarehouse, waitForStatus, type TestWarehouse } from '@/test/local-warehouse';
import { connect, destroy, execute, submitAsync, type Connection } from '@/lib/warehouse/sdk';

let warehouse: TestWarehouse;
let first: Connection;
let second: Connection;

beforeAll(async () => {
  warehouse = await startTestWarehouse({ concurrency: 4 });
  [first, second] = await Promise.all([connect(warehouse.connectionOptions()), connect(warehouse.connectionOptions())]);
});

afterAll(async () => {
  await Promise.all([destroy(first), destroy(second)]);
  await warehouse.close();
});

async function rows(connection: Connection, sqlText: string): Promise<Record<string, unknown>[]> {
  return (await execute<Record<string, unknown>>(connection, sqlText)).rows;
}

async function status(connection: Connection, sqlText: string): Promise<unknown> {
  return (await rows(connection, sqlText))[0]?.status;
}

function currentWarehouse(connection: Connection): Promise<unknown> {
  return execute(connection, 'SELECT 1').then(({ statement }) =>
    (statement.getSessionState() as { getCurrentWarehouse(): string }).getCurrentWarehouse(),
  );
}

describe('warehouses through snowflake-sdk', () => {
  it('creates, shows, alters and drops warehouses as Snowflake answers them', async () => {
    expect(
      await status(first, "CREATE WAREHOUSE etl_wh WITH WAREHOUSE_SIZE = 'SMALL' MAX_CONCURRENCY_LEVEL = 1 AUTO_SUSPEND = 60 COMMENT = 'nightly'"),
    ).toBe('Warehouse ETL_WH successfully created.');
    // Creating a warehouse makes it the session's current one.
    expect(await currentWarehouse(first)).toBe('ETL_WH');

    const [etl] = await rows(first, "SHOW WAREHOUSES LIKE 'etl%'");
    expect(etl).toMatchObject({
      name: 'ETL_WH', state: 'STARTED', type: 'STANDARD', size: 'Small', min_cluster_count: 1, max_cluster_count: 1,
      running: 0, queued: 0, is_default: 'N', is_current: 'Y', auto_suspend: 60, auto_resume: 'true',
      owner: 'ACCOUNTADMIN', comment: 'nightly', scaling_policy: 'STANDARD',
    });
    expect(etl.created_on).toBeTruthy();
    const all = await rows(second, 'SHOW WAREHOUSES');
    expect(all.map((row) => [row.name, row.is_default, row.is_current, row.size])).toEqual([
      ['COMPUTE_WH', 'Y', 'Y', 'X-Small'],
      ['ETL_WH', 'N', 'N', 'Small'],
    ]);

    await expect(execute(first, 'CREATE WAREHOUSE ETL_WH')).rejects.toMatchObject({
      code: '002002',
      message: "SQL compilation error:\nObject 'ETL_WH' already exists.",
    });
    expect(await status(first, 'CREATE WAREHOUSE IF NOT EXISTS ETL_WH')).toBe('ETL_WH already exists, statement succeeded.');

    expect(await status(first, 'ALTER WAREHOUSE ETL_WH SET MAX_CONCURRENCY_LEVEL = 3 WAREHOUSE_SIZE = XLARGE')).toBe('Statement executed successfully.');
    expect(await rows(first, "SHOW PARAMETERS LIKE 'max_concurrency%' IN WAREHOUSE ETL_WH")).toMatchObject([
      { key: 'MAX_CONCURRENCY_LEVEL', value: '3', default: '8', level: 'WAREHOUSE' },
    ]);
    await execute(first, 'ALTER WAREHOUSE ETL_WH UNSET MAX_CONCURRENCY_LEVEL, COMMENT');
    expect(await rows(first, 'SHOW PARAMETERS IN WAREHOUSE ETL_WH')).toMatchObject([{ value: '8', level: '' }]);
    expect((await rows(first, "SHOW WAREHOUSES LIKE 'ETL_WH'"))[0]).toMatchObject({ size: 'X-Large', comment: '' });

    expect(await status(first, 'DROP WAREHOUSE ETL_WH')).toBe('ETL_WH successfully dropped.');
    expect(await status(first, 'DROP WAREHOUSE IF EXISTS ETL_WH')).toBe('Drop statement executed successfully (ETL_WH already dropped).');
    await expect(execute(first, 'ALTER WAREHOUSE ETL_WH SET MAX_CONCURRENCY_LEVEL = 2')).rejects.toMatchObject({
      code: '002003',
      sqlState: '02000',
      message: "SQL compilation error:\nWarehouse 'ETL_WH' does not exist or not authorized.",
    });
    await expect(execute(first, 'DROP WAREHOUSE COMPUTE_WH')).rejects.toMatchObject({ message: expect.stringContaining('default warehouse') });
    await execute(first, 'USE WAREHOUSE COMPUTE_WH');
  });

  it('refuses what the local warehouse cannot honour, naming it', async () => {
    await expect(execute(first, 'CREATE WAREHOUSE W1 WAREHOUSE_SIZE = HUGE')).rejects.toMatchObject({
      code: '002000',
      message: expect.stringContaining("invalid value 'HUGE' for property 'WAREHOUSE_SIZE'"),
    });
    await expect(execute(first, 'CREATE WAREHOUSE W1 STATEMENT_TIMEOUT_IN_SECONDS = 60')).rejects.toMatchObject({
      code: '000002',
      sqlState: '0A000',
      message: "Unsupported feature 'warehouse property STATEMENT_TIMEOUT_IN_SECONDS' in the local warehouse.",
    });
    await expect(execute(first, 'CREATE WAREHOUSE W1 MAX_CONCURRENCY_LEVEL = 0')).rejects.toMatchObject({
      message: expect.stringContaining("invalid value '0' for property 'MAX_CONCURRENCY_LEVEL'"),
    });
    await expect(execute(first, 'USE WAREHOUSE W1')).rejects.toMatchObject({
      code: '002043',
      sqlState: '02000',
      message: 'SQL compilation error:\nObject does not exist, or operation cannot be performed.',
    });
  });

  it("queues a warehouse's queries past its MAX_CONCURRENCY_LEVEL while other warehouses run, until ALTER raises it", async () => {
    await execute(second, 'CREATE OR REPLACE WAREHOUSE ONE_WH MAX_CONCURRENCY_LEVEL = 1');
    const running = await submitAsync(second, 'CALL SYSTEM$WAIT(30)');
    await waitForStatus(second, running, 'RUNNING');
    const waiting = await submitAsync(second, "SELECT 'waited' AS w");
    expect(await second.getQueryStatus(waiting)).toBe('QUEUED');

    // The default warehouse has free slots of its own.
    expect(await rows(first, 'SELECT 2 AS two')).toEqual([{ TWO: 2 }]);
    expect((await rows(first, "SHOW WAREHOUSES LIKE 'ONE_WH'"))[0]).toMatchObject({ running: 1, queued: 1 });

    await execute(first, 'ALTER WAREHOUSE ONE_WH SET MAX_CONCURRENCY_LEVEL = 2');
    await waitForStatus(second, waiting, 'SUCCESS');
    const [history] = await rows(
      first,
      `SELECT WAREHOUSE_NAME, QUEUED_OVERLOAD_TIME FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY()) WHERE QUERY_ID = '${waiting}'`,
    );
    expect(history.WAREHOUSE_NAME).toBe('ONE_WH');
    expect(Number(history.QUEUED_OVERLOAD_TIME)).toBeGreaterThan(0);
    await execute(first, `SELECT SYSTEM$CANCEL_QUERY('${running}')`);
    await waitForStatus(second, running, 'ABORTED');
  });
});

describe('warehouses across a restart', () => {
  it('keeps created warehouses and their levels', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'flurry-warehouses-'));
    try {
      const before = await startTestWarehouse({ dataDir });
      const connection = await connect(before.connectionOptions());
      await execute(connection, 'CREATE WAREHOUSE KEPT_WH MAX_CONCURRENCY_LEVEL = 3');
      await destroy(connection);
      await before.close();

      const after = await startTestWarehouse({ dataDir });
      const again = await connect(after.connectionOptions());
      expect(await rows(again, 'SHOW PARAMETERS IN WAREHOUSE KEPT_WH')).toMatchObject([{ value: '3', level: 'WAREHOUSE' }]);
      await execute(again, 'USE WAREHOUSE KEPT_WH');
      expect(await currentWarehouse(again)).toBe('KEPT_WH');
      await destroy(again);
      await after.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
