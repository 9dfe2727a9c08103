/**
 * The registry's reads of jobs and batches: by id, the filtered Jobs list and Timeline, a batch's
 * jobs, and what the tracker must still watch or reconcile. Each takes a `Run` on a read
 * connection, so it sees only committed writes.
 */
import type { Batch, Job, JobDetail, JobFilter, JobList, TimelineData, TimelineFilter } from '@/lib/domain/job';
import type { Phase } from '@/lib/domain/status';
import { filterClause } from './job-filter-sql';
import { DEFAULT_JOB_LIMIT, MAX_JOB_LIMIT, TIMELINE_TITLE_CHARS } from './limits';
import { toBatch, toJob, toTimelineEntry, toTransition } from './rows';
import { IDS_IN, placeholders, type Run } from './sql';

const TERMINAL_PHASES = ['succeeded', 'failed', 'cancelled', 'skipped'] as const satisfies readonly Phase[];

/** What a job row takes from its batch. */
const BATCH_COLUMNS = 'b.label AS batch_label, b.mode AS batch_mode, b.origin, b.external_session';
const JOB_SELECT = `SELECT j.*, ${BATCH_COLUMNS} FROM jobs j JOIN batches b ON b.id = j.batch_id`;
const JOB_ORDER = 'ORDER BY b.created_at DESC, j.batch_id, j.position';

/** The jobs with these ids (unknown ones are left out), newest batch first. */
export async function jobsById(read: Run, ids: string[]): Promise<Job[]> {
  if (ids.length === 0) return [];
  const rows = await read(`${JOB_SELECT} WHERE j.id ${IDS_IN} ${JOB_ORDER}`, [JSON.stringify(ids)]);
  return rows.map(toJob);
}

/** A job with its status history, oldest transition first. */
export async function jobDetail(read: Run, id: string): Promise<JobDetail | null> {
  const [job] = await jobsById(read, [id]);
  if (!job) return null;
  const transitions = await read('SELECT raw_status, phase, changed_at FROM transitions WHERE job_id = ? ORDER BY changed_at, rowid', [id]);
  return { ...job, transitions: transitions.map(toTransition) };
}

/** The jobs that match, newest batch first, at most the filter's limit (bounded), with how many match. */
export async function jobList(read: Run, filter: JobFilter): Promise<JobList> {
  const limit = Math.min(Math.max(1, filter.limit ?? DEFAULT_JOB_LIMIT), MAX_JOB_LIMIT);
  const { where, values } = filterClause(filter);
  const rows = await read(
    `SELECT j.*, ${BATCH_COLUMNS}, count(*) OVER () AS total
     FROM jobs j JOIN batches b ON b.id = j.batch_id ${where} ${JOB_ORDER} LIMIT ?`,
    [...values, limit],
  );
  return { jobs: rows.map(toJob), total: rows.length ? Number(rows[0].total) : 0 };
}

/** The latest `limit` jobs that match, as Timeline bars. */
export async function timelineBars(read: Run, filter: TimelineFilter, limit: number, now: number): Promise<TimelineData> {
  const { where, values } = filterClause(filter, now);
  const rows = await read(
    `SELECT j.id, j.kind, j.batch_id, b.label AS batch_label, b.mode AS batch_mode, j.position, j.raw_status, j.phase,
       j.submitted_at, j.started_at, j.ended_at, count(*) OVER () AS total,
       CASE WHEN j.kind = 'job_service' AND j.service_name IS NOT NULL THEN j.service_name
            ELSE left(trim(regexp_replace(j.sql, '\\s+', ' ', 'g')), ${TIMELINE_TITLE_CHARS}) END AS title
     FROM jobs j JOIN batches b ON b.id = j.batch_id ${where} ${JOB_ORDER} LIMIT ?`,
    [...values, limit],
  );
  return { entries: rows.map(toTimelineEntry), total: rows.length ? Number(rows[0].total) : 0, now };
}

/** Every job of a batch, in position order. */
export async function jobsOfBatch(read: Run, batchId: string): Promise<Job[]> {
  const rows = await read(`${JOB_SELECT} WHERE j.batch_id = ? ORDER BY j.position`, [batchId]);
  return rows.map(toJob);
}

/** The newest batches with their job counts, at most `limit` (bounded). */
export async function latestBatches(read: Run, limit: number): Promise<Batch[]> {
  const rows = await read(
    `SELECT b.*, (SELECT count(*) FROM jobs j WHERE j.batch_id = b.id) AS job_count
     FROM batches b ORDER BY b.created_at DESC, b.id LIMIT ?`,
    [Math.min(Math.max(1, limit), MAX_JOB_LIMIT)],
  );
  return rows.map(toBatch);
}

/** Jobs still queued or running (WAITING included): what a tracker must watch or submit. */
export async function activeJobs(read: Run): Promise<Job[]> {
  const rows = await read(`${JOB_SELECT} WHERE j.phase NOT IN (${placeholders(TERMINAL_PHASES.length)}) ${JOB_ORDER}`, [...TERMINAL_PHASES]);
  return rows.map(toJob);
}

/**
 * Ended jobs whose times are still the ones Flurry observed (the dashboard stopped before it
 * read the warehouse's): queries, and job services the warehouse named. A job service without a
 * name never existed (its statement failed): the warehouse has no times of its own for it.
 */
export async function unreconciledJobs(read: Run): Promise<Job[]> {
  const rows = await read(
    `${JOB_SELECT} WHERE j.query_id IS NOT NULL AND NOT j.warehouse_times
       AND (j.kind = 'query' OR (j.kind = 'job_service' AND j.service_resolved))
       AND j.phase IN (${placeholders(TERMINAL_PHASES.length)}) ${JOB_ORDER}`,
    [...TERMINAL_PHASES],
  );
  return rows.map(toJob);
}
