import { describe, expect, it } from 'vitest';
import type { DialectContext } from './rewrite';
import { translate } from './translate';

const context: DialectContext = {
  queryId: 'self',
  sessionId: 1,
  nowMs: 0,
  cancelQuery: () => false,
  sessionQueryIds: async () => ['earlier'],
  storedResult: async (id) => (id === 'earlier' ? '(SELECT C0 AS "N" FROM EARLIER)' : null),
  binds: [],
    historyTable: 'H',
  flushHistory: async () => {},
};

describe('translate', () => {
  it('resolves LAST_QUERY_ID before RESULT_SCAN reads it, upper-casing identifiers', async () => {
    expect(await translate('select n from table(result_scan(last_query_id())) // the last one', context)).toEqual({
      sql: 'SELECT N FROM (SELECT C0 AS "N" FROM EARLIER) -- the last one',
      holdMs: 0,
    });
  });

  it('adds up SYSTEM$WAIT and generator holds', async () => {
    const out = await translate('select system$wait(1), count(*) from table(generator(timelimit => 2))', context);
    expect(out.holdMs).toBe(3000);
    expect(out.sql).toBe(
      `SELECT 'waited 1 seconds', COUNT(*) FROM (SELECT RANGE AS "__GENERATOR_ROW" FROM RANGE(2000))`,
    );
  });
});
