/**
 * Snowflake reads a two-part table name `A.B` as schema A, table B in the session's database.
 * DuckDB also tries catalog A, schema main, and refuses the name as ambiguous when A is both a
 * database and a schema (GOOGLE_REVIEWS.SAMPLE_REVIEWS in database GOOGLE_REVIEWS). So a
 * two-part name in a table position whose first part names a database gets the session's
 * database in front; other two-part names already resolve as Snowflake's do.
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import type { DialectContext } from './rewrite';
import { applyEdits, identifierName, quoteIdentifier, significantTokens, type Edit } from './tokens';

/** Words after which a table name follows (`IF [NOT] EXISTS` ends in EXISTS). */
const TABLE_POSITIONS = ['FROM', 'JOIN', 'INTO', 'UPDATE', 'TABLE', 'VIEW', 'USING', 'EXISTS', 'TRUNCATE'];

export type TwoPartNamesContext = Pick<DialectContext, 'session' | 'isDatabase'>;

const isName = (token: Token | undefined) => token?.kind === 'identifier' || token?.kind === 'quoted_identifier';

export function qualifyTwoPartNames(sql: string, context: TwoPartNamesContext): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  tokens.forEach((token, i) => {
    const twoPart =
      TABLE_POSITIONS.some((word) => isWord(tokens[i - 1], word)) &&
      isName(token) &&
      isSymbol(tokens[i + 1], '.') &&
      isName(tokens[i + 2]) &&
      !isSymbol(tokens[i + 3], '.');
    if (twoPart && context.isDatabase(identifierName(token))) {
      edits.push({ start: token.start, end: token.start, text: `${quoteIdentifier(context.session.database)}.` });
    }
  });
  return applyEdits(sql, edits);
}
