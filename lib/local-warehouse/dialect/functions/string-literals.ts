/**
 * Backslash escape sequences in single-quoted string constants, read as Snowflake reads them:
 * `'a\\d'` is the three characters `a\d` (so a regular expression written in a string constant
 * means what it means on Snowflake), `'it\'s'` is `it's`, `'\x41'` is `A`. DuckDB reads a
 * backslash in a plain literal as itself, so each literal holding one is rewritten to DuckDB's
 * escape-string form of its value, `E'…'`, in which only a backslash and a quote are escaped.
 * Dollar-quoted constants are taken literally by both and are left alone.
 * https://docs.snowflake.com/en/sql-reference/data-types-text#escape-sequences-in-single-quoted-string-constants
 */
import { isWord, type Token } from '@/lib/domain/sql/lexer';
import { applyEdits, significantTokens, stringValue, type Edit } from '../tokens';

const SIMPLE_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The value of a single-quoted constant's text (quotes included), Snowflake's escapes applied. */
export function snowflakeStringValue(literal: string): string {
  const body = literal.slice(1, -1);
  let value = '';
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (ch === "'") {
      // A doubled quote stands for one.
      value += "'";
      i += 1;
      continue;
    }
    if (ch !== '\\' || i + 1 >= body.length) {
      value += ch;
      continue;
    }
    const next = body[i + 1];
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    const hex = next === 'x' ? /^[0-9a-fA-F]{2}/.exec(body.slice(i + 2)) : null;
    const unicode = next === 'u' ? /^[0-9a-fA-F]{4}/.exec(body.slice(i + 2)) : null;
    if (octal) {
      value += String.fromCharCode(parseInt(octal[0], 8));
      i += 3;
    } else if (hex) {
      value += String.fromCharCode(parseInt(hex[0], 16));
      i += 3;
    } else if (unicode) {
      value += String.fromCharCode(parseInt(unicode[0], 16));
      i += 5;
    } else {
      // `\0` is NUL; any other character after a backslash stands for itself (`\'`, `\\`, `\q`).
      value += next === '0' ? '\0' : (SIMPLE_ESCAPES[next] ?? next);
      i += 1;
    }
  }
  return value;
}

/** `value` as DuckDB SQL: an escape string, with CHR(0) spliced in where a NUL cannot be written. */
export function duckdbStringLiteral(value: string): string {
  const piece = (text: string) =>
    text.includes('\\') ? `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'` : `'${text.replace(/'/g, "''")}'`;
  if (!value.includes('\0')) return piece(value);
  return `(${value.split('\0').map(piece).join(' || CHR(0) || ')})`;
}

export function snowflakeStringLiterals(sql: string): string {
  if (!sql.includes('\\')) return sql;
  const edits: Edit[] = [];
  for (const token of significantTokens(sql)) {
    if (token.kind !== 'string' || token.unterminated || !token.text.includes('\\')) continue;
    edits.push({ start: token.start, end: token.end, text: duckdbStringLiteral(snowflakeStringValue(token.text)) });
  }
  return applyEdits(sql, edits);
}

/**
 * The value of a string constant spanning tokens[from, to) after this rewrite: a plain literal,
 * or an escape string `E'…'` (the letter and the quote adjacent). Null for anything else.
 */
export function constantString(tokens: Token[], from: number, to: number): string | null {
  if (to - from === 1) return stringValue(tokens[from]);
  const [letter, literal] = [tokens[from], tokens[from + 1]];
  if (to - from !== 2 || !isWord(letter, 'E') || literal?.kind !== 'string' || letter.end !== literal.start) return null;
  // The escape strings written above escape only a backslash and a quote, which stringValue reads.
  return stringValue(literal);
}
