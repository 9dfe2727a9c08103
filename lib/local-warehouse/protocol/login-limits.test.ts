/**
 * What an unauthenticated client can make the warehouse hold: a login body is bounded before
 * and after gunzip, and every name a session keeps is at most Snowflake's 255 characters.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, destroy, execute } from '@/lib/warehouse/sdk';
import { startTestWarehouse, type TestWarehouse } from '@/test/local-warehouse';
import { LOGIN_BODY_LIMIT_BYTES } from './request-body';

let warehouse: TestWarehouse;

beforeAll(async () => {
  warehouse = await startTestWarehouse();
});

afterAll(async () => {
  await warehouse.close();
});

async function post(path: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const response = await fetch(`${warehouse.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const loginJson = (data: Record<string, unknown>) => JSON.stringify({ data: { ACCOUNT_NAME: 'local', PASSWORD: 'x', ...data } });

describe('a login body', () => {
  it('that gunzips past the login limit (a 63 KiB gzip bomb of a 63 MiB name) is refused with 413, and the server serves on', async () => {
    const bomb = gzipSync(loginJson({ LOGIN_NAME: 'A'.repeat(63 * 1024 * 1024) }));
    expect(bomb.length).toBeLessThan(LOGIN_BODY_LIMIT_BYTES);
    const answer = await post('/session/v1/login-request', bomb, { 'content-encoding': 'gzip' });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({ success: false, code: '000413', message: `Request body is larger than the local warehouse's limit of ${LOGIN_BODY_LIMIT_BYTES} bytes.` });

    const renewal = await post('/session/token-request', gzipSync(JSON.stringify({ requestType: 'RENEW', pad: 'x'.repeat(LOGIN_BODY_LIMIT_BYTES) })));
    expect(renewal.status).toBe(413);

    const connection = await connect(warehouse.connectionOptions());
    try {
      expect((await execute(connection, 'SELECT 1 AS ONE')).rows).toEqual([{ ONE: 1 }]);
    } finally {
      await destroy(connection);
    }
  });

  it('refuses names longer than 255 characters, naming the field, and takes 255', async () => {
    const long = 'N'.repeat(256);
    const cases: [string, string, string][] = [
      ['', loginJson({ LOGIN_NAME: long }), 'data.LOGIN_NAME'],
      ['', loginJson({ LOGIN_NAME: 'u', ACCOUNT_NAME: long }), 'data.ACCOUNT_NAME'],
      [`?databaseName=${long}`, loginJson({ LOGIN_NAME: 'u' }), 'The query parameter databaseName'],
      [`?schemaName="${long}"`, loginJson({ LOGIN_NAME: 'u' }), 'The query parameter schemaName'],
      [`?warehouse=${long}`, loginJson({ LOGIN_NAME: 'u' }), 'The query parameter warehouse'],
      [`?roleName=${long}`, loginJson({ LOGIN_NAME: 'u' }), 'The query parameter roleName'],
    ];
    for (const [query, body, field] of cases) {
      const answer = await post(`/session/v1/login-request${query}`, body);
      expect(answer.status, field).toBe(400);
      expect(answer.body.message, field).toBe(`${field}: The name 'NNNNNNNNNNNNNNNNNNNN…' is 256 characters long; Snowflake names are at most 255.`);
    }
    const longest = await post(`/session/v1/login-request?databaseName=${'D'.repeat(255)}`, loginJson({ LOGIN_NAME: 'U'.repeat(255) }));
    expect(longest.body).toMatchObject({ success: true, data: { displayUserName: 'U'.repeat(255), sessionInfo: { databaseName: 'D'.repeat(255) } } });
  });
});
