/**
 * OAuth login as a job's containers do it: snowflake-sdk with `authenticator: 'OAUTH'` and the
 * token the warehouse issued for the job; other tokens get Snowflake's 390303.
 */
import snowflake from 'snowflake-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureDriver, destroy, execute, type Connection } from '@/lib/warehouse/sdk';
import { startTestWarehouse, type TestWarehouse } from '@/test/local-warehouse';

let warehouse: TestWarehouse;

const OWNER = { user: 'JOB_OWNER', role: 'SYSADMIN', database: 'FLURRY', schema: 'PUBLIC', warehouse: 'JOBS_WH' };

beforeAll(async () => {
  warehouse = await startTestWarehouse();
});

afterAll(async () => {
  await warehouse.close();
});

async function oauthLogin(token: unknown): Promise<Record<string, any>> {
  const response = await fetch(`${warehouse.url}/session/v1/login-request`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: { ACCOUNT_NAME: 'local', AUTHENTICATOR: 'OAUTH', TOKEN: token } }),
  });
  return response.json();
}

/** snowflake-sdk 3.3's connectAsync hands login errors only to a callback, so the callback form is used. */
function connectWithOAuth(token: string): Promise<Connection> {
  configureDriver();
  const connection = snowflake.createConnection({ accessUrl: warehouse.url, account: 'local', authenticator: 'OAUTH', token });
  return new Promise((resolve, reject) => connection.connect((error) => (error ? reject(error) : resolve(connection))));
}

describe('OAuth login with a container token', () => {
  it('logs in as the token\'s owner, in its database, schema, role and warehouse, and runs queries', async () => {
    const { token } = warehouse.issueContainerToken(OWNER);
    const answer = await oauthLogin(token);
    expect(answer.success).toBe(true);
    expect(answer.data.displayUserName).toBe('JOB_OWNER');
    expect(answer.data.sessionInfo).toEqual({ databaseName: 'FLURRY', schemaName: 'PUBLIC', warehouseName: 'JOBS_WH', roleName: 'SYSADMIN' });

    const connection = await connectWithOAuth(token);
    try {
      const { rows } = await execute(connection, 'SELECT 1 AS ONE');
      expect(rows).toEqual([{ ONE: 1 }]);
    } finally {
      await destroy(connection);
    }
  });

  it('refuses a token it did not issue, and one revoked when its job ended, with 390303', async () => {
    const refused = connectWithOAuth('not-a-token');
    await expect(refused).rejects.toMatchObject({ code: '390303' });
    await expect(refused).rejects.toThrow('Invalid OAuth access token: this local warehouse did not issue it, or the job it was issued for has ended.');

    const issued = warehouse.issueContainerToken(OWNER);
    issued.revoke();
    expect(await oauthLogin(issued.token)).toMatchObject({ success: false, code: '390303' });
  });

  it('refuses an OAuth login without a token, saying where it belongs', async () => {
    expect(await oauthLogin(undefined)).toMatchObject({
      success: false,
      code: '390303',
      message: 'Invalid OAuth access token: an OAUTH login needs the token in data.TOKEN.',
    });
  });
});
