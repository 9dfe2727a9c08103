/**
 * The dashboard logs in to a local warehouse with its configured login as
 * FLURRY_WAREHOUSE_USER / FLURRY_WAREHOUSE_PASSWORD say, and says so when they are wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@/lib/config';
import { startTestWarehouse, type TestWarehouse } from '@/test/local-warehouse';
import { WarehouseUnavailableError } from './errors';
import { createWarehousePool } from './pool';
import { execute } from './sdk';

const CREDENTIALS = { user: 'dash_svc', password: 'pool-pw-41c2-8d0e7a' };
let warehouse: TestWarehouse;

beforeAll(async () => {
  warehouse = await startTestWarehouse({ credentials: CREDENTIALS });
});

afterAll(async () => {
  await warehouse.close();
});

function poolWith(user: string, password: string) {
  const cfg = loadConfig({
    FLURRY_DATA_DIR: warehouse.dataDir,
    SNOWFLAKE_HOME: warehouse.dataDir,
    FLURRY_WAREHOUSE_PORT: String(warehouse.port),
    FLURRY_WAREHOUSE_USER: user,
    FLURRY_WAREHOUSE_PASSWORD: password,
  });
  return createWarehousePool(cfg, { max: 1 });
}

describe('the dashboard\u2019s pool on a local warehouse with a login', () => {
  it('logs in as the configured user, and names only the user as who it is', async () => {
    const pool = poolWith(CREDENTIALS.user, CREDENTIALS.password);
    try {
      expect(pool.target).toEqual({ warehouse: 'local', account: 'local', user: CREDENTIALS.user, role: null, warehouseName: null });
      const rows = await pool.withConnection(async (connection) => {
        const { statement } = await execute(connection, 'SELECT 1');
        const history = 'SELECT USER_NAME FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY()) WHERE QUERY_ID = ?';
        return (await execute(connection, history, { binds: [statement.getQueryId()] })).rows;
      });
      expect(rows).toEqual([{ USER_NAME: CREDENTIALS.user.toUpperCase() }]);
    } finally {
      await pool.close();
    }
  });

  it('reports a wrong password as the warehouse refusing the login', async () => {
    const pool = poolWith(CREDENTIALS.user, 'not-it-but-long-enough');
    try {
      const attempt = pool.withConnection(async () => 'never');
      await expect(attempt).rejects.toBeInstanceOf(WarehouseUnavailableError);
      await expect(attempt).rejects.toThrow('Incorrect username or password was specified.');
    } finally {
      await pool.close();
    }
  });
});
