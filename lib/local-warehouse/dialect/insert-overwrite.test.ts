import { describe, expect, it } from 'vitest';
import { insertOverwritePlan } from './insert-overwrite';
import type { RunStep } from './plan-steps';

function recorder(count = 2) {
  const steps: string[] = [];
  const run: RunStep = async (sql) => (steps.push(sql), { names: ['Count'], rows: [[BigInt(count)]] });
  return { steps, run };
}

describe('insertOverwritePlan', () => {
  it('reads the source first, then empties and fills the table, atomically', async () => {
    const { steps, run } = recorder(3);
    const plan = insertOverwritePlan('INSERT OVERWRITE INTO T (A, B) SELECT A, B FROM T WHERE A > 1');
    expect(plan?.atomic).toBe(true);
    expect(await plan?.execute(run)).toEqual({ kind: 'counts', names: ['number of rows inserted'], counts: [3], rows: 3 });
    expect(steps[0]).toMatch(/^CREATE TEMP TABLE temp\.main\.SF_OVERWRITE_SOURCE_\w+ AS SELECT A, B FROM T WHERE A > 1$/);
    expect(steps[1]).toBe('DELETE FROM T');
    expect(steps[2]).toMatch(/^INSERT INTO T \(A, B\) SELECT \* FROM temp\.main\.SF_OVERWRITE_SOURCE_/);
    expect(steps[3]).toMatch(/^DROP TABLE temp\.main\.SF_OVERWRITE_SOURCE_/);
  });

  it('takes a VALUES list as its source', async () => {
    const { steps, run } = recorder();
    await insertOverwritePlan("INSERT OVERWRITE INTO T VALUES (1, 'a'), (2, 'b')")?.execute(run);
    expect(steps[0]).toMatch(/AS SELECT \* FROM \(VALUES \(1, 'a'\), \(2, 'b'\)\)$/);
  });

  it('plans no plain INSERT', () => {
    expect(insertOverwritePlan('INSERT INTO T VALUES (1)')).toBeNull();
  });
});
