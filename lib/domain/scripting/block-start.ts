/**
 * Whether a statement is a Snowflake Scripting block. `DECLARE` always starts one; `BEGIN`
 * starts one unless it is Snowflake's `BEGIN [ { WORK | TRANSACTION } ] [ NAME <name> ]`,
 * which starts a transaction: that BEGIN is followed by `;`, WORK, TRANSACTION, NAME or nothing.
 * Shared by the statement splitter and the parser so both draw the line in the same place.
 * https://docs.snowflake.com/en/sql-reference/sql/begin
 * https://docs.snowflake.com/en/sql-reference/snowflake-scripting/begin
 */
import { isSymbol, isWord, leadingTokens, type Token } from '../sql/lexer';

/** True when `next`, the token after a BEGIN, makes that BEGIN start a transaction. */
export function isTransactionBegin(next: Token | undefined): boolean {
  return !next || isSymbol(next, ';') || isWord(next, 'TRANSACTION') || isWord(next, 'WORK') || isWord(next, 'NAME');
}

/** True when `sqlText` is an anonymous block (`[DECLARE …] BEGIN … END`), not `BEGIN [TRANSACTION]`. */
export function isBlock(sqlText: string): boolean {
  const [first, second] = leadingTokens(sqlText, 2);
  if (isWord(first, 'DECLARE')) return true;
  return isWord(first, 'BEGIN') && !isTransactionBegin(second);
}
