/**
 * BEGIN is two statements in Snowflake: `BEGIN [ { WORK | TRANSACTION } ] [ NAME <name> ]`
 * starts a transaction, while `BEGIN <statements> END` is a Snowflake Scripting block. The
 * transaction forms (and `START TRANSACTION [ NAME <name> ]`, `COMMIT [ WORK ]`,
 * `ROLLBACK [ WORK ]`) are answered without DuckDB (query-type.ts says why); anything else after
 * them is Snowflake's syntax error, never a success that ran nothing. A block is refused as
 * unsupported, an unterminated one (no END) as the syntax error Snowflake gives at its end.
 * https://docs.snowflake.com/en/sql-reference/sql/begin
 * https://docs.snowflake.com/en/developer-guide/snowflake-scripting/blocks
 */
import { isSymbol, isTrivia, isWord, tokenStream, type Token } from '@/lib/domain/sql/lexer';
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

/**
 * Throws for a Snowflake Scripting block (`BEGIN <statement> …`, `DECLARE …`): unsupported when
 * it ends in END, else the syntax error of a block that never ends. Reads the whole request, as
 * a block's statements are separated by semicolons.
 */
export function refuseScriptingBlock(sqlText: string): void {
  const [first, second] = firstTokens(sqlText, 2);
  const transaction = !second || isSymbol(second, ';') || ['WORK', 'TRANSACTION', 'NAME'].some((word) => isWord(second, word));
  if (!isWord(first, 'DECLARE') && !(isWord(first, 'BEGIN') && !transaction)) return;
  const tokens = significantTokens(sqlText).filter((token) => !isSymbol(token, ';'));
  const last = tokens.length - 1;
  const ended = isWord(tokens[last], 'END') || isWord(tokens[last - 1], 'END');
  if (!ended) throw syntaxErrorAt(undefined, sqlText);
  throw new SnowflakeQueryError(snowflakeErrors.unsupported('Snowflake Scripting blocks (BEGIN … END)'));
}

function firstTokens(sql: string, count: number): Token[] {
  const tokens: Token[] = [];
  for (const token of tokenStream(sql)) {
    if (isTrivia(token)) continue;
    tokens.push(token);
    if (tokens.length === count) break;
  }
  return tokens;
}
