import { describe, expect, it } from 'vitest';
import { splitStatements } from './split-statements';

describe('splitStatements', () => {
  it('splits at top-level semicolons, trims, and drops the trailing semicolon', () => {
    expect(splitStatements('  SELECT 1;\n\nSELECT 2 ;  ')).toEqual([
      { sql: 'SELECT 1', line: 1, column: 3 },
      { sql: 'SELECT 2', line: 3, column: 1 },
    ]);
  });

  it('ignores semicolons in strings, $$ bodies, quoted identifiers and comments', () => {
    const script = [
      "SELECT 'a;b', 'it''s;', 'x\\';y';",
      'CREATE FUNCTION f() RETURNS INT AS $$ 1; $$;',
      'SELECT "col;name" FROM t -- note; here',
      ';/* a; b */ SELECT 4',
    ].join('\n');
    expect(splitStatements(script).map((s) => s.sql)).toEqual([
      "SELECT 'a;b', 'it''s;', 'x\\';y'",
      'CREATE FUNCTION f() RETURNS INT AS $$ 1; $$',
      'SELECT "col;name" FROM t -- note; here',
      '/* a; b */ SELECT 4',
    ]);
  });

  it('drops empty and comment-only pieces', () => {
    expect(splitStatements(';;  \n-- only a comment\n; /* block */ ;SELECT 1;// trailing')).toEqual([
      { sql: 'SELECT 1', line: 3, column: 16 },
    ]);
    expect(splitStatements('')).toEqual([]);
  });

  it('keeps an unterminated string as part of the last statement', () => {
    expect(splitStatements("SELECT 1; SELECT 'open; still open").map((s) => s.sql)).toEqual([
      'SELECT 1',
      "SELECT 'open; still open",
    ]);
  });
});
