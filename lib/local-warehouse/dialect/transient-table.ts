/**
 * `CREATE [OR REPLACE] TRANSIENT TABLE`: transient objects skip Snowflake's fail-safe storage.
 * The local warehouse has no fail-safe, so a transient table is an ordinary table and the
 * keyword is dropped (transient databases and schemas: catalog-statements.ts ignores it).
 */
import { isWord } from '@/lib/domain/sql/lexer';
import { applyEdits, significantTokens } from './tokens';

export function dropTransient(sql: string): string {
  const tokens = significantTokens(sql);
  if (!isWord(tokens[0], 'CREATE')) return sql;
  const at = isWord(tokens[1], 'OR') && isWord(tokens[2], 'REPLACE') ? 3 : 1;
  const transient = tokens[at];
  if (!isWord(transient, 'TRANSIENT') || !isWord(tokens[at + 1], 'TABLE')) {
    return sql;
  }
  return applyEdits(sql, [{ start: transient.start, end: tokens[at + 1].start, text: '' }]);
}
