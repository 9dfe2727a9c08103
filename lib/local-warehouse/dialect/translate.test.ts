import { describe, expect, it } from 'vitest';
import type { DialectContext } from './rewrite';
import { translate } from './translate';

const context: DialectContext = {
  queryId: 'self',
  sessionId: 1,
  session: { database: 'GOOGLE_REVIEWS', schema: 'PUBLIC', warehouse: 'WH', role: 'R', user: 'U' },
  isDatabase: (name) => ['FLURRY', 'GOOGLE_REVIEWS'].includes(name.toUpperCase()),
  engineFunctions: new Set(['LIST_VALUE', 'STRFTIME']),
  nowMs: 0,
  cancelQuery: () => false,
  sessionQueryIds: async () => ['earlier'],
  storedResult: async (id) => (id === 'earlier' ? '(SELECT C0 AS "N" FROM EARLIER)' : null),
  historyTable: 'H',
  flushHistory: async () => {},
};

describe('translate', () => {
  it('resolves LAST_QUERY_ID before RESULT_SCAN reads it, upper-casing identifiers', async () => {
    expect(await translate('select n from table(result_scan(last_query_id())) // the last one', context)).toEqual({
      sql: 'SELECT N FROM (SELECT C0 AS "N" FROM EARLIER) -- the last one',
      holdMs: 0,
      randomSeed: null,
      plan: null,
    });
  });

  it('rewrites Snowflake statement forms and plans what DuckDB cannot run as one statement', async () => {
    const select = await translate('select $1 from values (1) sample (50)', context);
    expect(select.sql).toBe('SELECT #1 FROM (VALUES (1)) AS SF_VALUES_1(COLUMN1) TABLESAMPLE BERNOULLI(50 PERCENT)');
    expect(select.plan).toBeNull();
    expect((await translate('insert all into t1 into t2 select 1', context)).plan?.atomic).toBe(true);
  });

  it('adds up SYSTEM$WAIT and generator holds', async () => {
    const out = await translate('select system$wait(1), count(*) from table(generator(timelimit => 2))', context);
    expect(out.holdMs).toBe(3000);
    expect(out.sql).toBe(
      `SELECT 'waited 1 seconds', COUNT(*) FROM (SELECT RANGE AS "__GENERATOR_ROW" FROM RANGE(2000))`,
    );
  });

  it('puts the session database in front of two-part names whose schema shares a database name', async () => {
    const out = await translate('insert into google_reviews.sample_reviews select current_database() from public.t', context);
    expect(out.sql).toBe(`INSERT INTO "GOOGLE_REVIEWS".GOOGLE_REVIEWS.SAMPLE_REVIEWS SELECT 'GOOGLE_REVIEWS' FROM PUBLIC.T`);
  });

  it('rewrites RANDOM inside UNIFORM and reports the seed', async () => {
    const out = await translate('select uniform(1, 6, random(7)) from table(generator(rowcount => 2))', context);
    expect(out.randomSeed).toBeCloseTo(7 / 2 ** 31);
    expect(out.sql).toMatch(/^SELECT CAST\(1::HUGEINT \+ hash\(CAST\(FLOOR\(random\(\) .* % 6 AS BIGINT\) FROM /);
  });
});
