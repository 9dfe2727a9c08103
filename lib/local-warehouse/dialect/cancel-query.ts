/**
 * SYSTEM$CANCEL_QUERY('<query id>') cancels another query when the statement runs and returns
 * Snowflake's texts: `query [<id>] terminated.` when it was queued or running, otherwise
 * `Identified SQL statement is not currently executing.`
 */
import { isSymbol, isWord } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { DialectContext } from './rewrite';
import { applyEdits, closingParen, significantTokens, sqlString, stringValue, type Edit } from './tokens';

export function cancelQuery(sql: string, context: Pick<DialectContext, 'cancelQuery'>): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  tokens.forEach((token, i) => {
    if (!isWord(token, 'SYSTEM$CANCEL_QUERY') || !isSymbol(tokens[i + 1], '(')) return;
    const close = closingParen(tokens, i + 1);
    const queryId = close === i + 3 ? stringValue(tokens[i + 2]) : null;
    if (queryId === null) {
      throw new SnowflakeQueryError(
        snowflakeErrors.compilation('SYSTEM$CANCEL_QUERY expects one argument, a query id string literal.'),
      );
    }
    const text = context.cancelQuery(queryId)
      ? `query [${queryId}] terminated.`
      : 'Identified SQL statement is not currently executing.';
    edits.push({ start: token.start, end: tokens[close].end, text: sqlString(text) });
  });
  return applyEdits(sql, edits);
}
