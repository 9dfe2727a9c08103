import { describe, expect, it } from 'vitest';
import { bindLiteral, inlineBinds } from './inline-binds';

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
    expect([null, true, false, 12, 1.5, 2n ** 70n].map(bindLiteral)).toEqual([
      'NULL',
      'TRUE',
      'FALSE',
      '12',
      "CAST('1.5' AS DOUBLE)",
      '1180591620717411303424',
    ]);
  });

  it('names a placeholder with no value', () => {
    expect(() => inlineBinds('SELECT ?, ?', [1])).toThrow(/Bind variable \? number 2 not set/);
    expect(() => inlineBinds('SELECT :3', [1])).toThrow(/Bind variable :3 not set/);
  });

  it('does nothing without binds', () => {
    expect(inlineBinds('SELECT ?', [])).toBe('SELECT ?');
  });
});
