/**
 * Snowflake refuses names longer than 255 characters, while DuckDB takes any length: a statement
 * naming one is refused here, pointing at the name, as the task and service parsers refuse it.
 */
import { identifierName, identifierTooLong } from '@/lib/domain/sql/literals';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { significantTokens } from './tokens';

export function refuseLongIdentifiers(sql: string): void {
  for (const token of significantTokens(sql)) {
    if (token.kind !== 'identifier' && token.kind !== 'quoted_identifier') continue;
    const tooLong = identifierTooLong(identifierName(token));
    if (tooLong) throw new SnowflakeQueryError(snowflakeErrors.compilation(`${tooLong} (line ${token.line} at position ${token.column - 1})`));
  }
}
