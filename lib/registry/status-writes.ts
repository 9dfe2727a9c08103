/**
 * The writes of tracking: status changes the tracker observed, and the names the warehouse gave
 * job services. Each runs inside the registry's write transaction and returns the ids of the jobs
 * it may have changed.
 */
import { isTerminal, phaseOf, type Phase } from '@/lib/domain/status';
import { boundRows, type RowValues, type Run } from './sql';
import { currentStatuses, insertTransitions } from './status-history';
import type { ServiceName, StatusChange } from './types';

/**
 * Applies `changes` and returns the ids of the jobs whose status really changed. A job that has
 * ended keeps its final status: late or repeated reports change nothing.
 */
export async function applyStatusChanges(run: Run, changes: StatusChange[]): Promise<string[]> {
  const current = await currentStatuses(run, changes.map((change) => change.jobId));
  const applied: (StatusChange & { phase: Phase })[] = [];
  for (const change of changes) {
    const now = current.get(change.jobId);
    if (!now || now.rawStatus === change.rawStatus || isTerminal(now.phase)) continue;
    if (change.onlyIf !== undefined && now.rawStatus !== change.onlyIf) continue;
    const phase = phaseOf(now.kind, change.rawStatus);
    current.set(change.jobId, { kind: now.kind, rawStatus: change.rawStatus, phase });
    applied.push({ ...change, phase });
  }
  if (applied.length === 0) return [];
  // Several changes to one job in a call: its row ends at the last, its history keeps all.
  const rows = new Map<string, RowValues>();
  for (const c of applied) {
    const earlier = rows.get(c.jobId);
    rows.set(c.jobId, {
      id: c.jobId,
      raw_status: c.rawStatus,
      phase: c.phase,
      changed: c.at,
      started_at: earlier?.started_at ?? (c.phase === 'running' ? c.at : null),
      ended_at: earlier?.ended_at ?? (isTerminal(c.phase) ? c.at : null),
      error_code: c.errorCode ?? earlier?.error_code ?? null,
      error_message: c.errorMessage ?? earlier?.error_message ?? null,
    });
  }
  const updates = boundRows(
    {
      id: 'VARCHAR',
      raw_status: 'VARCHAR',
      phase: 'VARCHAR',
      changed: 'BIGINT',
      started_at: 'BIGINT',
      ended_at: 'BIGINT',
      error_code: 'VARCHAR',
      error_message: 'VARCHAR',
    },
    [...rows.values()],
  );
  await run(
    `UPDATE jobs SET raw_status = u.raw_status, phase = u.phase, updated_at = u.changed,
       started_at = coalesce(jobs.started_at, u.started_at), ended_at = coalesce(jobs.ended_at, u.ended_at),
       error_code = coalesce(u.error_code, jobs.error_code), error_message = coalesce(u.error_message, jobs.error_message)
     FROM ${updates.sql} AS u WHERE jobs.id = u.id`,
    updates.values,
  );
  await insertTransitions(run, applied);
  return [...rows.keys()];
}

/** Records the fully qualified names the warehouse gave job services (other jobs are left alone). */
export async function writeServiceNames(run: Run, names: ServiceName[], at: number): Promise<void> {
  const updates = boundRows(
    { id: 'VARCHAR', service_name: 'VARCHAR', changed: 'BIGINT' },
    names.map((n) => ({ id: n.jobId, service_name: n.name, changed: at })),
  );
  await run(
    `UPDATE jobs SET service_name = u.service_name, service_resolved = true, updated_at = u.changed
     FROM ${updates.sql} AS u WHERE jobs.id = u.id AND jobs.kind = 'job_service'`,
    updates.values,
  );
}
