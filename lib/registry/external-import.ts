/**
 * Queries other clients ran (read from the warehouse's query history), recorded as jobs: each
 * session's in one external batch, so the dashboard shows all the work on the warehouse.
 */
import { randomUUID } from 'node:crypto';
import { externalBatchLabel, importedStatus, type ExternalQuery } from '@/lib/domain/query-history';
import { phaseOf, type Phase } from '@/lib/domain/status';
import { boundRows, IDS_IN, type RowValues, type Run } from './sql';
import { insertTransitions } from './status-history';
import { WAREHOUSE_RECORD_COLUMNS } from './warehouse-times';

/**
 * Records the queries not recorded yet and returns their new job ids. A session's batch is created
 * with its first query; later ones are appended in the order they started. One that has ended
 * keeps the history's times as the warehouse's own.
 */
export async function insertExternalQueries(run: Run, queries: readonly ExternalQuery[], at: number): Promise<string[]> {
  const known = await run(`SELECT query_id FROM jobs WHERE query_id ${IDS_IN}`, [JSON.stringify(queries.map((q) => q.queryId))]);
  const knownIds = new Set(known.map((row) => String(row.query_id)));
  const fresh = [...new Map(queries.filter((q) => !knownIds.has(q.queryId)).map((q) => [q.queryId, q])).values()].sort(
    (a, b) => (a.queuedAt ?? at) - (b.queuedAt ?? at) || a.queryId.localeCompare(b.queryId),
  );
  if (fresh.length === 0) return [];

  const sessionOf = (q: ExternalQuery) => q.ranBy.sessionId ?? '';
  const sessions = [...new Set(fresh.map(sessionOf))];
  const existing = await run(
    `SELECT b.id, b.external_session, (SELECT coalesce(max(j.position), -1) FROM jobs j WHERE j.batch_id = b.id) AS last_position
     FROM batches b WHERE b.origin = 'external' AND b.external_session ${IDS_IN}`,
    [JSON.stringify(sessions)],
  );
  const batches = new Map(existing.map((row) => [String(row.external_session), { id: String(row.id), next: Number(row.last_position) + 1 }]));
  const newBatches: RowValues[] = [];
  const jobs: RowValues[] = [];
  for (const q of fresh) {
    let batch = batches.get(sessionOf(q));
    if (!batch) {
      batch = { id: randomUUID(), next: 0 };
      batches.set(sessionOf(q), batch);
      newBatches.push({ id: batch.id, label: externalBatchLabel(q.ranBy), created_at: q.queuedAt ?? at, external_session: sessionOf(q) });
    }
    const rawStatus = importedStatus(q);
    jobs.push({
      id: randomUUID(),
      batch_id: batch.id,
      position: batch.next++,
      sql: q.sql,
      query_id: q.queryId,
      raw_status: rawStatus,
      phase: phaseOf('query', rawStatus),
      submitted_at: q.queuedAt,
      started_at: q.startedAt,
      ended_at: q.endedAt,
      error_code: q.errorCode,
      error_message: q.errorMessage,
      row_count: q.rowCount,
      run_user: q.ranBy.user,
      run_role: q.ranBy.role,
      run_warehouse: q.ranBy.warehouse,
    });
  }
  if (newBatches.length > 0) {
    const rows = boundRows({ id: 'VARCHAR', label: 'VARCHAR', created_at: 'BIGINT', external_session: 'VARCHAR' }, newBatches);
    await run(
      `INSERT INTO batches (id, label, mode, created_at, origin, external_session)
       SELECT id, label, 'parallel', created_at, 'external', external_session FROM ${rows.sql}`,
      rows.values,
    );
  }
  const rows = boundRows(
    {
      id: 'VARCHAR',
      batch_id: 'VARCHAR',
      position: 'INTEGER',
      sql: 'VARCHAR',
      query_id: 'VARCHAR',
      raw_status: 'VARCHAR',
      phase: 'VARCHAR',
      ...WAREHOUSE_RECORD_COLUMNS,
      run_user: 'VARCHAR',
      run_role: 'VARCHAR',
      run_warehouse: 'VARCHAR',
    },
    jobs,
  );
  // An ended query's times are the history's, so it needs no reconciling; one still under way does.
  await run(
    `INSERT INTO jobs (id, batch_id, position, kind, sql, query_id, raw_status, phase, submitted_at, started_at, ended_at,
       error_code, error_message, row_count, warehouse_times, updated_at, run_user, run_role, run_warehouse)
     SELECT id, batch_id, position, 'query', sql, query_id, raw_status, phase, submitted_at, started_at, ended_at,
       error_code, error_message, row_count, ended_at IS NOT NULL, ?, run_user, run_role, run_warehouse FROM ${rows.sql}`,
    [at, ...rows.values],
  );
  await insertTransitions(run, jobs.map((job) => ({ jobId: String(job.id), rawStatus: String(job.raw_status), phase: job.phase as Phase, at })));
  return jobs.map((job) => String(job.id));
}
