/** Properties of the lexer on any text: nothing lost, tokens in order, positions right, lazily or not. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lex, tokenStream } from './lexer';
import { anyText, statementText, trickyText } from './sql-fragments.fixture';

const texts = fc.oneof(anyText(200), trickyText(200), statementText);

/** 1-based line and column (in code points) of each offset, counted the slow way. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: [...lines[lines.length - 1]].length + 1 };
}

describe('lex, on any text', () => {
  it('gives back the text exactly, token after token, each where it says it is', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const tokens = lex(text);
        expect(tokens.map((token) => token.text).join('')).toBe(text);
        let offset = 0;
        for (const token of tokens) {
          expect(token.start).toBe(offset);
          expect(token.end).toBe(offset + token.text.length);
          expect(token.text.length).toBeGreaterThan(0);
          expect({ line: token.line, column: token.column }).toEqual(positionAt(text, token.start));
          offset = token.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('yields the same tokens one at a time as all at once', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect([...tokenStream(text)]).toEqual(lex(text));
      }),
      { numRuns: 200 },
    );
  });
});
