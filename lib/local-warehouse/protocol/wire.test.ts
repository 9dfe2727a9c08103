/**
 * The wire protocol with raw HTTP against a real local warehouse: JSON shapes the driver
 * depends on, and malformed requests, each answered in Snowflake's envelope while the server
 * keeps serving.
 */
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWarehouse, type TestWarehouse } from '@/test/local-warehouse';

interface Answer {
  status: number;
  contentType: string | null;
  body: Record<string, any>;
}

let warehouse: TestWarehouse;

async function call(
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; body?: string | Buffer | object; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Snowflake Token="${options.token}"`;
  const body =
    options.body === undefined || typeof options.body === 'string'
      ? options.body
      : Buffer.isBuffer(options.body)
        ? new Uint8Array(options.body)
        : JSON.stringify(options.body);
  const response = await fetch(`${warehouse.url}${path}`, { method, headers, body });
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.json() };
}

function loginBody(sessionParameters: Record<string, unknown> = {}) {
  return { data: { ACCOUNT_NAME: 'local', LOGIN_NAME: 'wire', PASSWORD: 'x', SESSION_PARAMETERS: sessionParameters } };
}

async function login(query = '', sessionParameters: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const answer = await call('POST', `/session/v1/login-request${query}`, { body: loginBody(sessionParameters) });
  expect(answer.status).toBe(200);
  return answer.body.data;
}

async function untilEnded(token: string, queryId: string): Promise<Record<string, any>> {
  for (;;) {
    const { body } = await call('GET', `/monitoring/queries/${queryId}`, { token });
    const query = body.data.queries[0];
    if (!['QUEUED', 'RUNNING', 'ABORTING'].includes(query.status)) return query;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  warehouse = await startTestWarehouse({ syncWaitSeconds: 1 });
});

afterAll(async () => {
  await warehouse.close();
});

describe('login', () => {
  it('returns tokens, validity, a numeric session id, parameters and the session defaults', async () => {
    const data = await login();
    expect(data).toMatchObject({ validityInSeconds: 3600, masterValidityInSeconds: 14400 });
    expect(typeof data.token).toBe('string');
    expect(typeof data.masterToken).toBe('string');
    expect(Number.isInteger(data.sessionId)).toBe(true);
    expect(data.parameters).toContainEqual({ name: 'TIMEZONE', value: 'Etc/UTC' });
    expect(data.sessionInfo).toEqual({
      databaseName: 'FLURRY',
      schemaName: 'PUBLIC',
      warehouseName: 'COMPUTE_WH',
      roleName: 'ACCOUNTADMIN',
    });
  });

  it('takes role, database, schema and warehouse from the query string, as Snowflake identifiers', async () => {
    const data = await login('?roleName=analyst&databaseName=%22MixedCase%22&schemaName=raw&warehouse=big_wh');
    expect(data.sessionInfo).toEqual({ databaseName: 'MixedCase', schemaName: 'RAW', warehouseName: 'BIG_WH', roleName: 'ANALYST' });
  });

  it('echoes session parameters the client set, such as CLIENT_SESSION_KEEP_ALIVE', async () => {
    const data = await login('', { CLIENT_SESSION_KEEP_ALIVE: true });
    expect(data.parameters).toContainEqual({ name: 'CLIENT_SESSION_KEEP_ALIVE', value: true });
  });

  it('refuses another account with 390100', async () => {
    const body = loginBody();
    body.data.ACCOUNT_NAME = 'acme';
    const answer = await call('POST', '/session/v1/login-request', { body });
    expect(answer.body).toMatchObject({ success: false, code: '390100' });
    expect(answer.body.message).toContain('"acme"');
  });

  it('names a missing LOGIN_NAME', async () => {
    const answer = await call('POST', '/session/v1/login-request', { body: { data: {} } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ success: false, message: 'data.LOGIN_NAME must be a non-empty string.' });
  });
});

describe('queries on the wire', () => {
  let token: string;

  beforeAll(async () => {
    token = (await login('', { QUERY_TAG: 'session-tag' })).token;
  });

  it('answers asyncExec with 333334 at once, then the result envelope at getResultUrl', async () => {
    const submitted = await call('POST', `/queries/v1/query-request?requestId=${randomUUID()}`, {
      token,
      body: { sqlText: "SELECT SYSTEM$WAIT(1500, 'MILLISECONDS') AS w, 7 AS n", asyncExec: true },
    });
    expect(submitted.contentType).toContain('application/json');
    expect(submitted.body).toMatchObject({ code: '333334', success: true });
    const { queryId, getResultUrl } = submitted.body.data;
    expect(getResultUrl).toBe(`/queries/${queryId}/result`);

    // Still running after the 1 s sync wait: 333333 with the same URL.
    const early = await call('GET', getResultUrl, { token });
    expect(early.body).toMatchObject({ code: '333333', success: true, data: { queryId, getResultUrl } });

    await untilEnded(token, queryId);
    const result = await call('GET', getResultUrl, { token });
    expect(result.body).toMatchObject({
      success: true,
      code: null,
      data: {
        queryId,
        rowset: [['waited 1500 milliseconds', '7']],
        total: 1,
        returned: 1,
        statementTypeId: 0x1000,
        version: 1,
        queryResultFormat: 'json',
        finalDatabaseName: 'FLURRY',
        finalSchemaName: 'PUBLIC',
        finalWarehouseName: 'COMPUTE_WH',
        finalRoleName: 'ACCOUNTADMIN',
      },
    });
    expect(result.body.data.rowtype.map((column: { name: string }) => column.name)).toEqual(['W', 'N']);
    expect(result.body.data.parameters).toContainEqual({ name: 'TIMEZONE', value: 'Etc/UTC' });
  });

  it('reports a query in monitoring with times, the session tag, and the statement tag over it', async () => {
    const tagged = await call('POST', '/queries/v1/query-request', {
      token,
      body: { sqlText: 'SELECT 1', parameters: { QUERY_TAG: 'statement-tag' } },
    });
    const untagged = await call('POST', '/queries/v1/query-request', { token, body: { sqlText: 'SELECT 2' } });
    const query = await untilEnded(token, tagged.body.data.queryId);
    expect(query).toMatchObject({
      id: tagged.body.data.queryId,
      status: 'SUCCESS',
      errorCode: null,
      errorMessage: null,
      sqlText: 'SELECT 1',
      queryTag: 'statement-tag',
    });
    expect(query.endTime).toBeGreaterThanOrEqual(query.startTime);
    expect(query.totalDuration).toBe(query.endTime - query.startTime);
    expect((await untilEnded(token, untagged.body.data.queryId)).queryTag).toBe('session-tag');
  });

  it('answers a failed statement with HTTP 200, success:false and the query id', async () => {
    const answer = await call('POST', '/queries/v1/query-request', { token, body: { sqlText: 'SELECT * FROM missing_table' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ success: false, code: '002003', data: { errorCode: '002003', sqlState: '42S02' } });
    const query = await untilEnded(token, answer.body.data.queryId);
    expect(query).toMatchObject({ status: 'FAILED_WITH_ERROR', errorCode: '002003' });
  });

  it('decodes a gzip body recognised by its magic bytes alone', async () => {
    const body = gzipSync(JSON.stringify({ sqlText: 'SELECT 3 AS three' }));
    const answer = await call('POST', '/queries/v1/query-request', { token, body });
    expect(answer.body).toMatchObject({ success: true, data: { rowset: [['3']] } });
  });

  it('aborts by requestId, then says the statement is no longer executing', async () => {
    const requestId = randomUUID();
    const submitted = await call('POST', `/queries/v1/query-request?requestId=${requestId}`, {
      token,
      body: { sqlText: 'CALL SYSTEM$WAIT(30)', asyncExec: true },
    });
    const aborted = await call('POST', '/queries/v1/abort-request', { token, body: { requestId } });
    expect(aborted.body).toMatchObject({ success: true });
    expect(await untilEnded(token, submitted.body.data.queryId)).toMatchObject({
      status: 'ABORTED',
      errorCode: '000604',
      errorMessage: 'SQL execution canceled',
    });
    const again = await call('POST', `/queries/${submitted.body.data.queryId}/abort-request`, { token });
    expect(again.body).toMatchObject({ success: false, code: '000605' });
    const result = await call('GET', `/queries/${submitted.body.data.queryId}/result`, { token });
    expect(result.body).toMatchObject({ success: false, code: '000604' });
  });

  it('refuses describeOnly as an unsupported feature (000002) without running anything', async () => {
    const answer = await call('POST', '/queries/v1/query-request', { token, body: { sqlText: 'SELECT 1', describeOnly: true } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ success: false, code: '000002', data: { sqlState: '0A000' } });
    expect(answer.body.message).toContain('describeOnly');
  });

  it('answers a multi-statement request with its one row and its statements\' ids, as text or number counts', async () => {
    for (const count of [2, '2', 0]) {
      const answer = await call('POST', '/queries/v1/query-request', {
        token,
        body: { sqlText: 'SELECT 1; SELECT 2', parameters: { MULTI_STATEMENT_COUNT: count } },
      });
      expect(answer.body).toMatchObject({
        success: true,
        data: { rowtype: [{ name: 'multiple statement execution', type: 'text' }], rowset: [['Multiple statements executed successfully.']] },
      });
      const ids = String(answer.body.data.resultIds).split(',');
      expect(ids).toHaveLength(2);
      expect(ids).not.toContain(answer.body.data.queryId);
    }
    const refused = await call('POST', '/queries/v1/query-request', {
      token,
      body: { sqlText: 'SELECT 1', parameters: { MULTI_STATEMENT_COUNT: -1 } },
    });
    expect(refused).toMatchObject({ status: 200, body: { success: false, code: '002000', data: { sqlState: '42000' } } });
    expect(refused.body.message).toContain('MULTI_STATEMENT_COUNT must be a whole number');
  });

  it('answers unknown query ids: empty monitoring, 000709 for result and abort', async () => {
    const id = randomUUID();
    expect((await call('GET', `/monitoring/queries/${id}`, { token })).body).toEqual({
      data: { queries: [] },
      code: null,
      message: null,
      success: true,
    });
    expect((await call('GET', `/queries/${id}/result`, { token })).body).toMatchObject({ success: false, code: '000709' });
    expect((await call('POST', `/queries/${id}/abort-request`, { token })).body).toMatchObject({ success: false, code: '000709' });
  });
});

describe('malformed requests', () => {
  let token: string;

  beforeAll(async () => {
    token = (await login()).token;
  });

  it.each([
    ['bad JSON', { body: '{"sqlText": "SELECT 1"' }, /^Request body is not valid JSON/],
    ['truncated gzip', { body: gzipSync('{"sqlText":"SELECT 1"}').subarray(0, 15) }, /^Request body is not valid gzip/],
    ['a JSON array', { body: '[1]' }, /must be a JSON object; got an array/],
    ['no sqlText', { body: '{}' }, /"sqlText" must be a string; got nothing/],
  ])('answers %s with 400 and a Snowflake envelope', async (_name, options, message) => {
    const answer = await call('POST', '/queries/v1/query-request', { token, ...options });
    expect(answer.status).toBe(400);
    expect(answer.contentType).toContain('application/json');
    expect(answer.body).toMatchObject({ success: false, code: '000400', data: null });
    expect(answer.body.message).toMatch(message);
  });

  it('answers an unknown path with 404 and a wrong method with 405, in JSON', async () => {
    const unknown = await call('GET', '/no/such/path', { token });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ success: false, code: '000404' });
    expect(unknown.body.message).toContain('GET /no/such/path');
    const wrongMethod = await call('GET', '/queries/v1/query-request', { token });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.message).toContain('use POST');
  });

  it('answers a missing token with 390101 and an unknown one with 390104, both HTTP 401', async () => {
    const missing = await call('POST', '/queries/v1/query-request', { body: { sqlText: 'SELECT 1' } });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ success: false, code: '390101' });
    const unknown = await call('POST', '/queries/v1/query-request', { token: 'forged', body: { sqlText: 'SELECT 1' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ success: false, code: '390104' });
  });

  it('answers the stale token of a logged-out session with 390111', async () => {
    const stale = (await login()).token;
    expect((await call('POST', '/session?delete=true', { token: stale })).body).toMatchObject({ success: true });
    const answer = await call('POST', '/session/heartbeat', { token: stale });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ success: false, code: '390111' });
  });

  it.each([
    ['GET', '/queries/not-a-uuid/result'],
    ['GET', '/monitoring/queries/1234'],
    ['POST', '/queries/%E0%A4%A/abort-request'],
  ] as const)('answers a non-UUID query id in %s %s with 000709 naming the UUID form', async (method, path) => {
    const answer = await call(method, path, { token });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ success: false, code: '000709', data: { sqlState: '02000' } });
    expect(answer.body.message).toContain('a query id is a UUID');
  });

  it('still serves after all of the above', async () => {
    const answer = await call('POST', '/queries/v1/query-request', { token, body: { sqlText: 'SELECT 1 AS one' } });
    expect(answer.body).toMatchObject({ success: true, data: { rowset: [['1']] } });
  });
});
