/**
 * Snowflake's conversion functions and casts: CAST / :: / TRY_CAST, TO_VARCHAR / TO_CHAR,
 * TO_NUMBER / TO_DECIMAL / TO_NUMERIC, TO_DOUBLE, TO_BOOLEAN, TO_DATE / DATE, TO_TIME / TIME,
 * TO_TIMESTAMP[_NTZ|_LTZ|_TZ] and their TRY_ forms, with Snowflake's semantics rather than
 * DuckDB's: text is read in Snowflake's AUTO formats (`'03-April-2024'`, `'05/10/2024'`,
 * integer strings as epoch seconds … nanoseconds by magnitude), format models are translated
 * (numeric-formats.ts, datetime-formats.ts), a VARIANT (JSON here) converts from the value it
 * holds (`PARSE_JSON('"abc"')::STRING` is `abc`), and failures are Snowflake's errors.
 * https://docs.snowflake.com/en/sql-reference/functions-conversion
 *
 * Macros take any argument type and dispatch on `typeof(x)`: DuckDB resolves typeof while
 * binding, so only the branch for the argument's type runs. Casts bind for any type, so each
 * branch casts its argument to the type it reads. What a macro cannot take (a type with
 * precision, a format literal to translate, a scale) is rewritten on the statement's tokens.
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../../engine/snowflake-errors';
import { applyEdits, closingParen, numberValue, significantTokens, sourceOf, splitTopLevel, sqlString, stringValue, type Edit } from '../tokens';
import { castOperandStart, typeEnd } from './cast-syntax';
import { formatTimestampSql, OFFSET_TEXT_MACRO, parseFormats } from './datetime-formats';
import type { FunctionFamily } from './function-family';
import { FLOAT_TEXT_MACRO, formatNumberSql, isNumericFormat, parseNumberSql } from './numeric-formats';
import { raiseSql } from './raise';

/** Snowflake's accepted texts for TRUE and FALSE, any case. */
const TRUE_TEXTS = "['true', 't', 'yes', 'y', 'on', '1']";
const FALSE_TEXTS = "['false', 'f', 'no', 'n', 'off', '0']";

/** DuckDB's typeof() names of the numeric types. */
const IS_NUMBER = (x: string) =>
  `(typeof(${x}) LIKE 'DECIMAL%' OR typeof(${x}) IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT', 'FLOAT', 'DOUBLE'))`;
/** A VARIANT, OBJECT or ARRAY value: DuckDB JSON here (DuckDB's own VARIANT in expressions). */
const IS_JSON = (x: string) => `typeof(${x}) IN ('JSON', 'VARIANT')`;
/**
 * The JSON value's type (json_type: VARCHAR, BIGINT, DOUBLE, BOOLEAN, NULL, OBJECT, ARRAY).
 * to_json, not a cast: DuckDB may evaluate a branch for another type, and casting text that is
 * not JSON to JSON fails where to_json quotes it.
 */
const JSON_TYPE = (x: string) => `json_type(to_json(${x}))`;
const JSON_STRING = (x: string) => `json_extract_string(to_json(${x}), '$')`;
/** SQL NULL, or a VARIANT holding JSON null: both convert to NULL. */
const IS_NULL = (x: string) => `(${x} IS NULL OR (${IS_JSON(x)} AND ${JSON_TYPE(x)} = 'NULL'))`;

/** An ISO date/time's trailing offset (`+07:00`, `-0700`, `Z`), which TIMESTAMP_NTZ drops. */
const OFFSET_AFTER_TIME = String.raw`([0-9]:[0-9]{2}(:[0-9]{2}([.][0-9]*)?)?(\s*[AaPp][Mm])?)\s*(Z|[+-][0-9]{2}(:?[0-9]{2})?)`;

/** Snowflake's AUTO formats DuckDB's own casts do not read (the ISO ones they do). */
const AUTO_TIMESTAMP_FORMATS = [
  '%Y-%m-%d %H',
  '%Y-%m-%dT%H',
  '%d-%b-%Y',
  '%d-%B-%Y',
  '%m/%d/%Y',
  '%m/%d/%Y %H:%M:%S',
  '%a, %d %b %Y %H:%M:%S',
  '%a, %d %b %Y %H:%M:%S.%f',
  '%a, %d %b %Y %I:%M:%S %p',
  '%a, %d %b %Y %I:%M:%S.%f %p',
  '%a %b %d %H:%M:%S %Y',
];
const AUTO_TIME_FORMATS = ['%I:%M:%S %p', '%I:%M:%S.%f %p', '%I:%M %p'];
const list = (items: string[]) => `[${items.map(sqlString).join(', ')}]`;

const notRecognized = (kind: string, code: string, x: string) =>
  raiseSql(code, '22007', `'${kind} ''' || SF_TO_VARCHAR(${x}) || ''' is not recognized'`);

const MACROS = [
  // The session time zone's offset at ts, as TZH:TZM, TZHTZM, TZH or TZM print it (DuckDB's %z is -07 or +05:30).
  `CREATE OR REPLACE MACRO ${OFFSET_TEXT_MACRO}(ts, element) AS list_transform([strftime(ts, '%z')], z -> ` +
    `CASE element WHEN 'TZH:TZM' THEN left(z, 3) || ':' || coalesce(nullif(substr(z, 5, 2), ''), '00') ` +
    `WHEN 'TZHTZM' THEN left(z, 3) || coalesce(nullif(substr(z, 5, 2), ''), '00') WHEN 'TZH' THEN left(z, 3) ` +
    `ELSE coalesce(nullif(substr(z, 5, 2), ''), '00') END)[1]`,
  // A float as Snowflake prints it: ten significant digits (TO_VARCHAR(LOG(3,4)) is 1.261859507).
  `CREATE OR REPLACE MACRO ${FLOAT_TEXT_MACRO}(x) AS CASE WHEN isnan(x) THEN 'NaN' WHEN isinf(x) THEN CASE WHEN x > 0 THEN 'inf' ELSE '-inf' END ELSE printf('%.10g', x) END`,
  // Text of any value, as a cast to VARCHAR gives it: a VARIANT's string unquoted, JSON null NULL.
  `CREATE OR REPLACE MACRO SF_TO_VARCHAR(x) AS CASE ` +
    `WHEN ${IS_JSON('x')} THEN CASE ${JSON_TYPE('x')} WHEN 'VARCHAR' THEN ${JSON_STRING('x')} WHEN 'NULL' THEN NULL ELSE to_json(x)::VARCHAR END ` +
    `WHEN typeof(x) IN ('DOUBLE', 'FLOAT') THEN ${FLOAT_TEXT_MACRO}(x::DOUBLE) ` +
    `WHEN typeof(x) = 'TIMESTAMP WITH TIME ZONE' THEN strftime(x::TIMESTAMPTZ, '%Y-%m-%d %H:%M:%S.%g ') || ${OFFSET_TEXT_MACRO}(x::TIMESTAMPTZ, 'TZHTZM') ` +
    `WHEN typeof(x) LIKE 'TIMESTAMP%' THEN strftime(x::TIMESTAMP, '%Y-%m-%d %H:%M:%S.%g') ` +
    `WHEN typeof(x) = 'TIME' THEN strftime(DATE '1970-01-01' + x::TIME, '%H:%M:%S') ` +
    `WHEN typeof(x) = 'BLOB' THEN hex(x::BLOB) ` +
    // An OBJECT (a MAP here) or ARRAY (a list) prints as JSON.
    `WHEN typeof(x) LIKE 'MAP(%' OR typeof(x) LIKE 'STRUCT(%' OR typeof(x) LIKE '%[]' THEN to_json(x)::VARCHAR ` +
    `ELSE x::VARCHAR END`,
  // TO_VARCHAR: the same, except that a VARIANT's JSON null is the text 'null'.
  `CREATE OR REPLACE MACRO TO_VARCHAR(x) AS CASE WHEN ${IS_JSON('x')} AND ${JSON_TYPE('x')} = 'NULL' THEN 'null' ELSE SF_TO_VARCHAR(x) END`,
  // VARCHAR(n): Snowflake refuses to truncate.
  `CREATE OR REPLACE MACRO SF_VARCHAR_LENGTH(s, n) AS CASE WHEN length(s) > n THEN ${raiseSql('100078', '22000', `'String ''' || s || ''' is too long and would be truncated'`)} ELSE s END`,
  `CREATE OR REPLACE MACRO SF_TRY_VARCHAR_LENGTH(s, n) AS CASE WHEN length(s) > n THEN NULL ELSE s END`,

  `CREATE OR REPLACE MACRO TRY_TO_BOOLEAN(x) AS CASE ` +
    `WHEN typeof(x) = 'BOOLEAN' THEN x::BOOLEAN ` +
    `WHEN ${IS_JSON('x')} AND ${JSON_TYPE('x')} = 'BOOLEAN' THEN to_json(x)::BOOLEAN ` +
    `WHEN ${IS_JSON('x')} AND ${JSON_TYPE('x')} IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN to_json(x)::DOUBLE <> 0 ` +
    `WHEN ${IS_NUMBER('x')} THEN CASE WHEN isnan(x::DOUBLE) OR isinf(x::DOUBLE) THEN NULL ELSE x::DOUBLE <> 0 END ` +
    `WHEN list_contains(${TRUE_TEXTS}, lower(trim(SF_TO_VARCHAR(x)))) THEN TRUE ` +
    `WHEN list_contains(${FALSE_TEXTS}, lower(trim(SF_TO_VARCHAR(x)))) THEN FALSE END`,
  `CREATE OR REPLACE MACRO TO_BOOLEAN(x) AS CASE ` +
    `WHEN ${IS_NULL('x')} THEN NULL ` +
    `WHEN TRY_TO_BOOLEAN(x) IS NULL THEN ${raiseSql('100037', '22018', `'Boolean value ''' || SF_TO_VARCHAR(x) || ''' is not recognized'`)}::BOOLEAN ` +
    `ELSE TRY_TO_BOOLEAN(x) END`,

  // An integer string's epoch unit by magnitude: seconds, milliseconds, microseconds, nanoseconds.
  `CREATE OR REPLACE MACRO SF_EPOCH_MICROS(n) AS CASE WHEN n < 31536000000 THEN n * 1000000 ` +
    `WHEN n < 31536000000000 THEN n * 1000 WHEN n < 31536000000000000 THEN n ELSE n // 1000 END`,
  `CREATE OR REPLACE MACRO SF_INTEGER_TEXT(s) AS regexp_full_match(trim(s), '[-+]?[0-9]+')`,
  // Seconds since the epoch (a fraction kept to the microsecond) as TIMESTAMP_NTZ, in UTC.
  `CREATE OR REPLACE MACRO SF_SECONDS_NTZ(x) AS make_timestamp(CAST(trunc(x::DECIMAL(38, 9) * 1000000) AS BIGINT))`,
  // Text in an AUTO timestamp format as TIMESTAMP_NTZ: the wall clock written, any offset dropped.
  `CREATE OR REPLACE MACRO SF_AUTO_TIMESTAMP_NTZ(s) AS CASE ` +
    `WHEN SF_INTEGER_TEXT(s) THEN make_timestamp(CAST(SF_EPOCH_MICROS(trim(s)::HUGEINT) AS BIGINT)) ` +
    `ELSE list_transform([regexp_replace(trim(s), '${OFFSET_AFTER_TIME}', '\\1')], t -> ` +
    `coalesce(TRY_CAST(t AS TIMESTAMP), try_strptime(t, ${list(AUTO_TIMESTAMP_FORMATS)})))[1] END`,
  // As TIMESTAMP_LTZ: an offset written is applied; without one the wall clock is the session time zone's.
  `CREATE OR REPLACE MACRO SF_AUTO_TIMESTAMP_LTZ(s) AS CASE ` +
    `WHEN SF_INTEGER_TEXT(s) THEN timezone('UTC', make_timestamp(CAST(SF_EPOCH_MICROS(trim(s)::HUGEINT) AS BIGINT))) ` +
    `ELSE coalesce(TRY_CAST(regexp_replace(trim(s), '\\s+([+-][0-9]{2}(:?[0-9]{2})?)$', '\\1') AS TIMESTAMPTZ), ` +
    `try_strptime(trim(s), ${list(AUTO_TIMESTAMP_FORMATS.filter((f) => f.includes('%H') || f.includes('%I')).map((f) => (f.startsWith('%a %b') ? '%a %b %d %H:%M:%S %z %Y' : `${f} %z`)))}), ` +
    `SF_AUTO_TIMESTAMP_NTZ(s)::TIMESTAMPTZ) END`,
  `CREATE OR REPLACE MACRO SF_AUTO_TIME(s) AS CASE ` +
    `WHEN SF_INTEGER_TEXT(s) THEN TIME '00:00:00' + to_seconds(CAST(SF_EPOCH_MICROS(trim(s)::HUGEINT) // 1000000 % 86400 AS BIGINT)) ` +
    `ELSE list_transform([regexp_replace(trim(s), '${OFFSET_AFTER_TIME}', '\\1')], t -> ` +
    `coalesce(try_strptime(t, ${list(AUTO_TIME_FORMATS)})::TIME, TRY_CAST(t AS TIME), SF_AUTO_TIMESTAMP_NTZ(t)::TIME))[1] END`,

  // TRY_ forms: NULL when the value converts to nothing.
  `CREATE OR REPLACE MACRO TRY_TO_TIMESTAMP_NTZ(x) AS CASE ` +
    `WHEN typeof(x) = 'TIMESTAMP WITH TIME ZONE' THEN x::TIMESTAMPTZ::TIMESTAMP ` +
    `WHEN typeof(x) LIKE 'TIMESTAMP%' THEN x::TIMESTAMP ` +
    `WHEN typeof(x) = 'DATE' THEN x::DATE::TIMESTAMP ` +
    `WHEN ${IS_JSON('x')} THEN CASE ${JSON_TYPE('x')} WHEN 'VARCHAR' THEN SF_AUTO_TIMESTAMP_NTZ(${JSON_STRING('x')}) ` +
    `WHEN 'BIGINT' THEN SF_SECONDS_NTZ(to_json(x)::DOUBLE) WHEN 'UBIGINT' THEN SF_SECONDS_NTZ(to_json(x)::DOUBLE) WHEN 'DOUBLE' THEN SF_SECONDS_NTZ(to_json(x)::DOUBLE) END ` +
    `WHEN ${IS_NUMBER('x')} THEN SF_SECONDS_NTZ(x) ` +
    `WHEN typeof(x) = 'VARCHAR' THEN SF_AUTO_TIMESTAMP_NTZ(x::VARCHAR) END`,
  `CREATE OR REPLACE MACRO TRY_TO_TIMESTAMP_LTZ(x) AS CASE ` +
    `WHEN typeof(x) = 'VARCHAR' THEN SF_AUTO_TIMESTAMP_LTZ(x::VARCHAR) ` +
    `WHEN ${IS_JSON('x')} AND ${JSON_TYPE('x')} = 'VARCHAR' THEN SF_AUTO_TIMESTAMP_LTZ(${JSON_STRING('x')}) ` +
    // Epoch seconds count from midnight UTC, whatever the session's time zone.
    `WHEN ${IS_NUMBER('x')} OR ${IS_JSON('x')} THEN timezone('UTC', TRY_TO_TIMESTAMP_NTZ(x)) ` +
    `WHEN typeof(x) = 'TIMESTAMP WITH TIME ZONE' THEN x::TIMESTAMPTZ ` +
    `ELSE TRY_TO_TIMESTAMP_NTZ(x)::TIMESTAMPTZ END`,
  `CREATE OR REPLACE MACRO TRY_TO_DATE(x) AS CASE ` +
    `WHEN typeof(x) = 'DATE' THEN x::DATE ` +
    `WHEN typeof(x) = 'VARCHAR' OR typeof(x) LIKE 'TIMESTAMP%' OR (${IS_JSON('x')} AND ${JSON_TYPE('x')} = 'VARCHAR') THEN TRY_TO_TIMESTAMP_NTZ(x)::DATE END`,
  `CREATE OR REPLACE MACRO TRY_TO_TIME(x) AS CASE ` +
    `WHEN typeof(x) = 'TIME' THEN x::TIME ` +
    `WHEN typeof(x) = 'TIMESTAMP WITH TIME ZONE' THEN x::TIMESTAMPTZ::TIME ` +
    `WHEN typeof(x) LIKE 'TIMESTAMP%' THEN x::TIMESTAMP::TIME ` +
    `WHEN typeof(x) = 'VARCHAR' THEN SF_AUTO_TIME(x::VARCHAR) ` +
    `WHEN ${IS_JSON('x')} AND ${JSON_TYPE('x')} = 'VARCHAR' THEN SF_AUTO_TIME(${JSON_STRING('x')}) END`,

  // The erroring forms: the TRY_ form, or Snowflake's "… is not recognized".
  ...(
    [
      ['TO_TIMESTAMP_NTZ', 'TRY_TO_TIMESTAMP_NTZ', 'TIMESTAMP', 'Timestamp', '100035'],
      ['TO_TIMESTAMP_LTZ', 'TRY_TO_TIMESTAMP_LTZ', 'TIMESTAMPTZ', 'Timestamp', '100035'],
      ['TO_DATE', 'TRY_TO_DATE', 'DATE', 'Date', '100040'],
      ['TO_TIME', 'TRY_TO_TIME', 'TIME', 'Time', '100108'],
    ] as const
  ).map(
    ([name, attempt, type, kind, code]) =>
      `CREATE OR REPLACE MACRO ${name}(x) AS CASE WHEN ${IS_NULL('x')} THEN NULL ` +
      `ELSE coalesce(${attempt}(x), ${notRecognized(kind, code, 'x')}::${type}) END`,
  ),
  // A trailing UTC offset in text (`+07:00`, `-0700`, `+07`) as an interval, zero without one.
  `CREATE OR REPLACE MACRO SF_TRAILING_OFFSET(s) AS list_transform([regexp_extract(s, '([+-])([0-9]{2}):?([0-9]{2})?\\s*([0-9]{4})?\\s*$', ['sign', 'h', 'm'])], o -> ` +
    `CASE WHEN o.sign = '' THEN INTERVAL 0 SECOND ELSE (CASE WHEN o.sign = '-' THEN -1 ELSE 1 END) * ` +
    `(to_minutes(CAST(o.h AS BIGINT) * 60 + coalesce(TRY_CAST(o.m AS BIGINT), 0))) END)[1]`,
];

/** The target of a timestamp conversion. */
type TemporalKind = 'date' | 'time' | 'timestamp_ntz' | 'timestamp_ltz';

const TEMPORAL_FUNCTIONS: Record<string, { kind: TemporalKind; attempt: boolean }> = {
  TO_DATE: { kind: 'date', attempt: false },
  DATE: { kind: 'date', attempt: false },
  TRY_TO_DATE: { kind: 'date', attempt: true },
  TO_TIME: { kind: 'time', attempt: false },
  TIME: { kind: 'time', attempt: false },
  TRY_TO_TIME: { kind: 'time', attempt: true },
  TO_TIMESTAMP: { kind: 'timestamp_ntz', attempt: false },
  TO_TIMESTAMP_NTZ: { kind: 'timestamp_ntz', attempt: false },
  TO_TIMESTAMP_LTZ: { kind: 'timestamp_ltz', attempt: false },
  TO_TIMESTAMP_TZ: { kind: 'timestamp_ltz', attempt: false },
  TRY_TO_TIMESTAMP: { kind: 'timestamp_ntz', attempt: true },
  TRY_TO_TIMESTAMP_NTZ: { kind: 'timestamp_ntz', attempt: true },
  TRY_TO_TIMESTAMP_LTZ: { kind: 'timestamp_ltz', attempt: true },
  TRY_TO_TIMESTAMP_TZ: { kind: 'timestamp_ltz', attempt: true },
};

const MACRO_OF: Record<TemporalKind, string> = {
  date: 'TO_DATE',
  time: 'TO_TIME',
  timestamp_ntz: 'TO_TIMESTAMP_NTZ',
  timestamp_ltz: 'TO_TIMESTAMP_LTZ',
};
const DUCK_TYPE: Record<TemporalKind, string> = { date: 'DATE', time: 'TIME', timestamp_ntz: 'TIMESTAMP', timestamp_ltz: 'TIMESTAMPTZ' };
const KIND_WORD: Record<TemporalKind, string> = { date: 'date', time: 'time', timestamp_ntz: 'timestamp', timestamp_ltz: 'timestamp' };

const NUMBER_FUNCTIONS: Record<string, { attempt: boolean; double: boolean }> = {
  TO_NUMBER: { attempt: false, double: false },
  TO_DECIMAL: { attempt: false, double: false },
  TO_NUMERIC: { attempt: false, double: false },
  TRY_TO_NUMBER: { attempt: true, double: false },
  TRY_TO_DECIMAL: { attempt: true, double: false },
  TRY_TO_NUMERIC: { attempt: true, double: false },
  TO_DOUBLE: { attempt: false, double: true },
  TRY_TO_DOUBLE: { attempt: true, double: true },
};

const compilationError = (detail: string) => new SnowflakeQueryError(snowflakeErrors.compilation(detail));

/** `list_transform([value], name -> body)[1]`: binds value once for a body that reads it often. */
const bind = (value: string, name: string, body: string) => `list_transform([${value}], ${name} -> ${body})[1]`;

/** The statement with every conversion rewritten; argument texts are rewritten first. */
export function rewriteConversions(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (isSymbol(token, '::')) {
      const start = castOperandStart(tokens, i);
      const end = typeEnd(tokens, i + 1);
      if (start === -1 || end === -1) continue;
      // The operand was scanned already: drop the edits inside it, its text is rewritten whole.
      while (edits.length > 0 && edits[edits.length - 1].start >= tokens[start].start) edits.pop();
      const operand = rewriteConversions(sourceOf(sql, tokens, start, i));
      edits.push({ start: tokens[start].start, end: tokens[end].end, text: castSql(operand, sourceOf(sql, tokens, i + 1, end + 1), false, true) });
      i = end;
      continue;
    }
    if (token.kind !== 'identifier' || !isSymbol(tokens[i + 1], '(') || isSymbol(tokens[i - 1], '.')) continue;
    const close = closingParen(tokens, i + 1);
    if (close === -1) continue;
    const replacement = callSql(sql, tokens, i, close);
    if (replacement === null) continue;
    edits.push({ start: token.start, end: tokens[close].end, text: replacement });
    i = close;
  }
  return applyEdits(sql, edits);
}

/** The rewritten call of the function at tokens[name] ending at tokens[close], or null to leave it. */
function callSql(sql: string, tokens: Token[], name: number, close: number): string | null {
  const fn = tokens[name].text.toUpperCase();
  if (fn === 'CAST' || fn === 'TRY_CAST') {
    const as = topLevelAs(tokens, name + 2, close);
    if (as === -1) return null;
    const operand = rewriteConversions(sourceOf(sql, tokens, name + 2, as));
    return castSql(operand, sourceOf(sql, tokens, as + 1, close), fn === 'TRY_CAST');
  }
  const isConversion = fn in TEMPORAL_FUNCTIONS || fn in NUMBER_FUNCTIONS || fn === 'TO_VARCHAR' || fn === 'TO_CHAR';
  if (!isConversion) return null;
  // DATE and TIME are also type names: only their calls are conversions.
  if ((fn === 'DATE' || fn === 'TIME') && isSymbol(tokens[name - 1], '::')) return null;
  const ranges = splitTopLevel(tokens, name + 2, close);
  const args = ranges.map(([from, to]) => rewriteConversions(sourceOf(sql, tokens, from, to)));
  const literal = (k: number) => (ranges[k] && ranges[k][1] - ranges[k][0] === 1 ? stringValue(tokens[ranges[k][0]]) : null);
  const number = (k: number) => (ranges[k] ? numberValue(tokens, ranges[k][0], ranges[k][1]) : null);
  if (args.length === 0) throw compilationError(`not enough arguments for function [${fn}()], expected 1, got 0`);
  if (fn === 'TO_VARCHAR' || fn === 'TO_CHAR') return toVarcharSql(fn, args, literal(1));
  if (fn in NUMBER_FUNCTIONS) return toNumberSql(fn, args, literal, number);
  return temporalSql(fn, args, literal(1), number(1));
}

/** Index of the `AS` at depth 0 between from and to, or -1. */
function topLevelAs(tokens: Token[], from: number, to: number): number {
  let depth = 0;
  for (let j = from; j < to; j += 1) {
    if (isSymbol(tokens[j], '(') || isSymbol(tokens[j], '[')) depth += 1;
    else if (isSymbol(tokens[j], ')') || isSymbol(tokens[j], ']')) depth -= 1;
    else if (depth === 0 && isWord(tokens[j], 'AS')) return j;
  }
  return -1;
}

/**
 * SQL converting `operand` to `type` (DuckDB's type names: type-names.ts has rewritten
 * Snowflake's) with Snowflake's semantics; a TRY_CAST gives NULL where a cast fails. A cast
 * DuckDB already does as Snowflake does keeps its spelling (`0::DOUBLE` stays a constant that
 * UNIFORM reads as one).
 */
export function castSql(operand: string, type: string, attempt: boolean, colons = false): string {
  const name = /^[A-Za-z_]+/.exec(type)?.[0].toUpperCase() ?? '';
  const length = /^VARCHAR\s*\(\s*([0-9]+)\s*\)$/i.exec(type);
  const plain = colons ? `${operand}::${type}` : `${attempt ? 'TRY_CAST' : 'CAST'}(${operand} AS ${type})`;
  if (name === 'VARCHAR' && type.includes('[')) return plain;
  if (name === 'VARCHAR') {
    const text = `SF_TO_VARCHAR(${operand})`;
    if (!length) return text;
    return `${attempt ? 'SF_TRY_VARCHAR_LENGTH' : 'SF_VARCHAR_LENGTH'}(${text}, ${length[1]})`;
  }
  if (type.includes('[')) return plain;
  if (name === 'BOOLEAN') return `${attempt ? 'TRY_TO_BOOLEAN' : 'TO_BOOLEAN'}(${operand})`;
  const temporal: Record<string, TemporalKind> = { DATE: 'date', TIME: 'time', TIMESTAMP: 'timestamp_ntz', TIMESTAMPTZ: 'timestamp_ltz' };
  if (name in temporal && !/\(/.test(type)) return `${attempt ? 'TRY_' : ''}${MACRO_OF[temporal[name]]}(${operand})`;
  // Snowflake's integers are NUMBER(38,0): a fraction rounds half away from zero, as
  // DECIMAL's casts do (DuckDB's float-to-integer cast rounds half to even).
  // A number literal is DuckDB's DECIMAL, whose cast to BIGINT already rounds half away from zero.
  if (name === 'BIGINT' && !/^[-+]?[0-9.]+$/.test(operand.trim())) {
    const cast = attempt ? 'TRY_CAST' : 'CAST';
    return `${cast}(${cast}(${operand} AS DECIMAL(38,0)) AS BIGINT)`;
  }
  return plain;
}

function toVarcharSql(fn: string, args: string[], format: string | null): string {
  if (args.length === 1) return `TO_VARCHAR(${args[0]})`;
  if (args.length > 2) throw compilationError(`too many arguments for function [${fn}], expected up to 2, got ${args.length}`);
  if (format === null) throw new SnowflakeQueryError(snowflakeErrors.unsupported(`${fn} with a format that is not a constant string`));
  const value = args[0];
  switch (format.toUpperCase()) {
    case 'HEX':
      return `hex(${value}::BLOB)`;
    case 'BASE64':
      return `to_base64(${value}::BLOB)`;
    case 'UTF-8':
    case 'UTF8':
      return `decode(${value}::BLOB)`;
  }
  if (isNumericFormat(format)) return formatNumberSql(format, value);
  // A number with a model that is no numeric one: Snowflake's error, not a cast DuckDB cannot do.
  const notTemporal = raiseSql('002000', '42000', sqlString(`SQL compilation error:\nBad output format '${format}' for FIXED`));
  const timestamp =
    `CASE WHEN typeof(V) = 'TIME' THEN DATE '1970-01-01' + V::TIME WHEN typeof(V) = 'VARCHAR' THEN TO_TIMESTAMP_NTZ(V) ` +
    `WHEN typeof(V) = 'DATE' OR typeof(V) LIKE 'TIMESTAMP%' THEN V::TIMESTAMP ELSE ${notTemporal}::TIMESTAMP END`;
  return bind(value, 'V', bind(timestamp, 'W', formatTimestampSql(format, 'W')));
}

function toNumberSql(
  fn: string,
  args: string[],
  literal: (k: number) => string | null,
  number: (k: number) => number | null,
): string {
  const { attempt, double } = NUMBER_FUNCTIONS[fn];
  const format = args.length > 1 ? literal(1) : null;
  const first = format === null ? 1 : 2;
  const rest = args.length - first;
  if (rest > (double ? 0 : 2)) throw compilationError(`too many arguments for function [${fn}]`);
  const precision = rest >= 1 ? number(first) : 38;
  const scale = rest >= 2 ? number(first + 1) : 0;
  if (precision === null || scale === null) {
    throw compilationError(`${fn}: the precision and scale must be integer constants.`);
  }
  if (!(precision >= 1 && precision <= 38) || !(scale >= 0 && scale < precision) || !Number.isInteger(precision + scale)) {
    throw compilationError(`${fn}: the precision must be 1 to 38 and the scale 0 to the precision minus 1; got (${precision}, ${scale}).`);
  }
  const type = double ? 'DOUBLE' : `DECIMAL(${precision},${scale})`;
  const cast = attempt ? 'TRY_CAST' : 'CAST';
  const value = args[0];
  if (format === null || format.toUpperCase() === 'AUTO') return `${cast}(${value} AS ${type})`;
  const parsed = parseNumberSql(format, 'V::VARCHAR');
  const unparsed = attempt
    ? 'NULL'
    : raiseSql('100140', '22007', `'Can''t parse ''' || V::VARCHAR || ''' as number with format ' || ${sqlString(sqlString(format))}`);
  const fromText = `CASE WHEN V IS NULL THEN NULL ELSE ${cast}(coalesce(${parsed}, ${unparsed}) AS ${type}) END`;
  return bind(value, 'V', `CASE WHEN typeof(V) = 'VARCHAR' THEN ${fromText} ELSE ${cast}(V AS ${type}) END`);
}

function temporalSql(fn: string, args: string[], format: string | null, scale: number | null): string {
  const { kind, attempt } = TEMPORAL_FUNCTIONS[fn];
  const macro = `${attempt ? 'TRY_' : ''}${MACRO_OF[kind]}`;
  if (args.length === 1) return `${macro}(${args[0]})`;
  if (args.length > 2 || ((fn === 'DATE' || fn === 'TIME') && format === null)) {
    throw compilationError(`too many arguments for function [${fn}], expected 1${fn === 'TIME' ? '' : ' or 2'}, got ${args.length}`);
  }
  if (scale !== null && kind.startsWith('timestamp')) {
    if (!Number.isInteger(scale) || scale < 0 || scale > 9) throw compilationError(`${fn}: the scale must be an integer from 0 to 9; got ${scale}.`);
    // The number counts units of 10^-scale seconds.
    return scale === 0 ? `${macro}(${args[0]})` : `${macro}((${args[0]}) * ${(1 / 10 ** scale).toFixed(scale)})`;
  }
  if (format === null) throw new SnowflakeQueryError(snowflakeErrors.unsupported(`${fn} with a format that is not a constant string`));
  if (format.toUpperCase() === 'AUTO') return `${macro}(${args[0]})`;
  const { formats, hasOffset } = parseFormats(format);
  const parsed = `try_strptime(V::VARCHAR, ${list(formats)})`;
  // A TIMESTAMP_NTZ keeps the wall clock written; the offset read only shifts an instant.
  const wallClock = hasOffset ? `(${parsed}::TIMESTAMP + SF_TRAILING_OFFSET(V::VARCHAR))` : `${parsed}::TIMESTAMP`;
  const value = kind === 'timestamp_ltz' ? `${parsed}::TIMESTAMPTZ` : `${wallClock}::${DUCK_TYPE[kind]}`;
  const unparsed = attempt
    ? `NULL::${DUCK_TYPE[kind]}`
    : `${raiseSql('100096', '22007', `'Can''t parse ''' || V::VARCHAR || ''' as ${KIND_WORD[kind]} with format ' || ${sqlString(sqlString(format))}`)}::${DUCK_TYPE[kind]}`;
  return bind(args[0], 'V', `CASE WHEN typeof(V) <> 'VARCHAR' THEN ${macro}(V) WHEN V IS NULL THEN NULL ELSE coalesce(${value}, ${unparsed}) END`);
}

export const conversion: FunctionFamily = {
  macros: MACROS,
  rewrite: rewriteConversions,
  rewritten: [...Object.keys(TEMPORAL_FUNCTIONS), ...Object.keys(NUMBER_FUNCTIONS), 'TO_VARCHAR', 'TO_CHAR', 'CAST', 'TRY_CAST'],
};
