/**
 * Chunked results at the HTTP boundary: the fields of a large result's answer and the chunk
 * route, whose requests carry the result's key as snowflake-sdk sends it (chunkHeaders, no
 * session token) and whose body is rows joined by commas.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawSession, startTestWarehouse, type RawSession, type TestWarehouse } from '@/test/local-warehouse';

const ROWS = 20_000;

let warehouse: TestWarehouse;
let session: RawSession;
let answer: Record<string, any>;

beforeAll(async () => {
  warehouse = await startTestWarehouse({ resultRetentionSeconds: 2 });
  session = await rawSession(warehouse);
  answer = (await session.query({ sqlText: `SELECT SEQ4() AS N, REPEAT('x', 20) AS S FROM TABLE(GENERATOR(ROWCOUNT => ${ROWS}))` })).data;
});

afterAll(async () => {
  await warehouse.close();
});

const fetchChunk = (url: string, headers: Record<string, string> = answer.chunkHeaders) => fetch(url, { headers });

describe('a result too large to send whole', () => {
  it('sends its first rows inline and the rest as chunks of growing size, with the key to fetch them', () => {
    const { queryId, rowset, chunks, chunkHeaders, qrmk, total, returned } = answer;
    expect(total).toBe(ROWS);
    expect(returned).toBe(ROWS);
    expect(rowset.length).toBeGreaterThan(1000);
    expect(rowset.length + chunks.reduce((sum: number, chunk: { rowCount: number }) => sum + chunk.rowCount, 0)).toBe(ROWS);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[1].rowCount).toBeGreaterThan(chunks[0].rowCount);
    expect(chunks[0]).toEqual({
      url: `${warehouse.url}/results/${queryId}/chunks?offset=${rowset.length}&rows=${chunks[0].rowCount}`,
      rowCount: chunks[0].rowCount,
      uncompressedSize: expect.any(Number),
      compressedSize: chunks[0].uncompressedSize,
    });
    expect(chunkHeaders).toEqual({
      'x-amz-server-side-encryption-customer-algorithm': 'AES256',
      'x-amz-server-side-encryption-customer-key': qrmk,
    });
  });

  it('serves a chunk as its rows joined by commas, not as JSON, given the key', async () => {
    const chunk = answer.chunks[1];
    const offset = Number(new URL(chunk.url).searchParams.get('offset'));
    const response = await fetchChunk(chunk.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    const body = await response.text();
    expect(body.startsWith('["')).toBe(true);
    const rows = JSON.parse(`[${body}]`) as string[][];
    expect(rows).toHaveLength(chunk.rowCount);
    expect(rows[0]).toEqual([String(offset), 'x'.repeat(20)]);
    expect(rows[rows.length - 1][0]).toBe(String(offset + chunk.rowCount - 1));
    expect(Math.abs(body.length - chunk.uncompressedSize) / body.length).toBeLessThan(0.05);
  });

  it('refuses a chunk request without the key, or with the key of another result, with 403', async () => {
    const url = answer.chunks[0].url;
    expect((await fetchChunk(url, {})).status).toBe(403);
    const other = (await session.query({ sqlText: `SELECT SEQ4() FROM TABLE(GENERATOR(ROWCOUNT => ${ROWS}))` })).data;
    const refused = await fetchChunk(url, other.chunkHeaders);
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toContain('x-amz-server-side-encryption-customer-key');
  });

  it('answers a malformed range with 400 naming it, a result it never handed out with 403, a malformed id with 404', async () => {
    const badRange = await fetchChunk(answer.chunks[0].url.replace(/rows=\d+/, 'rows=ten'));
    expect(badRange.status).toBe(400);
    expect((await badRange.json()).message).toBe('A result chunk\'s "rows" must be a whole number; got "ten".');
    const unknown = answer.chunks[0].url.replace(answer.queryId, randomUUID());
    expect((await fetch(unknown)).status).toBe(403);
    expect((await fetch(`${warehouse.url}/results/not-a-uuid/chunks?offset=0&rows=1`)).status).toBe(404);
  });

  it('answers 404 once the result has expired', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const expired = await fetchChunk(answer.chunks[0].url);
    expect(expired.status).toBe(404);
    expect((await expired.json()).message).toBe(`Result for query ${answer.queryId} has expired or does not exist.`);
  });
});
