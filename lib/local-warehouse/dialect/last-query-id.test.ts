import { describe, expect, it } from 'vitest';
import { lastQueryId } from './last-query-id';

describe('lastQueryId', () => {
  const context = { sessionId: 7, sessionQueryIds: async (id: number) => (id === 7 ? ['a', 'b', 'c'] : []) };

  it('resolves to the session query counted from the end or the start', async () => {
    expect(await lastQueryId('SELECT LAST_QUERY_ID(), LAST_QUERY_ID(-2), LAST_QUERY_ID(1)', context)).toBe(
      "SELECT 'c', 'b', 'a'",
    );
  });

  it('gives NULL when there is no such query and leaves other SQL untouched', async () => {
    expect(await lastQueryId('SELECT LAST_QUERY_ID(-9)', context)).toBe('SELECT NULL');
    expect(await lastQueryId("SELECT 'LAST_QUERY_ID()'", context)).toBe("SELECT 'LAST_QUERY_ID()'");
  });
});
