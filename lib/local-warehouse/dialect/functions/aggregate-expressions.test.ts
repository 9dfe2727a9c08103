import { describe, expect, it } from 'vitest';
import { aggregateExpressions } from './aggregate-expressions';

describe('aggregateExpressions', () => {
  it('expands KURTOSIS into aggregates that each carry its window', () => {
    expect(aggregateExpressions('SELECT KURTOSIS(V) FROM T')).toBe('SELECT SF_KURTOSIS_OF(SF_VALUES(V), AVG((V)::DOUBLE), COUNT(V)) FROM T');
    expect(aggregateExpressions('SELECT KURTOSIS(A + B) OVER (PARTITION BY K)')).toBe(
      'SELECT SF_KURTOSIS_OF(SF_VALUES(A + B) OVER (PARTITION BY K), AVG((A + B)::DOUBLE) OVER (PARTITION BY K), COUNT(A + B) OVER (PARTITION BY K))',
    );
  });

  it('writes BOOLXOR_AGG as a count of TRUE values equal to one', () => {
    expect(aggregateExpressions('SELECT BOOLXOR_AGG(C) OVER (PARTITION BY (ID > 0))')).toBe(
      'SELECT (SF_TRUE_COUNT(C) OVER (PARTITION BY (ID > 0)) = 1)',
    );
    expect(aggregateExpressions('SELECT BOOLXOR_AGG(C) FROM T')).toBe('SELECT (SF_TRUE_COUNT(C) = 1) FROM T');
  });
});
