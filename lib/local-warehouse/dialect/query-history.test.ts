import { describe, expect, it } from 'vitest';
import { queryHistory } from './query-history';

describe('queryHistory', () => {
  const context = { historyTable: 'H', sessionId: 42, nowMs: 1000, flushHistory: async () => {} };

  it('replaces the table function with a limited, newest-first read of the history', async () => {
    const sql = await queryHistory(
      'SELECT QUERY_ID FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY(RESULT_LIMIT => 5)) WHERE EXECUTION_STATUS = 1',
      context,
    );
    expect(sql).toMatch(/^SELECT QUERY_ID FROM \(SELECT QUERY_ID, QUERY_TEXT, .* FROM H WHERE .* ORDER BY QUEUED_MS DESC, QUERY_ID DESC LIMIT 5\) WHERE EXECUTION_STATUS = 1$/);
    expect(sql).toContain('(ENDED_MS IS NULL OR (TRUE))');
  });

  it('applies the end-time range and the session filter inside the function', async () => {
    const sql = await queryHistory(
      'SELECT * FROM TABLE(FLURRY.INFORMATION_SCHEMA.QUERY_HISTORY_BY_SESSION(END_TIME_RANGE_END => X))',
      context,
    );
    expect(sql).toContain('WHERE ENDED_MS IS NOT NULL AND EPOCH_MS(ENDED_MS)::TIMESTAMPTZ <= (X) AND SESSION_ID = (42)');
    expect(sql).toContain('LIMIT 100');
  });

  it('rejects unknown arguments and out-of-range limits, and waits for history first', async () => {
    await expect(queryHistory('SELECT * FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY(FOO => 1))', context)).rejects.toMatchObject({
      snowflake: { message: expect.stringContaining("QUERY_HISTORY takes named arguments") },
    });
    await expect(
      queryHistory('SELECT * FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY(RESULT_LIMIT => 10001))', context),
    ).rejects.toMatchObject({ snowflake: { message: expect.stringContaining('between 1 and 10000') } });
    let flushed = false;
    await queryHistory('SELECT * FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY())', {
      ...context,
      flushHistory: async () => void (flushed = true),
    });
    expect(flushed).toBe(true);
  });
});
