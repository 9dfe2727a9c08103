import { describe, expect, it } from 'vitest';
import { dynamicPivotPlan, pivotColumnNames, pivotValue } from './pivot';
import type { RunStep } from './plan-steps';

describe('pivotColumnNames', () => {
  it('names each pivoted column after its value as written, aliases kept', () => {
    expect(pivotColumnNames("SELECT * FROM S PIVOT(SUM(A) FOR M IN ('JAN', 'FEB' AS F, 3))")).toBe(
      `SELECT * FROM S PIVOT(SUM(A) FOR M IN ('JAN' AS "'JAN'", 'FEB' AS F, 3 AS "3"))`,
    );
  });

  it('applies DEFAULT ON NULL around the pivot, the alias after it kept outside', () => {
    expect(pivotColumnNames("SELECT * FROM S PIVOT(SUM(A) AS T FOR M IN ('JAN') DEFAULT ON NULL (0)) AS P ORDER BY 1")).toBe(
      `SELECT * FROM (SELECT * REPLACE (COALESCE("'JAN'_T", 0) AS "'JAN'_T") FROM S PIVOT(SUM(A) AS T FOR M IN ('JAN' AS "'JAN'") )) AS P ORDER BY 1`,
    );
  });

  it('leaves dynamic pivots for their plan', () => {
    const sql = 'SELECT * FROM S PIVOT(SUM(A) FOR M IN (ANY ORDER BY M))';
    expect(pivotColumnNames(sql)).toBe(sql);
  });
});

describe('pivotValue', () => {
  it('writes text, numbers and other values with the names Snowflake gives them', () => {
    expect(pivotValue("it's", 'VARCHAR')).toBe(`'it''s' AS "'it''s'"`);
    expect(pivotValue('2023', 'INTEGER')).toBe('2023 AS "2023"');
    expect(pivotValue('2024-01-02', 'DATE')).toBe(`CAST('2024-01-02' AS DATE) AS "'2024-01-02'"`);
  });
});

describe('dynamicPivotPlan', () => {
  it('reads the distinct values in order and pivots on them', async () => {
    const steps: string[] = [];
    const run: RunStep = async (sql) => (steps.push(sql), { names: ['V', 'T'], rows: [['Q1', 'VARCHAR'], ['Q2', 'VARCHAR'], ['Q1', 'VARCHAR']] });
    const answer = await dynamicPivotPlan('SELECT * FROM S AS X PIVOT(SUM(A) FOR M IN (ANY ORDER BY M DESC))')?.execute(run);
    expect(steps[0]).toBe(
      'SELECT CAST(SF_PIVOT_VALUE AS VARCHAR), typeof(SF_PIVOT_VALUE) FROM (SELECT DISTINCT M AS SF_PIVOT_VALUE FROM S AS X ORDER BY M DESC) WHERE SF_PIVOT_VALUE IS NOT NULL',
    );
    expect(answer).toEqual({ kind: 'select', sql: `SELECT * FROM S AS X PIVOT(SUM(A) FOR M IN ('Q1' AS "'Q1'", 'Q2' AS "'Q2'"))` });
  });

  it('reads a subquery for its values', async () => {
    const steps: string[] = [];
    const run: RunStep = async (sql) => (steps.push(sql), { names: ['V', 'T'], rows: [['1', 'INTEGER']] });
    const answer = await dynamicPivotPlan('SELECT * FROM S PIVOT(SUM(A) FOR M IN (SELECT M FROM R))')?.execute(run);
    expect(steps[0]).toContain('FROM (SELECT * FROM (SELECT M FROM R) AS SF_PIVOT_VALUES(SF_PIVOT_VALUE))');
    expect(answer).toEqual({ kind: 'select', sql: 'SELECT * FROM S PIVOT(SUM(A) FOR M IN (1 AS "1"))' });
  });

  it('plans no static pivot', () => {
    expect(dynamicPivotPlan("SELECT * FROM S PIVOT(SUM(A) FOR M IN ('X'))")).toBeNull();
  });
});
