/**
 * Cancel latency of a running query against the local warehouse in its own process, for a
 * SYSTEM$WAIT hold and for a CPU-bound DuckDB query (MD5 over a billion generated rows), each
 * cancelled about 300 ms after it started, three ways:
 * - SYSTEM$CANCEL_QUERY on a second connection, the query run synchronously on the first;
 * - the driver's statement.cancel() (an abort-request by requestId) on that synchronous query;
 * - the dashboard's cancel path: cancelJobs() on a launched job, then the tracker's poll.
 * Prints p50/p95 over every cancel of:
 * - answered: from the cancel call to its answer (the statement's row, the abort-request's
 *   answer, cancelJobs() resolving);
 * - ended: from the cancel call to the query's failure reaching the client waiting on it (the
 *   execute callback with 000604), or, for the dashboard, to the tracker publishing the job as
 *   cancelled on the event bus (what an open page hears).
 *
 * Run: npm run bench:cancel
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChangeEvent } from '@/lib/domain/job';
import { isTerminal } from '@/lib/domain/status';
import { cancelJobs } from '@/lib/jobs/cancel';
import { launchBatch } from '@/lib/jobs/launch';
import { threadPoolSizeFor } from '@/lib/local-warehouse/engine/thread-pool';
import { cancelStatement, connect, destroy, execute, type Connection, type Statement } from '@/lib/warehouse/sdk';
import { startBenchDashboard } from './bench-dashboard';
import { loadText } from './cpu';
import { startWarehouseProcess } from './local-warehouse-process';
import { ms, percentile } from './stats';

const QUERIES = [
  { name: 'SYSTEM$WAIT hold', sql: 'CALL SYSTEM$WAIT(60)' },
  { name: 'CPU-bound (DuckDB)', sql: 'SELECT MAX(MD5(SEQ4()::TEXT)) FROM TABLE(GENERATOR(ROWCOUNT => 1000000000))' },
];
const CANCELS = 30;
/** How long a query runs before it is cancelled: long enough to be in DuckDB, not only admitted. */
const RUNNING_FOR_MS = 300;
const CANCELLED_CODE = '000604';

interface Cancel {
  answered: number;
  ended: number;
  /** The error code (or phase) the query ended with: 000604 (cancelled) unless a bug. */
  outcome: string;
}

interface SyncQuery {
  statement: Statement;
  /** When the execute callback fired, and with which error code ('none' when it succeeded). */
  settled: Promise<{ at: number; code: string }>;
}

/** Runs `sql` synchronously: the driver waits on the warehouse's answer, as a script would. */
function startSync(connection: Connection, sql: string): SyncQuery {
  let statement: Statement | undefined;
  const settled = new Promise<{ at: number; code: string }>((resolve) => {
    statement = connection.execute({
      sqlText: sql,
      complete: (error) => resolve({ at: performance.now(), code: error ? String((error as { code?: unknown }).code) : 'none' }),
    });
  });
  return { statement: statement as Statement, settled };
}

const warehouseProcess = await startWarehouseProcess({ UV_THREADPOOL_SIZE: String(threadPoolSizeFor(8)) });
const options = { accessUrl: `http://127.0.0.1:${warehouseProcess.port}`, account: 'local', username: 'bench', password: 'bench' };
const runner = await connect(options);
const canceller = await connect(options);
const dashboard = await startBenchDashboard(warehouseProcess.port);

/** The id of the running query with this text, from the warehouse's history (read before the clock starts). */
async function runningQueryId(sql: string): Promise<string> {
  const { rows } = await execute<unknown[]>(
    canceller,
    `SELECT QUERY_ID FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY(RESULT_LIMIT => 100))
     WHERE EXECUTION_STATUS = 'RUNNING' AND QUERY_TEXT = ?`,
    { binds: [sql], rowMode: 'array' },
  );
  if (rows.length !== 1) throw new Error(`expected one running query, found ${rows.length}`);
  return String(rows[0][0]);
}

/** Resolves with the time the tracker publishes an event for `jobId` that `matches`. */
function nextEvent(jobId: string, matches: (event: Extract<ChangeEvent, { type: 'job' }>) => boolean) {
  return new Promise<{ at: number; phase: string }>((resolve) => {
    const unsubscribe = dashboard.bus.subscribe((event) => {
      if (event.type !== 'job' || event.jobId !== jobId || !matches(event)) return;
      unsubscribe();
      resolve({ at: performance.now(), phase: event.phase });
    });
  });
}

const METHODS: { name: string; cancel: (sql: string) => Promise<Cancel> }[] = [
  {
    name: 'SYSTEM$CANCEL_QUERY',
    async cancel(sql) {
      const query = startSync(runner, sql);
      await sleep(RUNNING_FOR_MS);
      const queryId = await runningQueryId(sql);
      const t0 = performance.now();
      await execute(canceller, 'SELECT SYSTEM$CANCEL_QUERY(?)', { binds: [queryId] });
      const answered = performance.now() - t0;
      const { at, code } = await query.settled;
      return { answered, ended: at - t0, outcome: code };
    },
  },
  {
    name: 'statement.cancel()',
    async cancel(sql) {
      const query = startSync(runner, sql);
      await sleep(RUNNING_FOR_MS);
      const t0 = performance.now();
      await cancelStatement(query.statement);
      const answered = performance.now() - t0;
      const { at, code } = await query.settled;
      return { answered, ended: at - t0, outcome: code };
    },
  },
  {
    name: 'dashboard cancelJobs()',
    async cancel(sql) {
      const launched = performance.now();
      const { jobIds } = await launchBatch({ sql, mode: 'parallel', label: 'bench cancel' }, dashboard);
      const jobId = jobIds[0];
      const running = nextEvent(jobId, (event) => event.phase === 'running');
      // The submission may have recorded it running already, before the subscription.
      const [job] = await dashboard.registry.getJobs([jobId]);
      if (job.phase !== 'running') await running;
      await sleep(Math.max(0, launched + RUNNING_FOR_MS - performance.now()));
      const ended = nextEvent(jobId, (event) => isTerminal(event.phase));
      const t0 = performance.now();
      await cancelJobs([jobId], dashboard);
      const answered = performance.now() - t0;
      const { at, phase } = await ended;
      return { answered, ended: at - t0, outcome: phase === 'cancelled' ? CANCELLED_CODE : phase };
    },
  },
];

console.log(`Cancel latency — node ${process.version}, local warehouse in its own process, ${CANCELS} cancels each, ${loadText()}\n`);
console.log('query | cancel by | answered p50 | answered p95 | ended p50 | ended p95 | not cancelled');
console.log('----- | --------- | -----------: | -----------: | --------: | --------: | ------------:');
try {
  for (const query of QUERIES) {
    for (const method of METHODS) {
      await method.cancel(query.sql); // warm-up
      const cancels: Cancel[] = [];
      for (let i = 0; i < CANCELS; i++) cancels.push(await method.cancel(query.sql));
      const answered = cancels.map((c) => c.answered);
      const ended = cancels.map((c) => c.ended);
      const missed = cancels.filter((c) => c.outcome !== CANCELLED_CODE).map((c) => c.outcome);
      console.log(
        `${query.name} | ${method.name} | ${ms(percentile(answered, 50))} | ${ms(percentile(answered, 95))} | ${ms(percentile(ended, 50))} | ${ms(percentile(ended, 95))} | ${missed.length === 0 ? 0 : `${missed.length} (${missed.join(', ')})`}`,
      );
    }
  }
} finally {
  await dashboard.close();
  await Promise.all([destroy(runner), destroy(canceller)]);
  await warehouseProcess.stop();
}
