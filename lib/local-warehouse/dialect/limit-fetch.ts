/**
 * LIMIT / FETCH as Snowflake writes them: the ANSI form `[OFFSET <start> [ROW|ROWS]] FETCH
 * [FIRST|NEXT] <count> [ROW|ROWS] [ONLY]`, whose every word but FETCH is optional, becomes
 * `LIMIT <count>` (DuckDB needs FIRST or NEXT and ROWS ONLY); and a count or start written as
 * NULL, `''` or `$$$$` means no limit and no offset, which DuckDB reads from NULL only.
 * https://docs.snowflake.com/en/sql-reference/constructs/limit
 */
import { isWord, type Token } from '@/lib/domain/sql/lexer';
import { applyEdits, significantTokens, type Edit } from './tokens';

/** An empty string, `''` or `$$$$`: Snowflake's "unlimited" count and "no offset" start. */
function isEmptyString(token: Token | undefined): boolean {
  return (token?.kind === 'string' && token.text === "''") || (token?.kind === 'dollar_string' && token.text === '$$$$');
}

function isCount(token: Token | undefined): boolean {
  return token?.kind === 'number' || isWord(token, 'NULL') || isEmptyString(token);
}

const countText = (token: Token) => (isEmptyString(token) ? 'NULL' : token.text);

export function limitFetch(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  tokens.forEach((token, i) => {
    if ((isWord(token, 'LIMIT') || isWord(token, 'OFFSET')) && isEmptyString(tokens[i + 1])) {
      edits.push({ start: tokens[i + 1].start, end: tokens[i + 1].end, text: 'NULL' });
    }
    if (!isWord(token, 'FETCH')) return;
    let at = i + 1;
    if (isWord(tokens[at], 'FIRST') || isWord(tokens[at], 'NEXT')) at += 1;
    const count = tokens[at];
    if (!isCount(count)) return;
    let end = at + 1;
    if (isWord(tokens[end], 'ROW') || isWord(tokens[end], 'ROWS')) end += 1;
    if (isWord(tokens[end], 'ONLY')) end += 1;
    edits.push({ start: token.start, end: tokens[end - 1].end, text: `LIMIT ${countText(count)}` });
  });
  return applyEdits(sql, edits);
}
