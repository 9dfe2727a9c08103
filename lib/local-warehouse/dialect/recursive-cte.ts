/**
 * Recursive common table expressions without the word RECURSIVE: in Snowflake the keyword is
 * optional, and a CTE whose body names the CTE itself is recursive whether or not it is written.
 * DuckDB resolves a CTE's own name inside its body only under WITH RECURSIVE, so a WITH clause
 * with such a CTE gets the keyword (which changes nothing for its other CTEs).
 * https://docs.snowflake.com/en/sql-reference/constructs/with
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { applyEdits, closingParen, identifierName, significantTokens, type Edit } from './tokens';

const isName = (token: Token | undefined): token is Token => token?.kind === 'identifier' || token?.kind === 'quoted_identifier';

/** Whether tokens(open, close) name `name` as a table or column reference of its own. */
function namesItself(tokens: Token[], open: number, close: number, name: string): boolean {
  for (let i = open + 1; i < close; i += 1) {
    if (isName(tokens[i]) && identifierName(tokens[i]) === name && !isSymbol(tokens[i - 1], '.')) return true;
  }
  return false;
}

/** Whether the CTE list after WITH at `at` has a CTE that refers to itself. */
function hasSelfReference(tokens: Token[], at: number): boolean {
  let i = at + 1;
  while (isName(tokens[i])) {
    const name = identifierName(tokens[i]);
    i += 1;
    if (isSymbol(tokens[i], '(')) i = closingParen(tokens, i) + 1;
    if (!isWord(tokens[i], 'AS') || !isSymbol(tokens[i + 1], '(')) return false;
    const close = closingParen(tokens, i + 1);
    if (close === -1) return false;
    if (namesItself(tokens, i + 1, close, name)) return true;
    if (!isSymbol(tokens[close + 1], ',')) return false;
    i = close + 2;
  }
  return false;
}

export function recursiveCtes(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  tokens.forEach((token, i) => {
    // START WITH belongs to CONNECT BY, not to a WITH clause.
    if (!isWord(token, 'WITH') || isWord(tokens[i - 1], 'START') || isWord(tokens[i + 1], 'RECURSIVE')) return;
    if (hasSelfReference(tokens, i)) edits.push({ start: token.end, end: token.end, text: ' RECURSIVE' });
  });
  return applyEdits(sql, edits);
}
