import { describe, expect, it } from 'vitest';
import { isTrivia, lex } from './lexer';

const kinds = (sql: string) => lex(sql).filter((t) => !isTrivia(t)).map((t) => [t.kind, t.text]);

describe('lex', () => {
  it('reads identifiers with $, numbers and the => operator', () => {
    expect(kinds('CALL SYSTEM$WAIT(1.5, 2e3) => x::int $1')).toEqual([
      ['identifier', 'CALL'],
      ['identifier', 'SYSTEM$WAIT'],
      ['operator', '('],
      ['number', '1.5'],
      ['operator', ','],
      ['number', '2e3'],
      ['operator', ')'],
      ['operator', '=>'],
      ['identifier', 'x'],
      ['operator', '::'],
      ['identifier', 'int'],
      ['identifier', '$1'],
    ]);
  });

  it('keeps quotes, escapes and semicolons inside strings and quoted identifiers', () => {
    expect(kinds(`'it''s; \\'fine' "a ""b"";" $$ x; 'y' $$`)).toEqual([
      ['string', `'it''s; \\'fine'`],
      ['quoted_identifier', '"a ""b"";"'],
      ['dollar_string', "$$ x; 'y' $$"],
    ]);
  });

  it('recognises --, // and /* */ comments', () => {
    const tokens = lex('a -- one;\nb // two;\nc /* three;\n */ d');
    expect(tokens.filter((t) => t.kind === 'line_comment').map((t) => t.text)).toEqual(['-- one;', '// two;']);
    expect(tokens.filter((t) => t.kind === 'block_comment').map((t) => t.text)).toEqual(['/* three;\n */']);
    expect(kinds('a -- one;\nb // two;\nc /* three;\n */ d').map(([, text]) => text)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('gives offsets, lines and columns', () => {
    const tokens = lex('SELECT\n  "x",\n\t42');
    const x = tokens.find((t) => t.text === '"x"');
    const n = tokens.find((t) => t.text === '42');
    expect(x).toMatchObject({ start: 9, end: 12, line: 2, column: 3 });
    expect(n).toMatchObject({ start: 15, end: 17, line: 3, column: 2 });
  });

  // Found by lexer.property.test.ts: a surrogate pair was lexed as two operators, one column each.
  it('keeps a character outside the BMP whole: an astral letter in an identifier, an emoji as one operator', () => {
    expect(kinds('𐀀\u0000 𝒜b 😀')).toEqual([
      ['identifier', '𐀀'],
      ['operator', '\u0000'],
      ['identifier', '𝒜b'],
      ['operator', '😀'],
    ]);
    expect(lex('😀 x').at(-1)).toMatchObject({ text: 'x', line: 1, column: 3 });
  });

  it('flags unterminated strings, comments and identifiers instead of throwing', () => {
    for (const sql of ["SELECT 'abc", 'SELECT /* abc', 'SELECT "abc', 'SELECT $$abc']) {
      const last = lex(sql).at(-1);
      expect(last?.unterminated, sql).toBe(true);
      expect(last?.end).toBe(sql.length);
    }
  });

  it('round-trips the input exactly', () => {
    const sql = "select 'a;b' -- c\n/* d */ , \"e\"\"f\" >= .5e-3 || $$g$$;";
    expect(lex(sql).map((t) => t.text).join('')).toBe(sql);
  });
});
