/**
 * Properties of the local warehouse's quoting: quoteIdentifier always quotes, and the quoted
 * name lexes as one identifier that resolves to the name, wherever it is put in a statement.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lex } from '@/lib/domain/sql/lexer';
import { identifierNames } from '@/lib/domain/sql/sql-fragments.fixture';
import { splitStatements } from '@/lib/domain/sql/split-statements';
import { identifierName, quoteIdentifier, significantTokens } from './tokens';

describe('quoteIdentifier', () => {
  it('quotes any name into one quoted identifier token that resolves to it, inside any statement', () => {
    fc.assert(
      fc.property(identifierNames, identifierNames, (database, table) => {
        const quoted = quoteIdentifier(table);
        const [token, ...rest] = lex(quoted);
        expect(rest).toEqual([]);
        expect(token.kind).toBe('quoted_identifier');
        expect(identifierName(token)).toBe(table);
        const statement = `INSERT INTO ${quoteIdentifier(database)}.${quoted} VALUES (1)`;
        expect(splitStatements(`${statement}; SELECT 2`).map((piece) => piece.sql)).toEqual([statement, 'SELECT 2']);
        expect(significantTokens(statement).map((piece) => piece.text).slice(2, 5)).toEqual([quoteIdentifier(database), '.', quoted]);
      }),
      { numRuns: 300 },
    );
  });
});
