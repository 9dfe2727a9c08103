import { describe, expect, it } from 'vitest';
import { describeCancelReport } from './cancel-report';

describe('describeCancelReport', () => {
  it('counts what was cancelled', () => {
    expect(describeCancelReport({ cancelled: ['a', 'b'], failed: [] })).toEqual({
      tone: 'success',
      message: 'Cancelled 2 jobs.',
    });
  });

  it('names each job that could not be cancelled, with the reason', () => {
    expect(
      describeCancelReport({
        cancelled: ['a'],
        failed: [{ jobId: '0199a3f2-7c1e-7d40-9b0a-2f1e3c4d5e6f', error: 'already finished' }],
      }),
    ).toEqual({ tone: 'error', message: 'Cancelled 1 job. Could not cancel 0199a3f2: already finished' });
  });

  it('says so when there was nothing to cancel', () => {
    expect(describeCancelReport({ cancelled: [], failed: [] }).message).toBe('Nothing to cancel.');
  });
});
