import { describe, expect, it } from 'vitest';
import { lex } from './lexer';
import { identifierName, isPlainIdentifier, sqlIdentifier, sqlStringLiteral, stringValue } from './literals';

const token = (sql: string) => lex(sql)[0];

describe('sqlIdentifier', () => {
  it.each([
    ['CPU_S', 'CPU_S'],
    ['WH$1', 'WH$1'],
    ['_X', '_X'],
    ['cpu_s', '"cpu_s"'],
    ['1POOL', '"1POOL"'],
    ['MY POOL', '"MY POOL"'],
    ['SELECT', '"SELECT"'],
    ['A"B', '"A""B"'],
  ])('%s → %s', (name, sql) => {
    expect(sqlIdentifier(name)).toBe(sql);
    expect(identifierName(token(sql))).toBe(name);
  });

  it('knows which names need no quotes', () => {
    expect([isPlainIdentifier('POOL'), isPlainIdentifier('Pool'), isPlainIdentifier('TABLE'), isPlainIdentifier('')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('sqlStringLiteral', () => {
  it.each(["it's", 'back\\slash', "both \\' mixed", 'line\nbreak', ''])('round-trips %j through the lexer', (value) => {
    const literal = sqlStringLiteral(value);
    expect(lex(literal)).toHaveLength(1);
    expect(stringValue(token(literal))).toBe(value);
  });
});
