/**
 * Snowflake's data type names DuckDB lacks or reads differently, rewritten where a type is
 * written: after `::`, after `AS` inside CAST(…), and after a column's name in a column
 * definition (CREATE TABLE (…), ALTER TABLE … ADD [COLUMN]). Elsewhere the same words are
 * names (a column may be called NUMBER), so they are left alone.
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { applyEdits, closingParen, significantTokens, type Edit } from './tokens';
import { DEFAULT_VARCHAR_LENGTH, lengthCheckSql } from './varchar-length';

/** NUMBER(p,s) and its synonyms: DuckDB's DECIMAL, which defaults to (18,3) where Snowflake's is (38,0). */
const DECIMAL_NAMES = ['NUMBER', 'DECIMAL', 'NUMERIC'];

/** Snowflake name → DuckDB type, for names that take no arguments. */
const RENAMED: Record<string, string> = {
  // Snowflake's integer names are all NUMBER(38,0); DuckDB's small ones would overflow.
  BYTEINT: 'BIGINT',
  TINYINT: 'BIGINT',
  SMALLINT: 'BIGINT',
  INT: 'BIGINT',
  INTEGER: 'BIGINT',
  // Snowflake's FLOAT, FLOAT4, FLOAT8, REAL and DOUBLE are all 64-bit; DuckDB's FLOAT is 32-bit.
  FLOAT: 'DOUBLE',
  FLOAT4: 'DOUBLE',
  FLOAT8: 'DOUBLE',
  REAL: 'DOUBLE',
  'DOUBLE PRECISION': 'DOUBLE',
  TIMESTAMP_NTZ: 'TIMESTAMP',
  TIMESTAMP_LTZ: 'TIMESTAMPTZ',
  TIMESTAMP_TZ: 'TIMESTAMPTZ',
  DATETIME: 'TIMESTAMP',
  // An OBJECT is a map of keys to VARIANTs, an ARRAY a list of VARIANTs: DuckDB keeps those
  // types through expressions and tables, so results report them (functions/semi-structured.ts).
  OBJECT: 'MAP(VARCHAR, JSON)',
  ARRAY: 'JSON[]',
};

/**
 * Renamed in column definitions only: DuckDB's VARIANT cannot be stored in a database file of
 * the storage version the warehouse writes (v1.0.0), while a JSON column takes any VARIANT.
 */
const COLUMN_RENAMED: Record<string, string> = { VARIANT: 'JSON' };

/** Whether tokens[i] stands where a type is written. */
function inTypePosition(tokens: Token[], i: number, castAs: Set<number>, columnTypes: Set<number>): boolean {
  return isSymbol(tokens[i - 1], '::') || castAs.has(i) || columnTypes.has(i);
}

/** Indexes of the tokens right after `AS` in CAST( … AS type ) / TRY_CAST. */
function castTypeIndexes(tokens: Token[]): Set<number> {
  const found = new Set<number>();
  tokens.forEach((token, i) => {
    if (!(isWord(token, 'CAST') || isWord(token, 'TRY_CAST')) || !isSymbol(tokens[i + 1], '(')) return;
    const close = closingParen(tokens, i + 1);
    let depth = 0;
    for (let j = i + 2; j < close; j += 1) {
      if (isSymbol(tokens[j], '(')) depth += 1;
      else if (isSymbol(tokens[j], ')')) depth -= 1;
      else if (depth === 0 && isWord(tokens[j], 'AS')) found.add(j + 1);
    }
  });
  return found;
}

/** Indexes of column types in CREATE TABLE (name type, …) and ALTER TABLE … ADD [COLUMN] name type. */
function columnTypeIndexes(tokens: Token[]): Set<number> {
  const found = new Set<number>();
  const isName = (token: Token | undefined) => token?.kind === 'identifier' || token?.kind === 'quoted_identifier';
  if (isWord(tokens[0], 'CREATE')) {
    const open = tokens.findIndex((token, i) => isSymbol(token, '(') && !isWord(tokens[i - 1], 'AS'));
    if (open < 0 || tokens.slice(0, open).some((token) => isWord(token, 'AS') || isWord(token, 'SELECT'))) return found;
    const close = closingParen(tokens, open);
    let depth = 0;
    for (let j = open + 1; j < close; j += 1) {
      if (isSymbol(tokens[j], '(')) depth += 1;
      else if (isSymbol(tokens[j], ')')) depth -= 1;
      else if (depth === 0 && isName(tokens[j]) && (isSymbol(tokens[j - 1], '(') || isSymbol(tokens[j - 1], ','))) found.add(j + 1);
    }
  }
  if (isWord(tokens[0], 'ALTER')) {
    tokens.forEach((token, i) => {
      if (!isWord(token, 'ADD')) return;
      let j = i + 1;
      if (isWord(tokens[j], 'COLUMN')) j += 1;
      if (isWord(tokens[j], 'IF') && isWord(tokens[j + 1], 'NOT') && isWord(tokens[j + 2], 'EXISTS')) j += 3;
      if (isName(tokens[j])) found.add(j + 1);
    });
  }
  return found;
}

const BINARY_NAMES = ['BINARY', 'VARBINARY'];

/** Snowflake's synonyms of VARCHAR (data-types-text); CHAR, CHARACTER and NCHAR alone are VARCHAR(1). */
const TEXT_NAMES = ['VARCHAR', 'STRING', 'TEXT', 'VARCHAR2', 'NVARCHAR', 'NVARCHAR2', 'CHAR', 'CHARACTER', 'NCHAR'];
const ONE_CHARACTER_NAMES = ['CHAR', 'CHARACTER', 'NCHAR'];

/**
 * Types whose precision or length DuckDB does not take: the name DuckDB reads, the `(p)` dropped.
 * Timestamps and times keep DuckDB's microseconds; a BINARY's length is not enforced.
 */
const PRECISION_DROPPED: Record<string, string> = {
  TIMESTAMP: 'TIMESTAMP',
  TIMESTAMP_NTZ: 'TIMESTAMP',
  DATETIME: 'TIMESTAMP',
  TIMESTAMP_LTZ: 'TIMESTAMPTZ',
  TIMESTAMP_TZ: 'TIMESTAMPTZ',
  TIME: 'TIME',
  BINARY: 'BLOB',
  VARBINARY: 'BLOB',
};

/** Index of the last token of the column definition whose type is at tokens[i] (CREATE TABLE). */
function columnDefinitionEnd(tokens: Token[], i: number): number {
  let depth = 0;
  for (let j = i; j < tokens.length; j += 1) {
    if (isSymbol(tokens[j], '(')) depth += 1;
    else if (isSymbol(tokens[j], ')')) {
      if (depth === 0) return j - 1;
      depth -= 1;
    } else if (depth === 0 && isSymbol(tokens[j], ',')) return j - 1;
  }
  return tokens.length - 1;
}

/**
 * A text type at tokens[i] (`STRING`, `CHAR VARYING(10)`, `NCHAR` …) as DuckDB's VARCHAR with
 * Snowflake's length kept, so casts and column definitions can enforce it; null for other types.
 */
function textType(tokens: Token[], i: number): { last: number; length: number | null } | null {
  const name = tokens[i].text.toUpperCase();
  if (!TEXT_NAMES.includes(name)) return null;
  let last = isWord(tokens[i + 1], 'VARYING') && ONE_CHARACTER_NAMES.includes(name) ? i + 1 : i;
  let length: number | null = last === i && ONE_CHARACTER_NAMES.includes(name) ? 1 : null;
  if (isSymbol(tokens[last + 1], '(') && tokens[last + 2]?.kind === 'number' && isSymbol(tokens[last + 3], ')')) {
    length = Number(tokens[last + 2].text);
    last += 3;
  }
  return { last, length };
}

/**
 * A text literal cast to BINARY, `'01AB'::BINARY` or `CAST('01AB' AS BINARY)`: Snowflake reads
 * the text as hex (BINARY_INPUT_FORMAT's default), DuckDB would take its characters' bytes.
 * Returns the edit turning the cast into FROM_HEX('01AB'), or null when tokens[i] ends no such cast.
 */
function hexLiteralCast(tokens: Token[], i: number, castAs: Set<number>): Edit | null {
  const literal = tokens[i - 2];
  if (!BINARY_NAMES.includes(tokens[i].text.toUpperCase()) || literal?.kind !== 'string') return null;
  const text = `FROM_HEX(${literal.text})`;
  // The type may carry a length, BINARY(8).
  const last = isSymbol(tokens[i + 1], '(') ? closingParen(tokens, i + 1) : i;
  if (last === -1) return null;
  if (isSymbol(tokens[i - 1], '::')) return { start: literal.start, end: tokens[last].end, text };
  // CAST ( 'text' AS BINARY )
  const cast = tokens[i - 4];
  if (castAs.has(i) && isSymbol(tokens[i - 3], '(') && isSymbol(tokens[last + 1], ')') && (isWord(cast, 'CAST') || isWord(cast, 'TRY_CAST'))) {
    return { start: cast.start, end: tokens[last + 1].end, text };
  }
  return null;
}

export function snowflakeTypeNames(sql: string): string {
  const tokens = significantTokens(sql);
  const castAs = castTypeIndexes(tokens);
  const columnTypes = columnTypeIndexes(tokens);
  const edits: Edit[] = [];
  tokens.forEach((token, i) => {
    if (token.kind !== 'identifier' || !inTypePosition(tokens, i, castAs, columnTypes)) return;
    const hex = hexLiteralCast(tokens, i, castAs);
    if (hex) {
      edits.push(hex);
      return;
    }
    const name = token.text.toUpperCase();
    if (name === 'DECFLOAT') throw new SnowflakeQueryError(snowflakeErrors.unsupported('data type DECFLOAT'));
    const text = textType(tokens, i);
    if (text) {
      const limited = text.length !== null && text.length < DEFAULT_VARCHAR_LENGTH;
      edits.push({ start: token.start, end: tokens[text.last].end, text: limited ? `VARCHAR(${text.length})` : 'VARCHAR' });
      // DuckDB ignores the length; in CREATE TABLE a CHECK enforces it (ALTER … ADD takes no constraint).
      if (limited && columnTypes.has(i) && isWord(tokens[0], 'CREATE')) {
        const end = tokens[columnDefinitionEnd(tokens, text.last + 1)].end;
        edits.push({ start: end, end, text: ` ${lengthCheckSql(tokens[i - 1].text, text.length as number)}` });
      }
      return;
    }
    if (name in PRECISION_DROPPED && isSymbol(tokens[i + 1], '(')) {
      const close = closingParen(tokens, i + 1);
      if (close !== -1) {
        edits.push({ start: token.start, end: tokens[close].end, text: PRECISION_DROPPED[name] });
        return;
      }
    }
    if (DECIMAL_NAMES.includes(name)) {
      // NUMBER alone is NUMBER(38,0); NUMBER(p) is NUMBER(p,0). DuckDB caps precision at 38 as Snowflake does.
      if (!isSymbol(tokens[i + 1], '(')) edits.push({ start: token.start, end: token.end, text: 'DECIMAL(38,0)' });
      else edits.push({ start: token.start, end: token.end, text: 'DECIMAL' });
      return;
    }
    if (name === 'DOUBLE' && isWord(tokens[i + 1], 'PRECISION')) {
      edits.push({ start: token.start, end: tokens[i + 1].end, text: 'DOUBLE' });
      return;
    }
    const renamed = RENAMED[name] ?? (columnTypes.has(i) ? COLUMN_RENAMED[name] : undefined);
    if (renamed) edits.push({ start: token.start, end: token.end, text: renamed });
  });
  return applyEdits(sql, edits);
}
