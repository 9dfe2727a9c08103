import { describe, expect, it } from 'vitest';
import { instanceStatus, jobStatusOf as jobStatus } from './job-status';

describe('job status over replicas', () => {
  it('is PENDING until a container runs, RUNNING while any instance runs', () => {
    expect(jobStatus([['PENDING'], ['PENDING']], false)).toBe('PENDING');
    expect(jobStatus([['READY'], ['PENDING']], false)).toBe('RUNNING');
    expect(jobStatus([['DONE'], ['READY']], false)).toBe('RUNNING');
  });

  it('is DONE only when every instance succeeded, FAILED as soon as any failed', () => {
    expect(jobStatus([['DONE', 'DONE'], ['DONE', 'DONE']], false)).toBe('DONE');
    expect(jobStatus([['DONE'], ['FAILED'], ['READY']], false)).toBe('FAILED');
    expect(jobStatus([['FAILED', 'READY']], false)).toBe('FAILED');
  });

  it('is CANCELLING after a cancel until every container has ended, then CANCELLED', () => {
    expect(jobStatus([['TERMINATING'], ['DONE']], true)).toBe('CANCELLING');
    expect(jobStatus([['FAILED', 'TERMINATING'], ['DONE']], true)).toBe('CANCELLING');
    expect(jobStatus([['FAILED'], ['DONE']], true)).toBe('CANCELLED');
  });

  it('gives each instance the status SHOW SERVICE CONTAINERS reports', () => {
    expect(instanceStatus(['PENDING', 'PENDING'])).toBe('PENDING');
    expect(instanceStatus(['READY', 'DONE'])).toBe('READY');
    expect(instanceStatus(['READY', 'TERMINATING'])).toBe('TERMINATING');
    expect(instanceStatus(['DONE', 'DONE'])).toBe('SUCCEEDED');
    expect(instanceStatus(['DONE', 'FAILED'])).toBe('FAILED');
  });
});
