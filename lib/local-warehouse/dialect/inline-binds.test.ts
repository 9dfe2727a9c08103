import { describe, expect, it } from 'vitest';
import { SnowflakeQueryError } from '../engine/snowflake-errors';
import { bindLiteral, inlineBinds } from './inline-binds';

function errorOf(run: () => unknown): SnowflakeQueryError {
  try {
    run();
  } catch (error) {
    if (error instanceof SnowflakeQueryError) return error;
    throw error;
  }
  throw new Error('expected a SnowflakeQueryError');
}

describe('inlineBinds', () => {
  it('replaces ? placeholders in order', () => {
    expect(inlineBinds('SELECT ? AS n, ? AS s', [1, 'a'])).toBe("SELECT 1 AS n, 'a' AS s");
  });

  it('replaces :n placeholders by position, and may repeat one', () => {
    expect(inlineBinds('SELECT :2, :1, :2', ['x', 7])).toBe("SELECT 7, 'x', 7");
  });

  it('leaves casts, JSON paths, strings and comments alone', () => {
    const sql = "SELECT v:a, x::int, '?', \"?\" -- ?\nFROM t WHERE id = ?";
    expect(inlineBinds(sql, [5])).toBe("SELECT v:a, x::int, '?', \"?\" -- ?\nFROM t WHERE id = 5");
  });

  it('quotes values so that a bound value never becomes SQL', () => {
    expect(inlineBinds('SELECT ?', ["x'); DROP TABLE t; --"])).toBe("SELECT 'x''); DROP TABLE t; --'");
  });

  it('spells backslashes so a later lexing cannot read an escaped quote', () => {
    expect(bindLiteral('a\\')).toBe("('a' || chr(92) || '')");
  });

  it('writes each type as a literal of that type', () => {
    expect([null, true, false, 12, 1.5, 2n ** 70n, new Uint8Array([1, 171])].map(bindLiteral)).toEqual([
      'NULL',
      'TRUE',
      'FALSE',
      '12',
      "CAST('1.5' AS DOUBLE)",
      '1180591620717411303424',
      "'01ab'::BINARY",
    ]);
  });

  it('writes dates and times in UTC, to the nanosecond, before and after 1970', () => {
    const nanos = 1_704_164_645_123_456_789n; // 2024-01-02 03:04:05.123456789 UTC
    expect(bindLiteral({ type: 'DATE', nanos: 1_704_153_600_000_000_000n })).toBe("DATE '2024-01-02'");
    expect(bindLiteral({ type: 'TIME', nanos: 36_672_500_000_001n })).toBe("TIME '10:11:12.500000001'");
    expect(bindLiteral({ type: 'TIMESTAMP_NTZ', nanos })).toBe("TIMESTAMP '2024-01-02 03:04:05.123456789'");
    expect(bindLiteral({ type: 'TIMESTAMP_LTZ', nanos })).toBe("TIMESTAMPTZ '2024-01-02 03:04:05.123456789+00'");
    expect(bindLiteral({ type: 'TIMESTAMP_TZ', nanos: -1n })).toBe("TIMESTAMPTZ '1969-12-31 23:59:59.999999999+00'");
  });

  it("fails a placeholder with no value with Snowflake's 002049, naming it and where it is", () => {
    const missing = errorOf(() => inlineBinds('SELECT ?,\n  ?', [1])).snowflake;
    expect(missing).toEqual({
      code: '002049',
      sqlState: '42601',
      message: 'SQL compilation error: error line 2 at position 2\nBind variable ? not set.',
    });
    expect(errorOf(() => inlineBinds('SELECT :3', [1])).message).toBe('SQL compilation error: error line 1 at position 7\nBind variable :3 not set.');
    expect(errorOf(() => inlineBinds('SELECT ?', [])).message).toContain('Bind variable ? not set.');
  });

  it('leaves a statement without placeholders alone, slices and paths included', () => {
    expect(inlineBinds('SELECT 1', [])).toBe('SELECT 1');
    expect(inlineBinds("SELECT '?'", [7])).toBe("SELECT '?'");
    expect(inlineBinds('SELECT l[1:2], l[a:3], f(x):1 FROM t', [])).toBe('SELECT l[1:2], l[a:3], f(x):1 FROM t');
  });

  it('finds :n after operators, commas and keywords, with or without a space', () => {
    expect(inlineBinds('SELECT :1 WHERE id=:2 AND v IN(:1,:2)', ['a', 5])).toBe("SELECT 'a' WHERE id=5 AND v IN('a',5)");
  });
});

describe('inlineBinds with array binding', () => {
  it('repeats the VALUES tuple once per row', () => {
    const sql = 'INSERT INTO t (a, b, c) VALUES (?, :2, 0)';
    expect(inlineBinds(sql, [[1, 2], ['x', null]])).toBe("INSERT INTO t (a, b, c) VALUES (1, 'x', 0), (2, NULL, 0)");
  });

  it('refuses array binding where there is no single VALUES tuple to repeat', () => {
    for (const sql of ['SELECT ?', 'INSERT INTO t SELECT ?', 'INSERT INTO t VALUES (?), (?)', 'UPDATE t SET a = ?']) {
      const error = errorOf(() => inlineBinds(sql, [[1, 2], [3, 4]])).snowflake;
      expect(error.code, sql).toBe('000002');
      expect(error.message, sql).toContain('array binding other than INSERT … VALUES (…)');
    }
  });
});
