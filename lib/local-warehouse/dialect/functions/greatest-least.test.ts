import { describe, expect, it } from 'vitest';
import { greatestLeast } from './greatest-least';

describe('greatestLeast', () => {
  it('passes the arguments to the macro as one list', () => {
    expect(greatestLeast('SELECT GREATEST(A, B, 3), LEAST(1, F(X, Y))')).toBe('SELECT SF_GREATEST([A, B, 3]), SF_LEAST([1, F(X, Y)])');
    expect(greatestLeast('SELECT GREATEST_IGNORE_NULLS(A, NULL)')).toBe('SELECT SF_GREATEST_IGNORE_NULLS([A, NULL])');
  });

  it('rewrites nested calls and leaves other uses of the names alone', () => {
    expect(greatestLeast('SELECT GREATEST(LEAST(A, B), C)')).toBe('SELECT SF_GREATEST([SF_LEAST([A, B]), C])');
    for (const sql of ['SELECT GREATEST FROM T', "SELECT 'GREATEST(1, 2)'", 'SELECT S.GREATEST(1, 2)']) {
      expect(greatestLeast(sql), sql).toBe(sql);
    }
  });
});
