import { describe, expect, it } from 'vitest';
import { alterTableColumnsPlan } from './alter-table-columns';
import type { RunStep } from './plan-steps';

async function steps(sql: string): Promise<string[]> {
  const ran: string[] = [];
  const run: RunStep = async (step) => (ran.push(step), { names: [], rows: [] });
  const plan = alterTableColumnsPlan(sql);
  expect(plan?.atomic).toBe(true);
  expect(await plan?.execute(run)).toEqual({ kind: 'status', message: 'Statement executed successfully.' });
  return ran;
}

describe('alterTableColumnsPlan', () => {
  it('adds several columns one ALTER each', async () => {
    expect(await steps('ALTER TABLE T1 ADD COLUMN A2 NUMBER, A3 VARCHAR DEFAULT \'x\'')).toEqual([
      'ALTER TABLE T1 ADD COLUMN A2 NUMBER',
      "ALTER TABLE T1 ADD COLUMN A3 VARCHAR DEFAULT 'x'",
    ]);
    expect(await steps('ALTER TABLE IF EXISTS S.T1 ADD IF NOT EXISTS A2 INT, A3 INT')).toEqual([
      'ALTER TABLE IF EXISTS S.T1 ADD COLUMN IF NOT EXISTS A2 INT',
      'ALTER TABLE IF EXISTS S.T1 ADD COLUMN IF NOT EXISTS A3 INT',
    ]);
  });

  it('drops several columns one ALTER each', async () => {
    expect(await steps('ALTER TABLE T1 DROP COLUMN IF EXISTS A2, A3')).toEqual(['ALTER TABLE T1 DROP COLUMN IF EXISTS A2', 'ALTER TABLE T1 DROP COLUMN IF EXISTS A3']);
  });

  it('leaves one column, and other ALTERs, to DuckDB', () => {
    expect(alterTableColumnsPlan('ALTER TABLE T1 ADD COLUMN A2 DECIMAL(10, 2)')).toBeNull();
    expect(alterTableColumnsPlan('ALTER TABLE T1 RENAME TO T2')).toBeNull();
  });
});
