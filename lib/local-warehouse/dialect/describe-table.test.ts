import { describe, expect, it } from 'vitest';
import { describeTablePlan } from './describe-table';
import type { RunStep } from './plan-steps';

describe('describeTablePlan', () => {
  it("reads the table's columns under Snowflake's names and types", async () => {
    const run: RunStep = async () => ({ names: ['1'], rows: [[1]] });
    const answer = await describeTablePlan('DESC TABLE S.T TYPE = COLUMNS')?.execute(run);
    expect(answer?.kind).toBe('select');
    const sql = answer?.kind === 'select' ? answer.sql : '';
    expect(sql).toMatch(/^SELECT c\.column_name AS "name", CASE/);
    expect(sql).toContain(`THEN 'NUMBER(38,0)'`);
    expect(sql).toContain(`AS "null?"`);
    expect(sql).toContain("c.schema_name = 'S' AND c.table_name = 'T' ORDER BY c.column_index");
  });

  it('answers a missing table as a missing object', async () => {
    const run: RunStep = async () => ({ names: ['1'], rows: [] });
    await expect(describeTablePlan('DESCRIBE TABLE NOSUCH')?.execute(run)).rejects.toThrow(/Object 'NOSUCH' does not exist/);
  });

  it('plans no other DESCRIBE', () => {
    expect(describeTablePlan('DESCRIBE VIEW V')).toBeNull();
    expect(describeTablePlan('DESCRIBE TABLE T TYPE = STAGE')).toBeNull();
  });
});
