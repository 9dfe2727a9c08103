/**
 * CURRENT_DATABASE(), CURRENT_SCHEMA(), CURRENT_WAREHOUSE(), CURRENT_ROLE() and CURRENT_USER()
 * answer from the Snowflake session, which DuckDB does not know: its own CURRENT_DATABASE() would
 * name the default database after its file (`flurry`), and it has no warehouses, roles or users.
 * Each call becomes the session's value as a string literal. CURRENT_USER may also be written
 * without parentheses (https://docs.snowflake.com/en/sql-reference/functions/current_user).
 */
import { isSymbol, isWord } from '@/lib/domain/sql/lexer';
import type { SessionIdentity } from './rewrite';
import { applyEdits, significantTokens, sqlString, type Edit } from './tokens';

type Field = 'database' | 'schema' | 'warehouse' | 'role' | 'user';

const FUNCTIONS: Record<string, Field> = {
  CURRENT_DATABASE: 'database',
  CURRENT_SCHEMA: 'schema',
  CURRENT_WAREHOUSE: 'warehouse',
  CURRENT_ROLE: 'role',
  CURRENT_USER: 'user',
};

export function sessionFunctions(sql: string, session: SessionIdentity): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  tokens.forEach((token, i) => {
    const field = Object.entries(FUNCTIONS).find(([name]) => isWord(token, name))?.[1];
    if (!field || isSymbol(tokens[i - 1], '.')) return;
    if (isSymbol(tokens[i + 1], '(') && isSymbol(tokens[i + 2], ')')) {
      edits.push({ start: token.start, end: tokens[i + 2].end, text: sqlString(session[field]) });
    } else if (field === 'user' && !isSymbol(tokens[i + 1], '(')) {
      edits.push({ start: token.start, end: token.end, text: sqlString(session.user) });
    }
  });
  return applyEdits(sql, edits);
}
