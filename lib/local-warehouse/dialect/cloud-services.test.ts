import { describe, expect, it } from 'vitest';
import { runsInCloudServices } from './cloud-services';

describe('runsInCloudServices', () => {
  it.each([
    'SHOW TABLES',
    'desc table t',
    'USE SCHEMA PUBLIC',
    'ALTER SESSION SET QUERY_TAG = $$x$$',
    "SELECT SYSTEM$CANCEL_QUERY('01234567-89ab-cdef-0123-456789abcdef')",
    'SELECT system$cancel_query(?)',
    'SELECT * FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY()) WHERE QUERY_ID IN (?)',
    'select * from table(flurry.information_schema.query_history_by_session())',
  ])('answers %s without a warehouse', (sql) => {
    expect(runsInCloudServices(sql)).toBe(true);
  });

  it.each([
    'CALL SYSTEM$WAIT(1)',
    'SELECT SYSTEM$WAIT(1)',
    'SELECT COUNT(*) FROM TABLE(GENERATOR(ROWCOUNT => 10))',
    "SELECT 'SYSTEM$CANCEL_QUERY'",
    'CREATE TABLE query_history (x INT)',
    'INSERT INTO t SELECT * FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY())',
  ])('runs %s on the warehouse', (sql) => {
    expect(runsInCloudServices(sql)).toBe(false);
  });
});
