import { describe, expect, it } from 'vitest';
import { uniformFunction } from './uniform';

describe('uniformFunction', () => {
  it('maps the generator onto an integer range when both bounds are integers', () => {
    expect(uniformFunction('SELECT UNIFORM(1, 10, G) FROM T')).toBe('SELECT CAST(1::HUGEINT + hash(G) % 10 AS BIGINT) FROM T');
    expect(uniformFunction('SELECT UNIFORM(-5, -5, 42)')).toBe('SELECT CAST(-5::HUGEINT + hash(42) % 1 AS BIGINT)');
    expect(uniformFunction('SELECT UNIFORM(0, 1.6::DECIMAL(38, 0), G)')).toBe('SELECT CAST(0::HUGEINT + hash(G) % 3 AS BIGINT)');
  });

  it('gives a float when either bound is written or cast as one', () => {
    expect(uniformFunction('SELECT UNIFORM(0::DOUBLE, 1::DOUBLE, G)')).toBe(`SELECT (0::DOUBLE + hash(G)::DOUBLE * ${1 / 2 ** 64})`);
    expect(uniformFunction('SELECT UNIFORM(-1, 1.0, F(X, Y))')).toBe(`SELECT (-1::DOUBLE + hash(F(X, Y))::DOUBLE * ${2 / 2 ** 64})`);
  });

  it('leaves other names alone', () => {
    for (const sql of ['SELECT UNIFORM FROM T', "SELECT 'UNIFORM(1, 2, 3)'", 'SELECT S.UNIFORM(1, 2, 3)']) {
      expect(uniformFunction(sql), sql).toBe(sql);
    }
  });

  it('refuses bounds that are not constants, reversed bounds and a wrong argument count', () => {
    expect(() => uniformFunction('SELECT UNIFORM(1, X, G)')).toThrow("argument 2 to function UNIFORM needs to be constant, found 'X'");
    expect(() => uniformFunction('SELECT UNIFORM(1 + 1, 3, G)')).toThrow("argument 1 to function UNIFORM needs to be constant, found '1 + 1'");
    expect(() => uniformFunction('SELECT UNIFORM(10, 1, G)')).toThrow('UNIFORM: min (10) must not be greater than max (1).');
    expect(() => uniformFunction('SELECT UNIFORM(1, 2)')).toThrow('UNIFORM takes 3 arguments (min, max, gen); got 2.');
  });
});
