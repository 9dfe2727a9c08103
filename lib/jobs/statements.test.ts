import { describe, expect, it } from 'vitest';
import { MAX_STATEMENTS_PER_BATCH } from '@/lib/domain/launch-input';
import { InputError } from '@/lib/errors/request-errors';
import { statementsOf } from './statements';

function refusal(sql: string): InputError {
  try {
    statementsOf(sql);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected the SQL to be refused');
}

describe('statementsOf', () => {
  it('splits a script into its statements', () => {
    expect(statementsOf("SELECT 1;\n-- note\nSELECT ';' AS semi;\n\n")).toEqual(['SELECT 1', "-- note\nSELECT ';' AS semi"]);
  });

  it('refuses a script of comments and semicolons, on the sql field', () => {
    const error = refusal('-- nothing here\n;;');
    expect(error.field).toBe('sql');
    expect(error.message).toMatch(/at least one SQL statement/);
  });

  it('refuses more statements than a launch holds, saying how many there are', () => {
    const sql = Array.from({ length: MAX_STATEMENTS_PER_BATCH + 1 }, (_, i) => `SELECT ${i}`).join(';\n');
    expect(refusal(sql).message).toContain(`this has ${MAX_STATEMENTS_PER_BATCH + 1}`);
  });

  it('names the statement, line and column of an unclosed string or comment', () => {
    expect(refusal("SELECT 1;\nSELECT 2;\n  SELECT 'oops").message).toBe(
      "Statement 3 has a string that is never closed (missing '), starting at line 3, column 10.",
    );
    expect(refusal('SELECT 1 /* open').message).toMatch(/comment that is never closed.*line 1, column 10/);
  });
});
