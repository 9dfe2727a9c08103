/**
 * Properties of the statement splitter: statements joined with `;` split back into themselves
 * whatever strings, quoted names, $$ bodies and comments hide inside them; any text splits
 * without throwing; splitting a statement again gives the statement; a Snowflake Scripting block
 * among them stays one statement, whatever its statements hide.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lex } from './lexer';
import { anyText, statementText, trickyText } from './sql-fragments.fixture';
import { splitStatements } from './split-statements';

/** The offset a 1-based line and code-point column point at. */
function offsetOf(text: string, line: number, column: number): number {
  const lineStart = text.split('\n').slice(0, line - 1).reduce((sum, previous) => sum + previous.length + 1, 0);
  return lineStart + [...text.slice(lineStart)].slice(0, column - 1).join('').length;
}

describe('splitStatements', () => {
  it('splits statements joined with ; (and spaces, newlines, empty statements) back into the same statements', () => {
    const separator = fc.constantFrom(';', '; ', ';\n', ' ;\n\n', ';;', ';\n-- nothing\n;');
    fc.assert(
      fc.property(fc.array(fc.tuple(statementText, separator), { minLength: 1, maxLength: 6 }), (parts) => {
        const text = parts.map(([statement, end]) => statement + end).join('');
        const split = splitStatements(text);
        expect(split.map((statement) => statement.sql)).toEqual(parts.map(([statement]) => statement));
        for (const statement of split) {
          const offset = offsetOf(text, statement.line, statement.column);
          expect(text.slice(offset, offset + statement.sql.length)).toBe(statement.sql);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a comment before a statement with the statement it introduces', () => {
    fc.assert(
      fc.property(statementText, statementText, (first, second) => {
        expect(splitStatements(`${first};\n-- second:\n${second}`).map((statement) => statement.sql)).toEqual([first, `-- second:\n${second}`]);
      }),
      { numRuns: 100 },
    );
  });

  it('never throws, and each statement it returns splits into itself again', () => {
    fc.assert(
      fc.property(fc.oneof(anyText(200), trickyText(200)), (text) => {
        for (const { sql } of splitStatements(text)) {
          expect(splitStatements(sql).map((statement) => statement.sql)).toEqual([sql]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a BEGIN … END block of statements whole among other statements', () => {
    const blockWords = new Set(['BEGIN', 'DECLARE', 'END', 'CASE', 'IF', 'FOR', 'WHILE', 'REPEAT', 'LOOP', 'CREATE']);
    const plain = statementText.filter((text) => !lex(text).some((token) => token.kind === 'identifier' && blockWords.has(token.text.toUpperCase())));
    const block = fc.array(plain, { minLength: 1, maxLength: 4 }).map((inner) => `BEGIN\n${inner.map((text) => `  ${text};\n`).join('')}END`);
    fc.assert(
      fc.property(fc.array(fc.oneof(plain, block), { minLength: 1, maxLength: 5 }), (statements) => {
        expect(splitStatements(statements.join(';\n')).map((statement) => statement.sql)).toEqual(statements);
      }),
      { numRuns: 200 },
    );
  });
});
