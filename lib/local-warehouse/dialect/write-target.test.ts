import { describe, expect, it } from 'vitest';
import { writeTarget } from './write-target';

describe('writeTarget', () => {
  it.each([
    ['UPDATE t SET x = 1', ['T']],
    ['delete from s.t where x = 1', ['S', 'T']],
    ['MERGE INTO "Db".s.T AS t USING u ON t.id = u.id WHEN MATCHED THEN DELETE', ['Db', 'S', 'T']],
    ['/* c */ update  results set a = 1', ['RESULTS']],
  ])('finds the table %s writes', (sql, parts) => {
    expect(writeTarget(sql)).toEqual(parts);
  });

  it.each(['INSERT INTO t VALUES (1)', 'SELECT * FROM t', 'DELETE t', 'CREATE TABLE t (x INT)'])(
    'has none for %s',
    (sql) => {
      expect(writeTarget(sql)).toBeNull();
    },
  );
});
