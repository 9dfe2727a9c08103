import { describe, expect, it } from 'vitest';
import { mergePlan, parseMerge, rowValues } from './merge-plan';
import type { StepResult } from './plan-steps';

const MULTI =
  "MERGE INTO T USING S ON T.ID = S.ID WHEN MATCHED AND S.MARKED = 'Y' THEN DELETE WHEN MATCHED AND S.NEW = 1 THEN UPDATE SET VAL = S.V " +
  'WHEN MATCHED THEN UPDATE SET VAL = 0 WHEN NOT MATCHED THEN INSERT (ID, VAL) VALUES (S.ID, S.V)';

/** A RunStep answering each statement with the rows `answer` gives, recording what ran. */
function recorder(answer: (sql: string) => unknown[][]) {
  const ran: string[] = [];
  const run = async (sql: string): Promise<StepResult> => {
    ran.push(sql);
    return { names: [], rows: answer(sql) as StepResult['rows'] };
  };
  return { ran, run };
}

describe('parseMerge', () => {
  it('reads the target, the source, the join and each WHEN MATCHED clause', () => {
    const merge = parseMerge(MULTI);
    expect(merge).toMatchObject({
      target: 'T',
      targetRef: 'T',
      source: 'S',
      on: 'T.ID = S.ID',
      inserts: true,
      matched: [
        { condition: "S.MARKED = 'Y'", action: 'DELETE' },
        { condition: 'S.NEW = 1', action: 'UPDATE' },
        { condition: null, action: 'UPDATE' },
      ],
    });
    // The INSERT clause the string functions renamed is an INSERT again; the actions are returned.
    expect(merge?.sql).toBe(`${MULTI} RETURNING merge_action`);
  });

  it('reads aliases and a subquery source', () => {
    const merge = parseMerge('MERGE INTO D.S.T AS TGT USING (SELECT K, MAX(V) AS V FROM SRC GROUP BY K) B ON TGT.K = B.K WHEN MATCHED THEN DELETE;');
    expect(merge).toMatchObject({ target: 'D.S.T AS TGT', targetName: 'D.S.T', targetRef: 'TGT', source: '(SELECT K, MAX(V) AS V FROM SRC GROUP BY K) B', inserts: false });
    expect(merge?.sql).toBe('MERGE INTO D.S.T AS TGT USING (SELECT K, MAX(V) AS V FROM SRC GROUP BY K) B ON TGT.K = B.K WHEN MATCHED THEN DELETE RETURNING merge_action;');
  });

  it('is null for other statements', () => {
    expect(parseMerge('UPDATE T SET A = 1')).toBeNull();
  });
});

describe('mergePlan', () => {
  it("answers a column per kind of clause, counting DuckDB's actions", async () => {
    const { run } = recorder((sql) => (sql.includes('RETURNING') ? [['DELETE'], ['UPDATE'], ['UPDATE'], ['INSERT']] : []));
    expect(await mergePlan(MULTI)?.execute(run)).toEqual({
      kind: 'counts',
      names: ['number of rows inserted', 'number of rows updated', 'number of rows deleted'],
      counts: [1, 2, 1],
      rows: 4,
    });
    const updateOnly = recorder((sql) => (sql.includes('RETURNING') ? [['UPDATE']] : []));
    expect(await mergePlan('MERGE INTO T USING S ON T.K = S.K WHEN MATCHED THEN UPDATE SET V = S.V')?.execute(updateOnly.run)).toMatchObject({
      names: ['number of rows updated'],
      counts: [1],
    });
  });

  it('refuses a target row updated from several source rows with its values, before changing anything', async () => {
    const { ran, run } = recorder((sql) => (sql.includes('HAVING') ? [[0]] : sql.includes('rowid =') ? [[0, 10, 'x', null]] : []));
    await expect(mergePlan('MERGE INTO T USING S ON T.K = S.K WHEN MATCHED THEN UPDATE SET V = S.V')?.execute(run)).rejects.toThrow(
      'Duplicate row detected during DML action\nRow Values: [0, 10, "x", NULL]',
    );
    expect(ran[0]).toBe(
      "SELECT T.rowid FROM T JOIN S ON T.K = S.K GROUP BY T.rowid HAVING COUNT(CASE WHEN TRUE THEN 'UPDATE' END) >= 2 " +
        "AND COUNT(CASE WHEN CASE WHEN TRUE THEN 'UPDATE' END = 'UPDATE' THEN 1 END) >= 1 LIMIT 1",
    );
    expect(ran.some((sql) => sql.startsWith('MERGE'))).toBe(false);
  });

  it('needs no check when no clause updates: deletes from several source rows are deterministic', async () => {
    const { ran, run } = recorder((sql) => (sql.includes('RETURNING') ? [['DELETE']] : []));
    await mergePlan('MERGE INTO T USING S ON T.K = S.K WHEN MATCHED AND S.V <= 12 THEN DELETE')?.execute(run);
    expect(ran).toHaveLength(1);
  });
});

describe('rowValues', () => {
  it("lists the row as Snowflake's error does", () => {
    expect(rowValues([11, 'foo', null, 2.5])).toBe('[11, "foo", NULL, 2.5]');
  });
});
