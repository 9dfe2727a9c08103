import { describe, expect, it } from 'vitest';
import { SnowflakeQueryError } from '../engine/snowflake-errors';
import { resultScan } from './result-scan';

describe('resultScan', () => {
  const context = {
    storedResult: async (id: string) => (id === 'q1' ? '(SELECT C0 AS "A" FROM STORED)' : null),
  };

  it('replaces the call with the stored result, keeping the alias and the rest', async () => {
    expect(await resultScan("SELECT * FROM TABLE(RESULT_SCAN('q1')) R WHERE A > 1", context)).toBe(
      'SELECT * FROM (SELECT C0 AS "A" FROM STORED) R WHERE A > 1',
    );
  });

  it("fails like Snowflake for a result it does not have", async () => {
    await expect(resultScan("SELECT * FROM TABLE(RESULT_SCAN('nope'))", context)).rejects.toMatchObject({
      snowflake: { code: '000709', message: 'Statement nope not found' },
    });
    await expect(resultScan('SELECT * FROM TABLE(RESULT_SCAN(1))', context)).rejects.toBeInstanceOf(SnowflakeQueryError);
  });
});
