/** For tests: the SqlStatementError that parsing `sql` throws, and a check that parsing throws nothing else. */
import { expect } from 'vitest';
import { SqlStatementError } from './sql-reader';

export function statementError(parse: (sql: string) => unknown, sql: string): SqlStatementError {
  try {
    parse(sql);
  } catch (error) {
    if (error instanceof SqlStatementError) return error;
    throw error;
  }
  throw new Error(`parsed without error: ${sql}`);
}

/** For property tests: `parse` returns, or refuses with a SqlStatementError in Snowflake's shape; never anything else. */
export function parsesOrRefuses(parse: () => unknown): void {
  try {
    parse();
  } catch (error) {
    if (!(error instanceof SqlStatementError)) throw error;
    expect(error.message).toMatch(/^SQL compilation error:\n/);
    expect(error.line).toBeGreaterThanOrEqual(1);
  }
}
