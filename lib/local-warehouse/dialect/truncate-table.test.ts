import { describe, expect, it } from 'vitest';
import type { RunStep } from './plan-steps';
import { truncateTablePlan } from './truncate-table';

const missingTable = () =>
  Object.assign(new Error('Catalog Error: {"exception_type":"Catalog","exception_message":"Table with name T does not exist!","name":"T","type":"Table"}'));

describe('truncateTablePlan', () => {
  it('truncates and answers the status row, whatever DuckDB counted', async () => {
    const steps: string[] = [];
    const run: RunStep = async (sql) => (steps.push(sql), { names: ['Count'], rows: [[5n]] });
    const plan = truncateTablePlan('TRUNCATE TABLE S.T');
    expect(await plan?.execute(run)).toEqual({ kind: 'status', message: 'Statement executed successfully.' });
    expect(steps).toEqual(['TRUNCATE TABLE S.T']);
  });

  it('takes a missing table as done with IF EXISTS, as an error without', async () => {
    const run: RunStep = async () => {
      throw missingTable();
    };
    await expect(truncateTablePlan('TRUNCATE IF EXISTS T')?.execute(run)).resolves.toEqual({ kind: 'status', message: 'Statement executed successfully.' });
    await expect(truncateTablePlan('TRUNCATE T')?.execute(run)).rejects.toThrow(/does not exist/);
  });

  it('plans nothing else', () => {
    expect(truncateTablePlan('SELECT 1')).toBeNull();
    expect(truncateTablePlan('TRUNCATE TABLE T EXTRA')).toBeNull();
  });
});
