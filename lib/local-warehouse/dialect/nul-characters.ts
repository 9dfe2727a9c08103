/**
 * DuckDB reads a statement as a C string: a NUL character (U+0000) would end it there, and the
 * error that followed would point at whatever was cut off. Such text is refused first, naming
 * where the NUL is; CHR(0) (or a bind value) makes one where a value needs it.
 */
import { linePosition, SnowflakeQueryError, snowflakeErrors } from '../engine/snowflake-errors';

export function refuseNulCharacters(sql: string): void {
  const at = sql.indexOf('\0');
  if (at === -1) return;
  const { line, position } = linePosition(sql, at);
  const error = snowflakeErrors.syntax(line, position, 'NUL (U+0000)');
  throw new SnowflakeQueryError({ ...error, message: `${error.message}\nSQL text cannot hold NUL characters; write CHR(0) where a value needs one.` });
}
