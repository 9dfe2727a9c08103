/**
 * `SELECT [ <table>. ]* [ ILIKE '<pattern>' ] [ EXCLUDE … ] [ REPLACE ( … ) ] [ RENAME … ]`.
 * DuckDB runs each modifier and most of Snowflake's combinations as they are written; two it
 * cannot: ILIKE with REPLACE or RENAME, and one column both replaced and renamed. Those are
 * refused as unsupported here, rather than reaching DuckDB's own errors.
 * https://docs.snowflake.com/en/sql-reference/sql/select (Selecting all columns)
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { closingParen, identifierName, significantTokens, splitTopLevel } from './tokens';

/** The names a REPLACE or RENAME list at tokens[at] changes (REPLACE: targets; RENAME: sources). */
function listedColumns(tokens: Token[], at: number, renaming: boolean): { names: string[]; end: number } {
  const parenthesised = isSymbol(tokens[at], '(');
  const close = parenthesised ? closingParen(tokens, at) : at + 3;
  const ranges = parenthesised ? splitTopLevel(tokens, at + 1, close) : [[at, close] as [number, number]];
  const names = ranges
    .map(([from, to]) => tokens[renaming ? from : to - 1])
    .filter((token): token is Token => token !== undefined)
    .map(identifierName);
  return { names, end: parenthesised ? close + 1 : close };
}

export function refuseUnsupportedStarModifiers(sql: string): void {
  const tokens = significantTokens(sql);
  tokens.forEach((token, i) => {
    const star = isSymbol(token, '*') && (isWord(tokens[i - 1], 'SELECT') || isSymbol(tokens[i - 1], ',') || isSymbol(tokens[i - 1], '.') || isWord(tokens[i - 1], 'DISTINCT'));
    if (!star) return;
    let j = i + 1;
    const ilike = isWord(tokens[j], 'ILIKE');
    if (ilike) j += 2;
    if (isWord(tokens[j], 'EXCLUDE')) j = isSymbol(tokens[j + 1], '(') ? closingParen(tokens, j + 1) + 1 : j + 2;
    let replaced: string[] = [];
    if (isWord(tokens[j], 'REPLACE') && isSymbol(tokens[j + 1], '(')) {
      const list = listedColumns(tokens, j + 1, false);
      replaced = list.names;
      j = list.end;
    }
    const renamed = isWord(tokens[j], 'RENAME') ? listedColumns(tokens, j + 1, true).names : [];
    if (ilike && (replaced.length > 0 || renamed.length > 0)) {
      throw new SnowflakeQueryError(snowflakeErrors.unsupported(`SELECT * ILIKE … ${replaced.length > 0 ? 'REPLACE' : 'RENAME'}`));
    }
    if (replaced.some((name) => renamed.includes(name))) {
      throw new SnowflakeQueryError(snowflakeErrors.unsupported('SELECT * REPLACE and RENAME of the same column'));
    }
  });
}
