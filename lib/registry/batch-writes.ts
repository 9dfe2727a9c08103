/**
 * The writes of a launch: a new batch with its jobs (all WAITING), then the warehouse accepting
 * them one by one as queries. Each runs inside the registry's write transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Batch } from '@/lib/domain/job';
import { ACCEPTED_STATUS, FLURRY_STATUSES, phaseOf } from '@/lib/domain/status';
import { boundRows, type Run } from './sql';
import { currentStatuses, insertTransitions } from './status-history';
import type { NewBatch, Submission } from './types';

/** Inserts `input` as a batch of WAITING jobs in its order; returns the batch and its job ids. */
export async function insertBatch(run: Run, input: NewBatch, at: number): Promise<{ batch: Batch; jobIds: string[] }> {
  const batchId = randomUUID();
  const jobIds = input.jobs.map(() => randomUUID());
  const waiting = FLURRY_STATUSES.WAITING;
  const phases = input.jobs.map((job) => phaseOf(job.kind, waiting));
  const jobs = boundRows(
    {
      id: 'VARCHAR',
      batch_id: 'VARCHAR',
      position: 'INTEGER',
      kind: 'VARCHAR',
      sql: 'VARCHAR',
      raw_status: 'VARCHAR',
      phase: 'VARCHAR',
      updated_at: 'BIGINT',
      service_name: 'VARCHAR',
      compute_pool: 'VARCHAR',
      spec: 'VARCHAR',
      replicas: 'INTEGER',
    },
    input.jobs.map((job, position) => ({
      id: jobIds[position],
      batch_id: batchId,
      position,
      kind: job.kind,
      sql: job.sql,
      raw_status: waiting,
      phase: phases[position],
      updated_at: at,
      service_name: job.service?.name ?? null,
      compute_pool: job.service?.computePool ?? null,
      spec: job.service?.spec ?? null,
      replicas: job.service?.replicas ?? null,
    })),
  );
  await run('INSERT INTO batches (id, label, mode, created_at) VALUES (?, ?, ?, ?)', [batchId, input.label, input.mode, at]);
  await run(
    `INSERT INTO jobs (id, batch_id, position, kind, sql, raw_status, phase, updated_at, service_name, compute_pool, spec, replicas)
     SELECT * FROM ${jobs.sql}`,
    jobs.values,
  );
  await insertTransitions(run, jobIds.map((jobId, position) => ({ jobId, rawStatus: waiting, phase: phases[position], at })));
  const batch: Batch = { id: batchId, label: input.label, mode: input.mode, createdAt: at, jobCount: jobIds.length };
  return { batch, jobIds };
}

/**
 * Records the submissions of jobs that are still WAITING, each moving to its kind's accepted
 * status, and returns their job ids. A job no longer WAITING (cancelled while its submission was
 * in flight) is left alone.
 */
export async function acceptSubmissions(run: Run, submissions: Submission[]): Promise<Set<string>> {
  const current = await currentStatuses(run, submissions.map((s) => s.jobId));
  const waiting = submissions.flatMap((s) => {
    const now = current.get(s.jobId);
    if (now?.rawStatus !== FLURRY_STATUSES.WAITING) return [];
    const rawStatus = ACCEPTED_STATUS[now.kind];
    return [{ ...s, rawStatus, phase: phaseOf(now.kind, rawStatus) }];
  });
  if (waiting.length === 0) return new Set();
  const updates = boundRows(
    { id: 'VARCHAR', query_id: 'VARCHAR', changed: 'BIGINT', raw_status: 'VARCHAR', phase: 'VARCHAR' },
    waiting.map((s) => ({ id: s.jobId, query_id: s.queryId, changed: s.at, raw_status: s.rawStatus, phase: s.phase })),
  );
  await run(
    `UPDATE jobs SET query_id = u.query_id, submitted_at = u.changed, raw_status = u.raw_status, phase = u.phase,
       updated_at = u.changed
     FROM ${updates.sql} AS u WHERE jobs.id = u.id`,
    updates.values,
  );
  await insertTransitions(run, waiting.map((s) => ({ jobId: s.jobId, rawStatus: s.rawStatus, phase: s.phase, at: s.at })));
  return new Set(waiting.map((s) => s.jobId));
}
