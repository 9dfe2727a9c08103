import { describe, expect, it } from 'vitest';
import { flattenCalls } from './flatten';

describe('flattenCalls', () => {
  it('makes TABLE(FLATTEN(…)) the table macro itself, with the constants read', () => {
    expect(flattenCalls("SELECT * FROM TABLE(SF_FLATTEN(INPUT => PARSE_JSON('[1]'), PATH => 'b[0].c', OUTER => TRUE)) F")).toBe(
      "SELECT * FROM SF_FLATTEN_ROWS(PARSE_JSON('[1]'), '/b/0/c', 'b[0].c', true, false, 'BOTH', true) F",
    );
  });

  it('keeps LATERAL, takes positional arguments and marks a correlated input', () => {
    expect(flattenCalls("SELECT F.VALUE FROM T, LATERAL SF_FLATTEN(T.V, 'a', FALSE, TRUE, 'object') F")).toBe(
      "SELECT F.VALUE FROM T, LATERAL SF_FLATTEN_ROWS(T.V, '/a', 'a', false, true, 'OBJECT', false) F",
    );
    expect(flattenCalls("SELECT 1 FROM T, LATERAL SF_FLATTEN(input => SF_GET_PATH(T.SRC, '/customer'))")).toBe(
      "SELECT 1 FROM T, LATERAL SF_FLATTEN_ROWS(SF_GET_PATH(T.SRC, '/customer'), '', '', false, false, 'BOTH', false)",
    );
  });

  it('refuses what Snowflake refuses: no INPUT, a PATH or MODE that is not a constant, unknown arguments', () => {
    expect(() => flattenCalls('SELECT * FROM TABLE(SF_FLATTEN(PATH => \'a\'))')).toThrow('FLATTEN: the INPUT argument is required.');
    expect(() => flattenCalls('SELECT * FROM T, LATERAL SF_FLATTEN(INPUT => T.V, PATH => T.P)')).toThrow('FLATTEN: PATH must be a constant.');
    expect(() => flattenCalls("SELECT * FROM T, LATERAL SF_FLATTEN(INPUT => T.V, MODE => 'ALL')")).toThrow("MODE must be 'OBJECT', 'ARRAY' or 'BOTH'");
    expect(() => flattenCalls('SELECT * FROM T, LATERAL SF_FLATTEN(INPUT => T.V, DEPTH => 2)')).toThrow('FLATTEN: unknown argument DEPTH.');
    expect(() => flattenCalls("SELECT * FROM T, LATERAL SF_FLATTEN(INPUT => T.V, PATH => 'a[x]')")).toThrow("FLATTEN: Invalid path 'a[x]'");
  });
});
