/**
 * The table an UPDATE, DELETE, MERGE or ALTER TABLE takes the lock of, as written (one to three
 * name parts). Snowflake runs such statements on one table one at a time (INSERT takes no such
 * lock), and the engine needs the name to do the same. ALTER TABLE is among them because DuckDB
 * fails a write that a concurrent ALTER committed under, where Snowflake's DDL waits its turn.
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { identifierName, significantTokens } from './tokens';

function isName(token: Token | undefined): token is Token {
  return token?.kind === 'identifier' || token?.kind === 'quoted_identifier';
}

function nameAt(tokens: Token[], start: number): string[] | null {
  const parts: string[] = [];
  let i = start;
  while (isName(tokens[i])) {
    parts.push(identifierName(tokens[i]));
    if (!isSymbol(tokens[i + 1], '.')) break;
    i += 2;
  }
  return parts.length > 0 && parts.length <= 3 ? parts : null;
}

export function writeTarget(sql: string): string[] | null {
  const tokens = significantTokens(sql);
  const [first, second] = tokens;
  if (isWord(first, 'UPDATE')) return nameAt(tokens, 1);
  if (isWord(first, 'DELETE') && isWord(second, 'FROM')) return nameAt(tokens, 2);
  if (isWord(first, 'MERGE') && isWord(second, 'INTO')) return nameAt(tokens, 2);
  if (isWord(first, 'ALTER') && isWord(second, 'TABLE')) {
    const ifExists = isWord(tokens[2], 'IF') && isWord(tokens[3], 'EXISTS');
    return nameAt(tokens, ifExists ? 4 : 2);
  }
  return null;
}
