import { describe, expect, it } from 'vitest';
import { applyEdits, caseStart, closingParen, identifierName, numberValue, openingBracket, significantTokens, splitTopLevel, stringValue } from './tokens';

describe('dialect token helpers', () => {
  it('applies non-overlapping edits in any order', () => {
    expect(applyEdits('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 0, end: 1, text: 'AA' }])).toBe('AAbcdEf');
  });

  it('finds the matching parenthesis and splits top-level arguments', () => {
    const tokens = significantTokens("f(a, g(b, c), [d, e], 'x,y')");
    const close = closingParen(tokens, 1);
    expect(close).toBe(tokens.length - 1);
    const args = splitTopLevel(tokens, 2, close).map(([from, to]) => tokens.slice(from, to).map((t) => t.text).join(''));
    expect(args).toEqual(['a', 'g(b,c)', '[d,e]', "'x,y'"]);
    expect(closingParen(significantTokens('f(a'), 1)).toBe(-1);
  });

  it('reads identifier names the way Snowflake resolves them', () => {
    const [plain, quoted] = significantTokens('abc "Mixed""Case"');
    expect(identifierName(plain)).toBe('ABC');
    expect(identifierName(quoted)).toBe('Mixed"Case');
  });

  it('reads string and number literals', () => {
    const [a, b, c] = significantTokens("'it''s' 'a\\nb' $$raw 'x'$$");
    expect([stringValue(a), stringValue(b), stringValue(c)]).toEqual(["it's", 'a\nb', "raw 'x'"]);
    expect(stringValue(significantTokens('x')[0])).toBeNull();
    const negative = significantTokens('-2.5');
    expect(numberValue(negative, 0, 2)).toBe(-2.5);
    expect(numberValue(significantTokens('a'), 0, 1)).toBeNull();
  });
});

describe('openingBracket and caseStart', () => {
  const tokens = significantTokens("SELECT f(a[1], (b)) , CASE WHEN x THEN CASE y WHEN 1 THEN 2 END END");
  const at = (text: string, nth = 0) => tokens.map((token, i) => [token.text, i] as const).filter(([t]) => t === text)[nth][1];

  it('walks back to the bracket a closer closes, over nested ones', () => {
    expect(openingBracket(tokens, at(')', 1))).toBe(at('(', 0));
    expect(openingBracket(tokens, at(']'))).toBe(at('['));
  });

  it('walks back to the CASE an END closes, over nested CASE … END', () => {
    expect(caseStart(tokens, at('END', 1))).toBe(at('CASE', 0));
    expect(caseStart(tokens, at('END', 0))).toBe(at('CASE', 1));
  });
});
