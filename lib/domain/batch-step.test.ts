import { describe, expect, it } from 'vitest';
import { batchStep, type StepJob } from './batch-step';
import { queryPhase } from './status';

const jobs = (...statuses: string[]): StepJob[] =>
  statuses.map((rawStatus, position) => ({ id: `j${position}`, position, rawStatus, phase: queryPhase(rawStatus) }));

describe('batchStep', () => {
  it('submits every waiting statement of a parallel batch at once', () => {
    expect(batchStep('parallel', jobs('WAITING', 'RUNNING', 'WAITING'))).toEqual({ submit: ['j0', 'j2'], skip: [] });
  });

  it('never skips in a parallel batch, whatever failed', () => {
    expect(batchStep('parallel', jobs('FAILED_WITH_ERROR', 'SUCCESS'))).toEqual({ submit: [], skip: [] });
  });

  it('starts a sequence with its first statement only', () => {
    expect(batchStep('sequence', jobs('WAITING', 'WAITING', 'WAITING'))).toEqual({ submit: ['j0'], skip: [] });
  });

  it('submits the statement after the last one that succeeded, in position order', () => {
    const shuffled = jobs('SUCCESS', 'SUCCESS', 'WAITING', 'WAITING').reverse();
    expect(batchStep('sequence', shuffled)).toEqual({ submit: ['j2'], skip: [] });
  });

  it('waits while a statement of the sequence is still queued or running', () => {
    expect(batchStep('sequence', jobs('SUCCESS', 'RUNNING', 'WAITING'))).toEqual({ submit: [], skip: [] });
    expect(batchStep('sequence', jobs('QUEUED', 'WAITING'))).toEqual({ submit: [], skip: [] });
  });

  it('skips what follows a failed, cancelled or refused statement', () => {
    expect(batchStep('sequence', jobs('SUCCESS', 'FAILED_WITH_ERROR', 'WAITING', 'WAITING'))).toEqual({ submit: [], skip: ['j2', 'j3'] });
    expect(batchStep('sequence', jobs('ABORTED', 'WAITING'))).toEqual({ submit: [], skip: ['j1'] });
    expect(batchStep('sequence', jobs('CANCELLED', 'WAITING'))).toEqual({ submit: [], skip: ['j1'] });
    expect(batchStep('sequence', jobs('SUBMIT_FAILED', 'WAITING'))).toEqual({ submit: [], skip: ['j1'] });
  });

  it('has nothing to do once a sequence is over', () => {
    expect(batchStep('sequence', jobs('SUCCESS', 'SUCCESS'))).toEqual({ submit: [], skip: [] });
    expect(batchStep('sequence', jobs('FAILED_WITH_ERROR', 'SKIPPED'))).toEqual({ submit: [], skip: [] });
  });
});
