/**
 * The warehouse's own record of a job (QUERY_HISTORY, or a job service's history): its times,
 * error and row count, written over the times Flurry observed.
 */
import { boundRows, type Columns, type Run } from './sql';
import type { WarehouseTimes } from './types';

/** The columns the warehouse's own record of a query fills: its times, error and row count. */
export const WAREHOUSE_RECORD_COLUMNS = {
  submitted_at: 'BIGINT',
  started_at: 'BIGINT',
  ended_at: 'BIGINT',
  error_code: 'VARCHAR',
  error_message: 'VARCHAR',
  row_count: 'BIGINT',
} as const satisfies Columns;

/** Replaces the observed times with the warehouse's, fills error and row count, marks the jobs reconciled. */
export async function writeWarehouseTimes(run: Run, times: WarehouseTimes[], at: number): Promise<void> {
  const updates = boundRows(
    { id: 'VARCHAR', ...WAREHOUSE_RECORD_COLUMNS, changed: 'BIGINT' },
    times.map((t) => ({
      id: t.jobId,
      submitted_at: t.submittedAt,
      started_at: t.startedAt,
      ended_at: t.endedAt,
      error_code: t.errorCode,
      error_message: t.errorMessage,
      row_count: t.rowCount,
      changed: at,
    })),
  );
  await run(
    `UPDATE jobs SET submitted_at = coalesce(u.submitted_at, jobs.submitted_at),
       started_at = coalesce(u.started_at, jobs.started_at), ended_at = coalesce(u.ended_at, jobs.ended_at),
       error_code = coalesce(u.error_code, jobs.error_code), error_message = coalesce(u.error_message, jobs.error_message),
       row_count = coalesce(u.row_count, jobs.row_count), warehouse_times = true, updated_at = u.changed
     FROM ${updates.sql} AS u WHERE jobs.id = u.id`,
    updates.values,
  );
}
