import { describe, expect, it } from 'vitest';
import { SnowflakeQueryError } from '../engine/snowflake-errors';
import { bindExpression, bindPlaceholders, bindStatement, type Names } from './bind-values';
import type { ScriptValue } from './host';
import type { RecordBinding } from './variables';

const at = { line: 3, column: 5 };

const variables: Record<string, ScriptValue | RecordBinding> = {
  X: { value: 7, type: 'NUMBER(38,0)' },
  NEG: { value: -5, type: 'NUMBER(38,0)' },
  S: { value: "a'b\\c", type: 'VARCHAR' },
  AMOUNT: { value: 1.5, type: 'NUMBER(12,2)' },
  DOC: { value: { k: [1, 'two'] }, type: 'OBJECT' },
  ROW: { kind: 'record', columns: ['PRICE', 'lower'], row: [{ value: 9.99, type: 'FLOAT' }, { value: true, type: 'BOOLEAN' }] },
};

const names: Names = {
  value: (name) => variables[name] ?? null,
  resultsetStatus: (name) => (name === 'RES' ? 'RUNNING' : null),
};

function errorOf(run: () => unknown): SnowflakeQueryError {
  try {
    run();
  } catch (error) {
    if (error instanceof SnowflakeQueryError) return error;
    throw error;
  }
  throw new Error('expected a SnowflakeQueryError');
}

describe('bindExpression', () => {
  it('replaces bare and colon variables, leaving functions, columns, qualified names, strings and comments', () => {
    expect(bindExpression("x + :x + abs(x) + t.x + y + 'x' -- x", at, names)).toBe("7 + 7 + abs(7) + t.x + y + 'x' -- x");
  });

  it('parenthesises negatives and quotes text so that no value becomes SQL', () => {
    expect(bindExpression('1-neg', at, names)).toBe('1-(-5)');
    expect(bindExpression('s', at, names)).toBe("('a''b' || CHR(92) || 'c')");
  });

  it('writes typed literals for fixed-point and semi-structured values', () => {
    expect(bindExpression('amount', at, names)).toBe("CAST('1.5' AS NUMBER(12,2))");
    expect(bindExpression('doc', at, names)).toBe(`(PARSE_JSON('{"k":[1,"two"]}')::OBJECT)`);
  });

  it('reads record fields by resolved name, and names a missing field as Snowflake does', () => {
    expect(bindExpression('row.price * 2 AND row."lower"', at, names)).toBe("CAST('9.99' AS FLOAT) * 2 AND TRUE");
    const error = errorOf(() => bindExpression('1 +\n  row.lower', at, names));
    expect(error.snowflake.code).toBe('000904');
    expect(error.snowflake.message).toContain("error line 4 at position 6\ninvalid identifier 'ROW.LOWER'");
  });

  it('answers SYSTEM$GET_RESULTSET_STATUS of a RESULTSET', () => {
    expect(bindExpression('SYSTEM$GET_RESULTSET_STATUS(res)', at, names)).toBe("'RUNNING'");
  });
});

describe('bindStatement', () => {
  it('binds only colon variables: bare words are columns', () => {
    expect(bindStatement('INSERT INTO t (x) SELECT x + :x, :row.price FROM u', at, names)).toBe(
      "INSERT INTO t (x) SELECT x + 7, CAST('9.99' AS FLOAT) FROM u",
    );
  });

  it('leaves positional binds, casts and JSON paths alone', () => {
    expect(bindStatement('SELECT :1, v:x, x::int, a[1:2] FROM t', at, names)).toBe('SELECT :1, v:x, x::int, a[1:2] FROM t');
  });

  it('refuses a colon bind that names no variable, where it is in the block', () => {
    const error = errorOf(() => bindStatement('SELECT 1,\n  :missing', at, names));
    expect(error.snowflake.code).toBe('002049');
    expect(error.snowflake.message).toContain('error line 4 at position 2\nBind variable :missing not set.');
  });
});

describe('bindPlaceholders', () => {
  it('puts the USING values into the ? placeholders in order', () => {
    const values: ScriptValue[] = [{ value: 1, type: 'NUMBER(38,0)' }, { value: 'x', type: 'VARCHAR' }];
    expect(bindPlaceholders("SELECT * FROM t WHERE a > ? AND b = ? AND c = '?'", at, values)).toBe(
      "SELECT * FROM t WHERE a > 1 AND b = 'x' AND c = '?'",
    );
  });

  it('refuses a placeholder without a value', () => {
    expect(errorOf(() => bindPlaceholders('SELECT ?, ?', at, [{ value: 1, type: 'NUMBER(38,0)' }])).snowflake.code).toBe('002049');
  });
});
