import { describe, expect, it } from 'vitest';
import { windowFunctions } from './window-functions';

describe('windowFunctions', () => {
  it('moves IGNORE NULLS into the parentheses and drops RESPECT NULLS', () => {
    expect(windowFunctions('SELECT LAG(C, 1, 0) IGNORE NULLS OVER (ORDER BY K)')).toBe('SELECT LAG(C, 1, 0 IGNORE NULLS) OVER (ORDER BY K)');
    expect(windowFunctions('SELECT LEAD(C) RESPECT NULLS OVER (ORDER BY K)')).toBe('SELECT LEAD(C) OVER (ORDER BY K)');
    expect(windowFunctions('SELECT LAG(C) OVER (ORDER BY K)')).toBe('SELECT LAG(C) OVER (ORDER BY K)');
  });

  it('gives FIRST_VALUE, LAST_VALUE and NTH_VALUE the whole partition as their default frame', () => {
    expect(windowFunctions('SELECT LAST_VALUE(C) OVER (PARTITION BY P ORDER BY O)')).toBe(
      'SELECT LAST_VALUE(C) OVER (PARTITION BY P ORDER BY O ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)',
    );
    expect(windowFunctions('SELECT NTH_VALUE(C, 2) FROM FIRST IGNORE NULLS OVER (ORDER BY O)')).toBe(
      'SELECT NTH_VALUE(C, 2 IGNORE NULLS) OVER (ORDER BY O ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)',
    );
    for (const sql of [
      'SELECT FIRST_VALUE(C) OVER (PARTITION BY P)',
      'SELECT FIRST_VALUE(C) OVER (ORDER BY O ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)',
    ]) {
      expect(windowFunctions(sql), sql).toBe(sql);
    }
    expect(() => windowFunctions('SELECT NTH_VALUE(C, 2) FROM LAST OVER (ORDER BY O)')).toThrow("Unsupported feature 'NTH_VALUE … FROM LAST'");
  });

  it('computes RATIO_TO_REPORT over the partition alone', () => {
    expect(windowFunctions('SELECT 100 * RATIO_TO_REPORT(P) OVER (PARTITION BY R ORDER BY P)')).toBe(
      'SELECT 100 * SF_RATIO(P, SUM(P) OVER (PARTITION BY R))',
    );
    expect(windowFunctions('SELECT RATIO_TO_REPORT(P) OVER ()')).toBe('SELECT SF_RATIO(P, SUM(P) OVER ())');
  });

  it('counts events from the partition start to the current row', () => {
    expect(windowFunctions('SELECT CONDITIONAL_TRUE_EVENT(O > 2) OVER (PARTITION BY P ORDER BY O)')).toBe(
      'SELECT SUM(CASE WHEN SF_AGG_BOOLEAN(O > 2) THEN 1 ELSE 0 END) OVER (PARTITION BY P ORDER BY O ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)',
    );
    expect(windowFunctions('SELECT CONDITIONAL_CHANGE_EVENT(V = 0) OVER (ORDER BY TS)')).toBe(
      'SELECT SF_CHANGE_EVENTS(SF_VALUES(V = 0) OVER (ORDER BY TS ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))',
    );
    expect(() => windowFunctions('SELECT CONDITIONAL_TRUE_EVENT(LAG(O) OVER (ORDER BY O) > 1) OVER (ORDER BY O)')).toThrow(
      "Unsupported feature 'CONDITIONAL_TRUE_EVENT of an expression with a window function'",
    );
  });

  it('rewrites a window function inside another one', () => {
    expect(windowFunctions('SELECT RATIO_TO_REPORT(LAG(C) IGNORE NULLS OVER (ORDER BY K)) OVER ()')).toBe(
      'SELECT SF_RATIO(LAG(C IGNORE NULLS) OVER (ORDER BY K), SUM(LAG(C IGNORE NULLS) OVER (ORDER BY K)) OVER ())',
    );
  });
});
