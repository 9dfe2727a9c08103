/**
 * MATCH_RECOGNIZE (row pattern matching over ordered partitions) has no counterpart in DuckDB:
 * it is refused as Snowflake refuses a feature it lacks, 000002, before DuckDB reads its MEASURES
 * and DEFINE as calls of functions it does not know.
 * https://docs.snowflake.com/en/sql-reference/constructs/match_recognize
 */
import { isSymbol, isWord } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { significantTokens } from './tokens';

export function refuseMatchRecognize(sql: string): void {
  const tokens = significantTokens(sql);
  if (tokens.some((token, i) => isWord(token, 'MATCH_RECOGNIZE') && isSymbol(tokens[i + 1], '('))) {
    throw new SnowflakeQueryError(snowflakeErrors.unsupported('MATCH_RECOGNIZE'));
  }
}
