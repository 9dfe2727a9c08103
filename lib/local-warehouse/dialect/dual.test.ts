import { describe, expect, it } from 'vitest';
import { fromDual } from './dual';

describe('fromDual', () => {
  it('reads FROM DUAL as a one-row table', () => {
    expect(fromDual('SELECT 1 FROM DUAL')).toBe('SELECT 1 FROM (SELECT 1 AS DUMMY) AS DUAL');
    expect(fromDual('SELECT 1 FROM T JOIN DUAL ON TRUE')).toBe('SELECT 1 FROM T JOIN (SELECT 1 AS DUMMY) AS DUAL ON TRUE');
  });

  it('leaves quoted, qualified and non-table uses of the name alone', () => {
    for (const sql of ['SELECT 1 FROM "DUAL"', 'SELECT 1 FROM S.DUAL', 'SELECT DUAL FROM T', 'SELECT 1 FROM DUAL.X']) {
      expect(fromDual(sql)).toBe(sql);
    }
  });
});
