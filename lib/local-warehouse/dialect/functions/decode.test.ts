import { describe, expect, it } from 'vitest';
import { decodeFunction } from './decode';

describe('decodeFunction', () => {
  it('spells the pairs out as a CASE whose comparisons match NULL to NULL', () => {
    expect(decodeFunction("SELECT DECODE(C, 1, 'one', NULL, '-', 'other') FROM D")).toBe(
      "SELECT (CASE WHEN (C) IS NOT DISTINCT FROM (1) THEN ('one') WHEN (C) IS NOT DISTINCT FROM (NULL) THEN ('-') ELSE ('other') END) FROM D",
    );
    expect(decodeFunction("SELECT DECODE(C, 1, 'one')")).toBe("SELECT (CASE WHEN (C) IS NOT DISTINCT FROM (1) THEN ('one') END)");
  });

  it('rewrites nested calls, inner ones included', () => {
    expect(decodeFunction('SELECT DECODE(DECODE(A, 1, 2), 2, 3)')).toBe(
      'SELECT (CASE WHEN ((CASE WHEN (A) IS NOT DISTINCT FROM (1) THEN (2) END)) IS NOT DISTINCT FROM (2) THEN (3) END)',
    );
  });

  it('refuses fewer than three arguments as Snowflake does', () => {
    expect(() => decodeFunction('SELECT DECODE(1, 2)')).toThrow('not enough arguments for function [DECODE(1, 2)], expected 3, got 2');
  });

  it('leaves qualified names and other words alone', () => {
    for (const sql of ['SELECT S.DECODE(1, 2, 3)', "SELECT 'DECODE(1)'", 'SELECT DECODE FROM T']) {
      expect(decodeFunction(sql), sql).toBe(sql);
    }
  });
});
