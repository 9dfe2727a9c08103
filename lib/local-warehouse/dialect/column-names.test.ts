import { describe, expect, it } from 'vitest';
import { resultColumnNames } from './column-names';

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
