import { describe, expect, it } from 'vitest';
import { ACCEPTED_STATUS, FLURRY_STATUSES, isTerminal, jobServicePhase, phaseOf, queryPhase } from './status';

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
