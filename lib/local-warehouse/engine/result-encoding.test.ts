import {
  BIGINT,
  BLOB,
  BOOLEAN,
  DATE,
  DECIMAL,
  DOUBLE,
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTimeValue,
  DuckDBVarCharType,
  LIST,
  MAP,
  HUGEINT,
  INTEGER,
  TIMESTAMPTZ,
  TIMESTAMP,
  VARCHAR,
  VARIANT,
} from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { encodeValue, rowTypeFor, scannedExpression, storedExpression } from './result-encoding';

describe('rowTypeFor', () => {
  it('maps DuckDB types onto Snowflake column types', () => {
    const summary = (type: Parameters<typeof rowTypeFor>[1]) => {
      const { type: kind, precision, scale, length } = rowTypeFor('C', type);
      return { kind, precision, scale, length };
    };
    expect(summary(INTEGER)).toEqual({ kind: 'fixed', precision: 38, scale: 0, length: null });
    expect(summary(BIGINT)).toEqual({ kind: 'fixed', precision: 38, scale: 0, length: null });
    expect(summary(DECIMAL(10, 2))).toEqual({ kind: 'fixed', precision: 10, scale: 2, length: null });
    expect(summary(DOUBLE).kind).toBe('real');
    expect(summary(BOOLEAN).kind).toBe('boolean');
    expect(summary(DATE).kind).toBe('date');
    expect(summary(TIMESTAMP)).toMatchObject({ kind: 'timestamp_ntz', scale: 9 });
    expect(summary(TIMESTAMPTZ)).toMatchObject({ kind: 'timestamp_ltz', scale: 9 });
    expect(summary(VARCHAR)).toMatchObject({ kind: 'text', length: 16_777_216 });
    expect(summary(DuckDBVarCharType.create('JSON')).kind).toBe('variant');
    expect(summary(LIST(INTEGER)).kind).toBe('array');
    expect(summary(BLOB).kind).toBe('binary');
    expect(summary(null)).toMatchObject({ kind: 'text', length: 16_777_216 });
  });

  it('stores semi-structured values as the JSON text Snowflake prints, and exact text where Parquet cannot hold them', () => {
    const printed = 'SF_DISPLAY_JSON(CAST(SF_JSON_OF(C0) AS VARCHAR))';
    expect(storedExpression('C0', LIST(INTEGER))).toBe(printed);
    expect(storedExpression('C0', DuckDBVarCharType.create('JSON'))).toBe(printed);
    expect(storedExpression('C0', VARIANT)).toBe(printed);
    expect(storedExpression('C0', HUGEINT)).toBe('CAST(C0 AS VARCHAR)');
    expect(storedExpression('C0', null)).toBe('CAST(C0 AS VARCHAR)');
    expect(storedExpression('C0', DATE)).toBe('C0');
  });

  it('reads a stored result back as VARIANT, OBJECT or ARRAY for RESULT_SCAN', () => {
    expect(scannedExpression('C0', rowTypeFor('A', LIST(INTEGER)))).toBe('CAST(CAST(C0 AS JSON) AS JSON[])');
    expect(scannedExpression('C0', rowTypeFor('A', MAP(VARCHAR, VARCHAR)))).toBe('CAST(CAST(C0 AS JSON) AS MAP(VARCHAR, JSON))');
    expect(scannedExpression('C0', rowTypeFor('A', DuckDBVarCharType.create('JSON')))).toBe('CAST(C0 AS JSON)');
    expect(scannedExpression('C0', rowTypeFor('A', DATE))).toBe('C0');
  });
});

describe('encodeValue', () => {
  it('encodes cells as Snowflake wire strings', () => {
    expect(encodeValue(null)).toBeNull();
    expect(encodeValue(true)).toBe('1');
    expect(encodeValue(false)).toBe('0');
    expect(encodeValue(42)).toBe('42');
    expect(encodeValue(12345678901234567890n)).toBe('12345678901234567890');
    expect(encodeValue(new DuckDBDecimalValue(150n, 5, 2))).toBe('1.50');
    expect(encodeValue(new DuckDBDateValue(19723))).toBe('19723');
    expect(encodeValue(new DuckDBTimestampValue(1_704_067_201_500_000n))).toBe('1704067201.500000000');
    expect(encodeValue(new DuckDBTimestampValue(-1_500_000n))).toBe('-1.500000000');
    expect(encodeValue(new DuckDBTimestampTZValue(1_000_001n))).toBe('1.000001000');
    expect(encodeValue(new DuckDBTimestampNanosecondsValue(1_000_000_007n))).toBe('1.000000007');
    expect(encodeValue(new DuckDBTimeValue(3_600_250_000n))).toBe('3600.250000000');
    expect(encodeValue(new DuckDBBlobValue(new Uint8Array([1, 171])))).toBe('01AB');
    expect(encodeValue('text')).toBe('text');
  });
});
