/**
 * Values of literal and identifier tokens as Snowflake reads them. Pure: the dashboard's forms
 * and the local warehouse's parsers share it.
 */
import type { Token } from './lexer';

const BACKSLASH_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0' };

/** The value of a string literal token ('…' or $$…$$), or null for any other token. */
export function stringValue(token: Token | undefined): string | null {
  if (token?.kind === 'dollar_string' && !token.unterminated) return token.text.slice(2, -2);
  if (token?.kind !== 'string' || token.unterminated) return null;
  return token.text
    .slice(1, -1)
    .replace(/''|\\(.)/gs, (match, escaped: string | undefined) =>
      escaped === undefined ? "'" : (BACKSLASH_ESCAPES[escaped] ?? escaped),
    );
}

/** Snowflake's longest identifier, in characters. */
export const MAX_IDENTIFIER_LENGTH = 255;

/** Why `name` cannot be an identifier because of its length, naming it by its start; null when it can. */
export function identifierTooLong(name: string): string | null {
  // The UTF-16 length is at least the character count: every identifier of every statement the
  // local warehouse runs is asked, and almost all of them are answered without counting.
  if (name.length <= MAX_IDENTIFIER_LENGTH) return null;
  const characters = [...name];
  if (characters.length <= MAX_IDENTIFIER_LENGTH) return null;
  return `The name '${characters.slice(0, 20).join('')}…' is ${characters.length} characters long; Snowflake names are at most ${MAX_IDENTIFIER_LENGTH}.`;
}

/** An identifier's name as Snowflake resolves it: unquoted upper-cased, quoted verbatim. */
export function identifierName(token: Token): string {
  if (token.kind === 'quoted_identifier') return token.text.slice(1, -1).replace(/""/g, '"');
  return token.text.toUpperCase();
}

/** Snowflake's reserved keywords: as identifiers they must be quoted. */
const RESERVED = new Set(
  (
    'ACCOUNT ALL ALTER AND ANY AS BETWEEN BY CASE CAST CHECK COLUMN CONNECT CONNECTION CONSTRAINT CREATE ' +
    'CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER DATABASE DELETE DISTINCT DROP ' +
    'ELSE EXISTS FALSE FOLLOWING FOR FROM FULL GRANT GROUP GSCLUSTER HAVING ILIKE IN INCREMENT INNER INSERT ' +
    'INTERSECT INTO IS ISSUE JOIN LATERAL LEFT LIKE LOCALTIME LOCALTIMESTAMP MINUS NATURAL NOT NULL OF ON OR ' +
    'ORDER ORGANIZATION QUALIFY REGEXP REVOKE RIGHT RLIKE ROW ROWS SAMPLE SCHEMA SELECT SET SOME START TABLE ' +
    'TABLESAMPLE THEN TO TRIGGER TRUE TRY_CAST UNION UNIQUE UPDATE USING VALUES VIEW WHEN WHENEVER WHERE WINDOW WITH'
  ).split(' '),
);

/** True when `name` written without quotes resolves to exactly `name`. */
export function isPlainIdentifier(name: string): boolean {
  return /^[A-Z_][A-Z0-9_$]*$/.test(name) && !RESERVED.has(name);
}

/** `name` as SQL that resolves to exactly `name`: bare when it can be, "quoted" otherwise. */
export function sqlIdentifier(name: string): string {
  return isPlainIdentifier(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** A '…' literal whose value is `value` (quotes doubled, backslashes escaped). */
export function sqlStringLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
