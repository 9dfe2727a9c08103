/**
 * Bind variables (`?` in order, or `:1`, `:2` … by position) become SQL literals before the
 * other transforms run. DuckDB cannot type a parameter in a select list at prepare time
 * (`SELECT ? AS n` comes back as a column of unknown type), and the system functions that
 * take their argument at rewrite time (SYSTEM$CANCEL_QUERY, RESULT_SCAN) need the value
 * itself. Each value is quoted here, so a bound value can never become SQL.
 */
import { isSymbol, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { applyEdits, significantTokens, sqlString, type Edit } from './tokens';

/** A string literal; backslashes are spelled chr(92) so no later lexing reads them as escapes. */
function textLiteral(value: string): string {
  if (!value.includes('\\')) return sqlString(value);
  return `(${value.split('\\').map(sqlString).join(' || chr(92) || ')})`;
}

export function bindLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    // REAL binds stay floating point; integral FIXED ones stay exact.
    return Number.isInteger(value) ? String(value) : `CAST(${sqlString(String(value))} AS DOUBLE)`;
  }
  if (value instanceof Date) return `CAST(${sqlString(value.toISOString())} AS TIMESTAMP)`;
  return textLiteral(typeof value === 'string' ? value : JSON.stringify(value));
}

/** Index of the bind a placeholder starting at tokens[i] names, and how many tokens it spans. */
function placeholderAt(tokens: Token[], i: number, nextQuestionMark: number): { index: number; span: number } | null {
  const token = tokens[i];
  if (isSymbol(token, '?')) return { index: nextQuestionMark, span: 1 };
  // `:1`, but not the `:` of a `::` cast (lexed as one token) or of a JSON path `v:field`.
  if (isSymbol(token, ':') && tokens[i + 1]?.kind === 'number' && tokens[i + 1].start === token.end) {
    const position = Number(tokens[i + 1].text);
    if (Number.isInteger(position) && position >= 1) return { index: position - 1, span: 2 };
  }
  return null;
}

export function inlineBinds(sql: string, binds: readonly unknown[]): string {
  if (binds.length === 0) return sql;
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  let questionMarks = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const placeholder = placeholderAt(tokens, i, questionMarks);
    if (!placeholder) continue;
    if (isSymbol(tokens[i], '?')) questionMarks += 1;
    if (placeholder.index >= binds.length) {
      const name = placeholder.span === 1 ? `? number ${placeholder.index + 1}` : `:${placeholder.index + 1}`;
      throw new SnowflakeQueryError(
        snowflakeErrors.compilation(`Bind variable ${name} not set (the request binds ${binds.length}).`),
      );
    }
    const last = tokens[i + placeholder.span - 1];
    edits.push({ start: tokens[i].start, end: last.end, text: bindLiteral(binds[placeholder.index]) });
    i += placeholder.span - 1;
  }
  return applyEdits(sql, edits);
}
