/**
 * VARCHAR(n) columns hold at most n characters: Snowflake refuses a longer value on INSERT,
 * UPDATE and MERGE with `100074` "String '<value>' is too long and would be truncated"
 * (https://docs.snowflake.com/en/sql-reference/data-types-text). DuckDB ignores a VARCHAR's
 * length, so the column gets a CHECK constraint that raises Snowflake's error
 * (functions/raise.ts): DuckDB keeps the constraint in the table's definition across restarts,
 * renames and other columns' changes, and quotes the raised text in its constraint message,
 * where the error mapper finds it.
 */
import { raiseSql } from './functions/raise';
import { sqlString } from './tokens';

/** Snowflake's default VARCHAR length: a column this long or longer needs no check. */
export const DEFAULT_VARCHAR_LENGTH = 16_777_216;

/** The column constraint limiting `column` (an identifier as written) to `length` characters. */
export function lengthCheckSql(column: string, length: number): string {
  const message = `${sqlString("String '")} || ${column} || ${sqlString("' is too long and would be truncated")}`;
  return `CHECK (CASE WHEN length(${column}) > ${length} THEN ${raiseSql('100074', '22000', message)} ELSE TRUE END)`;
}
