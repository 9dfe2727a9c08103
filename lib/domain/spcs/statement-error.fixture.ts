/** For tests: the SpcsStatementError that parsing `sql` throws. */
import { SpcsStatementError } from './sql-reader';

export function statementError(parse: (sql: string) => unknown, sql: string): SpcsStatementError {
  try {
    parse(sql);
  } catch (error) {
    if (error instanceof SpcsStatementError) return error;
    throw error;
  }
  throw new Error(`parsed without error: ${sql}`);
}
