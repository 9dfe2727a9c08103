import { describe, expect, it } from 'vitest';
import { SnowflakeQueryError } from '../engine/snowflake-errors';
import { GENERATOR_ROWS_PER_SECOND, generator } from './generator';

describe('generator', () => {
  it('turns ROWCOUNT into a range and SEQn() into the generator row', () => {
    const out = generator('SELECT SEQ4(), SEQ8() FROM TABLE(GENERATOR(ROWCOUNT => 10)) G');
    expect(out.holdMs).toBe(0);
    expect(out.sql).toBe(
      'SELECT ("__GENERATOR_ROW" % 4294967296), "__GENERATOR_ROW" FROM (SELECT RANGE AS "__GENERATOR_ROW" FROM RANGE(10)) G',
    );
  });

  it('holds for TIMELIMIT and stops at whichever limit comes first', () => {
    expect(generator('SELECT COUNT(*) FROM TABLE(GENERATOR(TIMELIMIT => 3))')).toEqual({
      sql: 'SELECT COUNT(*) FROM (SELECT RANGE AS "__GENERATOR_ROW" FROM RANGE(3000))',
      holdMs: 3000,
    });
    expect(generator('SELECT 1 FROM TABLE(GENERATOR(TIMELIMIT => 60, ROWCOUNT => 500))')).toEqual({
      sql: 'SELECT 1 FROM (SELECT RANGE AS "__GENERATOR_ROW" FROM RANGE(500))',
      holdMs: (500 / GENERATOR_ROWS_PER_SECOND) * 1000,
    });
  });

  it('numbers rows with ROW_NUMBER when there is no single generator, wrapping SEQ1/SEQ2 and signed forms', () => {
    expect(generator('SELECT SEQ1(), SEQ2(1) FROM T').sql).toBe(
      'SELECT ((ROW_NUMBER() OVER () - 1) % 256), (((ROW_NUMBER() OVER () - 1) + 32768) % 65536 - 32768) FROM T',
    );
  });

  it('rejects unknown or non-literal arguments', () => {
    for (const sql of [
      'SELECT 1 FROM TABLE(GENERATOR(ROWS => 5))',
      'SELECT 1 FROM TABLE(GENERATOR(ROWCOUNT => X))',
      'SELECT 1 FROM TABLE(GENERATOR())',
      'SELECT SEQ4(7)',
    ]) {
      expect(() => generator(sql), sql).toThrow(SnowflakeQueryError);
    }
  });
});
