import { describe, expect, it } from 'vitest';
import { snowflakeNullOrdering } from './null-ordering';

describe('snowflakeNullOrdering', () => {
  it('sorts NULLs first in each descending sort key that does not say where they go', () => {
    expect(snowflakeNullOrdering('SELECT A FROM T ORDER BY A DESC, B')).toBe('SELECT A FROM T ORDER BY A DESC NULLS FIRST, B');
    expect(snowflakeNullOrdering('SELECT A FROM T ORDER BY ALL DESC')).toBe('SELECT A FROM T ORDER BY ALL DESC NULLS FIRST');
    expect(snowflakeNullOrdering('SELECT ROW_NUMBER() OVER (PARTITION BY P ORDER BY O DESC) FROM T')).toBe(
      'SELECT ROW_NUMBER() OVER (PARTITION BY P ORDER BY O DESC NULLS FIRST) FROM T',
    );
    expect(snowflakeNullOrdering('SELECT LISTAGG(A) WITHIN GROUP (ORDER BY A DESC) FROM T')).toBe(
      'SELECT LISTAGG(A) WITHIN GROUP (ORDER BY A DESC NULLS FIRST) FROM T',
    );
    expect(snowflakeNullOrdering('SELECT * FROM (SELECT A FROM T ORDER BY A DESC LIMIT 3) ORDER BY A DESC')).toBe(
      'SELECT * FROM (SELECT A FROM T ORDER BY A DESC NULLS FIRST LIMIT 3) ORDER BY A DESC NULLS FIRST',
    );
  });

  it('keeps an explicit NULLS FIRST or NULLS LAST, ascending keys and DESC outside ORDER BY', () => {
    for (const sql of [
      'SELECT A FROM T ORDER BY A DESC NULLS LAST',
      'SELECT A FROM T ORDER BY A DESC NULLS FIRST',
      'SELECT A FROM T ORDER BY A, B ASC',
      'DESC TABLE T',
      'SELECT "DESC" FROM T ORDER BY 1',
      "SELECT 'ORDER BY X DESC' FROM T",
    ]) {
      expect(snowflakeNullOrdering(sql)).toBe(sql);
    }
  });

  it('ends the ORDER BY list at a frame or LIMIT, so a later DESC outside it is not touched', () => {
    expect(snowflakeNullOrdering('SELECT SUM(A) OVER (ORDER BY A DESC ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM T')).toBe(
      'SELECT SUM(A) OVER (ORDER BY A DESC NULLS FIRST ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM T',
    );
  });
});
