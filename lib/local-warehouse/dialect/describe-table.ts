/**
 * `DESC[RIBE] TABLE <name> [ TYPE = COLUMNS ]`: one row per column under Snowflake's columns,
 * `name`, `type`, `kind`, `null?`, `default`, `primary key`, `unique key`, `check`,
 * `expression`, `comment`, `policy name`, `privacy domain`, with Snowflake's type names (DuckDB
 * would answer its own columns and type names). Read from DuckDB's catalog; a missing table is
 * Snowflake's missing object. Types as stored: a VARCHAR's declared length is not kept
 * (VARCHAR(16777216)), integers are NUMBER(38,0); no column is a primary or unique key, as such
 * constraints are not kept.
 * https://docs.snowflake.com/en/sql-reference/sql/desc-table
 */
import { isWord } from '@/lib/domain/sql/lexer';
import { SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';
import { catalogFilter, displayName, objectNameAt } from './object-name';
import type { StatementPlan } from './plan-steps';
import { significantTokens } from './tokens';

/** DuckDB's type name (column `data_type`) as Snowflake's DESCRIBE writes it, in SQL. */
const SNOWFLAKE_TYPE = `CASE
  WHEN c.data_type LIKE 'DECIMAL(%' THEN 'NUMBER' || substr(c.data_type, 8)
  WHEN c.data_type IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT') THEN 'NUMBER(38,0)'
  WHEN c.data_type = 'VARCHAR' THEN 'VARCHAR(16777216)'
  WHEN c.data_type IN ('FLOAT', 'DOUBLE') THEN 'FLOAT'
  WHEN c.data_type = 'TIMESTAMP' THEN 'TIMESTAMP_NTZ(9)'
  WHEN c.data_type = 'TIMESTAMP WITH TIME ZONE' THEN 'TIMESTAMP_LTZ(9)'
  WHEN c.data_type = 'TIME' THEN 'TIME(9)'
  WHEN c.data_type IN ('JSON', 'VARIANT') THEN 'VARIANT'
  WHEN c.data_type = 'MAP(VARCHAR, JSON)' THEN 'OBJECT'
  WHEN c.data_type = 'JSON[]' THEN 'ARRAY'
  WHEN c.data_type = 'BLOB' THEN 'BINARY(8388608)'
  ELSE c.data_type END`;

export function describeTablePlan(sql: string): StatementPlan | null {
  const tokens = significantTokens(sql);
  if (!(isWord(tokens[0], 'DESCRIBE') || isWord(tokens[0], 'DESC')) || !isWord(tokens[1], 'TABLE')) return null;
  const table = objectNameAt(sql, tokens, 2);
  if (!table) return null;
  const rest = tokens.slice(table.end).map((token) => token.text.toUpperCase()).join(' ');
  // TYPE = STAGE describes a table's stage properties; there are no stages.
  if (rest !== '' && rest !== 'TYPE = COLUMNS') return null;
  const nothing = 'CAST(NULL AS VARCHAR)';
  return {
    atomic: false,
    async execute(run) {
      const found = await run(`SELECT 1 FROM duckdb_tables() WHERE ${catalogFilter(table)}`);
      if (found.rows.length === 0) throw new SnowflakeQueryError(snowflakeErrors.objectNotFound(displayName(table)));
      const columns = [
        `c.column_name AS "name"`,
        `${SNOWFLAKE_TYPE} AS "type"`,
        `'COLUMN' AS "kind"`,
        `CASE WHEN c.is_nullable THEN 'Y' ELSE 'N' END AS "null?"`,
        `c.column_default AS "default"`,
        // PRIMARY KEY and UNIQUE are not kept (informational-constraints.ts).
        `'N' AS "primary key"`,
        `'N' AS "unique key"`,
        `${nothing} AS "check"`,
        `${nothing} AS "expression"`,
        `c.comment AS "comment"`,
        `${nothing} AS "policy name"`,
        `${nothing} AS "privacy domain"`,
      ];
      return { kind: 'select', sql: `SELECT ${columns.join(', ')} FROM duckdb_columns() c WHERE ${catalogFilter(table, 'c')} ORDER BY c.column_index` };
    },
  };
}
