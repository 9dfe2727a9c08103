import { describe, expect, it } from 'vitest';
import { branchFilter, multiTableInsertPlan, parseMultiTableInsert } from './multi-table-insert';
import type { RunStep } from './plan-steps';

function recorder(counts: Record<string, number> = {}) {
  const steps: string[] = [];
  const run: RunStep = async (sql) => {
    steps.push(sql);
    if (sql.endsWith('LIMIT 0')) return { names: ['C1', 'C2', 'C3'], rows: [] };
    const count = Object.entries(counts).find(([prefix]) => sql.startsWith(prefix))?.[1] ?? 1;
    return { names: ['Count'], rows: [[BigInt(count)]] };
  };
  return { steps, run };
}

describe('parseMultiTableInsert', () => {
  it('reads an unconditional insert', () => {
    const parsed = parseMultiTableInsert('INSERT ALL INTO T1 INTO T1 (C1, C2) VALUES (N2, N1) SELECT N1, N2 FROM SRC');
    expect(parsed?.branches).toHaveLength(1);
    expect(parsed?.branches[0].intos.map((into) => [into.target.text, into.columns, into.values])).toEqual([
      ['T1', null, null],
      ['T1', ['C1', 'C2'], ['N2', 'N1']],
    ]);
    expect(parsed?.subquery).toBe('SELECT N1, N2 FROM SRC');
  });

  it('reads conditions, CASE … THEN inside them included', () => {
    const parsed = parseMultiTableInsert('INSERT FIRST WHEN CASE WHEN N > 1 THEN TRUE END THEN INTO T1 ELSE INTO T2 SELECT N FROM S');
    expect(parsed?.first).toBe(true);
    expect(parsed?.branches.map((branch) => [branch.condition, branch.isElse])).toEqual([
      ['CASE WHEN N > 1 THEN TRUE END', false],
      [null, true],
    ]);
  });

  it('refuses FIRST without WHEN, and a missing subquery, as syntax errors', () => {
    expect(() => parseMultiTableInsert('INSERT FIRST INTO T1 SELECT 1')).toThrow(/unexpected 'INTO'/);
    expect(() => parseMultiTableInsert('INSERT ALL INTO T1')).toThrow(/unexpected '<EOF>'/);
  });

  it('is not a plain INSERT', () => {
    expect(parseMultiTableInsert('INSERT INTO T VALUES (1)')).toBeNull();
  });
});

describe('branchFilter', () => {
  const statement = (first: boolean) =>
    parseMultiTableInsert(`INSERT ${first ? 'FIRST' : 'ALL'} WHEN N > 100 THEN INTO T1 WHEN N > 10 THEN INTO T2 ELSE INTO T3 SELECT N FROM S`)!;

  it('ALL: each WHEN on its own; ELSE where none holds', () => {
    expect(branchFilter(statement(false), 1)).toBe(' WHERE (N > 10) IS TRUE');
    expect(branchFilter(statement(false), 2)).toBe(' WHERE NOT ((N > 100) IS TRUE OR (N > 10) IS TRUE)');
  });

  it('FIRST: a WHEN only where no earlier one held', () => {
    expect(branchFilter(statement(true), 1)).toBe(' WHERE (N > 10) IS TRUE AND NOT (N > 100) IS TRUE');
  });
});

describe('multiTableInsertPlan', () => {
  it('inserts per INTO from one scratch copy and counts per table', async () => {
    const { steps, run } = recorder({ 'INSERT INTO T1': 2, 'INSERT INTO T2': 5 });
    const plan = multiTableInsertPlan('INSERT OVERWRITE ALL INTO T1 INTO T2 (C1) VALUES (N) INTO T1 SELECT N FROM S');
    expect(await plan?.execute(run)).toEqual({
      kind: 'counts',
      names: ['number of rows inserted into T1', 'number of rows inserted into T2'],
      counts: [4, 5],
      rows: 9,
    });
    expect(steps.slice(1, 3)).toEqual(['DELETE FROM T1', 'DELETE FROM T2']);
    expect(steps[4]).toMatch(/^INSERT INTO T2 \(C1\) SELECT N FROM temp\.main\.SF_INSERT_SOURCE_\w+$/);
  });

  it("leaves a DEFAULT value's column to its default", async () => {
    const { steps, run } = recorder();
    await multiTableInsertPlan('INSERT ALL INTO T1 VALUES (N2, DEFAULT, N1) SELECT N1, N2 FROM S')?.execute(run);
    expect(steps.find((sql) => sql.startsWith('INSERT'))).toMatch(/^INSERT INTO T1 \("C1", "C3"\) SELECT N2, N1 FROM /);
  });
});
