/** For tests: the SqlStatementError that parsing `sql` throws. */
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
