/**
 * Each job's status history, as the writes use it: the status a job has now, and the transitions
 * appended with every change (the job's row keeps only the last).
 */
import type { JobKind } from '@/lib/domain/job';
import type { Phase } from '@/lib/domain/status';
import { boundRows, IDS_IN, type Run } from './sql';

interface CurrentStatus {
  kind: JobKind;
  rawStatus: string;
  phase: Phase;
}

interface NewTransition {
  jobId: string;
  rawStatus: string;
  phase: Phase;
  at: number;
}

export async function currentStatuses(run: Run, ids: string[]): Promise<Map<string, CurrentStatus>> {
  const unique = [...new Set(ids)];
  const rows = await run(`SELECT id, kind, raw_status, phase FROM jobs WHERE id ${IDS_IN}`, [JSON.stringify(unique)]);
  return new Map(rows.map((row) => [String(row.id), { kind: row.kind as JobKind, rawStatus: String(row.raw_status), phase: row.phase as Phase }]));
}

export async function insertTransitions(run: Run, transitions: NewTransition[]): Promise<void> {
  const rows = boundRows(
    { job_id: 'VARCHAR', raw_status: 'VARCHAR', phase: 'VARCHAR', changed_at: 'BIGINT' },
    transitions.map((t) => ({ job_id: t.jobId, raw_status: t.rawStatus, phase: t.phase, changed_at: t.at })),
  );
  await run(`INSERT INTO transitions (job_id, raw_status, phase, changed_at) SELECT * FROM ${rows.sql}`, rows.values);
}
