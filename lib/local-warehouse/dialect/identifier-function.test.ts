import { describe, expect, it } from 'vitest';
import { identifierLiterals, identifierText } from './identifier-function';

describe('identifierText', () => {
  it('reads one- to three-part names, quoted parts kept', () => {
    expect(identifierText('mytable')).toBe('mytable');
    expect(identifierText('db.sch.t')).toBe('db.sch.t');
    expect(identifierText('"My Table"')).toBe('"My Table"');
    expect(identifierText('s."a""b"')).toBe('s."a""b"');
  });

  it('refuses what is no name', () => {
    for (const value of ['', 'a b', '1abc', 'a.b.c.d', 'a.', '"open']) expect(identifierText(value)).toBeNull();
  });
});

describe('identifierLiterals', () => {
  it('writes the name in place of IDENTIFIER(…) and TABLE(…) in FROM', () => {
    expect(identifierLiterals("SELECT IDENTIFIER('a') FROM IDENTIFIER('db.s.t')")).toBe('SELECT a FROM db.s.t');
    expect(identifierLiterals("INSERT INTO identifier('\"T\"') VALUES (1)")).toBe('INSERT INTO "T" VALUES (1)');
    expect(identifierLiterals("SELECT * FROM TABLE('t') JOIN TABLE(FLATTEN(INPUT => X)) ON TRUE")).toBe(
      'SELECT * FROM t JOIN TABLE(FLATTEN(INPUT => X)) ON TRUE',
    );
  });

  it('refuses a string that is no name with an invalid identifier error', () => {
    expect(() => identifierLiterals("SELECT * FROM IDENTIFIER('a b')")).toThrow(/invalid identifier 'a b'/);
  });
});
