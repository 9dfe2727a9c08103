/**
 * A local warehouse with a configured login (FLURRY_WAREHOUSE_USER / FLURRY_WAREHOUSE_PASSWORD),
 * through the real snowflake-sdk: only that user and password get in, refused as Snowflake
 * refuses (390100), while a job's containers still log in with the OAuth token issued to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, destroy, execute, type Connection } from '@/lib/warehouse/sdk';
import { startTestWarehouse, type TestWarehouse } from '@/test/local-warehouse';

const CREDENTIALS = { user: 'flurry_svc', password: 'pw-7f3a9c-\u00e9t\u00e9-5b81d2' };
const REFUSED = { code: '390100', message: 'Incorrect username or password was specified.' };

let warehouse: TestWarehouse;

beforeAll(async () => {
  warehouse = await startTestWarehouse({ credentials: CREDENTIALS });
});

afterAll(async () => {
  await warehouse.close();
});

const login = (options: { username?: string; password?: string; authenticator?: string; token?: string }) =>
  connect({ accessUrl: warehouse.url, account: 'local', ...options });

async function selectOne(connection: Connection): Promise<unknown[]> {
  try {
    return (await execute(connection, 'SELECT 1 AS ONE')).rows;
  } finally {
    await destroy(connection);
  }
}

describe('a local warehouse with a configured login', () => {
  it('refuses a wrong password, a wrong user and no password with Snowflake\u2019s error, not saying which was wrong', async () => {
    await expect(login({ username: CREDENTIALS.user, password: 'guess' })).rejects.toMatchObject(REFUSED);
    await expect(login({ username: 'someone_else', password: CREDENTIALS.password })).rejects.toMatchObject(REFUSED);
    await expect(login({ username: CREDENTIALS.user, password: `${CREDENTIALS.password} ` })).rejects.toMatchObject(REFUSED);
    const raw = await fetch(`${warehouse.url}/session/v1/login-request`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { ACCOUNT_NAME: 'local', LOGIN_NAME: CREDENTIALS.user } }),
    });
    expect(await raw.json()).toEqual({ data: { sqlState: '08004' }, code: '390100', message: REFUSED.message, success: false });
  });

  it('lets the configured user in, whatever the case of the login name (Snowflake\u2019s are case-insensitive)', async () => {
    expect(await selectOne(await login({ username: CREDENTIALS.user, password: CREDENTIALS.password }))).toEqual([{ ONE: 1 }]);
    expect(await selectOne(await login({ username: CREDENTIALS.user.toUpperCase(), password: CREDENTIALS.password }))).toEqual([{ ONE: 1 }]);
  });

  it('still lets a job\u2019s containers in with the OAuth token it issued them, and nobody with another token', async () => {
    const { token, revoke } = warehouse.issueContainerToken({ user: 'JOB_OWNER', role: 'SYSADMIN', database: 'FLURRY', schema: 'PUBLIC', warehouse: 'COMPUTE_WH' });
    expect(await selectOne(await login({ authenticator: 'OAUTH', token }))).toEqual([{ ONE: 1 }]);
    revoke();
    await expect(login({ authenticator: 'OAUTH', token })).rejects.toMatchObject({ code: '390303' });
  });
});
