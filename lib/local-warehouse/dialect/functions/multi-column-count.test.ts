import { describe, expect, it } from 'vitest';
import { multiColumnCount } from './multi-column-count';

describe('multiColumnCount', () => {
  it('counts the rows, or distinct rows, in which no expression is NULL', () => {
    expect(multiColumnCount('SELECT COUNT(DISTINCT A, B + 1)')).toBe(
      'SELECT COUNT(DISTINCT CASE WHEN (A) IS NOT NULL AND (B + 1) IS NOT NULL THEN ((A), (B + 1)) END)',
    );
    expect(multiColumnCount('SELECT COUNT(A, B)')).toBe('SELECT COUNT(CASE WHEN (A) IS NOT NULL AND (B) IS NOT NULL THEN 1 END)');
  });

  it('estimates distinct rows, dropping DISTINCT where it changes nothing', () => {
    expect(multiColumnCount('SELECT HLL(A, B), APPROX_COUNT_DISTINCT(DISTINCT A)')).toBe(
      'SELECT HLL(CASE WHEN (A) IS NOT NULL AND (B) IS NOT NULL THEN ((A), (B)) END), APPROX_COUNT_DISTINCT(A)',
    );
  });

  it('leaves one-expression counts alone', () => {
    for (const sql of ['SELECT COUNT(*)', 'SELECT COUNT(DISTINCT A)', 'SELECT COUNT(A) OVER (ORDER BY B)', 'SELECT HLL(A)']) {
      expect(multiColumnCount(sql), sql).toBe(sql);
    }
  });
});
