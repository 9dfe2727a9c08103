import { describe, expect, it } from 'vitest';
import { ctasColumnList } from './ctas-columns';

describe('ctasColumnList', () => {
  it("names (and casts) the query's columns by position", () => {
    expect(ctasColumnList('CREATE TABLE T (A INTEGER, B VARCHAR NOT NULL) AS SELECT X, Y FROM S')).toBe(
      'CREATE TABLE T  AS SELECT CAST(SF_CTAS_SOURCE.SF_1 AS INTEGER) AS A, CAST(SF_CTAS_SOURCE.SF_2 AS VARCHAR) AS B FROM (SELECT X, Y FROM S) AS SF_CTAS_SOURCE(SF_1, SF_2)',
    );
    expect(ctasColumnList('CREATE OR REPLACE TABLE IF NOT EXISTS T(A, B) AS (SELECT 1, 2)')).toBe(
      'CREATE OR REPLACE TABLE IF NOT EXISTS T AS SELECT SF_CTAS_SOURCE.SF_1 AS A, SF_CTAS_SOURCE.SF_2 AS B FROM ((SELECT 1, 2)) AS SF_CTAS_SOURCE(SF_1, SF_2)',
    );
  });

  it('leaves a plain CREATE TABLE and a CTAS without a column list alone', () => {
    for (const sql of ['CREATE TABLE T (A INT)', 'CREATE TABLE T AS SELECT (1) AS X', 'CREATE VIEW V (A) AS SELECT 1']) {
      expect(ctasColumnList(sql)).toBe(sql);
    }
  });
});
