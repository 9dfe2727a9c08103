/**
 * BEGIN is two statements in Snowflake: `BEGIN [ { WORK | TRANSACTION } ] [ NAME <name> ]`
 * starts a transaction, while `BEGIN <statements> END` is a Snowflake Scripting block. The
 * transaction forms (and `START TRANSACTION [ NAME <name> ]`, `COMMIT [ WORK ]`,
 * `ROLLBACK [ WORK ]`) are answered without DuckDB (query-type.ts says why); anything else after
 * them is Snowflake's syntax error, never a success that ran nothing. A block runs as a script
 * (../scripting).
 * https://docs.snowflake.com/en/sql-reference/sql/begin
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/blocks
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { significantTokens } from './tokens';

function syntaxErrorAt(token: Token | undefined, sql: string): SnowflakeQueryError {
  if (token) return new SnowflakeQueryError(snowflakeErrors.syntax(token.line, token.column - 1, token.text));
  const lines = sql.trimEnd().split('\n');
  return new SnowflakeQueryError(snowflakeErrors.syntax(lines.length, lines[lines.length - 1].length, '<EOF>'));
}

/** The words a transaction statement may have after its first word, in order, each optional. */
const FORMS: Record<string, string[][]> = {
  BEGIN: [['WORK', 'TRANSACTION'], ['NAME']],
  START: [['TRANSACTION'], ['NAME']],
  COMMIT: [['WORK']],
  ROLLBACK: [['WORK']],
};

/** Throws Snowflake's syntax error unless the statement is one of the transaction forms. */
export function refuseMalformedTransaction(sql: string): void {
  const tokens = significantTokens(sql).filter((token) => !isSymbol(token, ';'));
  const form = FORMS[tokens[0]?.text.toUpperCase() ?? ''];
  if (!form) return;
  let i = 1;
  // START must be followed by TRANSACTION.
  if (isWord(tokens[0], 'START') && !isWord(tokens[1], 'TRANSACTION')) throw syntaxErrorAt(tokens[1], sql);
  for (const words of form) {
    if (!words.some((word) => isWord(tokens[i], word))) continue;
    i += 1;
    if (words[0] === 'NAME') {
      if (tokens[i]?.kind !== 'identifier' && tokens[i]?.kind !== 'quoted_identifier') throw syntaxErrorAt(tokens[i], sql);
      i += 1;
    }
  }
  if (i < tokens.length) throw syntaxErrorAt(tokens[i], sql);
}
