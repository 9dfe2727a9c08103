import { describe, expect, it } from 'vitest';
import { SnowflakeQueryError } from '../engine/snowflake-errors';
import { positionalColumns } from './positional-columns';

describe('positionalColumns', () => {
  it('writes $n as DuckDB column positions wherever they appear', () => {
    expect(positionalColumns('SELECT $1, $2 + 1 FROM T WHERE $1 > 0 ORDER BY $2')).toBe('SELECT #1, #2 + 1 FROM T WHERE #1 > 0 ORDER BY #2');
  });

  it('leaves strings, session variables and $$ strings alone', () => {
    const sql = "SELECT '$1', $NAME, $$ $1 $$ FROM T";
    expect(positionalColumns(sql)).toBe(sql);
  });

  it('refuses a qualified position as unsupported', () => {
    expect(() => positionalColumns('SELECT T.$1 FROM T')).toThrow(SnowflakeQueryError);
    expect(() => positionalColumns('SELECT T.$1 FROM T')).toThrow(/Unsupported feature/);
  });
});
