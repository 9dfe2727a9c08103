import { describe, expect, it } from 'vitest';
import { recursiveCtes } from './recursive-cte';

describe('recursiveCtes', () => {
  it('makes a WITH clause recursive when one of its CTEs names itself', () => {
    expect(recursiveCtes('WITH F (N) AS (SELECT 1 UNION ALL SELECT N + 1 FROM F WHERE N < 3) SELECT * FROM F')).toBe(
      'WITH RECURSIVE F (N) AS (SELECT 1 UNION ALL SELECT N + 1 FROM F WHERE N < 3) SELECT * FROM F',
    );
    expect(recursiveCtes('WITH A AS (SELECT 1 X), B (N) AS (SELECT X FROM A UNION ALL SELECT N + 1 FROM B WHERE N < 3) SELECT * FROM B')).toBe(
      'WITH RECURSIVE A AS (SELECT 1 X), B (N) AS (SELECT X FROM A UNION ALL SELECT N + 1 FROM B WHERE N < 3) SELECT * FROM B',
    );
    expect(recursiveCtes('INSERT INTO T WITH "c" (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM "c" WHERE n < 3) SELECT * FROM "c"')).toBe(
      'INSERT INTO T WITH RECURSIVE "c" (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM "c" WHERE n < 3) SELECT * FROM "c"',
    );
  });

  it('leaves WITH clauses whose CTEs do not name themselves alone', () => {
    for (const sql of [
      'WITH A AS (SELECT 1 X), B AS (SELECT X FROM A) SELECT * FROM B',
      'WITH RECURSIVE F (N) AS (SELECT 1 UNION ALL SELECT N + 1 FROM F WHERE N < 3) SELECT * FROM F',
      'WITH A AS (SELECT T.A FROM T) SELECT * FROM A',
      'SELECT * FROM T START WITH A = 1 CONNECT BY B = PRIOR A',
    ]) {
      expect(recursiveCtes(sql)).toBe(sql);
    }
  });
});
