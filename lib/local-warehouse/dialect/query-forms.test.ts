import { describe, expect, it } from 'vitest';
import { snowflakeQueryForms } from './query-forms';

describe('snowflakeQueryForms', () => {
  it('applies every query form in one pass', () => {
    expect(snowflakeQueryForms('SELECT TOP 2 A FROM T JOIN U WHERE T.K = U.K MINUS SELECT A FROM V ORDER BY A DESC FETCH 1')).toBe(
      '(SELECT A FROM T JOIN U ON TRUE WHERE T.K = U.K LIMIT 2) EXCEPT SELECT A FROM V ORDER BY A DESC NULLS FIRST LIMIT 1',
    );
  });

  it('rewrites CONNECT BY before the recursive CTE and join rewrites, which leave its output alone', () => {
    const out = snowflakeQueryForms('SELECT ID FROM T START WITH P IS NULL CONNECT BY P = PRIOR ID ORDER BY ID DESC');
    expect(out).toContain('WITH RECURSIVE SF_HIERARCHY AS');
    expect(out).toContain('JOIN SF_HIERARCHY AS SF_PRIOR ON T.P = SF_PRIOR.ID)');
    expect(out.endsWith('ORDER BY ID DESC NULLS FIRST')).toBe(true);
  });

  it('leaves plain DuckDB-compatible SQL alone', () => {
    const sql = 'SELECT A, COUNT(*) FROM T LEFT JOIN U ON T.K = U.K GROUP BY ALL ORDER BY 1 LIMIT 10';
    expect(snowflakeQueryForms(sql)).toBe(sql);
  });
});
