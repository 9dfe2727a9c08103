import { describe, expect, it } from 'vitest';
import { cloneTablePlan, columnDefinitions } from './clone-table';
import type { RunStep } from './plan-steps';

const DDL = 'CREATE TABLE T(A INTEGER DEFAULT(5) NOT NULL, B VARCHAR);';

function catalog(tables: Record<string, string>) {
  const steps: string[] = [];
  const run: RunStep = async (sql) => {
    steps.push(sql);
    const table = /table_name = '(.+?)'/.exec(sql)?.[1];
    if (table !== undefined) return { names: ['sql'], rows: table in tables ? [[tables[table]]] : [] };
    return { names: ['Count'], rows: [[0n]] };
  };
  return { steps, run };
}

describe('columnDefinitions', () => {
  it("keeps DuckDB's column definitions whole", () => {
    expect(columnDefinitions(DDL)).toBe('(A INTEGER DEFAULT(5) NOT NULL, B VARCHAR)');
    expect(columnDefinitions('CREATE TABLE "a(b"(X INTEGER);')).toBe('(X INTEGER)');
  });
});

describe('cloneTablePlan', () => {
  it('CLONE creates the table from the source definitions and copies its rows', async () => {
    const { steps, run } = catalog({ T: DDL });
    const plan = cloneTablePlan('CREATE OR REPLACE TABLE C CLONE T');
    expect(await plan?.execute(run)).toEqual({ kind: 'status', message: 'Table C successfully created.' });
    expect(steps.slice(-2)).toEqual(['CREATE OR REPLACE TABLE C (A INTEGER DEFAULT(5) NOT NULL, B VARCHAR)', 'INSERT INTO C SELECT * FROM T']);
  });

  it('LIKE copies no rows; IF NOT EXISTS leaves an existing table be', async () => {
    const like = catalog({ T: DDL });
    await cloneTablePlan('CREATE TEMPORARY TABLE S.C LIKE T')?.execute(like.run);
    expect(like.steps.at(-1)).toBe('CREATE TEMPORARY TABLE S.C (A INTEGER DEFAULT(5) NOT NULL, B VARCHAR)');
    const existing = catalog({ T: DDL, C: DDL });
    expect(await cloneTablePlan('CREATE TABLE IF NOT EXISTS C CLONE T')?.execute(existing.run)).toEqual({
      kind: 'status',
      message: 'C already exists, statement succeeded.',
    });
    expect(existing.steps.some((sql) => sql.startsWith('CREATE'))).toBe(false);
  });

  it('answers a missing source as a missing object', async () => {
    await expect(cloneTablePlan('CREATE TABLE C CLONE NOSUCH')?.execute(catalog({}).run)).rejects.toThrow(/Object 'NOSUCH' does not exist/);
  });

  it('plans no other CREATE', () => {
    expect(cloneTablePlan('CREATE TABLE C (A INT)')).toBeNull();
    expect(cloneTablePlan('CREATE VIEW V AS SELECT 1')).toBeNull();
  });
});
