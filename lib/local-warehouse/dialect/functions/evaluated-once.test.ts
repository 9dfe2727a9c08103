import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { evaluatedOnce } from './evaluated-once';

describe('evaluatedOnce', () => {
  it('binds one argument as the list element, several as a struct, and writes literals as given', () => {
    expect(evaluatedOnce('F', ['x'], ([x]) => `${x} - ${x}`)).toBe(
      'CREATE OR REPLACE MACRO F(x) AS list_transform([x], lambda v: v - v)[1]',
    );
    expect(evaluatedOnce('G', ['part', 'a', 'b'], ([part, a, b]) => `H(${part}, ${a}, ${b})`, ['part'])).toBe(
      "CREATE OR REPLACE MACRO G(part, a, b) AS list_transform([{'a': a, 'b': b}], lambda v: H(part, v.a, v.b))[1]",
    );
    expect(() => evaluatedOnce('K', ['part'], () => '1', ['part'])).toThrow('no argument to evaluate');
  });

  it('evaluates a volatile argument once however often the body reads it, and keeps aggregates and aliases working', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run(evaluatedOnce('SF_SAME', ['x'], ([x]) => `${x} = ${x}`));
      await connection.run(evaluatedOnce('SF_SPAN', ['a', 'b'], ([a, b]) => `${b} - ${a}`));
      const reader = await connection.runAndReadAll(
        'SELECT bool_and(SF_SAME(random())), SF_SPAN(min(i), max(i)) FROM range(100) r(i)',
      );
      expect(reader.getRowsJson()).toEqual([[true, '99']]);
      const aliased = await connection.runAndReadAll("SELECT DATE '2024-01-01' AS d, SF_SPAN(d, d + 3)");
      expect(aliased.getRowsJson()).toEqual([['2024-01-01', '3']]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
