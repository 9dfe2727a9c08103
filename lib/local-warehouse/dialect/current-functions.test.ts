import { describe, expect, it } from 'vitest';
import { dropEmptyParentheses } from './current-functions';

describe('dropEmptyParentheses', () => {
  it('drops the empty parentheses of the current-time functions', () => {
    expect(dropEmptyParentheses('SELECT CURRENT_TIMESTAMP(), CURRENT_DATE ( ), NOW()')).toBe(
      'SELECT CURRENT_TIMESTAMP, CURRENT_DATE, NOW()',
    );
  });

  it('leaves other calls and strings alone', () => {
    const sql = "SELECT CURRENT_TIMESTAMP(3), 'CURRENT_DATE()'";
    expect(dropEmptyParentheses(sql)).toBe(sql);
  });
});
