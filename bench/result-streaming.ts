/**
 * Streams a 5,000,000-row result through snowflake-sdk from a local warehouse in its own
 * process, and watches that process's memory while it serves the result: the warehouse sends
 * the first rows inline and each chunk page by page from the result's Parquet file, so its
 * resident memory should stay near its level at rest however large the result. Prints rows per
 * second and the warehouse's RSS at rest and at its peak (sampled every 100 ms) while streaming.
 *
 * Run: npm run bench:results
 */
import { connect, destroy, execute, type Connection, type Statement } from '@/lib/warehouse/sdk';
import { threadPoolSizeFor } from '@/lib/local-warehouse/engine/thread-pool';
import { residentMiB } from './cpu';
import { startWarehouseProcess } from './local-warehouse-process';
import { sampleRss } from './rss-sampler';

const ROWS = 5_000_000;
const SQL = `SELECT SEQ8() AS N, 'x' || SEQ8() AS S FROM TABLE(GENERATOR(ROWCOUNT => ${ROWS}))`;
const SAMPLE_MS = 100;

function executeStreaming(connection: Connection, sqlText: string): Promise<Statement> {
  return new Promise((resolve, reject) => {
    connection.execute({ sqlText, streamResult: true, rowMode: 'array', complete: (error, statement) => (error ? reject(error) : resolve(statement)) });
  });
}

/** Streams every row, checking each is the next in sequence; resolves with the row count. */
function streamAll(statement: Statement): Promise<number> {
  let count = 0;
  return new Promise((resolve, reject) => {
    statement
      .streamRows()
      .on('data', (row: unknown[]) => {
        if (row[0] !== count) reject(new Error(`row ${count} came back as ${JSON.stringify(row)}`));
        count += 1;
      })
      .on('end', () => resolve(count))
      .on('error', reject);
  });
}

const mib = (value: number) => `${value.toFixed(0)} MiB`;

// Sized as `npm start` sizes it, so the pid is the warehouse itself and not a launcher (relaunch.ts).
const warehouse = await startWarehouseProcess({ UV_THREADPOOL_SIZE: String(threadPoolSizeFor(8)) });
const connection = await connect({ accessUrl: `http://127.0.0.1:${warehouse.port}`, account: 'local', username: 'bench', password: 'bench' });
try {
  // A first small result warms DuckDB and the result store, so "at rest" is the warehouse in use.
  await execute(connection, 'SELECT SEQ4() FROM TABLE(GENERATOR(ROWCOUNT => 1000))');
  const atRest = residentMiB(warehouse.pid);

  const duringQuery = sampleRss(warehouse.pid, SAMPLE_MS);
  const started = performance.now();
  const statement = await executeStreaming(connection, SQL);
  const queried = performance.now();
  const query = await duringQuery.stop();
  const duringStream = sampleRss(warehouse.pid, SAMPLE_MS);
  const client = sampleRss(process.pid, SAMPLE_MS);
  const count = await streamAll(statement);
  const streamed = performance.now();
  const stream = await duringStream.stop();
  const clientPeak = (await client.stop()).peakMiB;
  if (count !== ROWS) throw new Error(`streamed ${count} rows, expected ${ROWS}`);

  const seconds = (streamed - queried) / 1000;
  console.log(`Result streaming — node ${process.version}; ${ROWS.toLocaleString('en')} rows of (NUMBER, VARCHAR) through snowflake-sdk streamRows()\n`);
  console.log('measure | value');
  console.log('------- | ----:');
  console.log(`query (run, and store the result) | ${((queried - started) / 1000).toFixed(1)} s`);
  console.log(`stream every row | ${seconds.toFixed(1)} s`);
  console.log(`rows per second while streaming | ${Math.round(count / seconds).toLocaleString('en')}`);
  console.log(`warehouse RSS at rest | ${mib(atRest)}`);
  console.log(`warehouse peak RSS while the query runs (${query.samples} samples, every ${SAMPLE_MS} ms) | ${mib(query.peakMiB)}`);
  console.log(`warehouse peak RSS while streaming (${stream.samples} samples, every ${SAMPLE_MS} ms) | ${mib(stream.peakMiB)}`);
  console.log(`warehouse RSS after streaming | ${mib(residentMiB(warehouse.pid))}`);
  console.log(`client (snowflake-sdk) peak RSS while streaming | ${mib(clientPeak)}`);
} finally {
  await destroy(connection);
  await warehouse.stop();
}
