import { describe, expect, it } from 'vitest';
import { sessionFunctions } from './session-functions';

const session = { database: 'GOOGLE_REVIEWS', schema: 'RAW', warehouse: 'WH', role: "O'NEIL", user: 'TSMITH' };

describe('sessionFunctions', () => {
  it("replaces the session's functions by its values", () => {
    expect(sessionFunctions('SELECT CURRENT_DATABASE(), current_schema ( ), CURRENT_WAREHOUSE(), CURRENT_ROLE(), CURRENT_USER()', session)).toBe(
      "SELECT 'GOOGLE_REVIEWS', 'RAW', 'WH', 'O''NEIL', 'TSMITH'",
    );
  });

  it('reads CURRENT_USER without parentheses, as the ANSI standard allows', () => {
    expect(sessionFunctions('SELECT current_user, CURRENT_USER AS who', session)).toBe("SELECT 'TSMITH', 'TSMITH' AS who");
  });

  it('leaves qualified names, columns, strings and quoted names alone', () => {
    const sql = `SELECT T.CURRENT_ROLE(), CURRENT_SCHEMA, 'CURRENT_DATABASE()', T.CURRENT_USER, "CURRENT_USER" FROM T`;
    expect(sessionFunctions(sql, session)).toBe(sql);
  });
});
