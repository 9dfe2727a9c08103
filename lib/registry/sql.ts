/**
 * What every registry statement is built from: the `Run` function the statements take, bound
 * placeholders, and many rows or ids bound as one JSON parameter. Values are always bound.
 */
import type { DuckDBValue } from '@duckdb/node-api';

export type Row = Record<string, unknown>;

/**
 * Runs one statement and returns its rows: the writer's, inside a write's transaction, or a
 * short read connection's.
 */
export type Run = (sql: string, values?: DuckDBValue[]) => Promise<Row[]>;

export type Columns = Record<string, 'VARCHAR' | 'INTEGER' | 'BIGINT'>;
export type RowValues = Record<string, string | number | null>;

/** `IN (…)` over many ids as one bound JSON list (see boundRows for why). */
export const IDS_IN = `IN (SELECT unnest(from_json(?::JSON, '["VARCHAR"]')))`;

export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/**
 * Rows for a bulk write, bound as ONE JSON parameter that DuckDB unpacks into typed columns.
 * Binding hundreds of parameters one by one is what makes a batch of a hundred jobs slow.
 */
export function boundRows(columns: Columns, rows: RowValues[]): { sql: string; values: DuckDBValue[] } {
  const names = Object.keys(columns).join(', ');
  return {
    sql: `(SELECT ${names} FROM (SELECT unnest(from_json(?::JSON, '${JSON.stringify([columns])}'), recursive := true)))`,
    values: [JSON.stringify(rows)],
  };
}
