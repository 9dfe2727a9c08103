import { describe, expect, it } from 'vitest';
import { describeExternalRun, externalBatchLabel, importedStatus } from './query-history';

describe('importedStatus', () => {
  it('keeps the history’s status of a query under way, and of one that ended', () => {
    expect(importedStatus({ status: 'QUEUED', endedAt: null, errorCode: null })).toBe('QUEUED');
    expect(importedStatus({ status: 'running', endedAt: null, errorCode: null })).toBe('RUNNING');
    expect(importedStatus({ status: 'SUCCESS', endedAt: 2_000, errorCode: null })).toBe('SUCCESS');
    expect(importedStatus({ status: 'FAILED_WITH_ERROR', endedAt: 2_000, errorCode: '002003' })).toBe('FAILED_WITH_ERROR');
  });

  it('says ABORTED for a cancelled query, as the monitoring API that follows it does', () => {
    expect(importedStatus({ status: 'FAILED_WITH_ERROR', endedAt: 2_000, errorCode: '000604' })).toBe('ABORTED');
    expect(importedStatus({ status: 'FAILED_WITH_ERROR', endedAt: 2_000, errorCode: '604' })).toBe('ABORTED');
  });

  it('takes a query that has not ended for one under way, whatever its status (BLOCKED waits on a lock)', () => {
    expect(importedStatus({ status: 'BLOCKED', endedAt: null, errorCode: null })).toBe('RUNNING');
  });
});

describe('how an external query’s runner is written', () => {
  const ranBy = { user: 'ANALYST', role: 'BI', warehouse: 'WH_S', sessionId: '42' };

  it('labels the session’s batch', () => {
    expect(externalBatchLabel(ranBy)).toBe('External · ANALYST · session 42');
    expect(externalBatchLabel({ user: null, sessionId: null })).toBe('External · unknown user · session unknown');
  });

  it('names who ran it, and where, as far as the history says', () => {
    expect(describeExternalRun(ranBy)).toBe('ANALYST (role BI, warehouse WH_S, session 42)');
    expect(describeExternalRun({ ...ranBy, role: null, warehouse: null })).toBe('ANALYST (session 42)');
    expect(describeExternalRun({ user: null, role: null, warehouse: null, sessionId: null })).toBe('an unknown user');
  });
});
