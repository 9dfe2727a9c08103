import { describe, expect, it } from 'vitest';
import { sampleClauses } from './sample-clause';

describe('sampleClauses', () => {
  it('samples rows by a percentage, Bernoulli unless told otherwise', () => {
    expect(sampleClauses('SELECT * FROM T SAMPLE (10)')).toBe('SELECT * FROM T TABLESAMPLE BERNOULLI(10 PERCENT)');
    expect(sampleClauses('SELECT * FROM T TABLESAMPLE ROW (2.5)')).toBe('SELECT * FROM T TABLESAMPLE BERNOULLI(2.5 PERCENT)');
    expect(sampleClauses('SELECT * FROM T AS X SAMPLE BLOCK (50)')).toBe('SELECT * FROM T AS X TABLESAMPLE SYSTEM(50 PERCENT)');
  });

  it('takes a fixed number of rows and a seed', () => {
    expect(sampleClauses('SELECT * FROM T SAMPLE (3 ROWS)')).toBe('SELECT * FROM T TABLESAMPLE RESERVOIR(3 ROWS)');
    expect(sampleClauses('SELECT * FROM T SAMPLE SYSTEM (20) SEED (7)')).toBe('SELECT * FROM T TABLESAMPLE SYSTEM(20 PERCENT) REPEATABLE (7)');
    expect(sampleClauses('SELECT * FROM (SELECT 1) S SAMPLE (50) REPEATABLE (1) WHERE TRUE')).toBe(
      'SELECT * FROM (SELECT 1) S TABLESAMPLE BERNOULLI(50 PERCENT) REPEATABLE (1) WHERE TRUE',
    );
  });

  it('leaves a column or function named SAMPLE alone', () => {
    expect(sampleClauses('SELECT SAMPLE, SAMPLE(X) FROM T')).toBe('SELECT SAMPLE, SAMPLE(X) FROM T');
  });
});
