/**
 * Builds the small in-memory results (TableAnswer) that statements answered outside DuckDB return:
 * a column list of name, kind and value getter, applied to the items a statement lists.
 */
import {
  BIGINT,
  BOOLEAN,
  DuckDBTimestampTZValue,
  TIMESTAMPTZ,
  VARCHAR,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { TableAnswer } from './service-statements';

type Kind = 'text' | 'number' | 'bool' | 'time';
export type Column<T> = [name: string, kind: Kind, value: (item: T) => string | number | boolean | null];

const TYPES: Record<Kind, DuckDBType> = { text: VARCHAR, number: BIGINT, bool: BOOLEAN, time: TIMESTAMPTZ };

function toValue(kind: Kind, value: string | number | boolean | null): DuckDBValue {
  if (value === null) return null;
  if (kind === 'time') return new DuckDBTimestampTZValue(BigInt(value as number) * 1000n);
  if (kind === 'number') return BigInt(value as number);
  return value;
}

export function table<T>(columns: Column<T>[], items: T[]): TableAnswer {
  return {
    names: columns.map(([name]) => name),
    types: columns.map(([, kind]) => TYPES[kind]),
    rows: items.map((item) => columns.map(([, kind, value]) => toValue(kind, value(item)))),
  };
}

export function statusTable(message: string): TableAnswer {
  return table<string>([['status', 'text', (text) => text]], [message]);
}
