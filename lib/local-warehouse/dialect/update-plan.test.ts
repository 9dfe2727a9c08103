import { describe, expect, it } from 'vitest';
import type { StepResult } from './plan-steps';
import { updateCounts, updatePlan } from './update-plan';

describe('updateCounts', () => {
  it('counts target rows and those joined more than once', () => {
    expect(updateCounts('UPDATE TARGET SET V = SRC.V FROM SRC WHERE TARGET.K = SRC.K')).toBe(
      'SELECT COUNT(*), COUNT(*) FILTER (WHERE SF_JOINED > 1) FROM (SELECT TARGET.rowid, COUNT(*) AS SF_JOINED FROM TARGET, SRC WHERE TARGET.K = SRC.K GROUP BY TARGET.rowid)',
    );
    expect(updateCounts('UPDATE T AS A SET V = (SELECT 1 FROM X) FROM (SELECT K, MIN(V) V FROM S GROUP BY K) B JOIN C ON C.K = B.K;')).toBe(
      'SELECT COUNT(*), COUNT(*) FILTER (WHERE SF_JOINED > 1) FROM (SELECT A.rowid, COUNT(*) AS SF_JOINED FROM T AS A, (SELECT K, MIN(V) V FROM S GROUP BY K) B JOIN C ON C.K = B.K GROUP BY A.rowid)',
    );
  });

  it('is null for an UPDATE without FROM, whose count DuckDB gives', () => {
    expect(updateCounts('UPDATE T SET V = (SELECT MAX(V) FROM S) WHERE K = 1')).toBeNull();
    expect(updateCounts('DELETE FROM T')).toBeNull();
  });
});

describe('updatePlan', () => {
  it('answers the counts taken before the UPDATE ran', async () => {
    const ran: string[] = [];
    const run = async (sql: string): Promise<StepResult> => {
      ran.push(sql);
      return { names: [], rows: sql.startsWith('SELECT') ? [[1n, 1n]] : [[3n]] };
    };
    const sql = 'UPDATE TARGET SET V = SRC.V FROM SRC WHERE TARGET.K = SRC.K';
    expect(await updatePlan(sql)?.execute(run)).toEqual({
      kind: 'counts',
      names: ['number of rows updated', 'number of multi-joined rows updated'],
      counts: [1, 1],
      rows: 1,
    });
    expect(ran[1]).toBe(sql);
  });
});
