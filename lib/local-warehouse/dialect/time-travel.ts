/**
 * Time Travel (`AT ( … => … )` / `BEFORE ( … => … )` after a table name) reads a table as it
 * was; the local warehouse keeps no history, so it is refused as unsupported rather than read
 * as the table now.
 * https://docs.snowflake.com/en/sql-reference/constructs/at-before
 */
import { isSymbol, isWord } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { significantTokens } from './tokens';

const POINTS = ['TIMESTAMP', 'OFFSET', 'STATEMENT', 'STREAM'];

export function refuseTimeTravel(sql: string): void {
  const tokens = significantTokens(sql);
  tokens.forEach((token, i) => {
    const clause = isWord(token, 'AT') || isWord(token, 'BEFORE');
    if (clause && isSymbol(tokens[i + 1], '(') && POINTS.some((word) => isWord(tokens[i + 2], word)) && isSymbol(tokens[i + 3], '=>')) {
      throw new SnowflakeQueryError(snowflakeErrors.unsupported(`${token.text.toUpperCase()} (Time Travel)`));
    }
  });
}
