/**
 * FLATTEN, Snowflake's table function that explodes a VARIANT, OBJECT or ARRAY into rows, as
 * `TABLE(FLATTEN(…))`, `LATERAL FLATTEN(…)` or `, LATERAL FLATTEN(…) f`. The call (renamed
 * SF_FLATTEN by semi-structured-syntax.ts, since DuckDB has a flatten of its own) becomes the
 * table macro SF_FLATTEN_ROWS over DuckDB's json_tree, with Snowflake's columns:
 * SEQ, KEY (NULL for an array's element), PATH (`[0]`, `b[1]`, `c.d`), INDEX (NULL for an
 * object's field), VALUE and THIS (the value being flattened). PATH, OUTER, RECURSIVE and
 * MODE are constants, read here. DuckDB runs the macro once per distinct input, so SEQ numbers
 * inputs rather than rows: 1 for a constant input, else a number derived from the input value.
 * VALUE is NULL outside the rows kept, because DuckDB may test a query's WHERE on json_tree's
 * other nodes too (`f.value::INT > 1` would fail on the array itself).
 * https://docs.snowflake.com/en/sql-reference/functions/flatten
 */
import { isSymbol, isWord, type Token } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { jsonPointer, JsonSyntaxError, parseSnowflakePath } from './functions/variant-json';
import { callSites, rewriteCalls } from './functions/call-sites';
import { sourceOf, sqlString, stringValue } from './tokens';

/** A json_tree fullkey (`$.b[0]`) relative to the flattened value, in Snowflake's notation. */
const RELATIVE_PATH = `regexp_replace(substr(fullkey, 2), '^\\.', '')`;

/**
 * Whether json_tree's node t (with parent p) is a row: a child of the flattened value, or any
 * descendant when recursive, through objects, arrays or both as MODE says.
 */
const INCLUDED =
  `((recursive OR p.parent IS NULL) AND (mode = 'BOTH' ` +
  `OR (mode = 'OBJECT' AND json_type(p.value) = 'OBJECT' AND NOT contains(p.fullkey, '[')) ` +
  `OR (mode = 'ARRAY' AND json_type(p.value) = 'ARRAY' AND regexp_full_match(p.fullkey, '\\$(\\[[0-9]+\\])*'))))`;

export const FLATTEN_MACROS = [
  // PATH: the flattened element's path after the PATH argument's (`b` + `[0]`, `c` + `.d`).
  `CREATE OR REPLACE MACRO SF_FLATTEN_PATH(prefix, fullkey) AS CASE ` +
    `WHEN prefix = '' THEN ${RELATIVE_PATH} ` +
    `WHEN starts_with(substr(fullkey, 2), '[') THEN prefix || substr(fullkey, 2) ` +
    `ELSE prefix || '.' || ${RELATIVE_PATH} END`,
  `CREATE OR REPLACE MACRO SF_FLATTEN_ROWS(input, pointer, prefix, outer_rows, recursive, mode, constant_input) AS TABLE ` +
    `SELECT CASE WHEN constant_input THEN 1 ELSE CAST(system.main.hash(CAST(s.whole AS VARCHAR)) % 9007199254740991 AS BIGINT) END AS "SEQ", ` +
    `CASE WHEN json_type(n.this) = 'OBJECT' THEN n.key END AS "KEY", ` +
    `CASE WHEN n.id IS NULL THEN prefix ELSE SF_FLATTEN_PATH(prefix, n.fullkey) END AS "PATH", ` +
    `CASE WHEN json_type(n.this) = 'ARRAY' THEN CAST(n.key AS BIGINT) END AS "INDEX", ` +
    `n.value AS "VALUE", ` +
    `CASE WHEN n.id IS NULL THEN s.root ELSE n.this END AS "THIS" ` +
    `FROM (SELECT SF_JSON_OF(input) AS whole, json_extract(SF_JSON_OF(input), pointer) AS root) AS s ` +
    `LEFT JOIN LATERAL (SELECT t.id, t.key, CASE WHEN ${INCLUDED} THEN t.value END AS value, t.fullkey, p.value AS this ` +
    `FROM json_tree(s.root) AS t JOIN json_tree(s.root) AS p ON t.parent = p.id WHERE ${INCLUDED}) AS n ON TRUE ` +
    `WHERE outer_rows OR n.id IS NOT NULL ` +
    `ORDER BY n.id`,
];

const ARGUMENTS = ['INPUT', 'PATH', 'OUTER', 'RECURSIVE', 'MODE'] as const;
type Argument = (typeof ARGUMENTS)[number];

const failure = (detail: string) => new SnowflakeQueryError(snowflakeErrors.compilation(`FLATTEN: ${detail}`));

export function flattenCalls(sql: string): string {
  return rewriteCalls(sql, (text, tokens) =>
    callSites(tokens, ['SF_FLATTEN']).map((site) => {
      const args = namedArguments(tokens, site.args);
      const input = args.get('INPUT');
      if (!input) throw failure('the INPUT argument is required.');
      const call = flattenRows(text, tokens, input, args);
      // TABLE(FLATTEN(…)) is the table itself.
      const table = isSymbol(tokens[site.name - 1], '(') && isWord(tokens[site.name - 2], 'TABLE') && isSymbol(tokens[site.close + 1], ')');
      const start = table ? tokens[site.name - 2].start : tokens[site.name].start;
      const end = table ? tokens[site.close + 1].end : tokens[site.close].end;
      return { start, end, text: call };
    }),
  );
}

/** The arguments by name: `NAME => expr`, or in Snowflake's order when positional. */
function namedArguments(tokens: Token[], ranges: [number, number][]): Map<Argument, [number, number]> {
  const args = new Map<Argument, [number, number]>();
  ranges.forEach(([from, to], position) => {
    const named = isSymbol(tokens[from + 1], '=>');
    const name = named ? tokens[from].text.toUpperCase() : ARGUMENTS[position];
    if (!ARGUMENTS.includes(name as Argument)) throw failure(`unknown argument ${named ? tokens[from].text : position + 1}.`);
    if (args.has(name as Argument)) throw failure(`the ${name} argument is given twice.`);
    args.set(name as Argument, named ? [from + 2, to] : [from, to]);
  });
  return args;
}

function flattenRows(text: string, tokens: Token[], input: [number, number], args: Map<Argument, [number, number]>): string {
  const constant = (name: Argument): Token | null => {
    const range = args.get(name);
    if (!range) return null;
    if (range[1] - range[0] !== 1) throw failure(`${name} must be a constant.`);
    return tokens[range[0]];
  };
  const boolean = (name: Argument): boolean => {
    const token = constant(name);
    if (!token) return false;
    if (isWord(token, 'TRUE') || isWord(token, 'FALSE')) return isWord(token, 'TRUE');
    throw failure(`${name} must be TRUE or FALSE.`);
  };
  const pathToken = constant('PATH');
  const path = pathToken ? stringValue(pathToken) : '';
  if (path === null) throw failure('PATH must be a string constant.');
  let steps: (string | number)[];
  try {
    steps = parseSnowflakePath(path);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw failure(error.message);
    throw error;
  }
  const modeToken = constant('MODE');
  const mode = modeToken ? stringValue(modeToken)?.toUpperCase() : 'BOTH';
  if (mode !== 'BOTH' && mode !== 'OBJECT' && mode !== 'ARRAY') throw failure(`MODE must be 'OBJECT', 'ARRAY' or 'BOTH'.`);
  const [from, to] = input;
  const correlated = tokens
    .slice(from, to)
    .some((token, i) => (token.kind === 'identifier' || token.kind === 'quoted_identifier') && !isSymbol(tokens[from + i + 1], '(') && !['TRUE', 'FALSE', 'NULL'].includes(token.text.toUpperCase()));
  return (
    `SF_FLATTEN_ROWS(${sourceOf(text, tokens, from, to)}, ${sqlString(jsonPointer(steps))}, ${sqlString(snowflakePath(steps))}, ` +
    `${boolean('OUTER')}, ${boolean('RECURSIVE')}, ${sqlString(mode)}, ${!correlated})`
  );
}

/** Steps written as Snowflake writes a PATH: `a.b[0]`, a key that is not a plain name as `['k']`. */
function snowflakePath(steps: (string | number)[]): string {
  return steps
    .map((step, i) => {
      if (typeof step === 'number') return `[${step}]`;
      if (/^[A-Za-z_][A-Za-z0-9_$]*$/.test(step)) return i === 0 ? step : `.${step}`;
      return `['${step.replace(/'/g, "\\'")}']`;
    })
    .join('');
}
