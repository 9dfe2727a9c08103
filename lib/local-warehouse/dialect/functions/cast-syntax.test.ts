import { isSymbol } from '@/lib/domain/sql/lexer';
import { describe, expect, it } from 'vitest';
import { significantTokens, sourceOf } from '../tokens';
import { castOperandStart, typeEnd } from './cast-syntax';

/** The operand and type of the last `::` in sql. */
function lastCast(sql: string): [string, string] {
  const tokens = significantTokens(sql);
  const colons = tokens.map((token, i) => (isSymbol(token, '::') ? i : -1)).filter((i) => i >= 0).pop() as number;
  return [sourceOf(sql, tokens, castOperandStart(tokens, colons), colons), sourceOf(sql, tokens, colons + 1, typeEnd(tokens, colons + 1) + 1)];
}

describe('castOperandStart and typeEnd', () => {
  it('take the primary expression before :: and the type after it', () => {
    expect(lastCast('SELECT a + t.b::DECIMAL(5, 2) FROM t')).toEqual(['t.b', 'DECIMAL(5, 2)']);
    expect(lastCast("SELECT f(x, 'y')::VARCHAR")).toEqual(["f(x, 'y')", 'VARCHAR']);
    expect(lastCast('SELECT (a + b)::BIGINT[]')).toEqual(['(a + b)', 'BIGINT[]']);
    expect(lastCast("SELECT CASE WHEN x THEN 'a' END::VARCHAR")).toEqual(["CASE WHEN x THEN 'a' END", 'VARCHAR']);
    expect(lastCast("SELECT DATE '2024-01-01'::VARCHAR")).toEqual(["DATE '2024-01-01'", 'VARCHAR']);
    expect(lastCast('SELECT ROW_NUMBER() OVER (ORDER BY x)::VARCHAR')).toEqual(['ROW_NUMBER() OVER (ORDER BY x)', 'VARCHAR']);
  });

  it('takes a whole cast chain and a signed literal, but not a keyword before a parenthesis', () => {
    expect(lastCast('SELECT x::DATE::VARCHAR')).toEqual(['x::DATE', 'VARCHAR']);
    expect(lastCast('SELECT -1::VARCHAR')).toEqual(['-1', 'VARCHAR']);
    expect(lastCast('SELECT 3 - 1::BIGINT')).toEqual(['1', 'BIGINT']);
    expect(lastCast('SELECT 1 WHERE (x = 1)::BOOLEAN')).toEqual(['(x = 1)', 'BOOLEAN']);
    expect(lastCast('SELECT [1, 2]::BIGINT[]')).toEqual(['[1, 2]', 'BIGINT[]']);
  });
});
