/**
 * Snowflake's string functions (SPLIT, SPLIT_PART, STRTOK, LPAD, INITCAP, EDITDISTANCE, HEX and
 * BASE64 encodings, UUID_STRING …), with the regular-expression functions (regex.ts), SHA2
 * (sha2.ts) and the forms DuckDB cannot take as written: backslash escapes in string constants
 * (string-literals.ts), LIKE ANY / ALL (like-any.ts), LISTAGG … WITHIN GROUP (listagg.ts),
 * CONCAT, POSITION(a IN b), INSERT, CHAR, LEFT and RIGHT (string-calls.ts).
 * Snowflake compares strings case-sensitively, as DuckDB's default collation does. An ARRAY
 * result (SPLIT, STRTOK_TO_ARRAY) is DuckDB JSON, as every VARIANT/OBJECT/ARRAY value here is.
 * Macros whose Snowflake name is a DuckDB function they would otherwise call (REGEXP_REPLACE,
 * LPAD …) never call that name: a macro in the function catalog shadows it, its own body included.
 * https://docs.snowflake.com/en/sql-reference/functions-string
 */
import type { FunctionFamily } from './function-family';
import { likeAnyAll } from './like-any';
import { listagg } from './listagg';
import { raiseSql } from './raise';
import { REGEX_MACROS, regexRewrites } from './regex';
import { SHA2_MACROS } from './sha2';
import { stringCalls, STRING_CALLS } from './string-calls';
import { snowflakeStringLiterals } from './string-literals';
import { tryOn } from './try-on';

/** INITCAP's default word separators: whitespace and `! ? @ " ^ # $ & ~ _ , . : ; + - * % / | \ [ ] ( ) { } < >`. */
const INITCAP_DELIMITERS = `' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || '!?@"^#$&~_,.:;+-*%/|\\[](){}<>'`;

/** RANDSTR's alphabet, in Snowflake's order. */
const RANDSTR_CHARACTERS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

const notLegal = (encoding: string, value: string) =>
  raiseSql('100115', '22000', `'The following string is not a legal ${encoding}-encoded value: ''' || ${value} || ''''`);

const invalidUtf8 = (value: string) =>
  raiseSql('100069', '22P02', `'Invalid UTF8 detected while decoding ''' || ${value} || ''''`);

export const STRING_MACROS: readonly string[] = [
  // The text functions' VARCHAR argument; a BINARY one would be read as its escaped text, so it is refused.
  `CREATE OR REPLACE MACRO SF_STR_TEXT(x, fn) AS CASE WHEN typeof(x) = 'BLOB' ` +
    `THEN ${raiseSql('000002', '0A000', `'Unsupported feature ''BINARY arguments to ' || fn || ''' in the local warehouse.'`)}::VARCHAR ` +
    `ELSE x::VARCHAR END`,
  'CREATE OR REPLACE MACRO STARTSWITH(expr1, expr2) AS starts_with(expr1, expr2)',
  'CREATE OR REPLACE MACRO ENDSWITH(expr1, expr2) AS suffix(expr1, expr2)',
  'CREATE OR REPLACE MACRO CONTAINS(expr1, expr2) AS instr(expr1::VARCHAR, expr2::VARCHAR) > 0',
  // SPLIT: an empty separator leaves the string whole.
  `CREATE OR REPLACE MACRO SF_STR_PARTS(s, sep) AS CASE WHEN sep = '' THEN [s] ELSE string_split(s, sep) END`,
  `CREATE OR REPLACE MACRO SPLIT(s, sep) AS CASE WHEN s IS NULL OR sep IS NULL THEN NULL ` +
    `ELSE to_json(SF_STR_PARTS(SF_STR_TEXT(s, 'SPLIT'), sep::VARCHAR)) END`,
  // SPLIT_PART: part 0 is part 1, a negative part counts from the end, out of range is ''.
  `CREATE OR REPLACE MACRO SPLIT_PART(s, sep, n) AS CASE WHEN s IS NULL OR sep IS NULL OR n IS NULL THEN NULL ` +
    `ELSE coalesce(SF_STR_PARTS(SF_STR_TEXT(s, 'SPLIT_PART'), sep::VARCHAR)[CASE WHEN n = 0 THEN 1 ELSE n::BIGINT END], '') END`,
  // STRTOK: each delimiter character separates, empty tokens never count, out of range is NULL.
  `CREATE OR REPLACE MACRO SF_STR_TOKENS(s, delims) AS CASE WHEN delims = '' THEN (CASE WHEN s = '' THEN []::VARCHAR[] ELSE [s] END) ` +
    `ELSE list_filter(string_split(translate(s, delims, repeat(left(delims, 1), length(delims))), left(delims, 1)), lambda t: t <> '') END`,
  `CREATE OR REPLACE MACRO SF_STR_STRTOK(s, delims, n) AS CASE WHEN s IS NULL OR delims IS NULL OR n IS NULL OR n < 1 THEN NULL ` +
    `ELSE SF_STR_TOKENS(SF_STR_TEXT(s, 'STRTOK'), delims::VARCHAR)[n::BIGINT] END`,
  `CREATE OR REPLACE MACRO STRTOK(s) AS SF_STR_STRTOK(s, ' ', 1), (s, delims) AS SF_STR_STRTOK(s, delims, 1), ` +
    `(s, delims, n) AS SF_STR_STRTOK(s, delims, n)`,
  `CREATE OR REPLACE MACRO SF_STR_STRTOK_TO_ARRAY(s, delims) AS CASE WHEN s IS NULL OR delims IS NULL THEN NULL ` +
    `ELSE to_json(SF_STR_TOKENS(SF_STR_TEXT(s, 'STRTOK_TO_ARRAY'), delims::VARCHAR)) END`,
  `CREATE OR REPLACE MACRO STRTOK_TO_ARRAY(s) AS SF_STR_STRTOK_TO_ARRAY(s, ' '), (s, delims) AS SF_STR_STRTOK_TO_ARRAY(s, delims)`,
  // CHARINDEX / POSITION: 1-based, 0 when absent or when the start is past the end, 1 for an empty needle.
  `CREATE OR REPLACE MACRO SF_STR_POSITION(needle, haystack, start) AS CASE ` +
    `WHEN needle IS NULL OR haystack IS NULL OR start IS NULL THEN NULL ` +
    `WHEN needle::VARCHAR = '' THEN 1 ` +
    `WHEN greatest(start, 1) > length(SF_STR_TEXT(haystack, 'POSITION')) THEN 0 ` +
    `ELSE (CASE WHEN instr(array_slice(SF_STR_TEXT(haystack, 'POSITION'), greatest(start, 1)::BIGINT, length(SF_STR_TEXT(haystack, 'POSITION'))), needle::VARCHAR) = 0 THEN 0 ` +
    `ELSE instr(array_slice(SF_STR_TEXT(haystack, 'POSITION'), greatest(start, 1)::BIGINT, length(SF_STR_TEXT(haystack, 'POSITION'))), needle::VARCHAR) + greatest(start, 1)::BIGINT - 1 END) END`,
  `CREATE OR REPLACE MACRO CHARINDEX(needle, haystack) AS SF_STR_POSITION(needle, haystack, 1), ` +
    `(needle, haystack, start) AS SF_STR_POSITION(needle, haystack, start)`,
  // LPAD / RPAD: the pad repeats and is cut to length; a longer base is truncated; an empty pad pads nothing.
  `CREATE OR REPLACE MACRO SF_STR_PAD(base, n, pad, on_left) AS CASE WHEN base IS NULL OR n IS NULL OR pad IS NULL THEN NULL ` +
    `WHEN n <= 0 THEN '' WHEN pad::VARCHAR = '' OR length(SF_STR_TEXT(base, 'LPAD / RPAD')) >= n THEN left(SF_STR_TEXT(base, 'LPAD / RPAD'), n::BIGINT) ` +
    `WHEN on_left THEN left(repeat(pad::VARCHAR, n::BIGINT), (n - length(SF_STR_TEXT(base, 'LPAD / RPAD')))::BIGINT) || SF_STR_TEXT(base, 'LPAD / RPAD') ` +
    `ELSE SF_STR_TEXT(base, 'LPAD / RPAD') || left(repeat(pad::VARCHAR, n::BIGINT), (n - length(SF_STR_TEXT(base, 'LPAD / RPAD')))::BIGINT) END`,
  `CREATE OR REPLACE MACRO LPAD(base, n) AS SF_STR_PAD(base, n, ' ', TRUE), (base, n, pad) AS SF_STR_PAD(base, n, pad, TRUE)`,
  `CREATE OR REPLACE MACRO RPAD(base, n) AS SF_STR_PAD(base, n, ' ', FALSE), (base, n, pad) AS SF_STR_PAD(base, n, pad, FALSE)`,
  // INITCAP: a letter after a delimiter (or first) goes upper, the rest lower; delimiters stay as written.
  `CREATE OR REPLACE MACRO SF_STR_INITCAP(s, delims) AS CASE WHEN s IS NULL OR delims IS NULL THEN NULL ELSE array_to_string(` +
    `list_transform(list_zip(string_split(s::VARCHAR, ''), list_prepend(NULL, string_split(s::VARCHAR, ''))), lambda p: CASE ` +
    `WHEN p[1] IS NULL THEN '' WHEN contains(delims, p[1]) THEN p[1] ` +
    `WHEN p[2] IS NULL OR contains(delims, p[2]) THEN upper(p[1]) ELSE lower(p[1]) END), '') END`,
  `CREATE OR REPLACE MACRO INITCAP(s) AS SF_STR_INITCAP(s, ${INITCAP_DELIMITERS}), (s, delims) AS SF_STR_INITCAP(s, delims)`,
  // EDITDISTANCE counts characters: DuckDB's levenshtein counts bytes, so it serves ASCII only.
  `CREATE OR REPLACE MACRO SF_STR_EDIT_DP(a, bcodes) AS list_reduce(` +
    `list_transform(string_split(a, ''), lambda c: [unicode(c)::BIGINT]), ` +
    `lambda prev, x: list_reduce(list_transform(range(1, len(bcodes) + 1), lambda j: [j]), ` +
    `lambda row, jj: list_append(row, least(prev[jj[1] + 1] + 1, row[-1] + 1, prev[jj[1]] + CASE WHEN x[1] = bcodes[jj[1]] THEN 0 ELSE 1 END)), ` +
    `[prev[1] + 1]), range(0, len(bcodes) + 1))[-1]`,
  `CREATE OR REPLACE MACRO SF_STR_EDITDISTANCE(a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL ` +
    `WHEN a = '' THEN length(b) WHEN b = '' THEN length(a) ` +
    `WHEN strlen(a) = length(a) AND strlen(b) = length(b) THEN levenshtein(a, b) ` +
    `ELSE SF_STR_EDIT_DP(a, list_transform(string_split(b, ''), lambda c: unicode(c)::BIGINT)) END`,
  `CREATE OR REPLACE MACRO EDITDISTANCE(a, b) AS SF_STR_EDITDISTANCE(SF_STR_TEXT(a, 'EDITDISTANCE'), SF_STR_TEXT(b, 'EDITDISTANCE')), ` +
    // DuckDB's LEAST skips NULLs, so a NULL distance is kept NULL here.
    `(a, b, max_distance) AS CASE WHEN max_distance IS NULL OR SF_STR_EDITDISTANCE(a::VARCHAR, b::VARCHAR) IS NULL THEN NULL ` +
    `ELSE least(SF_STR_EDITDISTANCE(a::VARCHAR, b::VARCHAR), greatest(max_distance, 0)) END`,
  // RANDSTR: each character drawn from the generator's value and its position, so one value gives one string.
  // The generator appears once per character: a RANDOM() in it is a new draw wherever it is written.
  `CREATE OR REPLACE MACRO RANDSTR(n, gen) AS CASE WHEN n IS NULL OR gen IS NULL THEN NULL ELSE array_to_string(` +
    `list_transform(range(n::BIGINT), lambda i: string_split('${RANDSTR_CHARACTERS}', '')[(hash(gen, i) % 62)::BIGINT + 1]), '') END`,
  // UUID_STRING(): version 4; UUID_STRING(namespace, name): version 5, SHA-1 of the namespace's bytes and the name.
  `CREATE OR REPLACE MACRO SF_STR_UUID_FORMAT(h) AS ` +
    `h[1:8] || '-' || h[9:12] || '-5' || h[14:16] || '-' || ` +
    `'89ab'[(('0x' || h[17])::INTEGER & 3) + 1] || h[18:20] || '-' || h[21:32]`,
  `CREATE OR REPLACE MACRO SF_STR_UUID5(ns, name) AS CASE WHEN ns IS NULL OR name IS NULL THEN NULL ` +
    `WHEN NOT regexp_full_match(ns, '[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}') ` +
    `THEN ${raiseSql('100000', '22023', `'Invalid UUID string: ''' || ns || ''''`)}::VARCHAR ` +
    `ELSE SF_STR_UUID_FORMAT(sha1(unhex(replace(ns, '-', '')) || encode(name))) END`,
  `CREATE OR REPLACE MACRO UUID_STRING() AS uuid()::VARCHAR, (ns, name) AS SF_STR_UUID5(ns::VARCHAR, name::VARCHAR)`,
  // SUBSTR: start 0 is 1, a negative start counts from the end (before the start is ''), a negative length is ''.
  `CREATE OR REPLACE MACRO SF_STR_SUBSTR(s, start, n) AS CASE WHEN s IS NULL OR start IS NULL OR n IS NULL THEN NULL ` +
    `WHEN n <= 0 OR start < -length(s) THEN '' ` +
    `ELSE array_slice(s, CASE WHEN start = 0 THEN 1 WHEN start < 0 THEN length(s) + start + 1 ELSE start END::BIGINT, ` +
    `(CASE WHEN start = 0 THEN 1 WHEN start < 0 THEN length(s) + start + 1 ELSE start END + n - 1)::BIGINT) END`,
  `CREATE OR REPLACE MACRO SUBSTR(s, start) AS SF_STR_SUBSTR(SF_STR_TEXT(s, 'SUBSTR'), start, length(s::VARCHAR) + 1), ` +
    `(s, start, n) AS SF_STR_SUBSTR(SF_STR_TEXT(s, 'SUBSTR'), start, n)`,
  `CREATE OR REPLACE MACRO SUBSTRING(s, start) AS SF_STR_SUBSTR(SF_STR_TEXT(s, 'SUBSTRING'), start, length(s::VARCHAR) + 1), ` +
    `(s, start, n) AS SF_STR_SUBSTR(SF_STR_TEXT(s, 'SUBSTRING'), start, n)`,
  // INSERT(base, pos, len, insert): len characters from pos replaced (the call is renamed in string-calls.ts).
  `CREATE OR REPLACE MACRO SF_STR_INSERT(base, pos, n, ins) AS CASE WHEN base IS NULL OR pos IS NULL OR n IS NULL OR ins IS NULL THEN NULL ` +
    `ELSE SF_STR_SUBSTR(SF_STR_TEXT(base, 'INSERT'), 1, pos - 1) || ins::VARCHAR || SF_STR_SUBSTR(SF_STR_TEXT(base, 'INSERT'), greatest(pos + n, 1), length(SF_STR_TEXT(base, 'INSERT')) + 1) END`,
  // LEFT / RIGHT (renamed in string-calls.ts): a negative length is ''.
  `CREATE OR REPLACE MACRO SF_STR_LEFT(s, n) AS CASE WHEN s IS NULL OR n IS NULL THEN NULL WHEN n <= 0 THEN '' ` +
    `ELSE array_slice(SF_STR_TEXT(s, 'LEFT'), 1, n::BIGINT) END`,
  `CREATE OR REPLACE MACRO SF_STR_RIGHT(s, n) AS CASE WHEN s IS NULL OR n IS NULL THEN NULL WHEN n <= 0 THEN '' ` +
    `WHEN n >= length(s::VARCHAR) THEN SF_STR_TEXT(s, 'RIGHT') ` +
    `ELSE array_slice(SF_STR_TEXT(s, 'RIGHT'), (length(s::VARCHAR) - n + 1)::BIGINT, length(s::VARCHAR)) END`,
  `CREATE OR REPLACE MACRO SPACE(n) AS repeat(' ', n::BIGINT)`,
  // HEX_ENCODE(s [, case]): upper-case hex of the UTF-8 bytes, lower-case with case 0.
  `CREATE OR REPLACE MACRO HEX_ENCODE(s) AS hex(SF_STR_TEXT(s, 'HEX_ENCODE')), ` +
    `(s, letter_case) AS CASE WHEN letter_case = 0 THEN lower(hex(SF_STR_TEXT(s, 'HEX_ENCODE'))) ELSE hex(SF_STR_TEXT(s, 'HEX_ENCODE')) END`,
  `CREATE OR REPLACE MACRO SF_STR_HEX_BYTES(h) AS CASE WHEN regexp_full_match(h, '(?:[0-9a-fA-F]{2})*') THEN unhex(h) END`,
  `CREATE OR REPLACE MACRO TRY_HEX_DECODE_STRING(h) AS ${tryOn('h::VARCHAR', 'decode(SF_STR_HEX_BYTES(v))')}`,
  `CREATE OR REPLACE MACRO HEX_DECODE_STRING(h) AS CASE WHEN h IS NULL THEN NULL ` +
    `WHEN SF_STR_HEX_BYTES(h::VARCHAR) IS NULL THEN ${notLegal('hex', 'h::VARCHAR')}::VARCHAR ` +
    `WHEN TRY_HEX_DECODE_STRING(h) IS NULL THEN ${invalidUtf8('h::VARCHAR')}::VARCHAR ` +
    `ELSE TRY_HEX_DECODE_STRING(h) END`,
  // BASE64: an alphabet's first two characters stand for '+' and '/', a third for the '=' padding;
  // a positive max_line_length breaks the text into lines of that many characters.
  `CREATE OR REPLACE MACRO SF_STR_BASE64_ENCODE(s, line_length, alphabet) AS CASE ` +
    `WHEN s IS NULL OR line_length IS NULL OR alphabet IS NULL THEN NULL ` +
    `WHEN line_length > 0 THEN rtrim(regexp_replace(translate(to_base64(encode(SF_STR_TEXT(s, 'BASE64_ENCODE'))), left('+/=', length(alphabet)), alphabet), ` +
    `'(.{' || line_length::BIGINT || '})', '\\1' || chr(10), 'g'), chr(10)) ` +
    `ELSE translate(to_base64(encode(SF_STR_TEXT(s, 'BASE64_ENCODE'))), left('+/=', length(alphabet)), alphabet) END`,
  `CREATE OR REPLACE MACRO BASE64_ENCODE(s) AS SF_STR_BASE64_ENCODE(s, 0, ''), ` +
    `(s, line_length) AS SF_STR_BASE64_ENCODE(s, line_length, ''), ` +
    `(s, line_length, alphabet) AS SF_STR_BASE64_ENCODE(s, line_length, alphabet)`,
  // Decoding maps the alphabet back; with a custom pad, '=' is no longer a legal character.
  `CREATE OR REPLACE MACRO SF_STR_BASE64_BYTES(s, alphabet) AS CASE ` +
    `WHEN length(alphabet) >= 3 AND alphabet[3] <> '=' AND contains(s, '=') THEN NULL ` +
    `ELSE ${tryOn('s', "from_base64(translate(replace(replace(v, chr(10), ''), chr(13), ''), alphabet, left('+/=', length(alphabet))))")} END`,
  `CREATE OR REPLACE MACRO SF_STR_BASE64_DECODE(s, alphabet) AS CASE WHEN s IS NULL OR alphabet IS NULL THEN NULL ` +
    `WHEN SF_STR_BASE64_BYTES(s::VARCHAR, alphabet) IS NULL THEN ${notLegal('base64', 's::VARCHAR')}::VARCHAR ` +
    `WHEN ${tryOn('SF_STR_BASE64_BYTES(s::VARCHAR, alphabet)', 'decode(v)')} IS NULL THEN ${invalidUtf8('s::VARCHAR')}::VARCHAR ` +
    `ELSE decode(SF_STR_BASE64_BYTES(s::VARCHAR, alphabet)) END`,
  `CREATE OR REPLACE MACRO BASE64_DECODE_STRING(s) AS SF_STR_BASE64_DECODE(s, ''), ` +
    `(s, alphabet) AS SF_STR_BASE64_DECODE(s, alphabet)`,
  `CREATE OR REPLACE MACRO TRY_BASE64_DECODE_STRING(s) AS ${tryOn("SF_STR_BASE64_BYTES(s::VARCHAR, '')", 'decode(v)')}, ` +
    `(s, alphabet) AS ${tryOn('SF_STR_BASE64_BYTES(s::VARCHAR, alphabet)', 'decode(v)')}`,
  `CREATE OR REPLACE MACRO MD5_HEX(s) AS md5(SF_STR_TEXT(s, 'MD5_HEX'))`,
  `CREATE OR REPLACE MACRO SHA1_HEX(s) AS sha1(SF_STR_TEXT(s, 'SHA1_HEX'))`,
];

export const strings: FunctionFamily = {
  macros: [...STRING_MACROS, ...REGEX_MACROS, ...SHA2_MACROS],
  // Escapes first, so every later rewrite reads the string constants' values as Snowflake does.
  rewrite: (sql) => listagg(likeAnyAll(regexRewrites(stringCalls(snowflakeStringLiterals(sql))))),
  rewritten: [...STRING_CALLS, 'LISTAGG', 'REGEXP_REPLACE', 'REGEXP_EXTRACT_ALL', 'LIKE', 'ILIKE'],
};
