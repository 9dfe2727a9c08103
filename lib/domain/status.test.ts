import { describe, expect, it } from 'vitest';
import { ACCEPTED_STATUS, FLURRY_STATUSES, isTerminal, jobServicePhase, phaseOf, queryPhase, taskRunPhase } from './status';

describe('jobServicePhase', () => {
  it('maps every job status SHOW JOB SERVICES reports to a phase', () => {
    expect(
      Object.fromEntries(
        ['PENDING', 'RUNNING', 'CANCELLING', 'DELETING', 'DONE', 'FAILED', 'INTERNAL_ERROR', 'CANCELLED', 'DELETED'].map((status) => [
          status,
          jobServicePhase(status),
        ]),
      ),
    ).toEqual({
      PENDING: 'queued',
      RUNNING: 'running',
      CANCELLING: 'running',
      DELETING: 'running',
      DONE: 'succeeded',
      FAILED: 'failed',
      INTERNAL_ERROR: 'failed',
      CANCELLED: 'cancelled',
      DELETED: 'cancelled',
    });
  });

  it("maps Flurry's own statuses as for a query, and an unknown status to running", () => {
    for (const status of Object.values(FLURRY_STATUSES)) expect(jobServicePhase(status)).toBe(queryPhase(status));
    expect(jobServicePhase('SOMETHING_NEW')).toBe('running');
  });

  it('keeps the two kinds apart where their words differ', () => {
    expect(phaseOf('query', 'DONE')).toBe('running');
    expect(phaseOf('job_service', 'DONE')).toBe('succeeded');
    expect(phaseOf('query', 'SUCCESS')).toBe('succeeded');
    expect(phaseOf('job_service', 'SUCCESS')).toBe('running');
  });

  it('starts an accepted job in a phase that is still active', () => {
    expect(phaseOf('query', ACCEPTED_STATUS.query)).toBe('queued');
    expect(phaseOf('job_service', ACCEPTED_STATUS.job_service)).toBe('queued');
    expect(isTerminal(jobServicePhase('CANCELLING'))).toBe(false);
  });
});

describe('taskRunPhase', () => {
  it('maps every TASK_HISTORY state to a phase', () => {
    expect(
      Object.fromEntries(
        ['SCHEDULED', 'EXECUTING', 'SUCCEEDED', 'FAILED', 'FAILED_AND_AUTO_SUSPENDED', 'CANCELLED', 'SKIPPED'].map((state) => [
          state,
          taskRunPhase(state),
        ]),
      ),
    ).toEqual({
      SCHEDULED: 'queued',
      EXECUTING: 'running',
      SUCCEEDED: 'succeeded',
      FAILED: 'failed',
      FAILED_AND_AUTO_SUSPENDED: 'failed',
      CANCELLED: 'cancelled',
      SKIPPED: 'skipped',
    });
  });

  it('counts an unknown state as running, even one named like an object property', () => {
    expect(taskRunPhase('SOMETHING_NEW')).toBe('running');
    expect(taskRunPhase('constructor')).toBe('running');
    expect(isTerminal(taskRunPhase('SCHEDULED'))).toBe(false);
  });
});
