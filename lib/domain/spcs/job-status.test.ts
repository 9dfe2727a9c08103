import { describe, expect, it } from 'vitest';
import { jobStatus } from './job-status';

describe('jobStatus', () => {
  it.each([
    [[], 'PENDING'],
    [['PENDING', 'PENDING'], 'PENDING'],
    [['PENDING', 'RUNNING'], 'RUNNING'],
    [['DONE', 'RUNNING'], 'RUNNING'],
    [['DONE', 'PENDING'], 'PENDING'],
    [['DONE', 'DONE', 'DONE'], 'DONE'],
    [['RUNNING', 'FAILED', 'DONE'], 'FAILED'],
    [['PENDING', 'FAILED'], 'FAILED'],
  ] as const)('%j → %s', (instances, status) => {
    expect(jobStatus(instances)).toBe(status);
  });

  it('is CANCELLING after a cancel while an instance is active, then CANCELLED', () => {
    expect(jobStatus(['RUNNING', 'DONE'], true)).toBe('CANCELLING');
    expect(jobStatus(['PENDING'], true)).toBe('CANCELLING');
    expect(jobStatus(['FAILED', 'DONE'], true)).toBe('CANCELLED');
    expect(jobStatus([], true)).toBe('CANCELLED');
  });
});
