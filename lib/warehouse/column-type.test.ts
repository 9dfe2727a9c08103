import { describe, expect, it } from 'vitest';
import { snowflakeTypeName } from './column-type';

describe('snowflakeTypeName', () => {
  it('writes numbers with precision and scale', () => {
    expect(snowflakeTypeName({ type: 'fixed', precision: 38, scale: 0 })).toBe('NUMBER(38,0)');
    expect(snowflakeTypeName({ type: 'fixed', precision: 10, scale: 2 })).toBe('NUMBER(10,2)');
    expect(snowflakeTypeName({ type: 'fixed', precision: null, scale: null })).toBe('NUMBER(38,0)');
  });

  it('writes times with their fractional-second scale', () => {
    expect(snowflakeTypeName({ type: 'timestamp_ntz', precision: null, scale: 9 })).toBe('TIMESTAMP_NTZ(9)');
    expect(snowflakeTypeName({ type: 'timestamp_ltz', precision: null, scale: 3 })).toBe('TIMESTAMP_LTZ(3)');
    expect(snowflakeTypeName({ type: 'time', precision: null, scale: null })).toBe('TIME(9)');
  });

  it('uses Snowflake’s names for the other wire types', () => {
    expect(snowflakeTypeName({ type: 'text', precision: null, scale: null })).toBe('VARCHAR');
    expect(snowflakeTypeName({ type: 'real', precision: null, scale: null })).toBe('FLOAT');
    expect(['boolean', 'date', 'variant', 'object', 'array', 'binary'].map((type) => snowflakeTypeName({ type, precision: null, scale: null }))).toEqual([
      'BOOLEAN',
      'DATE',
      'VARIANT',
      'OBJECT',
      'ARRAY',
      'BINARY',
    ]);
  });
});
