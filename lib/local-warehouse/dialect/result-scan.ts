/**
 * TABLE(RESULT_SCAN('<query id>')) reads a query's stored result as a table, with the column
 * names that query returned. An id with no stored result (unknown, failed, expired) fails
 * like Snowflake's: `Statement <id> not found`.
 */
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import type { DialectContext } from './rewrite';
import { findTableFunctions } from './table-function';
import { applyEdits, significantTokens, stringValue } from './tokens';

export async function resultScan(sql: string, context: Pick<DialectContext, 'storedResult'>): Promise<string> {
  const tokens = significantTokens(sql);
  const calls = findTableFunctions(tokens, ['RESULT_SCAN']);
  const edits = [];
  for (const call of calls) {
    const queryId = call.argsClose === call.argsOpen + 2 ? stringValue(tokens[call.argsOpen + 1]) : null;
    if (queryId === null) {
      throw new SnowflakeQueryError(
        snowflakeErrors.compilation('RESULT_SCAN expects one argument, a query id string literal or LAST_QUERY_ID().'),
      );
    }
    const relation = await context.storedResult(queryId);
    if (!relation) throw new SnowflakeQueryError(snowflakeErrors.statementNotFound(queryId));
    edits.push({ start: tokens[call.start].start, end: tokens[call.end].end, text: relation });
  }
  return applyEdits(sql, edits);
}
