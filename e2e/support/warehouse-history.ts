/**
 * What the warehouse itself recorded of a dashboard's launches, read by a second client of its
 * own (plain SQL through snowflake-sdk: the dashboard's lib/warehouse calls are server-only):
 * each statement in QUERY_HISTORY by the job id Flurry puts in its QUERY_TAG, so a test can tell
 * that each launch ran exactly once, and when the warehouse ended it.
 */
import { epochMs, parseJobHistoryRow } from '../../lib/domain/service-rows';
import { connect, destroy, execute, type Connection } from '../../lib/warehouse/sdk';

export interface RanStatement {
  queryId: string;
  /** END_TIME, epoch ms; null while it runs. */
  endedAt: number | null;
}

async function asReader<T>(warehousePort: number, read: (client: Connection) => Promise<T>): Promise<T> {
  const client = await connect({ accessUrl: `http://127.0.0.1:${warehousePort}`, account: 'local', username: 'history_reader', password: 'local' });
  try {
    return await read(client);
  } finally {
    await destroy(client);
  }
}

/** The statements in the history whose QUERY_TAG matches `tagLike`, by the job id in the tag. */
export function historyByJob(warehousePort: number, tagLike: string): Promise<Map<string, RanStatement[]>> {
  return asReader(warehousePort, async (client) => {
    const { rows } = await execute<{ QUERY_ID: string; QUERY_TAG: string; END_TIME: unknown }>(
      client,
      'SELECT QUERY_ID, QUERY_TAG, END_TIME FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY(RESULT_LIMIT => 10000)) WHERE QUERY_TAG LIKE ?',
      { binds: [tagLike] },
    );
    const byJob = new Map<string, RanStatement[]>();
    for (const row of rows) {
      const { job } = JSON.parse(row.QUERY_TAG) as { job?: string };
      if (job) byJob.set(job, [...(byJob.get(job) ?? []), { queryId: row.QUERY_ID, endedAt: epochMs(row.END_TIME) }]);
    }
    return byJob;
  });
}

/** When each job service the statements `queryIds` started completed (GET_JOB_HISTORY), by query id. */
export function jobServiceEnds(warehousePort: number, queryIds: readonly string[]): Promise<Map<string, number>> {
  return asReader(warehousePort, async (client) => {
    const { rows } = await execute<Record<string, unknown>>(
      client,
      'SELECT QUERY_ID, NAME, DATABASE_NAME, SCHEMA_NAME, STATUS, MESSAGE, CREATED_TIME, COMPLETED_TIME FROM TABLE(SNOWFLAKE.SPCS.GET_JOB_HISTORY(RESULT_LIMIT => 10000))',
    );
    const wanted = new Set(queryIds);
    const ends = new Map<string, number>();
    for (const row of rows) {
      const job = parseJobHistoryRow(row);
      if (job && wanted.has(job.queryId) && job.completedAt !== null) ends.set(job.queryId, job.completedAt);
    }
    return ends;
  });
}

/** The tag pattern of every statement Flurry launched for its jobs (not its own reads). */
export const LAUNCHED_TAG = '{"app":"flurry","batch":%';

/** The tag pattern of one batch's statements. */
export const batchTag = (batchId: string) => `{"app":"flurry","batch":"${batchId}",%`;
