import { describe, expect, it } from 'vitest';
import { dmlAssignments } from './dml-assignments';

describe('dmlAssignments', () => {
  it("drops the table's name or alias written before a target column", () => {
    expect(dmlAssignments("UPDATE T1 SET NUMBER_COLUMN = T1.NUMBER_COLUMN + T2.N, T1.TEXT_COLUMN = 'ASDF' FROM T2 WHERE T1.K = T2.K")).toBe(
      "UPDATE T1 SET NUMBER_COLUMN = T1.NUMBER_COLUMN + T2.N, TEXT_COLUMN = 'ASDF' FROM T2 WHERE T1.K = T2.K",
    );
    expect(dmlAssignments('MERGE INTO T USING S ON T.K = S.K WHEN MATCHED AND S.X = 1 THEN UPDATE SET T.V = S.V, S2.T.W = (1) WHEN MATCHED THEN DELETE')).toBe(
      'MERGE INTO T USING S ON T.K = S.K WHEN MATCHED AND S.X = 1 THEN UPDATE SET V = S.V, W = (1) WHEN MATCHED THEN DELETE',
    );
    expect(dmlAssignments('UPDATE T AS A SET A."v" = 1')).toBe('UPDATE T AS A SET "v" = 1');
  });

  it('writes ALL BY NAME as BY NAME', () => {
    expect(dmlAssignments('MERGE INTO T USING S ON T.ID = S.ID WHEN MATCHED THEN UPDATE ALL BY NAME WHEN NOT MATCHED THEN INSERT ALL BY NAME')).toBe(
      'MERGE INTO T USING S ON T.ID = S.ID WHEN MATCHED THEN UPDATE BY NAME WHEN NOT MATCHED THEN INSERT BY NAME',
    );
  });

  it('leaves unqualified targets, comparisons and other statements alone', () => {
    for (const sql of [
      'UPDATE T SET V = (SELECT MAX(U.V) FROM U WHERE U.K = T.K) WHERE T.K = 1',
      'UPDATE T SET V = S.V FROM S WHERE T.K = S.K',
      'SELECT T.A = 1 FROM T',
      'ALTER SESSION SET TIMEZONE = \'UTC\'',
    ]) {
      expect(dmlAssignments(sql)).toBe(sql);
    }
  });
});
