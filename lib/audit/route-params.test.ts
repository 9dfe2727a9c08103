import { describe, expect, it } from 'vitest';
import { z } from '@/lib/domain/validation/zod';
import { describeParamErrors } from '@/lib/domain/validation/zod-problems';
import { parseAuditFilter } from './route-params';

const parse = (query: string) => parseAuditFilter(new URLSearchParams(query));

function paramError(query: string): string {
  try {
    parse(query);
  } catch (error) {
    if (error instanceof z.ZodError) return describeParamErrors(error);
    throw error;
  }
  throw new Error('expected the parameters to be refused');
}

describe('parseAuditFilter', () => {
  it('reads every parameter, and nothing from empty values', () => {
    expect(parse('limit=50&before=1234&action=cancel-jobs&outcome=refused&actor=ana')).toEqual({
      limit: 50,
      before: 1234,
      action: 'cancel-jobs',
      outcome: 'refused',
      actor: 'ana',
    });
    expect(parse('limit=&before=&action=&outcome=&actor=%20')).toEqual({});
  });

  it('names each bad parameter and what it accepts', () => {
    expect(paramError('action=drop')).toBe(
      'action: "drop" is not an action; use launch-batch, launch-job-service, cancel-jobs, run-task-action, save-task, sign-in, sign-out.',
    );
    expect(paramError('outcome=maybe')).toBe('outcome: "maybe" is not an outcome; use ok, refused, failed.');
    expect(paramError('limit=501')).toBe('limit: must be at most 500');
    expect(paramError('limit=0')).toBe('limit: must be at least 1');
    expect(paramError('before=abc')).toBe('before: must be a number');
    expect(paramError('before=1.5')).toBe('before: must be a whole number');
    expect(paramError(`actor=${'a'.repeat(201)}`)).toBe('actor: must be at most 200 characters');
  });

  it('names every bad parameter at once', () => {
    expect(paramError('limit=-1&action=x')).toMatch(/^limit: must be at least 1 action: "x" is not an action/);
  });
});
