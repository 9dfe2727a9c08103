/**
 * The SQL the job runs, as pure builders. Table and column names come from validated arguments
 * (see identifiers.ts) and are spliced as written, so unquoted names resolve case-insensitively
 * as in Snowflake; every value is bound.
 */
import type { Binds } from '../../lib/warehouse/sdk';

export interface BoundStatement {
  sql: string;
  binds: Binds;
}

export const countRows = (sourceTable: string): string => `SELECT COUNT(*) AS ROW_COUNT FROM ${sourceTable}`;

/**
 * Rows `first`..`last` (1-based) of the source in id order, as [id, value]. Numbering rows with
 * ROW_NUMBER() over the id, as the sample does, pages the same way on every read.
 */
export function readBatch(sourceTable: string, idColumn: string, valueColumn: string, first: number, last: number): BoundStatement {
  return {
    sql:
      `SELECT ${idColumn}, ${valueColumn} FROM (SELECT ${idColumn}, ${valueColumn}, ` +
      `ROW_NUMBER() OVER (ORDER BY ${idColumn}) AS TEXT_ANALYSIS_ROW_NUMBER FROM ${sourceTable}) ` +
      `WHERE TEXT_ANALYSIS_ROW_NUMBER BETWEEN ? AND ? ORDER BY TEXT_ANALYSIS_ROW_NUMBER`,
    binds: [first, last],
  };
}

/** Reads no rows; its result's column list says which columns the table has, and fails if it has none. */
export const describeColumns = (table: string): string => `SELECT * FROM ${table} LIMIT 0`;

/**
 * An empty result table keyed like the source: the id column keeps the source's type. IF NOT
 * EXISTS because another job writing to the same table may create it first.
 */
export function createResultTable(resultTable: string, sourceTable: string, idColumn: string, resultColumns: readonly string[]): string {
  const columns = resultColumns.map((column) => `CAST(NULL AS VARCHAR) AS ${column}`).join(', ');
  return `CREATE TABLE IF NOT EXISTS ${resultTable} AS SELECT ${idColumn}, ${columns} FROM ${sourceTable} WHERE FALSE`;
}

/** IF NOT EXISTS because another job may add the same column between our look and our ALTER. */
export const addResultColumn = (resultTable: string, column: string): string =>
  `ALTER TABLE ${resultTable} ADD COLUMN IF NOT EXISTS ${column} VARCHAR`;

/** Upserts a non-empty batch of [id, ...values] rows by id: update when matched, insert otherwise. */
export function mergeResults(
  resultTable: string,
  idColumn: string,
  resultColumns: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): BoundStatement {
  const width = resultColumns.length + 1;
  const placeholders = Array.from({ length: width }, () => '?');
  const first = `SELECT ${placeholders.map((p, i) => `${p} AS ${i === 0 ? idColumn : resultColumns[i - 1]}`).join(', ')}`;
  const rest = rows.slice(1).map(() => ` UNION ALL SELECT ${placeholders.join(', ')}`);
  const allColumns = [idColumn, ...resultColumns];
  return {
    sql:
      `MERGE INTO ${resultTable} AS T USING (${first}${rest.join('')}) AS S ON T.${idColumn} = S.${idColumn} ` +
      `WHEN MATCHED THEN UPDATE SET ${resultColumns.map((c) => `${c} = S.${c}`).join(', ')} ` +
      `WHEN NOT MATCHED THEN INSERT (${allColumns.join(', ')}) VALUES (${allColumns.map((c) => `S.${c}`).join(', ')})`,
    binds: rows.flat(),
  };
}
