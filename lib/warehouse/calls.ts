import 'server-only';
/**
 * The dashboard's calls to its warehouse, typed, each on a pooled connection. The same calls and
 * the same SQL serve a Snowflake account and the local warehouse.
 */
import type { Readable } from 'node:stream';
import { config } from '@/lib/config';
import { mapLimited } from '@/lib/concurrency/map-limited';
import type { ComputePool, ResultColumn, ResultPage, ServiceContainer, ServiceLog } from '@/lib/domain/job';
import type { ExternalQuery, QueryTimes } from '@/lib/domain/query-history';
import {
  epochMs,
  logLines,
  parseComputePoolRow,
  parseContainerRow,
  parseJobHistoryRow,
  parseJobServiceRow,
  textOrNull,
  type JobHistoryRow,
  type JobServiceRow,
} from '@/lib/domain/service-rows';
import type { TaskDefinition } from '@/lib/domain/tasks/task-definition';
import { parseCurrentGraphRow, parseTaskRow, parseTaskRunRow, type CurrentGraphRun, type TaskRun } from '@/lib/domain/tasks/task-rows';
import { snowflakeTypeName } from './column-type';
import { isSessionError, withTimeout } from './errors';
import { sharedWarehousePool, type WarehousePool } from './pool';
import { execute, submitAsync, type Connection, type ExecuteOptions, type ExecuteResult, type Statement } from './sdk';
import { recordOwnStatement } from './own-statements';
import { inList, serviceIdentifier } from './sql';

const SUBMIT_TIMEOUT_MS = 20_000;
const STATUS_TIMEOUT_MS = 10_000;
const PING_TIMEOUT_MS = 5_000;
const READ_TIMEOUT_MS = 60_000;

/** What QUERY_TAG names, so Flurry's work can be found again in Snowflake's own history. */
export interface QueryTag {
  batchId: string;
  jobId: string;
}

export interface SubmitOptions {
  queryTag: QueryTag;
  /**
   * The driver's requestId: the warehouse answers a repeated submission with the first query
   * instead of running it twice, so a submission whose answer was lost can be sent again.
   */
  requestId?: string;
}

export interface QueryStatusReport {
  /** The raw status the warehouse reports (QUEUED, RUNNING, SUCCESS, FAILED_WITH_ERROR …). */
  status: string;
  errorCode: string | null;
  errorMessage: string | null;
}

export interface ResultStream {
  columns: ResultColumn[];
  /** The rows a batch at a time (how a download reads them); each iteration reads the result anew. */
  batches: AsyncIterable<(string | null)[][]>;
  /** The same rows one at a time. */
  rows: AsyncIterable<(string | null)[]>;
}

/** Rows a result stream hands over at a time. */
const ROW_BATCH = 1_000;

/** A result stream over its batches, with the row-at-a-time view of them. */
export function resultStreamOf(columns: ResultColumn[], batches: AsyncIterable<(string | null)[][]>): ResultStream {
  const rows = {
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches) yield* batch;
    },
  };
  return { columns, batches, rows };
}

/** Every cell as the text the warehouse formats it to, so nothing is reinterpreted on the way. */
const AS_TEXT = ['String', 'Boolean', 'Number', 'Date', 'JSON', 'Buffer'] as const;

/**
 * How every QUERY_TAG Flurry writes begins: its launches' and its own reads' alike, so a reader
 * of the history tells Flurry's statements from other clients' by it.
 */
export const FLURRY_TAG_PREFIX = '{"app":"flurry",';

export function queryTagText(tag: QueryTag): string {
  return JSON.stringify({ app: 'flurry', batch: tag.batchId, job: tag.jobId });
}

/** The tag of Flurry's own bookkeeping statements (history reads, SHOW, cancels, identity). */
export const INTERNAL_QUERY_TAG = JSON.stringify({ app: 'flurry', internal: true });

/** The tag of the task statements Flurry runs for its user (create, run, suspend …). */
const TASK_ACTION_TAG = JSON.stringify({ app: 'flurry', action: 'tasks' });

/**
 * Runs one of Flurry's own reads under its internal tag: those statements are in the warehouse's
 * history too, and must not be taken for work another client ran. Each is counted, with how long
 * it took, in today's tally of Flurry's own statements (the health badge shows it).
 */
async function runInternal<R>(connection: Connection, sqlText: string, options: Omit<ExecuteOptions, 'parameters'> = {}): Promise<ExecuteResult<R>> {
  const sentAt = Date.now();
  try {
    return await execute<R>(connection, sqlText, { ...options, parameters: { QUERY_TAG: INTERNAL_QUERY_TAG } });
  } finally {
    const endedAt = Date.now();
    recordOwnStatement(endedAt - sentAt, endedAt);
  }
}

interface MonitoringFailure {
  data?: { data?: { queries?: { status?: string; errorCode?: unknown; errorMessage?: unknown }[] } };
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** The QUERY_HISTORY columns both history reads take. */
const HISTORY_COLUMNS =
  'QUERY_ID, EXECUTION_STATUS, START_TIME, END_TIME, TOTAL_ELAPSED_TIME, EXECUTION_TIME, ERROR_CODE, ERROR_MESSAGE, ROWS_PRODUCED';

/**
 * A QUERY_HISTORY row's times. Executing began END_TIME − EXECUTION_TIME for an ended query, and
 * START_TIME + TOTAL_ELAPSED_TIME − EXECUTION_TIME (both measured up to the read) for one still
 * running; a query that has not begun executing has an EXECUTION_TIME of 0.
 */
function historyTimes(row: Record<string, unknown>): QueryTimes {
  const queuedAt = epochMs(row.START_TIME);
  const endedAt = epochMs(row.END_TIME);
  const executionMs = numberOrNull(row.EXECUTION_TIME);
  const elapsedMs = numberOrNull(row.TOTAL_ELAPSED_TIME);
  let startedAt: number | null = null;
  if (endedAt !== null && executionMs !== null) startedAt = endedAt - executionMs;
  else if (queuedAt !== null && elapsedMs !== null && executionMs) startedAt = queuedAt + elapsedMs - executionMs;
  return {
    queryId: String(row.QUERY_ID),
    status: String(row.EXECUTION_STATUS),
    queuedAt,
    startedAt,
    endedAt,
    errorCode: textOrNull(row.ERROR_CODE),
    errorMessage: textOrNull(row.ERROR_MESSAGE),
    rowCount: numberOrNull(row.ROWS_PRODUCED),
  };
}

/** A time as a TIMESTAMP_LTZ literal both warehouses read the same way (ISO 8601 with its offset). */
function timestampText(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

function columnsOf(statement: Statement): ResultColumn[] {
  return (statement.getColumns() ?? []).map((column) => ({
    name: column.getName(),
    type: snowflakeTypeName({ type: column.getType(), precision: column.getPrecision(), scale: column.getScale() }),
    nullable: column.isNullable(),
  }));
}

function cells(row: unknown): (string | null)[] {
  return (row as unknown[]).map((cell) => (cell === null || cell === undefined ? null : String(cell)));
}

async function* rowsOf(stream: Readable): AsyncIterable<(string | null)[]> {
  for await (const row of stream) yield cells(row);
}

/**
 * The stream's rows in batches of up to `size`. Flowing, the driver hands over a result chunk's
 * rows in one synchronous run of 'data' events instead of one await per row; the stream is
 * paused while a full batch waits to be taken, so a slow reader holds back the reading.
 */
async function* batchesOf(stream: Readable, size: number): AsyncGenerator<(string | null)[][]> {
  let batch: (string | null)[][] = [];
  let ended = false;
  // Set from the stream's handlers; typed wide so the loop below does not narrow it to null.
  let failure = null as { error: unknown } | null;
  let wake = () => {};
  stream.on('data', (row: unknown) => {
    batch.push(cells(row));
    if (batch.length >= size) {
      stream.pause();
      wake();
    }
  });
  stream.once('end', () => {
    ended = true;
    wake();
  });
  stream.once('error', (error: unknown) => {
    failure = { error };
    wake();
  });
  try {
    for (;;) {
      if (failure) throw failure.error;
      if (batch.length >= size || (ended && batch.length > 0)) {
        const full = batch;
        batch = [];
        yield full;
        stream.resume();
      } else if (ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    // Also when the reader stops early (a download abandoned): the driver stops fetching chunks.
    stream.destroy();
  }
}

async function statusOn(connection: Connection, queryId: string): Promise<QueryStatusReport> {
  try {
    const status = await connection.getQueryStatusThrowIfError(queryId);
    return { status, errorCode: null, errorMessage: null };
  } catch (error) {
    // The driver throws for failed and aborted queries; the query's own report rides along.
    const query = (error as MonitoringFailure).data?.data?.queries?.[0];
    if (!query?.status) throw error;
    return { status: query.status, errorCode: textOrNull(query.errorCode), errorMessage: textOrNull(query.errorMessage) };
  }
}

/** A dead session fails a whole multi-call, so the pool retries it on a new session. */
function throwIfSessionDied(results: readonly PromiseSettledResult<unknown>[]): void {
  const dead = results.find((result): result is PromiseRejectedResult => result.status === 'rejected' && isSessionError(result.reason));
  if (dead) throw dead.reason;
}

function submitOn(connection: Connection, sql: string, options: SubmitOptions): Promise<string> {
  return submitAsync(connection, sql, { parameters: { QUERY_TAG: queryTagText(options.queryTag) }, requestId: options.requestId });
}

/** Locates a succeeded query's result; resolves once its columns and row count are known. */
function fetchResult(connection: Connection, queryId: string): Promise<Statement> {
  return new Promise((resolve, reject) => {
    connection
      .getResultsFromQueryId({
        queryId,
        streamResult: true,
        rowMode: 'array',
        fetchAsString: [...AS_TEXT],
        complete: (error, statement) => (error ? reject(error) : resolve(statement as Statement)),
      })
      .catch(reject);
  });
}

export function createWarehouseCalls(pool: WarehousePool) {
  const use = <T>(what: string, ms: number, work: (connection: Connection) => Promise<T>) =>
    withTimeout(pool.withConnection(work), ms, what);

  return {
    target: pool.target,

    /** Submits `sql` as an async query; resolves with its query id once the warehouse accepts it. */
    submitQuery(sql: string, options: SubmitOptions): Promise<string> {
      return use('the submission', SUBMIT_TIMEOUT_MS, (connection) => submitOn(connection, sql, options));
    },

    /**
     * Submits several async queries at once on one connection, so a batch reaches the warehouse
     * together instead of queueing for pooled connections. Settles each one separately.
     */
    submitQueries(items: readonly ({ sql: string } & SubmitOptions)[]): Promise<PromiseSettledResult<string>[]> {
      return use('the submissions', SUBMIT_TIMEOUT_MS, async (connection) => {
        const results = await Promise.allSettled(items.map((item) => submitOn(connection, item.sql, item)));
        // The requestIds make resubmitting those that did get through harmless.
        throwIfSessionDied(results);
        return results;
      });
    },

    /** The query's status from the monitoring API, which costs no warehouse time. */
    queryStatus(queryId: string): Promise<QueryStatusReport> {
      return use('a status request', STATUS_TIMEOUT_MS, (connection) => statusOn(connection, queryId));
    },

    /**
     * Statuses of many queries on one connection, `parallelism` requests in flight, each settled
     * separately: the tracker's poll of every due query costs one borrow, not one per query.
     */
    queryStatuses(queryIds: readonly string[], parallelism: number): Promise<PromiseSettledResult<QueryStatusReport>[]> {
      return use('status requests', STATUS_TIMEOUT_MS, async (connection) => {
        const results = await mapLimited(queryIds, parallelism, (queryId) =>
          statusOn(connection, queryId).then(
            (value): PromiseSettledResult<QueryStatusReport> => ({ status: 'fulfilled', value }),
            (reason: unknown): PromiseSettledResult<QueryStatusReport> => ({ status: 'rejected', reason }),
          ),
        );
        throwIfSessionDied(results);
        return results;
      });
    },

    /** Asks the warehouse to cancel a query; resolves with its answer (e.g. "query … terminated."). */
    cancelQuery(queryId: string): Promise<string> {
      return use('the cancel request', STATUS_TIMEOUT_MS, async (connection) => {
        const { rows } = await runInternal<unknown[]>(connection, 'SELECT SYSTEM$CANCEL_QUERY(?)', { binds: [queryId], rowMode: 'array' });
        return String(rows[0]?.[0] ?? '');
      });
    },

    /** The first `limit` rows of a succeeded query's result, with column types. */
    resultPage(queryId: string, limit: number): Promise<ResultPage> {
      return use('the result request', READ_TIMEOUT_MS, async (connection) => {
        const statement = await fetchResult(connection, queryId);
        const total = statement.getNumRows();
        const rows: (string | null)[][] = [];
        const end = Math.min(limit, total) - 1;
        if (end >= 0) for await (const row of rowsOf(statement.streamRows({ start: 0, end }))) rows.push(row);
        return { columns: columnsOf(statement), rows, total };
      });
    },

    /**
     * A succeeded query's whole result as a row stream (for CSV). The connection goes back to the
     * pool once the result is located; reading on through it from other calls is safe.
     */
    streamResultRows(queryId: string): Promise<ResultStream> {
      return use('the result request', READ_TIMEOUT_MS, async (connection) => {
        const statement = await fetchResult(connection, queryId);
        return resultStreamOf(columnsOf(statement), { [Symbol.asyncIterator]: () => batchesOf(statement.streamRows(), ROW_BATCH) });
      });
    },

    /** The warehouse's own times for these queries, in one read of its query history. */
    queryTimes(queryIds: string[]): Promise<QueryTimes[]> {
      if (queryIds.length === 0) return Promise.resolve([]);
      const ids = inList(queryIds);
      return use('a query history read', READ_TIMEOUT_MS, async (connection) => {
        const { rows } = await runInternal<Record<string, unknown>>(
          connection,
          `SELECT ${HISTORY_COLUMNS} FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY(RESULT_LIMIT => 10000))
           WHERE QUERY_ID IN (${ids.sql})`,
          { binds: ids.binds, rowMode: 'object' },
        );
        return rows.map(historyTimes);
      });
    },

    /**
     * Queries other clients ran, from one QUERY_HISTORY read: those that ended since `sinceMs`
     * and those not ended yet, at most `limit` (the history's newest first, counted before any
     * tag is looked at), oldest first. Every statement Flurry tagged is left out (its launches
     * and its own reads, this one included), and so are task runs (user SYSTEM), which the task
     * pages show.
     */
    externalQueries(sinceMs: number, limit: number): Promise<ExternalQuery[]> {
      return use('a query history read', READ_TIMEOUT_MS, async (connection) => {
        const { rows } = await runInternal<Record<string, unknown>>(
          connection,
          `SELECT ${HISTORY_COLUMNS}, QUERY_TEXT, CAST(SESSION_ID AS VARCHAR) AS SESSION_ID, USER_NAME, ROLE_NAME, WAREHOUSE_NAME
           FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY(END_TIME_RANGE_START => ?::TIMESTAMP_LTZ, RESULT_LIMIT => ?))
           WHERE COALESCE(QUERY_TAG, '') NOT LIKE ? AND USER_NAME <> 'SYSTEM'
           ORDER BY START_TIME, QUERY_ID`,
          { binds: [timestampText(sinceMs), limit, `${FLURRY_TAG_PREFIX}%`], rowMode: 'object' },
        );
        return rows.map((row) => ({
          ...historyTimes(row),
          sql: String(row.QUERY_TEXT ?? ''),
          ranBy: {
            user: textOrNull(row.USER_NAME),
            role: textOrNull(row.ROLE_NAME),
            warehouse: textOrNull(row.WAREHOUSE_NAME),
            sessionId: textOrNull(row.SESSION_ID),
          },
        }));
      });
    },

    /** Every job service the role can see, in one read (the tracker's poll of all of them). */
    showJobServices(): Promise<JobServiceRow[]> {
      return use('a job services read', STATUS_TIMEOUT_MS, async (connection) => {
        const { rows } = await runInternal<Record<string, unknown>>(connection, 'SHOW JOB SERVICES IN ACCOUNT', { rowMode: 'object' });
        return rows.flatMap((row) => parseJobServiceRow(row) ?? []);
      });
    },

    /**
     * Which job services these queries started, from the job history: the one place a job's
     * fully qualified name meets the query id of its EXECUTE JOB SERVICE (it names jobs that the
     * statement left unnamed, and qualifies those it named without a schema), and the
     * warehouse's own record of when each job was created and completed.
     */
    jobServicesOfQueries(queryIds: readonly string[]): Promise<JobHistoryRow[]> {
      if (queryIds.length === 0) return Promise.resolve([]);
      const ids = inList(queryIds);
      return use('a job history read', READ_TIMEOUT_MS, async (connection) => {
        const { rows } = await runInternal<Record<string, unknown>>(
          connection,
          `SELECT QUERY_ID, NAME, DATABASE_NAME, SCHEMA_NAME, STATUS, MESSAGE, CREATED_TIME, COMPLETED_TIME
           FROM TABLE(SNOWFLAKE.SPCS.GET_JOB_HISTORY(RESULT_LIMIT => 10000))
           WHERE QUERY_ID IN (${ids.sql})`,
          { binds: ids.binds, rowMode: 'object' },
        );
        return rows.flatMap((row) => parseJobHistoryRow(row) ?? []);
      });
    },

    /** The containers of every instance of a job service. */
    serviceContainers(serviceName: string): Promise<ServiceContainer[]> {
      const service = serviceIdentifier(serviceName);
      return use('a service containers read', STATUS_TIMEOUT_MS, async (connection) => {
        const { rows } = await runInternal<Record<string, unknown>>(connection, `SHOW SERVICE CONTAINERS IN SERVICE ${service}`, { rowMode: 'object' });
        return rows.map(parseContainerRow);
      });
    },

    /** The last `lines` lines of one container's log. */
    serviceLog(serviceName: string, instanceId: string, containerName: string, lines: number): Promise<ServiceLog> {
      const service = serviceIdentifier(serviceName);
      const instance = /^\d+$/.test(instanceId) ? Number(instanceId) : instanceId;
      return use('a service log read', READ_TIMEOUT_MS, async (connection) => {
        const { rows } = await runInternal<unknown[]>(connection, 'SELECT SYSTEM$GET_SERVICE_LOGS(?, ?, ?, ?)', {
          binds: [service, instance, containerName, lines],
          rowMode: 'array',
        });
        return { instanceId, containerName, lines: logLines(textOrNull(rows[0]?.[0])) };
      });
    },

    /**
     * Cancels a job service. SYSTEM$CANCEL_JOB keeps the job and its history visible as
     * CANCELLED; DROP SERVICE would remove it (and ALTER SERVICE does not apply to jobs, see
     * https://docs.snowflake.com/en/developer-guide/snowpark-container-services/working-with-services).
     */
    cancelJobService(serviceName: string): Promise<string> {
      const service = serviceIdentifier(serviceName);
      return use('the cancel request', STATUS_TIMEOUT_MS, async (connection) => {
        const { rows } = await runInternal<unknown[]>(connection, 'SELECT SYSTEM$CANCEL_JOB(?)', { binds: [service], rowMode: 'array' });
        return String(rows[0]?.[0] ?? '');
      });
    },

    /** The compute pools the role can use, for the Launch form. */
    computePools(): Promise<ComputePool[]> {
      return use('a compute pools read', STATUS_TIMEOUT_MS, async (connection) => {
        const { rows } = await runInternal<Record<string, unknown>>(connection, 'SHOW COMPUTE POOLS', { rowMode: 'object' });
        return rows.flatMap((row) => parseComputePoolRow(row) ?? []);
      });
    },

    /** Every task the role can see, with its graph links (SHOW TASKS costs no warehouse time). */
    tasks(): Promise<TaskDefinition[]> {
      return use('a tasks read', READ_TIMEOUT_MS, async (connection) => {
        const { rows } = await runInternal<Record<string, unknown>>(connection, 'SHOW TASKS IN ACCOUNT', { rowMode: 'object' });
        return rows.flatMap((row) => parseTaskRow(row) ?? []);
      });
    },

    /**
     * Task runs of the last `days` days (one root's, or all), with the graph runs scheduled or
     * executing: the one status read per poll of the task pages. Both reads go on one connection.
     */
    taskRuns(rootTaskId: string | null, days: number): Promise<{ runs: TaskRun[]; current: CurrentGraphRun[] }> {
      return use('a task history read', READ_TIMEOUT_MS, async (connection) => {
        const since = timestampText(Date.now() - days * 24 * 3600 * 1000);
        const root = rootTaskId === null ? '' : ', ROOT_TASK_ID => ?';
        const history = await runInternal<Record<string, unknown>>(
          connection,
          `SELECT * FROM TABLE(INFORMATION_SCHEMA.TASK_HISTORY(SCHEDULED_TIME_RANGE_START => ?::TIMESTAMP_LTZ, RESULT_LIMIT => 10000${root}))`,
          { binds: rootTaskId === null ? [since] : [since, rootTaskId], rowMode: 'object' },
        );
        const current = await runInternal<Record<string, unknown>>(connection, 'SELECT * FROM TABLE(INFORMATION_SCHEMA.CURRENT_TASK_GRAPHS())', {
          rowMode: 'object',
        });
        return {
          runs: history.rows.flatMap((row) => parseTaskRunRow(row) ?? []),
          current: current.rows.flatMap((row) => parseCurrentGraphRow(row) ?? []),
        };
      });
    },

    /**
     * Runs a task statement Flurry built (CREATE/ALTER/EXECUTE TASK, a SYSTEM$ task function) to
     * its end; resolves with its first cell, the warehouse's own words.
     */
    runTaskStatement(sql: string): Promise<string> {
      return use('a task statement', READ_TIMEOUT_MS, async (connection) => {
        const { rows } = await execute<unknown[]>(connection, sql, { rowMode: 'array', parameters: { QUERY_TAG: TASK_ACTION_TAG } });
        return textOrNull(rows[0]?.[0]) ?? '';
      });
    },

    /** Where a new task goes by default (the session's database and schema) and the warehouses it can use. */
    taskFormContext(): Promise<{ database: string | null; schema: string | null; warehouses: string[] }> {
      return use('a task form read', STATUS_TIMEOUT_MS, async (connection) => {
        const session = await runInternal<Record<string, unknown>>(connection, 'SELECT CURRENT_DATABASE() AS DATABASE_NAME, CURRENT_SCHEMA() AS SCHEMA_NAME', {
          rowMode: 'object',
        });
        const { rows } = await runInternal<Record<string, unknown>>(connection, 'SHOW WAREHOUSES', { rowMode: 'object' });
        return {
          database: textOrNull(session.rows[0]?.DATABASE_NAME),
          schema: textOrNull(session.rows[0]?.SCHEMA_NAME),
          warehouses: rows.flatMap((row) => textOrNull(row.name ?? row.NAME) ?? []),
        };
      });
    },

    /**
     * The role and warehouse the dashboard's sessions actually use: the account's defaults when
     * the connection names none. Cloud services answer it without a running warehouse.
     */
    identity(): Promise<{ role: string | null; warehouseName: string | null }> {
      return use('an identity read', STATUS_TIMEOUT_MS, async (connection) => {
        const { rows } = await runInternal<Record<string, unknown>>(connection, 'SELECT CURRENT_ROLE() AS ROLE_NAME, CURRENT_WAREHOUSE() AS WAREHOUSE_NAME', {
          rowMode: 'object',
        });
        return { role: textOrNull(rows[0]?.ROLE_NAME), warehouseName: textOrNull(rows[0]?.WAREHOUSE_NAME) };
      });
    },

    /** Resolves when the warehouse answers a session heartbeat (no warehouse time). */
    ping(): Promise<void> {
      return use('a heartbeat', PING_TIMEOUT_MS, async (connection) => {
        // The driver's own heartbeat (its connection.d.ts; isValidAsync wraps it and hides why it
        // failed): a session the warehouse has forgotten, because it restarted, fails with a
        // session error, so the pool replaces the connection instead of handing it out again.
        await (connection as Connection & { heartbeatAsync(): Promise<unknown> }).heartbeatAsync();
      });
    },
  };
}

export type WarehouseCalls = ReturnType<typeof createWarehouseCalls>;

/** The server's warehouse calls over its one pool. */
export function warehouse(): WarehouseCalls {
  return createWarehouseCalls(sharedWarehousePool(config()));
}
