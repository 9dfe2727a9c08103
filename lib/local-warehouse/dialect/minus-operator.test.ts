import { describe, expect, it } from 'vitest';
import { minusOperator } from './minus-operator';

describe('minusOperator', () => {
  it('reads MINUS as EXCEPT between queries', () => {
    expect(minusOperator('SELECT A FROM T MINUS SELECT A FROM U ORDER BY A')).toBe('SELECT A FROM T EXCEPT SELECT A FROM U ORDER BY A');
    expect(minusOperator('(SELECT 1) minus (SELECT 2)')).toBe('(SELECT 1) EXCEPT (SELECT 2)');
  });

  it('leaves quoted and qualified names and strings alone', () => {
    for (const sql of ['SELECT "MINUS" FROM T', 'SELECT T.MINUS FROM T', "SELECT 'A MINUS B'"]) {
      expect(minusOperator(sql)).toBe(sql);
    }
  });
});
