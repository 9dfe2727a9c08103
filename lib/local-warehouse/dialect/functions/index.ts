/**
 * Snowflake's function library on DuckDB: every family's macros (installed on each query
 * connection, engine/database.ts) and token rewrites (applied by translate.ts).
 */
import { aggregates } from './aggregates';
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

/** Run on every new query connection, one batch. */
export const FUNCTION_MACROS = [DIVISION_BY_ZERO_MACRO, ...FAMILIES.flatMap((family) => family.macros)].join(';\n');

/** The statement with every family's rewrites applied, in the order the families are listed. */
export function snowflakeFunctions(sql: string): string {
  return FAMILIES.reduce((text, family) => (family.rewrite ? family.rewrite(text) : text), sql);
}
