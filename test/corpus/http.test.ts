/**
 * The HTTP corpus against a real local warehouse: each bad request gets its status and a JSON
 * error naming the problem; nothing reaches the internal-error path (no log line), and the
 * server still answers a query and still holds the same rows afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawSession, startTestWarehouse, type RawSession, type TestWarehouse } from '../local-warehouse';
import { abandonedRequests, badRequests, type HttpTarget } from './http-requests';

let warehouse: TestWarehouse;
let session: RawSession;
let target: HttpTarget;
const internalErrors: unknown[] = [];

const rowsOf = async (sqlText: string) => (await session.query({ sqlText })).data?.rowset;

beforeAll(async () => {
  warehouse = await startTestWarehouse({ logError: (message, error) => internalErrors.push({ message, error }) });
  session = await rawSession(warehouse);
  target = { port: warehouse.port, token: session.token };
  await rowsOf('CREATE TABLE KEPT AS SELECT 1 AS ID');
});

afterAll(() => warehouse.close());

async function expectStillServing(): Promise<void> {
  expect(await rowsOf('SELECT * FROM KEPT')).toEqual([['1']]);
  expect(internalErrors).toEqual([]);
}

describe(`bad HTTP requests (${badRequests.length} cases)`, () => {
  it.each(badRequests)('$name', async ({ input, expect: pattern }) => {
    const answer = await input.send(target);
    expect(answer.status).toBe(input.status);
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    const body = JSON.parse(answer.body) as { success: boolean; code: string; message: string };
    expect(body.success).toBe(false);
    expect(body.code).toMatch(/^\d{6}$/);
    expect(body.message).toMatch(pattern);
    await expectStillServing();
  });
});

describe(`abandoned requests (${abandonedRequests.length} cases)`, () => {
  it.each(abandonedRequests)('$name', async ({ send }) => {
    await send(target);
    await expectStillServing();
  });
});
