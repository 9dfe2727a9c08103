/**
 * Queries belong to the user who ran them, through the real snowflake-sdk with two login names:
 * a requestId deduplicates only that user's retry of the same SQL, and another user reaches a
 * query by id only as Snowflake allows (query-access.ts): never its result, and its status or a
 * cancel only in the ACCOUNTADMIN role. Otherwise the query answers exactly as a missing one.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, destroy, execute, submitAsync, type Connection } from '@/lib/warehouse/sdk';
import { startTestWarehouse, waitForStatus, type TestWarehouse } from '@/test/local-warehouse';

let warehouse: TestWarehouse;
let alice: Connection;
/** Alice again, in another session and a role without account-wide rights. */
let aliceElsewhere: Connection;
let bob: Connection;
let bobAdmin: Connection;

const as = (username: string, role?: string) => connect({ ...warehouse.connectionOptions(), username, ...(role ? { role } : {}) });

beforeAll(async () => {
  warehouse = await startTestWarehouse();
  [alice, aliceElsewhere, bob, bobAdmin] = await Promise.all([as('alice'), as('alice', 'PUBLIC'), as('bob', 'PUBLIC'), as('bob')]);
});

afterAll(async () => {
  await Promise.all([alice, aliceElsewhere, bob, bobAdmin].map((connection) => destroy(connection)));
  await warehouse.close();
});

/** What a failed call threw, for comparing a foreign query's answer with a missing one's. */
async function failure(work: Promise<unknown>, queryId: string): Promise<{ code: unknown; message: string }> {
  const error = (await work.then(
    () => {
      throw new Error('expected a failure');
    },
    (reason: unknown) => reason,
  )) as { code: unknown; message: string };
  return { code: error.code, message: error.message.replaceAll(queryId, '<id>') };
}

/** A session over plain HTTP, for the answers the driver turns into its own errors. */
async function rawLogin(loginName: string, role: string) {
  const login = await fetch(`${warehouse.url}/session/v1/login-request?roleName=${role}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: { ACCOUNT_NAME: 'local', LOGIN_NAME: loginName, PASSWORD: 'x' } }),
  });
  const { token } = ((await login.json()) as { data: { token: string } }).data;
  /** The answer's code and message, the query id in it replaced by <id>. */
  return async (method: 'GET' | 'POST', path: string, queryId: string) => {
    const response = await fetch(`${warehouse.url}${path.replace('{id}', queryId)}`, { method, headers: { authorization: `Snowflake Token="${token}"` } });
    const body = (await response.json()) as { code: string; message: string };
    return { code: body.code, message: body.message.replaceAll(queryId, '<id>') };
  };
}

const resultScan = (connection: Connection, queryId: string) => execute(connection, `SELECT * FROM TABLE(RESULT_SCAN('${queryId}'))`);

describe('a requestId', () => {
  it('deduplicates the same user\u2019s retry of the same SQL, from any session, and nothing else', async () => {
    await execute(alice, 'CREATE OR REPLACE TABLE replayed (x INT)');
    const requestId = randomUUID();
    const first = await submitAsync(alice, 'INSERT INTO replayed VALUES (1)', { requestId });
    await waitForStatus(alice, first, 'SUCCESS');

    const bobs = await submitAsync(bob, 'INSERT INTO replayed VALUES (2)', { requestId });
    const otherSql = await submitAsync(alice, 'INSERT INTO replayed VALUES (3)', { requestId });
    const retried = await submitAsync(aliceElsewhere, 'INSERT INTO replayed VALUES (1)', { requestId });
    expect(new Set([first, bobs, otherSql]).size).toBe(3);
    expect(retried).toBe(first);

    await waitForStatus(bob, bobs, 'SUCCESS');
    await waitForStatus(alice, otherSql, 'SUCCESS');
    expect((await execute(alice, 'SELECT x FROM replayed ORDER BY x')).rows).toEqual([{ X: 1 }, { X: 2 }, { X: 3 }]);
    // The retry of the changed SQL is now deduplicated against that one.
    expect(await submitAsync(alice, 'INSERT INTO replayed VALUES (3)', { requestId })).toBe(otherSql);
  });
});

describe('another user\u2019s query by id', () => {
  it('has no result for them, even in ACCOUNTADMIN, and no status outside it: answered as a missing query', async () => {
    const { statement } = await execute(alice, "SELECT 'alice-only' AS secret");
    const queryId = statement.getQueryId();
    const missing = randomUUID();

    expect(await bob.getQueryStatus(queryId)).toBe('NO_QUERY_DATA');
    expect(await failure(bob.getResultsFromQueryId({ queryId }), queryId)).toEqual(await failure(bob.getResultsFromQueryId({ queryId: missing }), missing));
    for (const connection of [bob, bobAdmin]) {
      const refused = await failure(resultScan(connection, queryId), queryId);
      expect(refused).toEqual(await failure(resultScan(connection, missing), missing));
      expect(refused.message).toBe('Statement <id> not found');
    }
    expect(await bobAdmin.getQueryStatus(queryId)).toBe('SUCCESS');
    const asBobAdmin = await rawLogin('bob', 'ACCOUNTADMIN');
    const result = await asBobAdmin('GET', '/queries/{id}/result', queryId);
    expect(result).toEqual(await asBobAdmin('GET', '/queries/{id}/result', missing));
    expect(result).toEqual({ code: '000709', message: 'Statement <id> not found' });

    expect(await aliceElsewhere.getQueryStatus(queryId)).toBe('SUCCESS');
    expect((await resultScan(aliceElsewhere, queryId)).rows).toEqual([{ SECRET: 'alice-only' }]);
  });

  it('cannot be cancelled by them outside ACCOUNTADMIN, by SYSTEM$CANCEL_QUERY or abort-request; in it, it can', async () => {
    const running = await submitAsync(alice, 'CALL SYSTEM$WAIT(60)');
    await waitForStatus(alice, running, 'RUNNING');
    const cancel = async (connection: Connection) => (await execute(connection, `SELECT SYSTEM$CANCEL_QUERY('${running}') AS answer`)).rows;
    expect(await cancel(bob)).toEqual([{ ANSWER: 'Identified SQL statement is not currently executing.' }]);

    const asBob = await rawLogin('bob', 'PUBLIC');
    const aborted = await asBob('POST', '/queries/{id}/abort-request', running);
    expect(aborted).toEqual(await asBob('POST', '/queries/{id}/abort-request', randomUUID()));
    expect(aborted).toEqual({ code: '000709', message: 'Statement <id> not found' });
    expect(await alice.getQueryStatus(running)).toBe('RUNNING');

    expect(await cancel(bobAdmin)).toEqual([{ ANSWER: `query [${running}] terminated.` }]);
    await waitForStatus(alice, running, 'ABORTED');
  });
});
