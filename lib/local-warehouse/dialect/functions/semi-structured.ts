/**
 * Snowflake's semi-structured functions (PARSE_JSON, OBJECT_CONSTRUCT, ARRAY_CONSTRUCT, GET,
 * ARRAY_*, OBJECT_*, TYPEOF, IS_*, AS_*, TO_* …) on DuckDB. The three types are DuckDB types
 * that keep their identity through any expression and into a table's columns:
 * - VARIANT is JSON;
 * - OBJECT is MAP(VARCHAR, JSON), its keys sorted as Snowflake keeps them;
 * - ARRAY is JSON[], where a SQL NULL element is Snowflake's `undefined`.
 * Every function takes any of them (or any other value) and converts it to JSON first
 * (SF_JSON_OF), so a VARIANT holding an array is an array to ARRAY_SIZE as an ARRAY is.
 * PARSE_JSON, CHECK_JSON and the printing of results are TypeScript (variant-udfs.ts). The
 * syntax (`v:a.b[0]`, constants, casts) is rewritten before this (semi-structured-syntax.ts),
 * which also renames the calls whose names DuckDB has (TYPEOF → SF_TYPEOF …): a macro of such a
 * name would replace DuckDB's function inside every other macro too.
 * Macros call DuckDB's own functions as `system.main.…` wherever a macro may shadow the name.
 * https://docs.snowflake.com/en/sql-reference/functions-semistructured
 */
import { isSymbol, isTrivia, isWord, lex } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../../engine/snowflake-errors';
import { closingParen, sourceOf, sqlString } from '../tokens';
import { callSites, rewriteCalls, windowClause } from './call-sites';
import { FLATTEN_MACROS, flattenCalls } from '../flatten';
import type { FunctionFamily } from './function-family';
import { raiseSql } from './raise';

const TYPEOF = 'system.main.typeof';
const TO_JSON = 'system.main.to_json';
const LEN = 'system.main.len';

/** DuckDB's integer type names (typeof). */
const INTEGER_TYPES = "('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT')";

const duplicateKey = (key: string) => raiseSql('100069', '22000', `'Duplicate field key ''' || ${key} || ''''`);
const castFailure = (value: string, type: string) => raiseSql('100071', '22000', `'Failed to cast variant value ' || ${value} || ' to ${type}'`);

/**
 * The definition with its lambdas' parameters renamed `sf_<name>`. A macro's arguments are
 * pasted into its body, lambdas included: a user's column V passed where a body says
 * `lambda v: … x …` would otherwise be read as the lambda's v.
 */
function hygienic(definition: string): string {
  const names = new Set([...definition.matchAll(/\blambda\s+([\w\s,]+?):/g)].flatMap((found) => found[1].split(',').map((name) => name.trim().toLowerCase())));
  const tokens = lex(definition);
  let previous: string | null = null;
  return tokens
    .map((token) => {
      const text = token.kind === 'identifier' && previous !== '.' && names.has(token.text.toLowerCase()) ? `sf_${token.text}` : token.text;
      if (!isTrivia(token)) previous = token.text;
      return text;
    })
    .join('');
}

const macro = (definition: string) => `CREATE OR REPLACE MACRO ${hygienic(definition)}`;

/**
 * `body` with `value` evaluated once and named `name`. A macro's parameter is substituted
 * wherever it is used, so a body naming it five times, nested five deep (an ARRAY of ARRAYs
 * of …), would grow to 5^5 copies; a lambda over a one-element list names it once.
 */
const bind = (value: string, name: string, body: string) => `list_transform([${value}], lambda ${name}: ${body})[1]`;

/** The VARIANT a value holds as JSON, bound to `j`. */
const withJson = (x: string, body: string) => bind(`SF_JSON_OF(${x})`, 'j', body);
/** The ARRAY a value holds (NULL when none), bound to `l`. */
const withList = (x: string, body: string) => bind(`SF_JSON_LIST(${x})`, 'l', body);
/** The OBJECT a value holds (NULL when none), bound to `m`. */
const withMap = (x: string, body: string) => bind(`SF_JSON_MAP(${x})`, 'm', body);

const FLATTEN_ERROR = raiseSql('100107', '22000', `'Not an array: ''Input argument to ARRAY_FLATTEN is not an array of arrays'''`);

const MACROS = [
  // Any value as a VARIANT. A DOUBLE keeps Snowflake's exponent form, so TYPEOF still says DOUBLE
  // and it prints as Snowflake prints it; an ARRAY or OBJECT is written out without re-reading its
  // elements (DuckDB's to_json would rewrite their numbers); a STRUCT's keys are sorted.
  macro(
    `SF_JSON_OF(x) AS ${bind(
      'x',
      'v',
      `CASE WHEN ${TYPEOF}(v) IN ('JSON', 'VARIANT') THEN CAST(v AS JSON) ` +
        `WHEN ${TYPEOF}(v) IN ('DOUBLE', 'FLOAT') THEN CASE WHEN isfinite(CAST(v AS DOUBLE)) THEN CAST(printf('%.15e', CAST(v AS DOUBLE)) AS JSON) ELSE ${TO_JSON}(v) END ` +
        `WHEN ${TYPEOF}(v) = 'JSON[]' THEN CAST('[' || system.main.array_to_string(list_transform(CAST(v AS JSON[]), lambda e: COALESCE(CAST(e AS VARCHAR), 'null')), ',') || ']' AS JSON) ` +
        `WHEN ${TYPEOF}(v) = 'MAP(VARCHAR, JSON)' THEN CAST('{' || system.main.array_to_string(list_transform(map_entries(CAST(v AS MAP(VARCHAR, JSON))), ` +
        `lambda e: CAST(${TO_JSON}(e.key) AS VARCHAR) || ':' || COALESCE(CAST(e.value AS VARCHAR), 'null')), ',') || '}' AS JSON) ` +
        `WHEN ${TYPEOF}(v) LIKE 'STRUCT%' THEN SF_SORTED_JSON(CAST(${TO_JSON}(v) AS VARCHAR)) ` +
        `ELSE ${TO_JSON}(v) END`,
    )}`,
  ),
  // The value as an ARRAY, or NULL when it holds none.
  macro(
    `SF_JSON_LIST(x) AS ${bind(
      'x',
      'v',
      `CASE WHEN ${TYPEOF}(v) = 'JSON[]' THEN CAST(v AS JSON[]) ELSE ${withJson('v', `CASE WHEN json_type(j) = 'ARRAY' THEN CAST(j AS JSON[]) END`)} END`,
    )}`,
  ),
  // The value as an OBJECT, or NULL when it holds none.
  macro(
    `SF_JSON_MAP(x) AS ${bind(
      'x',
      'v',
      `CASE WHEN ${TYPEOF}(v) = 'MAP(VARCHAR, JSON)' THEN CAST(v AS MAP(VARCHAR, JSON)) ` +
        `ELSE ${withJson('v', `CASE WHEN json_type(j) = 'OBJECT' THEN CAST(j AS MAP(VARCHAR, JSON)) END`)} END`,
    )}`,
  ),
  // An OBJECT from (k, v) pairs: keys sorted, each once.
  macro(
    `SF_JSON_OBJECT_OF_ENTRIES(entries) AS ${bind(
      'entries',
      'pairs',
      bind(
        'list_transform(pairs, lambda e: e.k)',
        'keys',
        `CASE WHEN ${LEN}(list_distinct(keys)) < ${LEN}(keys) THEN ` +
          `${duplicateKey('list_filter(keys, lambda k, i: list_position(keys, k) < i)[1]')} ` +
          `ELSE map_from_entries(list_sort(pairs)) END`,
      ),
    )}`,
  ),
  // OBJECT_CONSTRUCT(*): a row's columns, those holding NULL left out unless kept (…_KEEP_NULL).
  macro(
    `SF_JSON_OBJECT_OF_ROW(columns_struct, keep_null) AS map_from_entries(list_filter(map_entries(CAST(SF_JSON_OF(columns_struct) AS MAP(VARCHAR, JSON))), ` +
      `lambda e: keep_null OR json_type(e.value) <> 'NULL'))`,
  ),
  // ARRAY_AGG's list as an ARRAY; no rows make an empty one.
  macro(`SF_JSON_ARRAY_OF_LIST(l) AS COALESCE(list_transform(l, lambda e: SF_JSON_OF(e)), CAST([] AS JSON[]))`),
  // A key as the JSON Pointer step json_extract reads.
  macro(`SF_JSON_KEY_POINTER(k) AS '/' || replace(replace(CAST(k AS VARCHAR), '~', '~0'), '/', '~1')`),
  // A VARIANT's type as TYPEOF names it; a number with an exponent is a DOUBLE.
  macro(
    `SF_JSON_TYPEOF(x) AS ${bind(
      'x',
      'j',
      `CASE json_type(j) WHEN 'NULL' THEN 'NULL_VALUE' WHEN 'BOOLEAN' THEN 'BOOLEAN' WHEN 'VARCHAR' THEN 'VARCHAR' ` +
        `WHEN 'ARRAY' THEN 'ARRAY' WHEN 'OBJECT' THEN 'OBJECT' WHEN 'BIGINT' THEN 'INTEGER' WHEN 'UBIGINT' THEN 'INTEGER' ` +
        `ELSE CASE WHEN regexp_full_match(trim(CAST(j AS VARCHAR)), '-?[0-9]+') THEN 'INTEGER' ` +
        `WHEN regexp_matches(CAST(j AS VARCHAR), '[eEnN]') THEN 'DOUBLE' ELSE 'DECIMAL' END END`,
    )}`,
  ),
  // A VARIANT's text as a string function reads it: a string without quotes, JSON null NULL.
  macro(
    `SF_JSON_TEXT(x) AS ${bind(
      'x',
      'j',
      `CASE json_type(j) WHEN 'VARCHAR' THEN json_extract_string(j, '$') WHEN 'NULL' THEN NULL ` +
        `ELSE CASE WHEN SF_JSON_TYPEOF(j) = 'DOUBLE' THEN CAST(CAST(j AS DOUBLE) AS VARCHAR) ELSE CAST(j AS VARCHAR) END END`,
    )}`,
  ),
  // Text for PARSE_JSON: a VARIANT holding a string is that string.
  macro(
    `SF_JSON_INPUT(x) AS ${bind('x', 'v', `CASE WHEN ${TYPEOF}(v) IN ('JSON', 'VARIANT') THEN json_extract_string(CAST(v AS JSON), '$') ELSE CAST(v AS VARCHAR) END`)}`,
  ),

  macro(`PARSE_JSON(x) AS SF_PARSE_JSON(SF_JSON_INPUT(x), 's'), (x, parameter) AS SF_PARSE_JSON(SF_JSON_INPUT(x), parameter)`),
  macro(`TRY_PARSE_JSON(x) AS SF_TRY_PARSE_JSON(SF_JSON_INPUT(x), 's'), (x, parameter) AS SF_TRY_PARSE_JSON(SF_JSON_INPUT(x), parameter)`),
  macro(`CHECK_JSON(x) AS SF_CHECK_JSON(SF_JSON_INPUT(x))`),
  // Compact, keys sorted: a value DuckDB cast to JSON (an ARRAY stored in a VARIANT column) may carry spaces.
  macro(`SF_TO_JSON(x) AS CAST(SF_SORTED_JSON(CAST(SF_JSON_OF(x) AS VARCHAR)) AS VARCHAR)`),
  macro(`TO_VARIANT(x) AS SF_JSON_OF(x)`),
  macro(
    `TO_ARRAY(x) AS ${withJson('x', `CASE WHEN j IS NULL OR json_type(j) = 'NULL' THEN NULL WHEN json_type(j) = 'ARRAY' THEN CAST(j AS JSON[]) ELSE [j] END`)}`,
  ),
  // TO_OBJECT, and the casts x::OBJECT and x::ARRAY: JSON null is NULL, another kind an error.
  ...(
    [
      ['TO_OBJECT', 'OBJECT', 'MAP(VARCHAR, JSON)'],
      ['SF_CAST_OBJECT', 'OBJECT', 'MAP(VARCHAR, JSON)'],
      ['SF_CAST_ARRAY', 'ARRAY', 'JSON[]'],
    ] as const
  ).map(([name, kind, type]) =>
    macro(
      `${name}(x) AS ${withJson(
        'x',
        `CASE WHEN j IS NULL OR json_type(j) = 'NULL' THEN NULL WHEN json_type(j) = '${kind}' THEN CAST(j AS ${type}) ` +
          `ELSE ${castFailure('CAST(j AS VARCHAR)', kind)} END`,
      )}`,
    ),
  ),
  macro(`STRIP_NULL_VALUE(x) AS ${withJson('x', `CASE WHEN json_type(j) = 'NULL' THEN NULL ELSE j END`)}`),

  // Extraction: an OBJECT's key or an ARRAY's index; NULL where the value holds neither.
  macro(
    `GET(x, k) AS CASE WHEN ${TYPEOF}(k) = 'VARCHAR' THEN ` +
      `${withJson('x', `CASE WHEN json_type(j) = 'OBJECT' THEN json_extract(j, SF_JSON_KEY_POINTER(k)) END`)} ` +
      `ELSE ${withJson('x', `CASE WHEN json_type(j) = 'ARRAY' AND TRY_CAST(k AS BIGINT) >= 0 THEN json_extract(j, '/' || CAST(TRY_CAST(k AS BIGINT) AS VARCHAR)) END`)} END`,
  ),
  macro(`SF_GET_PATH(x, pointer) AS json_extract(SF_JSON_OF(x), pointer)`),
  macro(`GET_PATH(x, path) AS json_extract(SF_JSON_OF(x), SF_PATH_POINTER(CAST(path AS VARCHAR)))`),
  // The exact key first; else the first key that matches ignoring case (keys are sorted).
  macro(
    `GET_IGNORE_CASE(x, k) AS ${withJson(
      'x',
      `CASE WHEN json_type(j) = 'OBJECT' THEN json_extract(j, SF_JSON_KEY_POINTER(COALESCE(` +
        `list_filter(json_keys(j), lambda e: e = k)[1], list_filter(json_keys(j), lambda e: lower(e) = lower(k))[1]))) END`,
    )}`,
  ),
  macro(
    `SF_JSON_EXTRACT_PATH_TEXT(s, path) AS SF_JSON_TEXT(json_extract(SF_PARSE_JSON(SF_JSON_INPUT(s), 's'), SF_PATH_POINTER(CAST(path AS VARCHAR))))`,
  ),
  // A path compared or matched as text (semi-structured-syntax.ts).
  macro(`SF_VARIANT_TEXT(j) AS SF_JSON_TEXT(j)`),

  // Type predicates and casts.
  macro(
    `SF_TYPEOF(x) AS ${bind(
      'x',
      'v',
      `CASE WHEN v IS NULL THEN NULL ` +
        `WHEN ${TYPEOF}(v) IN ('JSON', 'VARIANT') THEN SF_JSON_TYPEOF(SF_JSON_OF(v)) ` +
        `WHEN ${TYPEOF}(v) LIKE '%[]' THEN 'ARRAY' ` +
        `WHEN ${TYPEOF}(v) LIKE 'MAP%' OR ${TYPEOF}(v) LIKE 'STRUCT%' THEN 'OBJECT' ` +
        `WHEN ${TYPEOF}(v) = 'BOOLEAN' THEN 'BOOLEAN' ` +
        `WHEN ${TYPEOF}(v) IN ${INTEGER_TYPES} OR ${TYPEOF}(v) LIKE 'DECIMAL(%,0)' THEN 'INTEGER' ` +
        `WHEN ${TYPEOF}(v) LIKE 'DECIMAL%' THEN 'DECIMAL' ` +
        `WHEN ${TYPEOF}(v) IN ('DOUBLE', 'FLOAT') THEN 'DOUBLE' ` +
        `WHEN ${TYPEOF}(v) = 'DATE' THEN 'DATE' ` +
        `WHEN ${TYPEOF}(v) = 'TIME' THEN 'TIME' ` +
        `WHEN ${TYPEOF}(v) = 'TIMESTAMP WITH TIME ZONE' THEN 'TIMESTAMP_LTZ' ` +
        `WHEN ${TYPEOF}(v) LIKE 'TIMESTAMP%' THEN 'TIMESTAMP_NTZ' ` +
        `WHEN ${TYPEOF}(v) = 'BLOB' THEN 'BINARY' ` +
        `ELSE 'VARCHAR' END`,
    )}`,
  ),
  macro(`IS_ARRAY(x) AS SF_TYPEOF(x) = 'ARRAY'`),
  macro(`IS_OBJECT(x) AS SF_TYPEOF(x) = 'OBJECT'`),
  macro(`IS_INTEGER(x) AS SF_TYPEOF(x) = 'INTEGER'`),
  macro(`IS_DECIMAL(x) AS SF_TYPEOF(x) IN ('INTEGER', 'DECIMAL')`),
  macro(`IS_DOUBLE(x) AS SF_TYPEOF(x) IN ('INTEGER', 'DECIMAL', 'DOUBLE')`),
  macro(`IS_REAL(x) AS IS_DOUBLE(x)`),
  macro(`IS_VARCHAR(x) AS SF_TYPEOF(x) = 'VARCHAR'`),
  macro(`IS_CHAR(x) AS IS_VARCHAR(x)`),
  macro(`IS_BOOLEAN(x) AS SF_TYPEOF(x) = 'BOOLEAN'`),
  macro(`IS_NULL_VALUE(x) AS SF_TYPEOF(x) = 'NULL_VALUE'`),
  macro(`AS_VARCHAR(x) AS ${withJson('x', `CASE WHEN SF_JSON_TYPEOF(j) = 'VARCHAR' THEN json_extract_string(j, '$') END`)}`),
  macro(`AS_CHAR(x) AS AS_VARCHAR(x)`),
  macro(`AS_INTEGER(x) AS ${withJson('x', `CASE WHEN SF_JSON_TYPEOF(j) = 'INTEGER' THEN CAST(j AS DECIMAL(38, 0)) END`)}`),
  macro(`AS_DOUBLE(x) AS ${withJson('x', `CASE WHEN SF_JSON_TYPEOF(j) IN ('INTEGER', 'DECIMAL', 'DOUBLE') THEN CAST(j AS DOUBLE) END`)}`),
  macro(`AS_REAL(x) AS AS_DOUBLE(x)`),
  macro(`AS_BOOLEAN(x) AS ${withJson('x', `CASE WHEN SF_JSON_TYPEOF(j) = 'BOOLEAN' THEN CAST(j AS BOOLEAN) END`)}`),
  macro(`AS_ARRAY(x) AS ${withJson('x', `CASE WHEN json_type(j) = 'ARRAY' THEN CAST(j AS JSON[]) END`)}`),
  macro(`AS_OBJECT(x) AS ${withJson('x', `CASE WHEN json_type(j) = 'OBJECT' THEN CAST(j AS MAP(VARCHAR, JSON)) END`)}`),

  // Arrays.
  macro(`ARRAY_SIZE(a) AS ${LEN}(SF_JSON_LIST(a))`),
  macro(
    `SF_ARRAY_CONTAINS(value, a) AS ${withList(
      'a',
      `CASE WHEN l IS NULL THEN NULL ` +
        `WHEN value IS NULL THEN CASE WHEN list_position(l, NULL) IS NOT NULL THEN TRUE END ` +
        `ELSE list_contains(l, SF_JSON_OF(value)) END`,
    )}`,
  ),
  macro(`SF_ARRAY_POSITION(value, a) AS list_position(SF_JSON_LIST(a), SF_JSON_OF(value)) - 1`),
  // A slice bound: negative counts from the end; both clamp to the array.
  macro(`SF_ARRAY_BOUND(i, n) AS CASE WHEN i < 0 THEN greatest(n + i, 0) ELSE least(i, n) END`),
  macro(
    `SF_ARRAY_SLICE(a, f, t) AS ${withList(
      'a',
      `CASE WHEN l IS NULL OR f IS NULL OR t IS NULL THEN NULL ELSE list_slice(l, SF_ARRAY_BOUND(f, ${LEN}(l)) + 1, SF_ARRAY_BOUND(t, ${LEN}(l))) END`,
    )}`,
  ),
  macro(`SF_ARRAY_APPEND(a, value) AS ${withList('a', `CASE WHEN l IS NOT NULL THEN list_append(l, SF_JSON_OF(value)) END`)}`),
  macro(`SF_ARRAY_PREPEND(a, value) AS ${withList('a', `CASE WHEN l IS NOT NULL THEN list_prepend(SF_JSON_OF(value), l) END`)}`),
  macro(
    `SF_ARRAY_CAT(a, b) AS ${withList('a', bind('SF_JSON_LIST(b)', 'r', 'CASE WHEN l IS NOT NULL AND r IS NOT NULL THEN list_concat(l, r) END'))}`,
  ),
  // Missing (SQL NULL) and JSON null elements removed.
  macro(`ARRAY_COMPACT(a) AS list_filter(SF_JSON_LIST(a), lambda e: e IS NOT NULL AND json_type(e) <> 'NULL')`),
  // The first of each value, NULL included (list_position finds NULL as a value).
  macro(`SF_ARRAY_DISTINCT(a) AS ${withList('a', 'list_filter(l, lambda e, i: list_position(l, e) = i)')}`),
  // Multiset intersection: the n-th copy of a value is kept while the other array has n copies.
  macro(
    `ARRAY_INTERSECTION(a, b) AS ${withList(
      'a',
      bind(
        'SF_JSON_LIST(b)',
        'r',
        `CASE WHEN l IS NOT NULL AND r IS NOT NULL THEN ` +
          `list_filter(l, lambda e, i: ${LEN}(list_filter(list_slice(l, 1, i), lambda x: x IS NOT DISTINCT FROM e)) ` +
          `<= ${LEN}(list_filter(r, lambda x: x IS NOT DISTINCT FROM e))) END`,
      ),
    )}`,
  ),
  macro(`ARRAYS_OVERLAP(a, b) AS ${LEN}(ARRAY_INTERSECTION(a, b)) > 0`),
  // Joined with a fold: DuckDB's array_to_string takes only a constant separator.
  macro(
    `SF_ARRAY_TO_STRING(a, sep) AS ${withList(
      'a',
      `CASE WHEN l IS NULL OR sep IS NULL THEN NULL WHEN ${LEN}(l) = 0 THEN '' ` +
        `ELSE list_reduce(list_transform(l, lambda e: COALESCE(SF_JSON_TEXT(e), '')), lambda joined, part: joined || CAST(sep AS VARCHAR) || part) END`,
    )}`,
  ),
  macro(
    `ARRAY_FLATTEN(a) AS ${withList(
      'a',
      `CASE WHEN l IS NULL OR list_position(l, NULL) IS NOT NULL THEN NULL ` +
        `WHEN NOT list_bool_and(list_transform(l, lambda e: json_type(e) = 'ARRAY')) THEN ${FLATTEN_ERROR} ` +
        `ELSE system.main.flatten(list_transform(l, lambda e: CAST(e AS JSON[]))) END`,
    )}`,
  ),
  // Sorted as FLATTEN … ORDER BY VALUE sorts: numbers by value, JSON null after the values, and
  // SQL NULL (undefined) last or first as asked. Descending is the ascending order reversed.
  macro(
    `SF_ARRAY_SORT_BY(a, ascending, nulls_first) AS ${withList(
      'a',
      `CASE WHEN l IS NULL OR ascending IS NULL OR nulls_first IS NULL THEN NULL ELSE ${bind(
        `list_transform(list_sort(list_transform(l, lambda e: {` +
          `'undefined': CASE WHEN ascending = nulls_first THEN e IS NOT NULL ELSE e IS NULL END, ` +
          `'json_null': json_type(e) = 'NULL', ` +
          `'number': CASE WHEN json_type(e) IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN CAST(e AS DOUBLE) END, ` +
          `'text': CAST(e AS VARCHAR), 'element': e})), lambda s: s.element)`,
        'sorted',
        'CASE WHEN ascending THEN sorted ELSE list_reverse(sorted) END',
      )} END`,
    )}`,
  ),
  macro(
    `SF_ARRAY_SORT(a) AS SF_ARRAY_SORT_BY(a, TRUE, FALSE), (a, ascending) AS SF_ARRAY_SORT_BY(a, ascending, NOT ascending), ` +
      `(a, ascending, nulls_first) AS SF_ARRAY_SORT_BY(a, ascending, nulls_first)`,
  ),
  macro(`SF_ARRAY_REVERSE(a) AS list_reverse(SF_JSON_LIST(a))`),

  // Objects.
  macro(`OBJECT_KEYS(o) AS ${withJson('o', `CASE WHEN json_type(j) = 'OBJECT' THEN list_transform(json_keys(j), lambda k: ${TO_JSON}(k)) END`)}`),
  macro(
    `SF_OBJECT_INSERT(o, k, value, updating) AS ${withMap(
      'o',
      bind(
        'CAST(k AS VARCHAR)',
        'key',
        `CASE WHEN m IS NULL THEN NULL ` +
          `WHEN key IS NULL OR value IS NULL THEN m ` +
          `WHEN NOT COALESCE(updating, FALSE) AND list_contains(map_keys(m), key) THEN ${duplicateKey('key')} ` +
          `ELSE map_from_entries(list_sort(list_append(list_filter(map_entries(m), lambda e: e.key <> key), {'key': key, 'value': SF_JSON_OF(value)}))) END`,
      ),
    )}`,
  ),
  macro(`OBJECT_INSERT(o, k, value) AS SF_OBJECT_INSERT(o, k, value, FALSE), (o, k, value, updating) AS SF_OBJECT_INSERT(o, k, value, updating)`),
  macro(`SF_OBJECT_DELETE(o, keys) AS map_from_entries(list_filter(map_entries(SF_JSON_MAP(o)), lambda e: NOT list_contains(keys, e.key)))`),
  macro(`SF_OBJECT_PICK(o, keys) AS map_from_entries(list_filter(map_entries(SF_JSON_MAP(o)), lambda e: list_contains(keys, e.key)))`),
  // OBJECT_PICK's second argument: one key, or an ARRAY of keys.
  macro(
    `SF_OBJECT_PICK_KEYS(x) AS ${bind(
      'x',
      'v',
      `CASE WHEN ${TYPEOF}(v) = 'VARCHAR' THEN [CAST(v AS VARCHAR)] ELSE list_transform(SF_JSON_LIST(v), lambda e: json_extract_string(e, '$')) END`,
    )}`,
  ),
];

/** Snowflake functions this family answers by rewriting the call (the names DuckDB has among them). */
const REWRITTEN = [
  'ARRAY_CONSTRUCT',
  'ARRAY_CONSTRUCT_COMPACT',
  'OBJECT_CONSTRUCT',
  'OBJECT_CONSTRUCT_KEEP_NULL',
  'OBJECT_DELETE',
  'OBJECT_PICK',
  'OBJECT_AGG',
  'OBJECTAGG',
  'ARRAY_AGG',
  'ARRAYAGG',
  'FLATTEN',
  'ARRAY_APPEND',
  'ARRAY_CAT',
  'ARRAY_CONTAINS',
  'ARRAY_DISTINCT',
  'ARRAY_POSITION',
  'ARRAY_PREPEND',
  'ARRAY_REVERSE',
  'ARRAY_SLICE',
  'ARRAY_SORT',
  'ARRAY_TO_STRING',
  'JSON_EXTRACT_PATH_TEXT',
  'TO_JSON',
  'TYPEOF',
];

const VARIADIC = ['ARRAY_CONSTRUCT', 'ARRAY_CONSTRUCT_COMPACT', 'OBJECT_CONSTRUCT', 'OBJECT_CONSTRUCT_KEEP_NULL', 'OBJECT_DELETE', 'OBJECT_PICK'];
const AGGREGATES = ['SF_ARRAY_AGG', 'OBJECT_AGG', 'OBJECTAGG'];

const compilation = (detail: string) => new SnowflakeQueryError(snowflakeErrors.compilation(detail));

/** A `*`-form argument of OBJECT_CONSTRUCT (`*`, `t.*`, `* ILIKE 'p%'`, `* EXCLUDE c`) as DuckDB's COLUMNS. */
function starColumns(arg: string): string | null {
  const ilike = /^\*\s+ILIKE\s+'((?:[^']|'')*)'$/is.exec(arg);
  if (ilike) return `*COLUMNS(${sqlString(`(?i)^${likeToRegex(ilike[1].replace(/''/g, "'"))}$`)})`;
  const exclude = /^\*\s+EXCLUDE\s+(.+)$/is.exec(arg);
  if (exclude) {
    const columns = exclude[1].trim();
    return `*COLUMNS(* EXCLUDE ${columns.startsWith('(') ? columns : `(${columns})`})`;
  }
  if (/^(?:[\w$"]+\s*\.\s*)?\*$/s.test(arg)) return `*COLUMNS(${arg})`;
  return null;
}

function likeToRegex(pattern: string): string {
  return pattern.replace(/[.*+?^${}()|[\]\\]|%|_/g, (ch) => (ch === '%' ? '.*' : ch === '_' ? '.' : `\\${ch}`));
}

function variadicCall(name: string, args: string[]): string {
  switch (name) {
    case 'ARRAY_CONSTRUCT':
    case 'ARRAY_CONSTRUCT_COMPACT': {
      if (args.length === 0) return 'CAST([] AS JSON[])';
      const list = `[${args.map((arg) => `SF_JSON_OF(${arg})`).join(', ')}]`;
      return name === 'ARRAY_CONSTRUCT' ? list : `list_filter(${list}, lambda sf_e: sf_e IS NOT NULL)`;
    }
    case 'OBJECT_CONSTRUCT':
    case 'OBJECT_CONSTRUCT_KEEP_NULL': {
      const keepNull = name === 'OBJECT_CONSTRUCT_KEEP_NULL';
      if (args.length === 1) {
        const star = starColumns(args[0].trim());
        if (star) return `SF_JSON_OBJECT_OF_ROW(struct_pack(${star}), ${keepNull})`;
      }
      if (args.length === 0) return 'SF_JSON_OBJECT_OF_ENTRIES(CAST([] AS STRUCT(k VARCHAR, v JSON)[]))';
      if (args.length % 2 !== 0) throw compilation(`${name} takes key-value pairs; got an odd number of arguments (${args.length}).`);
      const entries: string[] = [];
      for (let i = 0; i < args.length; i += 2) {
        const value = keepNull ? `COALESCE(SF_JSON_OF(${args[i + 1]}), CAST('null' AS JSON))` : `SF_JSON_OF(${args[i + 1]})`;
        entries.push(`{'k': CAST(${args[i]} AS VARCHAR), 'v': ${value}}`);
      }
      // The lambda's name is the warehouse's own: the statement's columns are in scope around it.
      const kept = keepNull ? 'sf_e.k IS NOT NULL' : 'sf_e.k IS NOT NULL AND sf_e.v IS NOT NULL';
      return `SF_JSON_OBJECT_OF_ENTRIES(list_filter([${entries.join(', ')}], lambda sf_e: ${kept}))`;
    }
    case 'OBJECT_DELETE':
    case 'OBJECT_PICK': {
      if (args.length < 2) throw compilation(`${name} takes an object and at least one key.`);
      const keys =
        name === 'OBJECT_PICK' && args.length === 2
          ? `SF_OBJECT_PICK_KEYS(${args[1]})`
          : `[${args.slice(1).map((key) => `CAST(${key} AS VARCHAR)`).join(', ')}]`;
      return `SF_${name}(${args[0]}, ${keys})`;
    }
    default:
      throw new Error(`not a variadic semi-structured function: ${name}`);
  }
}

/**
 * ARRAY_AGG([DISTINCT] x) [WITHIN GROUP (ORDER BY …)] [OVER (…)] and OBJECT_AGG(k, v) [OVER (…)]
 * as DuckDB's list(): NULLs left out, no rows an empty ARRAY or OBJECT.
 */
function aggregateCalls(sql: string): string {
  return rewriteCalls(sql, (text, tokens) =>
    callSites(tokens, AGGREGATES).map((site) => {
      const name = tokens[site.name].text.toUpperCase();
      let end = site.close;
      let order = '';
      if (isWord(tokens[end + 1], 'WITHIN') && isWord(tokens[end + 2], 'GROUP') && isSymbol(tokens[end + 3], '(')) {
        const close = closingParen(tokens, end + 3);
        if (close === -1) throw compilation('WITHIN GROUP needs a closing parenthesis.');
        order = ` ${sourceOf(text, tokens, end + 4, close)}`;
        end = close;
      }
      const window = windowClause(tokens, end + 1);
      const over = window ? ` ${sourceOf(text, tokens, window.over, window.close + 1)}` : '';
      if (window) end = window.close;
      let call: string;
      if (name === 'SF_ARRAY_AGG') {
        const distinct = isWord(tokens[site.open + 1], 'DISTINCT');
        const from = distinct ? site.open + 2 : site.open + 1;
        if (from >= site.close) throw compilation('ARRAY_AGG takes one argument.');
        const value = sourceOf(text, tokens, from, site.close);
        call = `SF_JSON_ARRAY_OF_LIST(list(${distinct ? 'DISTINCT ' : ''}${value}${order}) FILTER (WHERE (${value}) IS NOT NULL)${over})`;
      } else {
        if (site.args.length !== 2) throw compilation(`${name} takes two arguments (key, value).`);
        const [key, value] = site.args.map(([from, to]) => sourceOf(text, tokens, from, to));
        const entries = `list({'k': CAST(${key} AS VARCHAR), 'v': SF_JSON_OF(${value})}) FILTER (WHERE (${key}) IS NOT NULL AND (${value}) IS NOT NULL)${over}`;
        call = `SF_JSON_OBJECT_OF_ENTRIES(COALESCE(${entries}, CAST([] AS STRUCT(k VARCHAR, v JSON)[])))`;
      }
      return { start: tokens[site.name].start, end: tokens[end].end, text: call };
    }),
  );
}

function variadicCalls(sql: string): string {
  return rewriteCalls(sql, (text, tokens) =>
    callSites(tokens, VARIADIC).map((site) => {
      const args = site.args.map(([from, to]) => sourceOf(text, tokens, from, to));
      const name = tokens[site.name].text.toUpperCase();
      return { start: tokens[site.name].start, end: tokens[site.close].end, text: variadicCall(name, args) };
    }),
  );
}

export const semiStructured: FunctionFamily = {
  macros: [...MACROS, ...FLATTEN_MACROS],
  rewritten: REWRITTEN,
  rewrite: (sql) => flattenCalls(aggregateCalls(variadicCalls(sql))),
};
