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
    'EXECUTE JOB SERVICE IN COMPUTE POOL P FROM SPECIFICATION $$spec: {}$$',
    'CREATE COMPUTE POOL P MIN_NODES = 1 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_XS',
    'ALTER COMPUTE POOL P STOP ALL',
    'DROP SERVICE J',
    "CALL J!SPCS_WAIT_FOR('DONE', 300)",
    'SELECT j!spcs_cancel_job()',
    "SELECT SYSTEM$CANCEL_JOB('J')",
    "SELECT SYSTEM$GET_SERVICE_LOGS('J', '0', 'main')",
    'SELECT * FROM TABLE(SNOWFLAKE.SPCS.GET_JOB_HISTORY())',
    'CREATE OR REPLACE WAREHOUSE W MAX_CONCURRENCY_LEVEL = 2',
    'ALTER WAREHOUSE W SET MAX_CONCURRENCY_LEVEL = 4',
    'DROP WAREHOUSE IF EXISTS W',
    'SHOW WAREHOUSES',
  ])('answers %s without a warehouse', (sql) => {
    expect(runsInCloudServices(sql)).toBe(true);
  });

  it.each([
    'CALL SYSTEM$WAIT(1)',
    'SELECT SYSTEM$WAIT(1)',
    'SELECT COUNT(*) FROM TABLE(GENERATOR(ROWCOUNT => 10))',
    "SELECT 'SYSTEM$CANCEL_QUERY'",
    'CREATE TABLE query_history (x INT)',
    'CREATE TABLE t (x INT)',
    'DROP TABLE t',
    'CREATE TABLE warehouse (x INT)',
    'INSERT INTO t SELECT * FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY())',
  ])('runs %s on the warehouse', (sql) => {
    expect(runsInCloudServices(sql)).toBe(false);
  });
});
