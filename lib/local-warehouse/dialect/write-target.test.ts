import { describe, expect, it } from 'vitest';
import { writeTarget } from './write-target';

describe('writeTarget', () => {
  it.each([
    ['UPDATE t SET x = 1', ['T']],
    ['delete from s.t where x = 1', ['S', 'T']],
    ['MERGE INTO "Db".s.T AS t USING u ON t.id = u.id WHEN MATCHED THEN DELETE', ['Db', 'S', 'T']],
    ['/* c */ update  results set a = 1', ['RESULTS']],
    ['ALTER TABLE s.results ADD COLUMN IF NOT EXISTS summary VARCHAR', ['S', 'RESULTS']],
    ['alter table if exists results add column x int', ['RESULTS']],
  ])('finds the table %s writes', (sql, parts) => {
    expect(writeTarget(sql)).toEqual(parts);
  });

  it.each(['INSERT INTO t VALUES (1)', 'SELECT * FROM t', 'DELETE t', 'CREATE TABLE t (x INT)', 'ALTER SESSION SET QUERY_TAG = 1'])(
    'has none for %s',
    (sql) => {
      expect(writeTarget(sql)).toBeNull();
    },
  );
});
