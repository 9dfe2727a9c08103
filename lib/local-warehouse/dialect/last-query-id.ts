/**
 * LAST_QUERY_ID([n]): the id of a query earlier in this session. No argument or -1 is the most
 * recent, -2 the one before; 1 is the session's first query. NULL when there is no such query.
 */
import { isSymbol, isWord } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { DialectContext } from './rewrite';
import { applyEdits, closingParen, numberValue, significantTokens, sqlString, type Edit } from './tokens';

export async function lastQueryId(
  sql: string,
  context: Pick<DialectContext, 'sessionId' | 'sessionQueryIds'>,
): Promise<string> {
  const tokens = significantTokens(sql);
  const calls: { edit: Omit<Edit, 'text'>; index: number }[] = [];
  tokens.forEach((token, i) => {
    if (!isWord(token, 'LAST_QUERY_ID') || !isSymbol(tokens[i + 1], '(')) return;
    const close = closingParen(tokens, i + 1);
    const index = close === i + 2 ? -1 : numberValue(tokens, i + 2, close);
    if (index === null || !Number.isInteger(index)) {
      throw new SnowflakeQueryError(snowflakeErrors.compilation('LAST_QUERY_ID takes an optional integer literal.'));
    }
    calls.push({ edit: { start: token.start, end: tokens[close].end }, index });
  });
  if (calls.length === 0) return sql;
  const ids = await context.sessionQueryIds(context.sessionId);
  return applyEdits(
    sql,
    calls.map(({ edit, index }) => {
      const id = index < 0 ? ids[ids.length + index] : ids[index - 1];
      return { ...edit, text: id === undefined ? 'NULL' : sqlString(id) };
    }),
  );
}
