import { describe, expect, it } from 'vitest';
import { numericRounding, unitLiteral } from './numeric-rounding';

describe('numericRounding', () => {
  it('leaves what DuckDB rounds as Snowflake does alone', () => {
    for (const sql of ['SELECT ROUND(X)', 'SELECT ROUND(X, 2)', 'SELECT TRUNC(X, -1)', 'SELECT CEIL(X)', 'SELECT S.ROUND(X, 2)', "SELECT 'ROUND(X, S)'"]) {
      expect(numericRounding(sql), sql).toBe(sql);
    }
  });

  it('gives CEIL and FLOOR a constant scale with its unit, clamped to ±38', () => {
    expect(numericRounding('SELECT CEIL(N, 1), FLOOR(N, -2), CEILING(N, 0)')).toBe(
      'SELECT SF_CEIL(N, 1, 0.1), SF_FLOOR(N, -2, 100), SF_CEIL(N, 0, 1)',
    );
    expect(numericRounding('SELECT FLOOR(N, 50)')).toBe(`SELECT SF_FLOOR(N, 38, ${unitLiteral(38)})`);
  });

  it('computes a scale that is not a constant on FLOAT', () => {
    expect(numericRounding('SELECT ROUND(N, S), TRUNCATE(N, S), CEIL(N, S + 1), FLOOR(N, S)')).toBe(
      'SELECT SF_ROUND_DYNAMIC(N, S), SF_TRUNC_DYNAMIC(N, S), SF_CEIL_DYNAMIC(N, S + 1), SF_FLOOR_DYNAMIC(N, S)',
    );
  });

  it('takes named arguments in any order, and the rounding mode', () => {
    expect(numericRounding('SELECT ROUND(EXPR => -2.5, SCALE => 0)')).toBe('SELECT ROUND(-2.5, 0)');
    expect(numericRounding("SELECT ROUND(SCALE => 1, EXPR => X, ROUNDING_MODE => 'HALF_TO_EVEN')")).toBe('SELECT SF_ROUND_HALF_EVEN(X, 1)');
    expect(numericRounding("SELECT ROUND(X, 0, 'half_away_from_zero'), ROUND(X, S, 'HALF_TO_EVEN')")).toBe(
      'SELECT SF_ROUND_HALF_AWAY(X, 0), SF_ROUND_HALF_EVEN_DYNAMIC(X, S)',
    );
  });

  it('refuses an unknown rounding mode or argument name', () => {
    expect(() => numericRounding("SELECT ROUND(X, 0, 'UP')")).toThrow("Invalid value ['UP'] for ROUND's rounding mode");
    expect(() => numericRounding('SELECT ROUND(VALUE => X, SCALE => 1)')).toThrow("invalid argument name 'VALUE' for function ROUND");
    expect(() => numericRounding('SELECT ROUND(SCALE => 1)')).toThrow("argument 'EXPR' is missing for function ROUND");
  });

  it('routes TRUNC of a date or time part to DATE_TRUNC, and TRUNCATE to TRUNC', () => {
    expect(numericRounding("SELECT TRUNC(D, 'month'), TRUNCATE(T, 'hour')")).toBe("SELECT DATE_TRUNC('month', D), DATE_TRUNC('hour', T)");
    expect(numericRounding('SELECT TRUNCATE(X), TRUNCATE(X, 2)')).toBe('SELECT TRUNC(X), TRUNC(X, 2)');
  });

  it('rewrites calls nested in one another', () => {
    expect(numericRounding('SELECT CEIL(FLOOR(N, S), 1)')).toBe('SELECT SF_CEIL(SF_FLOOR_DYNAMIC(N, S), 1, 0.1)');
  });
});

describe('unitLiteral', () => {
  it('is 10^-scale written out', () => {
    expect([unitLiteral(3), unitLiteral(0), unitLiteral(-2)]).toEqual(['0.001', '1', '100']);
  });
});
