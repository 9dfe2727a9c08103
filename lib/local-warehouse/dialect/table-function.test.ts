import { describe, expect, it } from 'vitest';
import { findTableFunctions } from './table-function';
import { significantTokens } from './tokens';

describe('findTableFunctions', () => {
  it('finds TABLE(name(args)) with qualifiers and ignores other names', () => {
    const tokens = significantTokens(
      'SELECT * FROM TABLE(db.INFORMATION_SCHEMA.QUERY_HISTORY(RESULT_LIMIT => 1)) JOIN TABLE(OTHER()) ON TRUE',
    );
    const [call, ...rest] = findTableFunctions(tokens, ['QUERY_HISTORY']);
    expect(rest).toEqual([]);
    expect(call).toMatchObject({ name: 'QUERY_HISTORY', qualifier: ['DB', 'INFORMATION_SCHEMA'] });
    expect(tokens[call.start].text).toBe('TABLE');
    expect(tokens[call.end].text).toBe(')');
    expect(tokens.slice(call.argsOpen + 1, call.argsClose).map((t) => t.text)).toEqual(['RESULT_LIMIT', '=>', '1']);
  });

  it('skips a call whose parentheses do not close', () => {
    expect(findTableFunctions(significantTokens('SELECT * FROM TABLE(GENERATOR(ROWCOUNT => 1)'), ['GENERATOR'])).toEqual([]);
  });
});
