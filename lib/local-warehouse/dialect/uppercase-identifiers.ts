/**
 * Snowflake resolves unquoted identifiers upper-cased: `create table t (a int)` makes table T
 * with column A, and `select a from t` returns a column named A. DuckDB matches names
 * case-insensitively but keeps the case it was given, so upper-casing every unquoted word
 * before DuckDB sees it gives Snowflake's names in tables and results alike. Quoted
 * identifiers, strings and comments keep their case. Lengths do not change.
 */
import { lex } from '@/lib/domain/sql/lexer';

export function uppercaseIdentifiers(sql: string): string {
  return lex(sql)
    .map((token) => (token.kind === 'identifier' ? token.text.toUpperCase() : token.text))
    .join('');
}
