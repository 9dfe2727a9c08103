import { describe, expect, it } from 'vitest';
import { refuseEngineOnlySql } from './engine-only-sql';

const refusal = (sql: string) => {
  try {
    refuseEngineOnlySql(sql);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};

describe('refuseEngineOnlySql', () => {
  it.each([
    ['PRAGMA database_list', "position 0 unexpected 'PRAGMA'"],
    ["ATTACH '/tmp/x.db' AS X", "position 0 unexpected 'ATTACH'"],
    ['INSTALL httpfs', "position 0 unexpected 'INSTALL'"],
    ['FROM M', "position 0 unexpected 'FROM'"],
    ["COPY M TO '/tmp/x.csv'", "position 5 unexpected 'M'"],
    ["SELECT * FROM read_csv('/etc/passwd')", "position 22 unexpected '('"],
    ['SELECT * FROM duckdb_settings()', "position 29 unexpected '('"],
    ['SELECT * FROM main.duckdb_tables()', "position 32 unexpected '('"],
    ["SELECT * FROM '/etc/passwd'", "position 14 unexpected ''/etc/passwd''"],
    ["SELECT * FROM M JOIN read_parquet('x') p ON TRUE", "position 33 unexpected '('"],
    ['SELECT COUNT(*) FROM M a, M b, range(20)', "position 36 unexpected '('"],
    ['SELECT 1::HUGEINT', "Unsupported data type 'HUGEINT'"],
    ["SELECT CAST(1 AS ubigint)", "Unsupported data type 'UBIGINT'"],
    ["SELECT EXTRACT(YEAR FROM (SELECT MAX(D) FROM read_csv('x')))", "position 53 unexpected '('"],
  ])('refuses %s with a syntax error naming the token', (sql, expected) => {
    expect(refusal(sql)).toContain(expected);
  });

  it.each([
    'SELECT * FROM M',
    'SELECT * FROM TABLE(FLATTEN(INPUT => PARSE_JSON(\'[1]\')))',
    "SELECT * FROM M, LATERAL FLATTEN(INPUT => M.V)",
    'SELECT * FROM VALUES (1), (2)',
    'SELECT * FROM (SELECT 1)',
    "SELECT * FROM IDENTIFIER('M')",
    'SELECT COUNT(*) FROM M WHERE ID IN (SELECT ID FROM N)',
    "SELECT 'FROM read_csv(' AS text",
    'DELETE FROM M WHERE ID = 1',
    'SELECT EXTRACT(YEAR FROM CURRENT_DATE())',
    "SELECT TRIM(BOTH 'x' FROM UPPER('xax'))",
    'SELECT (SELECT MAX(ID) FROM M) AS top',
    'SELECT 1 AS blob, 2 AS list',
    'SELECT a.ID FROM M a, N b WHERE a.ID = b.ID AND COALESCE(a.ID, 1) = 1',
    'SELECT * FROM M JOIN N USING (ID) WHERE NVL(N.ID, 0) > 0',
  ])('lets %s through', (sql) => {
    expect(refusal(sql)).toBeNull();
  });
});
