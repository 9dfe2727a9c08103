/**
 * Snowflake's function library on DuckDB: every family's macros and token rewrites (applied by
 * translate.ts). The macros are created once per DuckDB instance, in an in-memory catalog of
 * their own (engine/database.ts); every query connection searches it after the session's schema,
 * so a macro also stands in for a DuckDB function of the same name. Created per connection, as
 * temporary macros, they cost a new connection over a second.
 */
import { aggregates } from './aggregates';
import { BARE_NAME_MACROS } from './bare-names';
import { conditional } from './conditional';
import { conversion } from './conversion';
import { dateTime } from './date-time';
import { DIVISION_BY_ZERO_MACRO } from './division-by-zero';
import type { FunctionFamily } from './function-family';
import { numbers } from './numbers';
import { semiStructured } from './semi-structured';
import { strings } from './strings';

/** Conversion last: the others may leave casts and TO_* calls for it to rewrite. */
const FAMILIES: readonly FunctionFamily[] = [conditional, numbers, strings, aggregates, dateTime, semiStructured, conversion];

/** The catalog the macros live in. */
export const FUNCTION_CATALOG = 'SNOWFLAKE_FUNCTIONS';

/** Creates every macro in FUNCTION_CATALOG, one batch; run with FUNCTION_CATALOG on the search path. */
export const FUNCTION_MACROS = [DIVISION_BY_ZERO_MACRO, ...BARE_NAME_MACROS, ...FAMILIES.flatMap((family) => family.macros)]
  .map((definition) => definition.replace(/^CREATE\s+OR\s+REPLACE\s+(?:TEMP\s+|TEMPORARY\s+)?MACRO\s+/i, `CREATE OR REPLACE MACRO ${FUNCTION_CATALOG}.main.`))
  .join(';\n');

/** The search path that puts the macros after `schema` (already quoted, `"DB"."SCHEMA"`, or a bare `main`). */
export function searchPathWithFunctions(schema: string): string {
  return `SET search_path = '${`${schema},${FUNCTION_CATALOG}.main`.replace(/'/g, "''")}'`;
}

/**
 * Every Snowflake function the families define, upper-case, with the ones other dialect
 * transforms answer (RANDOM, the session's CURRENT_* functions), whose names DuckDB also has.
 */
export const DEFINED_FUNCTIONS: ReadonlySet<string> = new Set([
  ...FAMILIES.flatMap((family) => family.macros.map(macroName)),
  ...FAMILIES.flatMap((family) => family.rewritten ?? []),
  ...['RANDOM', 'CURRENT_DATABASE', 'CURRENT_SCHEMA', 'CURRENT_ROLE', 'CURRENT_USER', 'CURRENT_WAREHOUSE', 'CURRENT_TIMESTAMP', 'CURRENT_TIME'],
]);

function macroName(definition: string): string {
  const name = /MACRO\s+("?)([\w$/]+)\1\s*\(/i.exec(definition)?.[2];
  if (!name) throw new Error(`Not a macro definition: ${definition.slice(0, 80)}`);
  return name.toUpperCase();
}

/** The statement with every family's rewrites applied, in the order the families are listed. */
export function snowflakeFunctions(sql: string): string {
  return FAMILIES.reduce((text, family) => (family.rewrite ? family.rewrite(text) : text), sql);
}
