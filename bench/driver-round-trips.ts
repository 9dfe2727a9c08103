/**
 * Round trips for `SELECT 1` through snowflake-sdk against the local warehouse in its own
 * process (default concurrency, 8 slots, as `npm start` runs it), with 1, 4 and 16 pooled
 * connections, each with one query in flight at a time. Two ways of running a query:
 * - sync: `connection.execute`, the answer inline (one HTTP request);
 * - async + fetch, as the dashboard does: `asyncExec` submission, monitoring status reads
 *   until it has ended (back to back, not on the tracker's 150 ms schedule), then the result
 *   page (the driver reads the status once more, then the result).
 * Prints, side by side: queries per second, per-query latency p50/p95, HTTP requests per query,
 * and CPU time per query on each side (this process, the warehouse process).
 *
 * Run: npm run bench:driver
 */
import { threadPoolSizeFor } from '@/lib/local-warehouse/engine/thread-pool';
import { isTerminal, queryPhase } from '@/lib/domain/status';
import { createWarehouseCalls, type WarehouseCalls } from '@/lib/warehouse/calls';
import { createWarehousePool, type WarehousePool } from '@/lib/warehouse/pool';
import { execute } from '@/lib/warehouse/sdk';
import { benchConfig } from './bench-dashboard';
import { countRequests, requestsBetween, totalRequests } from './http-requests';
import { startWarehouseProcess } from './local-warehouse-process';
import { loadText, ownCpuMs, processCpuMs } from './cpu';
import { ms, percentile } from './stats';

const CONNECTIONS = [1, 4, 16];
const SECONDS_PER_CELL = 5;
const SQL = 'SELECT 1';
const TAG = { batchId: 'bench', jobId: 'select-1' };

type RunOne = (pool: WarehousePool, calls: WarehouseCalls) => Promise<unknown>;

const MODES: { name: string; run: RunOne }[] = [
  { name: 'sync', run: (pool) => pool.withConnection((connection) => execute(connection, SQL)) },
  {
    name: 'async + fetch',
    run: async (_pool, calls) => {
      const queryId = await calls.submitQuery(SQL, { queryTag: TAG });
      let status = await calls.queryStatus(queryId);
      while (!isTerminal(queryPhase(status.status))) status = await calls.queryStatus(queryId);
      if (status.status !== 'SUCCESS') throw new Error(`SELECT 1 ended as ${status.status}: ${status.errorMessage}`);
      await calls.resultPage(queryId, 100);
    },
  },
];

const warehouseProcess = await startWarehouseProcess({ UV_THREADPOOL_SIZE: String(threadPoolSizeFor(8)) });
const config = benchConfig(warehouseProcess.dataDir, warehouseProcess.port);
const requests = countRequests();

/** `connections` workers, each running queries one after another for SECONDS_PER_CELL. */
async function measure(run: RunOne, connections: number) {
  const pool = createWarehousePool(config, { max: connections });
  const calls = createWarehouseCalls(pool);
  try {
    // Warm-up: log every connection in and let the JIT see the path.
    await Promise.all(Array.from({ length: connections }, async () => {
      for (let i = 0; i < 20; i++) await run(pool, calls);
    }));
    const latencies: number[] = [];
    const before = { requests: requests.snapshot(), cpu: ownCpuMs(), warehouseCpu: processCpuMs(warehouseProcess.pid) };
    const started = performance.now();
    const deadline = started + SECONDS_PER_CELL * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < deadline) {
          const t0 = performance.now();
          await run(pool, calls);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const queries = latencies.length;
    return {
      queries,
      perSecond: queries / elapsed,
      latencies,
      requestsPerQuery: totalRequests(requestsBetween(before.requests, requests.snapshot())) / queries,
      cpuPerQuery: (ownCpuMs() - before.cpu) / queries,
      warehouseCpuPerQuery: (processCpuMs(warehouseProcess.pid) - before.warehouseCpu) / queries,
    };
  } finally {
    await pool.close();
  }
}

console.log(`snowflake-sdk round trips for ${SQL} — node ${process.version}, local warehouse in its own process, 8 slots, ${loadText()}\n`);
console.log('mode | connections | queries | queries/s | latency p50 | latency p95 | HTTP requests/query | client CPU/query | warehouse CPU/query');
console.log('---- | ----------: | ------: | --------: | ----------: | ----------: | ------------------: | ---------------: | ------------------:');
try {
  for (const { name, run } of MODES) {
    for (const connections of CONNECTIONS) {
      const r = await measure(run, connections);
      console.log(
        `${name} | ${connections} | ${r.queries} | ${r.perSecond.toFixed(0)} | ${ms(percentile(r.latencies, 50))} | ${ms(percentile(r.latencies, 95))} | ${r.requestsPerQuery.toFixed(1)} | ${ms(r.cpuPerQuery)} | ${ms(r.warehouseCpuPerQuery)}`,
      );
    }
  }
} finally {
  requests.stop();
  await warehouseProcess.stop();
}
