import { describe, expect, it } from 'vitest';
import { RANDOM_BIGINT, randomFunction } from './random';

describe('randomFunction', () => {
  it('turns RANDOM() into a 64-bit integer expression, and reports no seed', () => {
    expect(randomFunction('SELECT RANDOM(), random ( ) AS R FROM T')).toEqual({
      sql: `SELECT ${RANDOM_BIGINT}, ${RANDOM_BIGINT} AS R FROM T`,
      seed: null,
    });
  });

  it('takes an integer seed as the statement\'s setseed() value in [-1, 1)', () => {
    expect(randomFunction('SELECT RANDOM(42), RANDOM(42)')).toEqual({ sql: `SELECT ${RANDOM_BIGINT}, ${RANDOM_BIGINT}`, seed: 42 / 2 ** 31 });
    expect(randomFunction('SELECT RANDOM(-7)').seed).toBe(-7 / 2 ** 31);
    expect(randomFunction('SELECT RANDOM(99999999999999999999)').seed).toBe(Number(99999999999999999999n % 2n ** 31n) / 2 ** 31);
  });

  it('leaves columns, strings and other functions named RANDOM alone', () => {
    for (const sql of ['SELECT RANDOM FROM T', "SELECT 'RANDOM()'", 'SELECT T.RANDOM(1) FROM T']) {
      expect(randomFunction(sql), sql).toEqual({ sql, seed: null });
    }
  });

  it('refuses a seed that is not an integer constant, and two different seeds', () => {
    expect(() => randomFunction('SELECT RANDOM(A) FROM T')).toThrow("argument 1 to function RANDOM needs to be an integer constant, found 'A'");
    expect(() => randomFunction('SELECT RANDOM(1.5)')).toThrow("found '1.5'");
    expect(() => randomFunction('SELECT RANDOM(1), RANDOM(2)')).toThrow('one seed per statement; found 1 and 2');
  });
});
