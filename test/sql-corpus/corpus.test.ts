/**
 * Every corpus statement through snowflake-sdk against a real local warehouse: each gives the
 * result Snowflake's documentation shows, and each known gap still fails (remove its
 * `knownGap` once it passes). At least 95% of the corpus must pass.
 */
import { describe, expect, it } from 'vitest';
import { useConnectedWarehouse } from '@/test/local-warehouse';
import { CORPUS } from './index';
import { runCase } from './run-case';

const local = useConnectedWarehouse();

const label = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, 120);

for (const [category, cases] of Object.entries(CORPUS)) {
  describe(`SQL corpus: ${category}`, () => {
    cases.forEach((corpusCase, i) => {
      const name = `${i + 1}. ${label(corpusCase.sql)} (${corpusCase.source})`;
      if (corpusCase.knownGap) {
        it(`${name} — known gap: ${corpusCase.knownGap}`, async () => {
          const outcome = await runCase(local.warehouse.connectionOptions(), corpusCase);
          expect(outcome.pass, 'this known gap now passes: drop its knownGap').toBe(false);
        });
      } else {
        it(name, async () => {
          const outcome = await runCase(local.warehouse.connectionOptions(), corpusCase);
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
