/**
 * What parseBlock refuses: malformed blocks get Snowflake's syntax error (001003, 42000) naming
 * the line and 0-based position of the unexpected token; a construct the local warehouse does
 * not run gets 000002. And isBlock, which tells a block from `BEGIN [TRANSACTION]`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsesOrRefuses, statementError } from '../sql/statement-error.fixture';
import { trickyText } from '../sql/sql-fragments.fixture';
import { isBlock, parseBlock } from './parse-block';

function syntaxError(text: string) {
  const error = statementError(parseBlock, text);
  expect(error.snowflake.code).toBe('001003');
  expect(error.snowflake.sqlState).toBe('42000');
  return error;
}

describe('parseBlock syntax errors', () => {
  it.each([
    // [block, line, position, unexpected]
    ['BEGIN\n  LET x := ;\nEND;', 2, 11, ';'],
    ['BEGIN\n  x := 1\nEND;', 3, 0, 'END'],
    ['BEGIN\n  IF (x) THEN RETURN 1; END;\nEND;', 2, 27, ';'],
    ['BEGIN\n  FOR i IN 1 TO 3 DO NULL; END LOOP;\nEND;', 2, 31, 'LOOP'],
    ['BEGIN\n  WHILE (TRUE) LOOP NULL; END WHILE;\nEND;', 2, 30, 'WHILE'],
    ['BEGIN END;', 1, 6, 'END'],
    ['DECLARE\n  x INT\nBEGIN\n  NULL;\nEND;', 3, 0, 'BEGIN'],
    ['DECLARE\n  e EXCEPTION (-20001);\nBEGIN NULL; END;', 2, 21, ')'],
    ['BEGIN\n  NULL;\nEXCEPTION\n  WHEN THEN NULL;\nEND;', 4, 7, 'THEN'],
    ['BEGIN\n  OPEN c USING (a, );\nEND;', 2, 19, ')'],
    ['BEGIN\n  FETCH c a;\nEND;', 2, 10, 'a'],
    ['BEGIN\n  RETURN TABLE(1);\nEND;', 2, 15, '1'],
    ['BEGIN\n  NULL;\nEND;\nSELECT 1;', 4, 0, 'SELECT'],
    ['SELECT 1;', 1, 0, 'SELECT'],
  ])('%j: line %i position %i', (text, line, position, unexpected) => {
    const error = syntaxError(text);
    expect(error.message).toContain(`syntax error line ${line} at position ${position} unexpected '${unexpected}'.`);
    expect([error.line, error.position]).toEqual([line, position]);
  });

  it('points just past the end of the text when the block stops early', () => {
    const error = syntaxError('BEGIN\n  NULL;\n  IF (x) THEN NULL;');
    expect(error.message).toContain("syntax error line 3 at position 19 unexpected '<EOF>'.");
  });

  it('names an unterminated string where it starts', () => {
    const error = syntaxError("BEGIN\n  RETURN 'open;\nEND;");
    expect(error.message).toContain("syntax error line 2 at position 9 unexpected ''open;");
  });

  it('refuses a nested stored procedure declaration as an unsupported feature', () => {
    const error = statementError(parseBlock, 'DECLARE\n  p PROCEDURE () RETURNS INT AS BEGIN RETURN 1; END;\nBEGIN CALL p(); END;');
    expect(error.snowflake).toEqual({
      code: '000002',
      sqlState: '0A000',
      message: "Unsupported feature 'nested stored procedure' in the local warehouse.",
    });
    expect([error.line, error.position]).toEqual([2, 4]);
  });

  it('parses or refuses with a SqlStatementError any text inside BEGIN … END', () => {
    fc.assert(
      fc.property(trickyText(40), (inner) => parsesOrRefuses(() => parseBlock(`BEGIN ${inner} END;`))),
      { numRuns: 300 },
    );
  });
});

describe('isBlock', () => {
  it.each([
    ['DECLARE x INT; BEGIN RETURN x; END;', true],
    ['  -- a block\n begin\n  RETURN 1;\nEND', true],
    ['BEGIN RETURN 1; END', true],
    ['BEGIN', false],
    ['BEGIN;', false],
    ['BEGIN TRANSACTION', false],
    ['begin work;', false],
    ['BEGIN NAME t1', false],
    ['BEGIN /* c */ ;', false],
    ['SELECT 1', false],
    ["EXECUTE IMMEDIATE $$ BEGIN RETURN 1; END; $$", false],
  ])('%j → %s (sql-reference/sql/begin)', (text, expected) => {
    expect(isBlock(text)).toBe(expected);
  });
});
