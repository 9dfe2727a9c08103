import { describe, expect, it } from 'vitest';
import { raiseSql } from './functions/raise';
import { snowflakeTypeNames } from './type-names';

describe('snowflakeTypeNames', () => {
  it('rewrites column types in CREATE TABLE', () => {
    expect(snowflakeTypeNames('CREATE TABLE t (id NUMBER(38,0), amount NUMBER(10, 2), n NUMBER, at TIMESTAMP_NTZ, v OBJECT, a ARRAY)')).toBe(
      'CREATE TABLE t (id DECIMAL(38,0), amount DECIMAL(10, 2), n DECIMAL(38,0), at TIMESTAMP, v MAP(VARCHAR, JSON), a JSON[])',
    );
  });

  it('rewrites casts, both spellings', () => {
    expect(snowflakeTypeNames("SELECT x::NUMBER(5,1), CAST(y AS TIMESTAMP_LTZ), TRY_CAST(z AS FLOAT) FROM t")).toBe(
      'SELECT x::DECIMAL(5,1), CAST(y AS TIMESTAMPTZ), TRY_CAST(z AS DOUBLE) FROM t',
    );
  });

  it('keeps 64-bit floats and wide integers as Snowflake has them', () => {
    expect(snowflakeTypeNames('CREATE TABLE t (a FLOAT, b REAL, c DOUBLE PRECISION, d TINYINT, e INT)')).toBe(
      'CREATE TABLE t (a DOUBLE, b DOUBLE, c DOUBLE, d BIGINT, e BIGINT)',
    );
  });

  it('stores VARIANT columns as JSON, and leaves VARIANT casts to DuckDB', () => {
    expect(snowflakeTypeNames('CREATE TABLE t (v VARIANT, n NUMBER)')).toBe('CREATE TABLE t (v JSON, n DECIMAL(38,0))');
    expect(snowflakeTypeNames('ALTER TABLE t ADD COLUMN w VARIANT')).toBe('ALTER TABLE t ADD COLUMN w JSON');
    expect(snowflakeTypeNames('SELECT x::VARIANT, CAST(y AS VARIANT)')).toBe('SELECT x::VARIANT, CAST(y AS VARIANT)');
  });

  it('rewrites the type of an added column', () => {
    expect(snowflakeTypeNames('ALTER TABLE t ADD COLUMN IF NOT EXISTS score NUMBER(4,3)')).toBe(
      'ALTER TABLE t ADD COLUMN IF NOT EXISTS score DECIMAL(4,3)',
    );
  });

  it('leaves the same words alone where they are names, strings or aliases', () => {
    const sql = "SELECT number, float AS real, 'NUMBER' FROM t WHERE object = 1";
    expect(snowflakeTypeNames(sql)).toBe(sql);
    const ctas = 'CREATE TABLE t AS SELECT number FROM u';
    expect(snowflakeTypeNames(ctas)).toBe(ctas);
  });
});

describe('text cast to BINARY', () => {
  it('reads a text literal as hex, as Snowflake does, in both cast spellings and with a length', () => {
    expect(snowflakeTypeNames("SELECT '01AB'::BINARY, '01ab'::VARBINARY(8), CAST('ff' AS BINARY), TRY_CAST('00' AS BINARY(1))")).toBe(
      "SELECT FROM_HEX('01AB'), FROM_HEX('01ab'), FROM_HEX('ff'), FROM_HEX('00')",
    );
  });

  it('leaves casts of other expressions and BINARY column types alone (a length DuckDB does not take is dropped)', () => {
    const sql = "CREATE TABLE t (b BINARY, c VARBINARY(4)); SELECT b::BINARY, CAST(x || 'a' AS BINARY) FROM t";
    expect(snowflakeTypeNames(sql)).toBe(sql.replace('VARBINARY(4)', 'BLOB'));
  });
});

describe('text, timestamp and binary type names', () => {
  it("reads Snowflake's VARCHAR synonyms as VARCHAR, keeping a length and CHAR's default of 1", () => {
    expect(snowflakeTypeNames("SELECT x::STRING, CAST(y AS TEXT(10)), z::CHAR, w::NCHAR VARYING(4), v::CHARACTER(2), u::VARCHAR(16777216)")).toBe(
      'SELECT x::VARCHAR, CAST(y AS VARCHAR(10)), z::VARCHAR(1), w::VARCHAR(4), v::VARCHAR(2), u::VARCHAR',
    );
  });

  it('enforces a column length with a CHECK constraint raising 100074, in CREATE TABLE only', () => {
    const check = (column: string, length: number) =>
      `CHECK (CASE WHEN length(${column}) > ${length} THEN ` +
      raiseSql('100074', '22000', `'String ''' || ${column} || ''' is too long and would be truncated'`) +
      ' ELSE TRUE END)';
    expect(snowflakeTypeNames('CREATE TABLE t (a VARCHAR(3) NOT NULL, b STRING, c CHAR, PRIMARY KEY (a))')).toBe(
      `CREATE TABLE t (a VARCHAR(3) NOT NULL ${check('a', 3)}, b VARCHAR, c VARCHAR(1) ${check('c', 1)}, PRIMARY KEY (a))`,
    );
    expect(snowflakeTypeNames('ALTER TABLE t ADD COLUMN d TEXT(5)')).toBe('ALTER TABLE t ADD COLUMN d VARCHAR(5)');
  });

  it('drops the precision DuckDB does not take and reads DATETIME as TIMESTAMP', () => {
    expect(snowflakeTypeNames("SELECT a::TIMESTAMP_NTZ(3), b::TIMESTAMP_TZ(9), c::TIME(0), d::DATETIME, CAST(e AS BINARY(8)), f::TIMESTAMP(6)")).toBe(
      'SELECT a::TIMESTAMP, b::TIMESTAMPTZ, c::TIME, d::TIMESTAMP, CAST(e AS BLOB), f::TIMESTAMP',
    );
  });

  it('refuses DECFLOAT', () => {
    expect(() => snowflakeTypeNames('SELECT 1::DECFLOAT')).toThrow("Unsupported feature 'data type DECFLOAT'");
  });
});

