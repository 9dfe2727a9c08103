import { describe, expect, it } from 'vitest';
import { significantTokens } from '../tokens';
import { constantString, duckdbStringLiteral, snowflakeStringLiterals, snowflakeStringValue } from './string-literals';

describe('snowflakeStringValue', () => {
  it('reads the escape sequences Snowflake documents', () => {
    expect(snowflakeStringValue("'a\\\\d'")).toBe('a\\d');
    expect(snowflakeStringValue("'it\\'s'")).toBe("it's");
    expect(snowflakeStringValue("'it''s'")).toBe("it's");
    expect(snowflakeStringValue("'\\\"q\\\"'")).toBe('"q"');
    expect(snowflakeStringValue("'a\\tb\\nc\\rd\\be\\ff'")).toBe('a\tb\nc\rd\be\ff');
    expect(snowflakeStringValue("'\\x41\\u00e9\\101'")).toBe('AéA');
    expect(snowflakeStringValue("'a\\0b'")).toBe('a\0b');
  });

  it('drops the backslash in front of any other character', () => {
    expect(snowflakeStringValue("'\\q\\%'")).toBe('q%');
    expect(snowflakeStringValue("'\\x4'")).toBe('x4');
  });
});

describe('duckdbStringLiteral', () => {
  it('writes a backslash in an escape string and splices NULs in with CHR(0)', () => {
    expect(duckdbStringLiteral('a\\d')).toBe("E'a\\\\d'");
    expect(duckdbStringLiteral("it's")).toBe("'it''s'");
    expect(duckdbStringLiteral('a\0b\\')).toBe("('a' || CHR(0) || E'b\\\\')");
  });
});

describe('snowflakeStringLiterals', () => {
  it('rewrites only the single-quoted constants that hold a backslash', () => {
    expect(snowflakeStringLiterals("SELECT REGEXP_SUBSTR(S, 'the\\\\W+\\\\w+'), 'plain'")).toBe(
      "SELECT REGEXP_SUBSTR(S, E'the\\\\W+\\\\w+'), 'plain'",
    );
    expect(snowflakeStringLiterals("SELECT 'it\\'s'")).toBe("SELECT 'it''s'");
  });

  it('leaves dollar-quoted constants, identifiers and comments alone', () => {
    for (const sql of ['SELECT $$a\\d$$', 'SELECT "a\\b" FROM T', 'SELECT 1 -- \\n']) {
      expect(snowflakeStringLiterals(sql), sql).toBe(sql);
    }
  });
});

describe('constantString', () => {
  it('reads a plain constant and the escape string this rewrite writes, and nothing else', () => {
    const rewritten = snowflakeStringLiterals("SELECT F('a\\\\b', 'c', E 'd', X)");
    const tokens = significantTokens(rewritten);
    const at = (text: string) => tokens.findIndex((token) => token.text === text);
    expect(constantString(tokens, at('E'), at('E') + 2)).toBe('a\\b');
    expect(constantString(tokens, at("'c'"), at("'c'") + 1)).toBe('c');
    expect(constantString(tokens, at("'d'") - 1, at("'d'") + 1)).toBeNull();
    expect(constantString(tokens, at('X'), at('X') + 1)).toBeNull();
  });
});
