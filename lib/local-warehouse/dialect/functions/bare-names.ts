/**
 * DuckDB reads a bare CURRENT_CATALOG, CURRENT_ROLE, CURRENT_USER, SESSION_USER or USER that
 * names no column as a call of its own function, which answers the engine's name ("duckdb").
 * Snowflake reads such a word as a column name, and a missing column is an invalid identifier;
 * only CURRENT_USER may go without parentheses
 * (https://docs.snowflake.com/en/sql-reference/functions-context), and session-functions.ts
 * answers it before DuckDB sees it. Macros of the same names in the function catalog shadow
 * DuckDB's functions; they are not Snowflake functions, so a call with parentheses is still
 * refused as an unknown function (engine-only-functions.ts).
 */
import { sqlString } from '../tokens';
import { raiseSql } from './raise';

const BARE_NAMES = ['CURRENT_CATALOG', 'CURRENT_ROLE', 'CURRENT_USER', 'SESSION_USER', 'USER'];

export const BARE_NAME_MACROS = BARE_NAMES.map(
  (name) => `CREATE OR REPLACE MACRO "${name.toLowerCase()}"() AS ${raiseSql('000904', '42000', sqlString(`SQL compilation error:\ninvalid identifier '${name}'`))}`,
);
