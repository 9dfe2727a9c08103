/**
 * Results of any size through snowflake-sdk against the real local warehouse: the driver reads
 * the inline rows, then fetches the chunks the answer lists (result-chunks.ts), a few at a time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '@/test/dashboard-parts';
import { startTestWarehouse, type TestWarehouse } from '@/test/local-warehouse';
import { createWarehouseCalls } from '@/lib/warehouse/calls';
import { createWarehousePool, type WarehousePool } from '@/lib/warehouse/pool';
import { connect, destroy, type Connection, type Statement } from '@/lib/warehouse/sdk';

let dataDir: string;
let warehouse: TestWarehouse;
let connection: Connection;
let pool: WarehousePool;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'flurry-large-'));
  warehouse = await startTestWarehouse({ dataDir: path.join(dataDir, 'warehouse') });
  // The dashboard's pool logs in as `flurry`; a query's result is readable by the user who ran it.
  connection = await connect({ ...warehouse.connectionOptions(), username: 'flurry' });
  pool = createWarehousePool(testConfig(dataDir, warehouse.port));
});

afterAll(async () => {
  await pool?.close();
  await destroy(connection);
  await warehouse?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const generated = (rows: number) => `SELECT SEQ8() AS N, 'x' || SEQ8() AS S FROM TABLE(GENERATOR(ROWCOUNT => ${rows}))`;

function executeStreaming(sqlText: string): Promise<Statement> {
  return new Promise((resolve, reject) => {
    connection.execute({ sqlText, streamResult: true, rowMode: 'array', complete: (error, statement) => (error ? reject(error) : resolve(statement)) });
  });
}

/** Every row of the statement's result, through streamRows(), handed to `each` in order. */
function streamEach(statement: Statement, each: (row: unknown[]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    statement
      .streamRows()
      .on('data', (row: unknown[]) => each(row))
      .on('end', () => resolve())
      .on('error', reject);
  });
}

async function allRows(sqlText: string): Promise<{ statement: Statement; rows: unknown[][] }> {
  const statement = await executeStreaming(sqlText);
  const rows: unknown[][] = [];
  await streamEach(statement, (row) => rows.push(row));
  return { statement, rows };
}

describe('a 100,000-row result', () => {
  let queryId: string;
  let rows: unknown[][];

  beforeAll(async () => {
    const fetched = await allRows(generated(100_000));
    queryId = fetched.statement.getQueryId();
    rows = fetched.rows;
  });

  it('streams whole and in order through streamRows, and identically again through RESULT_SCAN', async () => {
    expect(rows).toHaveLength(100_000);
    expect(rows[0]).toEqual([0, 'x0']);
    expect(rows[99_999]).toEqual([99_999, 'x99999']);
    const rescanned = await allRows(`SELECT * FROM TABLE(RESULT_SCAN('${queryId}'))`);
    expect(rescanned.statement.getNumRows()).toBe(100_000);
    expect(rescanned.rows).toEqual(rows);
  });

  it("serves the dashboard's first page and its CSV stream (lib/warehouse/result-calls.ts)", async () => {
    const calls = createWarehouseCalls(pool);
    const page = await calls.resultPage(queryId, 50);
    expect(page.total).toBe(100_000);
    expect(page.rows).toEqual(rows.slice(0, 50).map((row) => row.map(String)));
    const stream = await calls.streamResultRows(queryId);
    let count = 0;
    let mismatches = 0;
    for await (const row of stream.rows) {
      if (row[0] !== String(count) || row[1] !== `x${count}`) mismatches += 1;
      count += 1;
    }
    expect({ count, mismatches }).toEqual({ count: 100_000, mismatches: 0 });
  });
});

describe('a 5,000,000-row result', () => {
  it('is fetched completely through streamRows, every row in order', { timeout: 600_000 }, async () => {
    const statement = await executeStreaming(generated(5_000_000));
    expect(statement.getNumRows()).toBe(5_000_000);
    let count = 0;
    let mismatches = 0;
    const samples: unknown[][] = [];
    await streamEach(statement, (row) => {
      if (row[0] !== count || row[1] !== `x${count}`) mismatches += 1;
      if (count % 1_000_000 === 999_999) samples.push(row);
      count += 1;
    });
    expect({ count, mismatches }).toEqual({ count: 5_000_000, mismatches: 0 });
    expect(samples).toEqual([1, 2, 3, 4, 5].map((millions) => [millions * 1_000_000 - 1, `x${millions * 1_000_000 - 1}`]));
  });
});
