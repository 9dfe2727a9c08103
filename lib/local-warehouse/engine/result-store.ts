/**
 * Stored results: one Parquet file per successful query in `<dataDir>/results`, written and read
 * by DuckDB, columns C0, C1, … (the display names, which may repeat, live in the history's
 * RESULT_ROWTYPE). A SELECT's rows never pass through the process's memory on the way in: DuckDB
 * writes them with COPY; on the way out they are streamed a page at a time (streamPages). Files
 * rather than tables because every table stays in DuckDB's catalog
 * (in memory) while it exists, so memory would grow with each retained result; a file costs
 * nothing until it is read, and expiring it is deleting it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { quoteIdentifier, sqlString } from '../dialect/tokens';
import { encodeValue, scannedExpression, storedExpression } from './result-encoding';
import type { Database } from './database';
import type { RowType, WireCell } from './types';

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
  const name = `STAGED_${path.basename(file, '.parquet').replace(/-/g, '_').toUpperCase()}`;
  const staging = `temp.main.${name}`;
  await connection.run(`CREATE TEMP TABLE ${staging} (${types.map((type, i) => `${columnName(i)} ${type.toString()}`).join(', ')})`);
  try {
    if (rows.length > 0) {
      // An appender: one INSERT binding every value took ~250 ms for 1,000 rows of 22 columns
      // (SHOW TASKS of a 1,000-task graph).
      const appender = await connection.createAppender(name, 'main', 'temp');
      try {
        for (const row of rows) {
          row.forEach((value, i) => appender.appendValue(value, types[i]));
          appender.endRow();
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    }
    await connection.run(`COPY (SELECT ${encodedColumns(types)} FROM ${staging}) TO ${sqlString(file)} (FORMAT parquet)`);
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${staging}`);
  }
}

/**
 * Rows [offset, offset + limit) of a stored result as wire strings, one DuckDB data chunk
 * (2,048 rows) per page: DuckDB streams the file, so however many rows are asked for, one page
 * is in memory at a time. The range is a filter on the file's row numbers, which skips the row
 * groups before it and streams (LIMIT … OFFSET would gather up to `limit` rows inside DuckDB
 * first); DuckDB keeps the file's order, as it does for any query without ORDER BY. The
 * connection is opened on the first read and closed when the reader finishes or stops early.
 */
export async function* streamPages(database: Database, file: string, offset: number, limit: number): AsyncGenerator<WireCell[][]> {
  const connection = await database.connect();
  try {
    const result = await connection.stream(
      `SELECT * EXCLUDE (FILE_ROW_NUMBER) FROM READ_PARQUET(${sqlString(file)}, FILE_ROW_NUMBER = TRUE)
       WHERE FILE_ROW_NUMBER >= ${offset} AND FILE_ROW_NUMBER < ${offset + limit}`,
    );
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) return;
      yield chunk.getRows().map((row) => row.map(encodeValue));
    }
  } finally {
    connection.closeSync();
  }
}

/** Rows [offset, offset + limit) of a stored result, read whole: for pages known to be small. */
export async function readRows(database: Database, file: string, offset: number, limit: number): Promise<WireCell[][]> {
  const rows: WireCell[][] = [];
  for await (const page of streamPages(database, file, offset, limit)) rows.push(...page);
  return rows;
}

/** A stored result as a subquery with its original column names, for RESULT_SCAN. */
export function resultRelation(file: string, rowType: RowType[]): string {
  const columns = rowType.map((column, i) => `${scannedExpression(columnName(i), column)} AS ${quoteIdentifier(column.name)}`);
  return `(SELECT ${columns.join(', ')} FROM READ_PARQUET(${sqlString(file)}))`;
}

export function dropResults(resultsDir: string, queryIds: string[]): void {
  for (const queryId of queryIds) fs.rmSync(resultFile(resultsDir, queryId), { force: true });
}
