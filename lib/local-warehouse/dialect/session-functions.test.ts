import { describe, expect, it } from 'vitest';
import { sessionFunctions } from './session-functions';

const session = { database: 'GOOGLE_REVIEWS', schema: 'RAW', warehouse: 'WH', role: "O'NEIL" };

describe('sessionFunctions', () => {
  it("replaces the session's functions by its values", () => {
    expect(sessionFunctions('SELECT CURRENT_DATABASE(), current_schema ( ), CURRENT_WAREHOUSE(), CURRENT_ROLE()', session)).toBe(
      "SELECT 'GOOGLE_REVIEWS', 'RAW', 'WH', 'O''NEIL'",
    );
  });

  it('leaves qualified names, columns and strings alone', () => {
    const sql = "SELECT T.CURRENT_ROLE(), CURRENT_SCHEMA, 'CURRENT_DATABASE()' FROM T";
    expect(sessionFunctions(sql, session)).toBe(sql);
  });
});
