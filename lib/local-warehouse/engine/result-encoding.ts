/**
 * DuckDB types and values → Snowflake's `rowtype` entries and JSON wire strings
 * (as snowflake-sdk decodes them,
 * https://github.com/snowflakedb/snowflake-connector-nodejs/blob/v3.1.0/lib/connection/result/column.js):
 * FIXED/REAL as decimal strings, BOOLEAN "1"/"0", DATE as days since the epoch, TIME/TIMESTAMP_*
 * as "<epoch seconds>.<9 digits>" (scale 9), VARIANT/OBJECT/ARRAY as JSON text, BINARY as hex.
 */
import {
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalType,
  DuckDBTimeNSValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTimeTZValue,
  DuckDBTimeValue,
  DuckDBTypeId,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { RowType } from './types';

/** Snowflake's maximum VARCHAR length, which it reports for unbounded text. */
const TEXT_LENGTH = 16_777_216;
const BINARY_LENGTH = 8_388_608;

const INTEGER_TYPES = new Set([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.BIGNUM,
]);

const SIMPLE_TYPES: Partial<Record<DuckDBTypeId, RowType['type']>> = {
  [DuckDBTypeId.BOOLEAN]: 'boolean',
  [DuckDBTypeId.FLOAT]: 'real',
  [DuckDBTypeId.DOUBLE]: 'real',
  [DuckDBTypeId.DATE]: 'date',
  [DuckDBTypeId.TIME]: 'time',
  [DuckDBTypeId.TIME_NS]: 'time',
  [DuckDBTypeId.TIME_TZ]: 'time',
  [DuckDBTypeId.TIMESTAMP]: 'timestamp_ntz',
  [DuckDBTypeId.TIMESTAMP_S]: 'timestamp_ntz',
  [DuckDBTypeId.TIMESTAMP_MS]: 'timestamp_ntz',
  [DuckDBTypeId.TIMESTAMP_NS]: 'timestamp_ntz',
  [DuckDBTypeId.TIMESTAMP_TZ]: 'timestamp_ltz',
  [DuckDBTypeId.BLOB]: 'binary',
  [DuckDBTypeId.LIST]: 'array',
  [DuckDBTypeId.ARRAY]: 'array',
  [DuckDBTypeId.STRUCT]: 'object',
  [DuckDBTypeId.MAP]: 'object',
  [DuckDBTypeId.UNION]: 'variant',
  [DuckDBTypeId.VARIANT]: 'variant',
};

/** Snowflake's description of a result column of DuckDB type `type` (null: not known, text). */
export function rowTypeFor(name: string, type: DuckDBType | null): RowType {
  const base: RowType = {
    name,
    type: 'text',
    precision: null,
    scale: null,
    length: null,
    byteLength: null,
    nullable: true,
    database: '',
    schema: '',
    table: '',
    collation: null,
  };
  if (type === null) return { ...base, length: TEXT_LENGTH, byteLength: TEXT_LENGTH };
  if (type instanceof DuckDBDecimalType) return { ...base, type: 'fixed', precision: type.width, scale: type.scale };
  if (INTEGER_TYPES.has(type.typeId)) return { ...base, type: 'fixed', precision: 38, scale: 0 };
  if (type.typeId === DuckDBTypeId.VARCHAR && type.alias === 'JSON') return { ...base, type: 'variant' };
  const simple = SIMPLE_TYPES[type.typeId];
  if (simple === 'time' || simple?.startsWith('timestamp')) return { ...base, type: simple, scale: 9 };
  if (simple === 'binary') return { ...base, type: simple, length: BINARY_LENGTH, byteLength: BINARY_LENGTH };
  if (simple) return { ...base, type: simple };
  return { ...base, length: TEXT_LENGTH, byteLength: TEXT_LENGTH };
}

/** Types written to the result file as JSON text: Snowflake returns them as VARIANT/OBJECT/ARRAY. */
const JSON_STORED = new Set([
  DuckDBTypeId.LIST,
  DuckDBTypeId.ARRAY,
  DuckDBTypeId.STRUCT,
  DuckDBTypeId.MAP,
  DuckDBTypeId.UNION,
  DuckDBTypeId.VARIANT,
]);
/** Types Parquet cannot hold exactly (or at all), written as their text. */
const TEXT_STORED = new Set([
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.BIGNUM,
  DuckDBTypeId.INTERVAL,
  DuckDBTypeId.BIT,
  DuckDBTypeId.GEOMETRY,
]);

/**
 * The expression that writes `column` (of DuckDB type `type`, null when DuckDB cannot say before
 * binding) into a result file so that reading it back gives what encodeValue needs.
 */
export function storedExpression(column: string, type: DuckDBType | null): string {
  if (type === null || TEXT_STORED.has(type.typeId)) return `CAST(${column} AS VARCHAR)`;
  // Written as Snowflake prints them (two-space indentation, keys sorted): SF_JSON_OF turns any
  // of these types into JSON without rewriting its numbers, SF_DISPLAY_JSON lays it out
  // (dialect/functions/semi-structured.ts, variant-udfs.ts).
  if (JSON_STORED.has(type.typeId) || (type.typeId === DuckDBTypeId.VARCHAR && type.alias === 'JSON')) {
    return `SF_DISPLAY_JSON(CAST(SF_JSON_OF(${column}) AS VARCHAR))`;
  }
  // The wire format of TIME has no offset; Parquet has no TIME WITH TIME ZONE.
  if (type.typeId === DuckDBTypeId.TIME_TZ) return `CAST(${column} AS TIME)`;
  return column;
}

/** The column as RESULT_SCAN returns it: semi-structured values back as VARIANT, OBJECT or ARRAY. */
export function scannedExpression(column: string, rowType: RowType): string {
  if (rowType.type === 'object') return `CAST(CAST(${column} AS JSON) AS MAP(VARCHAR, JSON))`;
  if (rowType.type === 'array') return `CAST(CAST(${column} AS JSON) AS JSON[])`;
  return rowType.type === 'variant' ? `CAST(${column} AS JSON)` : column;
}

const NANOS_PER = { second: 1_000_000_000n, milli: 1_000_000n, micro: 1_000n };

/** One cell as Snowflake's wire string. */
export function encodeValue(value: DuckDBValue): string | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof DuckDBDateValue) return String(value.days);
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue) {
    return secondsWithNanos(value.micros * NANOS_PER.micro);
  }
  if (value instanceof DuckDBTimestampNanosecondsValue) return secondsWithNanos(value.nanos);
  if (value instanceof DuckDBTimestampMillisecondsValue) return secondsWithNanos(value.millis * NANOS_PER.milli);
  if (value instanceof DuckDBTimestampSecondsValue) return secondsWithNanos(value.seconds * NANOS_PER.second);
  if (value instanceof DuckDBTimeValue || value instanceof DuckDBTimeTZValue) {
    return secondsWithNanos(value.micros * NANOS_PER.micro);
  }
  if (value instanceof DuckDBTimeNSValue) return secondsWithNanos(value.nanos);
  if (value instanceof DuckDBBlobValue) return Buffer.from(value.bytes).toString('hex').toUpperCase();
  return value.toString();
}

/** "<seconds>.<9 fraction digits>", signed, exact for any bigint. */
function secondsWithNanos(nanos: bigint): string {
  const sign = nanos < 0n ? '-' : '';
  const magnitude = nanos < 0n ? -nanos : nanos;
  const seconds = magnitude / NANOS_PER.second;
  const fraction = (magnitude % NANOS_PER.second).toString().padStart(9, '0');
  return `${sign}${seconds}.${fraction}`;
}
