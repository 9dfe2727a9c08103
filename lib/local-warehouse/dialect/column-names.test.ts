import { describe, expect, it } from 'vitest';
import { deduplicatedNames, resultColumnNames } from './column-names';

describe('resultColumnNames', () => {
  it('keeps plain columns and aliases, names expressions after their text', () => {
    expect(
      resultColumnNames("select a, t.b, count(*), sum(a) s, 1 + 1, 'x', \"q\" from t", [
        'A', 'B', 'count_star()', 'S', '(1 + 1)', "'x'", 'q',
      ]),
    ).toEqual(['A', 'B', 'COUNT(*)', 'S', '1 + 1', "'X'", 'q']);
  });

  it('expands one star with DuckDB names and reads the main select after a WITH', () => {
    expect(resultColumnNames('with x as (select 1 as z) select *, seq4() from x', ['Z', 'low', '"__GENERATOR_ROW"'])).toEqual([
      'Z',
      'low',
      'SEQ4()',
    ]);
  });

  it('names VALUES columns COLUMN1… and falls back to DuckDB names when it cannot match', () => {
    expect(resultColumnNames('values (1, 2)', ['col0', 'col1'])).toEqual(['COLUMN1', 'COLUMN2']);
    expect(resultColumnNames('select *, * from t', ['A', 'A'])).toEqual(['A', 'A']);
    expect(resultColumnNames('show tables', ['name'])).toEqual(['name']);
  });
});

describe('deduplicatedNames', () => {
  it('finds the names DuckDB suffixed to make them unique, with the names they had', () => {
    expect(deduplicatedNames('SELECT * FROM (SELECT 1 AS FOO, 2 AS FOO, 3 AS FOO)', ['FOO', 'FOO_1', 'FOO_2'])).toEqual(
      new Map([
        [1, 'FOO'],
        [2, 'FOO'],
      ]),
    );
    // DuckDB compares names without case: "a" and "A" come out as a, A_1.
    expect(deduplicatedNames('SELECT * FROM (SELECT 1 AS "a", 2 AS "A")', ['a', 'A_1'])).toEqual(new Map([[1, 'A']]));
  });

  it('leaves names the statement writes, and names with no earlier base', () => {
    expect(deduplicatedNames('SELECT 1 AS FOO, 2 AS FOO_1', ['FOO', 'FOO_1']).size).toBe(0);
    expect(deduplicatedNames("SELECT 'X_1' AS X, * FROM T", ['X', 'X_1']).size).toBe(0);
    expect(deduplicatedNames('SELECT * FROM T', ['BAR_1', 'BAR']).size).toBe(0);
  });
});
