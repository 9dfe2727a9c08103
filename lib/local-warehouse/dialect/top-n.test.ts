import { describe, expect, it } from 'vitest';
import { topN } from './top-n';

describe('topN', () => {
  it('limits the query block to n rows after its ORDER BY', () => {
    expect(topN('SELECT TOP 4 C1 FROM T')).toBe('SELECT C1 FROM T LIMIT 4');
    expect(topN('SELECT DISTINCT TOP 2 C1 FROM T ORDER BY C1')).toBe('SELECT DISTINCT C1 FROM T ORDER BY C1 LIMIT 2');
    expect(topN('SELECT * FROM (SELECT TOP 1 C1 FROM T ORDER BY C1 DESC) WHERE C1 > 0')).toBe(
      'SELECT * FROM (SELECT C1 FROM T ORDER BY C1 DESC LIMIT 1) WHERE C1 > 0',
    );
    expect(topN('INSERT INTO U SELECT TOP 3 * FROM T')).toBe('INSERT INTO U SELECT * FROM T LIMIT 3');
  });

  it('keeps the limit inside its own operand of a set operation', () => {
    expect(topN('SELECT TOP 1 A FROM T UNION ALL SELECT B FROM U')).toBe('(SELECT A FROM T LIMIT 1) UNION ALL SELECT B FROM U');
    expect(topN('SELECT A FROM T UNION ALL SELECT TOP 1 B FROM U ORDER BY 1')).toBe(
      'SELECT A FROM T UNION ALL (SELECT B FROM U LIMIT 1) ORDER BY 1',
    );
    expect(topN('SELECT A FROM T UNION ALL BY NAME SELECT TOP 1 A FROM U')).toBe('SELECT A FROM T UNION ALL BY NAME (SELECT A FROM U LIMIT 1)');
  });

  it('leaves a column named TOP alone', () => {
    for (const sql of ['SELECT TOP FROM T', 'SELECT TOP + 1 FROM T', 'SELECT T.TOP FROM T']) expect(topN(sql)).toBe(sql);
  });
});
