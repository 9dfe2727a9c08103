import { describe, expect, it } from 'vitest';
import { engineMessageAsSnowflake, snowflakeTypeName } from './engine-messages';
import { engineWordIn } from './engine-words';

const site = (statement: string, offset = 0) => {
  const before = statement.slice(0, offset).split('\n');
  return { line: before.length, position: before[before.length - 1].length, rest: statement.slice(offset), statement };
};

describe('engineMessageAsSnowflake', () => {
  it('names a function called with too many arguments, as Snowflake does', () => {
    const error = engineMessageAsSnowflake(
      'Binder',
      "No function matches the given name and argument types 'upper(INTEGER_LITERAL, INTEGER_LITERAL)'. You might need to add explicit type casts.\n\tCandidate functions:\n\tupper(VARCHAR) -> VARCHAR\n",
      true,
      site('SELECT UPPER(1, 2)', 7),
    );
    expect(error).toMatchObject({ code: '000939', message: expect.stringContaining('too many arguments for function [UPPER], expected 1, got 2') });
  });

  it('names argument types in Snowflake type names', () => {
    const error = engineMessageAsSnowflake(
      'Binder',
      'Could not choose a best candidate function for the function call "+(STRING_LITERAL, INTEGER_LITERAL)". In order to select one, please add explicit type casts.\n\tCandidate functions:\n\t+(DATE, INTEGER) -> DATE\n',
      true,
      site("SELECT 'abc' + 1", 13),
    );
    expect(error).toMatchObject({ code: '001044', message: expect.stringContaining("Invalid argument types for function '+': (VARCHAR, NUMBER)") });
  });

  it('never names a function a rewrite brought in', () => {
    const error = engineMessageAsSnowflake(
      'Binder',
      "No function matches the given name and argument types 'json_extract(INTEGER_LITERAL)'.\n\tCandidate functions:\n\tjson_extract(VARCHAR, VARCHAR) -> JSON\n",
      true,
      site('SELECT GET_PATH(1)', 7),
    );
    expect(engineWordIn(error.message)).toBeNull();
    expect(error.message).toContain('GET_PATH(1)');
  });

  it('answers what matches no rule as an unsupported feature, or an execution error, in its own words', () => {
    const compile = engineMessageAsSnowflake('Binder', 'Something DuckDB-specific happened in the binder', true, site('SELECT a <=> b FROM t', 9));
    expect(compile).toMatchObject({ code: '000002', message: "Unsupported feature '<=> b FROM t' in the local warehouse." });
    const run = engineMessageAsSnowflake('Invalid Input', 'list_value failed', false, site('SELECT f(x)', 7));
    expect(run.code).toBe('100000');
    expect(engineWordIn(run.message)).toBeNull();
  });

  it.each([
    ['Conversion', 'Could not convert string \'x\' to BOOL', '100037', "Boolean value 'x' is not recognized"],
    ['Conversion', 'invalid date field format: "abc", expected format is (YYYY-MM-DD)', '100040', "Date 'abc' is not recognized"],
    ['Constraint', 'NOT NULL constraint failed: N.M_ID', '100072', 'NULL result in a non-nullable column'],
    ['Binder', 'table M has 5 columns but 1 values were supplied', '002020', 'Insert value list does not match column list expecting 5 but got 1'],
    ['Catalog', 'Column with name A already exists!', '002025', "duplicate column name 'A'"],
    ['Out of Range', 'Overflow in multiplication of INT128 (1 * 10)!', '100046', 'Number out of representable range'],
  ])('maps %s "%s" to %s', (type, message, code, text) => {
    const error = engineMessageAsSnowflake(type, message, false, site('SELECT 1'));
    expect(error).toMatchObject({ code, message: expect.stringContaining(text) });
  });

  it('names DuckDB types as Snowflake types', () => {
    expect(['HUGEINT', 'DECIMAL(18,3)', 'DOUBLE', 'VARCHAR', 'TIMESTAMP WITH TIME ZONE', 'INTEGER[]', 'STRUCT(a INTEGER)', 'BLOB'].map(snowflakeTypeName)).toEqual([
      'NUMBER',
      'NUMBER',
      'FLOAT',
      'VARCHAR',
      'TIMESTAMP_LTZ',
      'ARRAY',
      'OBJECT',
      'BINARY',
    ]);
  });
});
