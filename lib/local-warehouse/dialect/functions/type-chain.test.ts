import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { typeChain } from './type-chain';

const KIND = typeChain('SF_KIND', ['prefix', 'x'], 'x', {
  text: (v) => `prefix || 'text ' || ${v}`,
  date: () => "prefix || 'date'",
  ntz: () => "prefix || 'ntz'",
  ltz: () => "prefix || 'ltz'",
  time: () => "prefix || 'time'",
});

describe('typeChain', () => {
  it('writes one macro per type, callees first, the value typed and the other parameters not', () => {
    expect(KIND).toHaveLength(5);
    expect(KIND[0]).toBe(
      "CREATE OR REPLACE MACRO SF_KIND_NOT_LTZ(prefix, x TIME) AS prefix || 'time', " +
        "(prefix, x) AS prefix || 'text ' || CAST(x AS VARCHAR)",
    );
    expect(KIND[4]).toBe(
      "CREATE OR REPLACE MACRO SF_KIND(prefix, x VARCHAR) AS prefix || 'text ' || x, (prefix, x) AS SF_KIND_NOT_TEXT(prefix, x)",
    );
  });

  it('dispatches on the type in DuckDB, reading an untyped NULL and a select-list alias as text', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run(KIND.join(';\n'));
      const reader = await connection.runAndReadAll(
        `SELECT TIMESTAMP '2024-01-02 03:04:05' AS aliased, SF_KIND('', DATE '2024-01-02'), SF_KIND('', TIMESTAMP '2024-01-02'),
           SF_KIND('', TIMESTAMP_NS '2024-01-02'), SF_KIND('', TIMESTAMPTZ '2024-01-02 00:00:00+00'), SF_KIND('', TIME '10:00'),
           SF_KIND('', '2024'), SF_KIND('', 42), SF_KIND('', NULL), SF_KIND('', aliased)`,
      );
      expect(reader.getRowsJson()[0].slice(1)).toEqual([
        'date', 'ntz', 'ntz', 'ltz', 'time', 'text 2024', 'text 42', null, 'text 2024-01-02 03:04:05',
      ]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('refuses a value parameter it does not have', () => {
    const bodies = { text: () => '1', date: () => '1', ntz: () => '1', ltz: () => '1', time: () => '1' };
    expect(() => typeChain('SF_X', ['a'], 'x', bodies)).toThrow('no parameter named x');
  });
});
