import { describe, expect, it } from 'vitest';
import { directedJoins } from './directed-join';

describe('directedJoins', () => {
  it('drops DIRECTED and the read-order clause, which choose only the scan order', () => {
    expect(directedJoins('SELECT * FROM T1 INNER DIRECTED JOIN T2 ON T2.C = T1.C ORDER BY 1')).toBe(
      'SELECT * FROM T1 INNER JOIN T2 ON T2.C = T1.C ORDER BY 1',
    );
    expect(directedJoins('SELECT * FROM T1 INNER DIRECTED JOIN T2 ON T2.C = T1.C FIRST(T2) ORDER BY 1')).toBe(
      'SELECT * FROM T1 INNER JOIN T2 ON T2.C = T1.C ORDER BY 1',
    );
    expect(directedJoins('SELECT * FROM T1 JOIN T2 ON T2.C = T1.C LEFT OUTER DIRECTED JOIN T3 USING (C) LAST (T2)')).toBe(
      'SELECT * FROM T1 JOIN T2 ON T2.C = T1.C LEFT OUTER JOIN T3 USING (C)',
    );
  });

  it('refuses a read-order clause on a join that is not directed', () => {
    expect(() => directedJoins('SELECT * FROM T1 INNER JOIN T2 ON T2.C = T1.C FIRST(T2)')).toThrow(/only valid on a DIRECTED JOIN/);
  });

  it('leaves FIRST and LAST as names and calls alone', () => {
    for (const sql of ['SELECT FIRST, LAST FROM T', 'SELECT * FROM T1 JOIN T2 ON FIRST(T2.A) = 1', 'SELECT * FROM T1 JOIN T2 AS FIRST ON TRUE', 'SELECT * FROM T1 JOIN T2 ON T1.A = 1 AND FIRST(B)']) {
      expect(directedJoins(sql)).toBe(sql);
    }
  });
});
