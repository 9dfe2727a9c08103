import { describe, expect, it } from 'vitest';
import { stringCalls } from './string-calls';

describe('stringCalls', () => {
  it('turns CONCAT and CONCAT_WS into ||, which is NULL when any part is', () => {
    expect(stringCalls("SELECT CONCAT(A, 'b', CONCAT(C, D))")).toBe("SELECT ((A) || ('b') || (((C) || (D))))");
    expect(stringCalls("SELECT CONCAT_WS(',', A, B)")).toBe("SELECT ((A) || (',') || (B))");
    expect(stringCalls("SELECT CONCAT_WS(',', A)")).toBe("SELECT ((A) || SF_STR_LEFT(',', 0))");
    expect(stringCalls('SELECT CONCAT(1)')).toBe('SELECT CAST(1 AS VARCHAR)');
  });

  it('reads both POSITION syntaxes', () => {
    expect(stringCalls("SELECT POSITION('@' IN E)")).toBe("SELECT SF_STR_POSITION('@', E, 1)");
    expect(stringCalls("SELECT POSITION('an', 'banana', 3), POSITION(A, B)")).toBe("SELECT SF_STR_POSITION('an', 'banana', 3), SF_STR_POSITION(A, B, 1)");
  });

  it('renames INSERT and CHAR calls but not the statement or the type', () => {
    expect(stringCalls("SELECT INSERT('abc', 1, 2, 'Z'), CHAR(65), LEFT(S, 2), RIGHT(S, 2) FROM A LEFT JOIN B ON A.X = B.X")).toBe(
      "SELECT SF_STR_INSERT('abc', 1, 2, 'Z'), CHR(65), SF_STR_LEFT(S, 2), SF_STR_RIGHT(S, 2) FROM A LEFT JOIN B ON A.X = B.X",
    );
    for (const sql of ['INSERT INTO T (A) VALUES (1)', 'CREATE TABLE T (A CHAR(10), B INT)', 'SELECT X::CHAR(3)', 'SELECT CAST(X AS CHAR(3))', 'ALTER TABLE T ALTER COLUMN C SET DATA TYPE CHAR(5)']) {
      expect(stringCalls(sql), sql).toBe(sql);
    }
  });

  it('refuses too few arguments as Snowflake does', () => {
    expect(() => stringCalls("SELECT CONCAT_WS(',')")).toThrow("not enough arguments for function [CONCAT_WS(',')], expected 2, got 1");
  });
});

describe('stringCalls and MERGE', () => {
  it('leaves the INSERT clause of MERGE … WHEN NOT MATCHED THEN INSERT (cols) alone', () => {
    const sql = 'MERGE INTO T USING S ON T.ID = S.ID WHEN NOT MATCHED THEN INSERT (ID, V) VALUES (S.ID, S.V)';
    expect(stringCalls(sql)).toBe(sql);
  });
});
