/**
 * CURRENT_DATABASE(), CURRENT_SCHEMA(), CURRENT_WAREHOUSE() and CURRENT_ROLE() answer from the
 * Snowflake session, which DuckDB does not know: its own CURRENT_DATABASE() would name the
 * default database after its file (`flurry`), and it has no warehouses or roles. Each call
 * becomes the session's value as a string literal.
 */
import { isSymbol, isWord } from '@/lib/domain/sql/lexer';
import type { SessionTarget } from '../engine/types';
import { applyEdits, significantTokens, sqlString, type Edit } from './tokens';

const FUNCTIONS: Record<string, 'database' | 'schema' | 'warehouse' | 'role'> = {
  CURRENT_DATABASE: 'database',
  CURRENT_SCHEMA: 'schema',
  CURRENT_WAREHOUSE: 'warehouse',
  CURRENT_ROLE: 'role',
};

export function sessionFunctions(sql: string, session: SessionTarget): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  tokens.forEach((token, i) => {
    const field = Object.entries(FUNCTIONS).find(([name]) => isWord(token, name))?.[1];
    if (field && !isSymbol(tokens[i - 1], '.') && isSymbol(tokens[i + 1], '(') && isSymbol(tokens[i + 2], ')')) {
      edits.push({ start: token.start, end: tokens[i + 2].end, text: sqlString(session[field]) });
    }
  });
  return applyEdits(sql, edits);
}
