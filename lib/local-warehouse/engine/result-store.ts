/**
 * Stored results: one Parquet file per successful query in `<dataDir>/results`, written and read
 * by DuckDB, columns C0, C1, … (the display names, which may repeat, live in the history's
 * RESULT_ROWTYPE). A SELECT's rows never pass through the process's memory on the way in: DuckDB
 * writes them with COPY. Files rather than tables because every table stays in DuckDB's catalog
 * (in memory) while it exists, so memory would grow with each retained result; a file costs
 * nothing until it is read, and expiring it is deleting it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { quoteIdentifier, sqlString } from '../dialect/tokens';
import { encodeValue, scannedExpression, storedExpression } from './result-encoding';
import type { RowType } from './types';

export function resultFile(resultsDir: string, queryId: string): string {
  return path.join(resultsDir, `${queryId}.parquet`);
}

const columnName = (i: number) => `C${i}`;
const columnList = (count: number) => Array.from({ length: count }, (_, i) => columnName(i)).join(', ');
const encodedColumns = (types: (DuckDBType | null)[]) =>
  types.map((type, i) => `${storedExpression(columnName(i), type)} AS ${columnName(i)}`).join(', ');

/** The text put in front of the user's statement when storing it; error positions skip it. */
export function storeSelectPrefix(types: (DuckDBType | null)[]): string {
  return `COPY (SELECT ${encodedColumns(types)} FROM (\n`;
}

/** Store the rows of a SELECT whose columns have `types`; returns how many there are. */
export async function storeSelect(
  connection: DuckDBConnection,
  file: string,
  sql: string,
  types: (DuckDBType | null)[],
): Promise<number> {
  // The newline before `)` keeps a trailing line comment in `sql` from swallowing it.
  const copy = `${storeSelectPrefix(types)}${sql}\n) AS Q(${columnList(types.length)})) TO ${sqlString(file)} (FORMAT parquet)`;
  const result = await connection.run(copy);
  return Number((await result.getRows())[0]?.[0] ?? 0);
}

/** Store rows already in memory (small: status texts, DML counts, SHOW/DESCRIBE output). */
export async function storeRows(
  connection: DuckDBConnection,
  file: string,
  types: DuckDBType[],
  rows: DuckDBValue[][],
): Promise<void> {
  const staging = `temp.main.STAGED_${path.basename(file, '.parquet').replace(/-/g, '_').toUpperCase()}`;
  await connection.run(`CREATE TEMP TABLE ${staging} (${types.map((type, i) => `${columnName(i)} ${type.toString()}`).join(', ')})`);
  try {
    if (rows.length > 0) {
      const row = `(${types.map(() => '?').join(', ')})`;
      await connection.run(
        `INSERT INTO ${staging} VALUES ${rows.map(() => row).join(', ')}`,
        rows.flat(),
        rows.flatMap(() => types),
      );
    }
    await connection.run(`COPY (SELECT ${encodedColumns(types)} FROM ${staging}) TO ${sqlString(file)} (FORMAT parquet)`);
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${staging}`);
  }
}

/** Rows [offset, offset + limit) of a stored result as wire strings; all rows when limit is null. */
export async function readPage(
  connection: DuckDBConnection,
  file: string,
  offset: number,
  limit: number | null,
): Promise<(string | null)[][]> {
  const window = `${limit === null ? '' : ` LIMIT ${limit}`} OFFSET ${offset}`;
  const result = await connection.run(`SELECT * FROM READ_PARQUET(${sqlString(file)})${window}`);
  return (await result.getRows()).map((row) => row.map(encodeValue));
}

/** A stored result as a subquery with its original column names, for RESULT_SCAN. */
export function resultRelation(file: string, rowType: RowType[]): string {
  const columns = rowType.map((column, i) => `${scannedExpression(columnName(i), column)} AS ${quoteIdentifier(column.name)}`);
  return `(SELECT ${columns.join(', ')} FROM READ_PARQUET(${sqlString(file)}))`;
}

export function dropResults(resultsDir: string, queryIds: string[]): void {
  for (const queryId of queryIds) fs.rmSync(resultFile(resultsDir, queryId), { force: true });
}
