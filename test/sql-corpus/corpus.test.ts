/**
 * Every corpus statement through snowflake-sdk against a real local warehouse: each gives the
 * result Snowflake's documentation shows, and each known gap still fails (remove its
 * `knownGap` once it passes). At least 95% of the corpus must pass. No answer, to a corpus
 * statement or to one of the malformed ones, may give the engine underneath away: every error
 * message and column name is checked against engine-words.ts.
 */
import { describe, expect, it } from 'vitest';
import { engineWordsIn } from '@/lib/local-warehouse/engine/engine-words';
import { useConnectedWarehouse } from '@/test/local-warehouse';
import { CORPUS } from './index';
import { MALFORMED, MALFORMED_SETUP } from './malformed';
import { answerOf, runCase, type CaseOutcome } from './run-case';

const local = useConnectedWarehouse();

const label = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, 120);

/**
 * The answers that give the engine away, with the word that does. A word the statement itself
 * wrote is the user's, not a leak: "Unknown function LIST_VALUE" answers `SELECT list_value(1)`.
 */
function leaks(said: string[], ...written: string[]): string[] {
  const own = written.join('\n').toUpperCase();
  return said.flatMap((text) =>
    engineWordsIn(text)
      .filter((word) => !own.includes(word.toUpperCase()))
      .map((word) => `${word} in: ${text}`),
  );
}

async function judged(corpusCase: Parameters<typeof runCase>[1]): Promise<CaseOutcome> {
  const outcome = await runCase(local.warehouse.connectionOptions(), corpusCase);
  expect(leaks(outcome.said, corpusCase.sql, ...(corpusCase.setup ?? []))).toEqual([]);
  return outcome;
}

for (const [category, cases] of Object.entries(CORPUS)) {
  describe(`SQL corpus: ${category}`, () => {
    cases.forEach((corpusCase, i) => {
      const name = `${i + 1}. ${label(corpusCase.sql)} (${corpusCase.source})`;
      if (corpusCase.knownGap) {
        it(`${name} — known gap: ${corpusCase.knownGap}`, async () => {
          const outcome = await judged(corpusCase);
          expect(outcome.pass, 'this known gap now passes: drop its knownGap').toBe(false);
        });
      } else {
        it(name, async () => {
          const outcome = await judged(corpusCase);
          expect(outcome.reason ?? 'passed').toBe('passed');
        });
      }
    });
  });
}

describe('SQL corpus size and pass rate', () => {
  const all = Object.values(CORPUS).flat();
  it('at least 95% of the corpus is expected to pass', () => {
    const passing = all.filter((corpusCase) => !corpusCase.knownGap).length;
    expect(passing / all.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe(`malformed statements (${MALFORMED.length}) answer in Snowflake's words`, () => {
  it('sets up the tables they read', async () => {
    for (const statement of MALFORMED_SETUP) expect(leaks(await answerOf(local.connection, statement), statement)).toEqual([]);
  });
  it.each(MALFORMED.map((sql) => [label(sql), sql]))('%s', async (_label, sql) => {
    expect(leaks(await answerOf(local.connection, sql), sql)).toEqual([]);
  });
});
