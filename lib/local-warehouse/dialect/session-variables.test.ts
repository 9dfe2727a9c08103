import { describe, expect, it } from 'vitest';
import type { SessionVariable } from '../engine/types';
import { bindIdentifiers, bindVariables, variableLiteral } from './session-variables';

const at = { createdAt: 0, updatedAt: 0 };
const VARIABLES: Record<string, SessionVariable> = {
  N: { type: 'fixed', value: '10', ...at },
  NEG: { type: 'fixed', value: '-5', ...at },
  S: { type: 'text', value: "it's", ...at },
  T: { type: 'text', value: 'db.sch."My Table"', ...at },
  BAD: { type: 'text', value: 't; DROP TABLE x', ...at },
  NUM: { type: 'fixed', value: '1', ...at },
};

describe('bindVariables', () => {
  it('writes each $name in as its value, ignoring case, and leaves $1 and strings alone', () => {
    expect(bindVariables("SELECT $n, $S, '$n', $1, 1-$neg FROM t", VARIABLES)).toBe("SELECT 10, 'it''s', '$n', $1, 1-(-5) FROM t");
  });

  it('answers Snowflake\'s 002211 for a variable the session has not set, at its position', () => {
    expect(() => bindVariables('SELECT 1,\n  $nope', VARIABLES)).toThrow("SQL compilation error: error line 2 at position 2\nSession variable '$NOPE' does not exist");
  });
});

describe('variableLiteral', () => {
  it('writes values as literals of their type, and NULL as a typed NULL', () => {
    expect(variableLiteral({ type: 'real', value: '1.5' })).toBe("CAST('1.5' AS DOUBLE)");
    expect(variableLiteral({ type: 'boolean', value: 'true' })).toBe('TRUE');
    expect(variableLiteral({ type: 'date', value: '2024-01-02' })).toBe("DATE '2024-01-02'");
    expect(variableLiteral({ type: 'timestamp_ltz', value: '2024-01-02 03:04:05+00' })).toBe("TIMESTAMPTZ '2024-01-02 03:04:05+00'");
    expect(variableLiteral({ type: 'binary', value: '41' })).toBe("'41'::BINARY");
    expect(variableLiteral({ type: 'variant', value: '{"a":1}' })).toBe('CAST(\'{"a":1}\' AS JSON)');
    expect(variableLiteral({ type: 'text', value: 'a\\b' })).toBe("('a' || chr(92) || 'b')");
    expect(variableLiteral({ type: 'fixed', value: null })).toBe('CAST(NULL AS NUMBER)');
  });
});

describe('bindIdentifiers', () => {
  it('writes IDENTIFIER($name) and TABLE($name) in FROM in as the name the string spells', () => {
    expect(bindIdentifiers('INSERT INTO IDENTIFIER($t) SELECT * FROM TABLE($T) JOIN u ON TRUE', VARIABLES)).toBe(
      'INSERT INTO db.sch."My Table" SELECT * FROM db.sch."My Table" JOIN u ON TRUE',
    );
    // A string's IDENTIFIER('x') is identifier-function.ts' to read.
    expect(bindIdentifiers("SELECT * FROM IDENTIFIER('x') WHERE a = $n", VARIABLES)).toBe("SELECT * FROM IDENTIFIER('x') WHERE a = $n");
  });

  it('refuses a variable that spells no name, so it can never become other SQL', () => {
    expect(() => bindIdentifiers('SELECT * FROM IDENTIFIER($bad)', VARIABLES)).toThrow("invalid identifier 't; DROP TABLE x'");
    expect(() => bindIdentifiers('SELECT * FROM IDENTIFIER($num)', VARIABLES)).toThrow("invalid identifier '1'");
    expect(() => bindIdentifiers('SELECT * FROM IDENTIFIER($missing)', VARIABLES)).toThrow("Session variable '$MISSING' does not exist");
  });
});
