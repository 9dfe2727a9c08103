/**
 * Properties of identifier and string quoting: whatever the name or value, its SQL form lexes as
 * one token that reads back as exactly it, and embedded in a statement it can never end the
 * statement early or open another.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTrivia, lex } from './lexer';
import { identifierName, sqlIdentifier, sqlStringLiteral, stringValue } from './literals';
import { anyText, identifierNames, trickyText } from './sql-fragments.fixture';
import { splitStatements } from './split-statements';

const significant = (sql: string) => lex(sql).filter((token) => !isTrivia(token));

describe('sqlIdentifier', () => {
  it('writes any name as one identifier token that resolves to the name', () => {
    fc.assert(
      fc.property(identifierNames, (name) => {
        const tokens = lex(sqlIdentifier(name));
        expect(tokens).toHaveLength(1);
        expect(['identifier', 'quoted_identifier']).toContain(tokens[0].kind);
        expect(tokens[0].unterminated).toBeUndefined();
        expect(identifierName(tokens[0])).toBe(name);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a statement whole whatever the name holds: one statement, and the one after it still there', () => {
    fc.assert(
      fc.property(identifierNames, (name) => {
        const first = `SELECT 1 AS ${sqlIdentifier(name)} FROM ${sqlIdentifier(name)}.T`;
        expect(splitStatements(`${first};\nSELECT 2`).map((statement) => statement.sql)).toEqual([first, 'SELECT 2']);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sqlStringLiteral', () => {
  it('writes any text as one string token whose value is the text, and keeps the statement whole', () => {
    fc.assert(
      fc.property(fc.oneof(anyText(60), trickyText(60)), (text) => {
        const literal = sqlStringLiteral(text);
        const [token, ...rest] = significant(literal);
        expect(rest).toEqual([]);
        expect(stringValue(token)).toBe(text);
        expect(splitStatements(`SELECT ${literal}; SELECT 2`)).toHaveLength(2);
      }),
      { numRuns: 300 },
    );
  });
});
